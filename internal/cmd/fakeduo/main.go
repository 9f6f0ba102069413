// Command fakeduo runs the fake Duo Admin API for demos and manual testing.
// It writes the CA certificate and a shell-sourceable env file into
// -state-dir, prints one line naming the address, and serves until SIGINT or
// SIGTERM.
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"syscall"

	"github.com/idaudit/terraform-provider-duo/internal/fakeduo"
)

func main() {
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, "fakeduo:", err)
		os.Exit(1)
	}
}

func run() error {
	listen := flag.String("listen", "127.0.0.1:0", "listen address")
	userCount := flag.Int("users", 0, "number of generated users; 0 serves the hand-written sample users")
	latency := flag.Duration("latency", 0, "delay added to every answer")
	stateDir := flag.String("state-dir", "", "directory for ca.pem and env (required)")
	flag.Parse()
	if *stateDir == "" {
		flag.Usage()
		return fmt.Errorf("-state-dir is required")
	}
	if *userCount < 0 {
		return fmt.Errorf("-users must not be negative")
	}

	users := fakeduo.SampleUsers()
	if *userCount > 0 {
		users = fakeduo.GeneratedUsers(*userCount)
	}

	dir, err := filepath.Abs(*stateDir)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}

	server, err := fakeduo.Start(fakeduo.Options{Users: users, Latency: *latency, Addr: *listen})
	if err != nil {
		return err
	}
	defer server.Close()

	caPath := filepath.Join(dir, "ca.pem")
	if err := server.WriteCACert(caPath); err != nil {
		return err
	}
	env := strings.Join([]string{
		"export DUO_API_HOST=" + shellQuote(server.Host()),
		"export DUO_INTEGRATION_KEY=" + shellQuote(server.IntegrationKey()),
		"export DUO_SECRET_KEY=" + shellQuote(server.SecretKey()),
		"export DUO_CA_CERT_FILE=" + shellQuote(caPath),
		"",
	}, "\n")
	// The env file holds the secret key, so keep it private to the user.
	if err := os.WriteFile(filepath.Join(dir, "env"), []byte(env), 0o600); err != nil {
		return err
	}

	fmt.Printf("fakeduo: serving %d users on https://%s\n", len(users), server.Host())

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	<-ctx.Done()
	return nil
}

// shellQuote single-quotes s for POSIX shells.
func shellQuote(s string) string {
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}
