// Command fakeduo runs the fake Duo Admin API for demos, manual testing and
// scripted benchmarks. It writes the CA certificate and a shell-sourceable
// env file into -state-dir, prints one line naming the address, and serves
// until SIGINT or SIGTERM; then, given -stats-file, it writes what it
// counted there as JSON.
package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"syscall"

	"github.com/idaudit/terraform-provider-duo/internal/fakeduo"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := run(ctx, os.Args[1:], os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "fakeduo:", err)
		os.Exit(1)
	}
}

// run serves as the command line args ask until ctx ends.
func run(ctx context.Context, args []string, stdout io.Writer) error {
	flags := flag.NewFlagSet("fakeduo", flag.ContinueOnError)
	listen := flags.String("listen", "127.0.0.1:0", "listen address")
	userCount := flags.Int("users", 0, "number of generated users, served with a generated account; 0 serves the hand-written sample users and account")
	accountSize := flags.Int("account-size", 30, "with -users: how many admins, administrative units, integrations, bypass codes, endpoints, desktop authenticators, and phones and tokens nobody holds the generated account has")
	logEvents := flags.Int("log-events", 0, "with -users: how many events of each log (authentication, administrator, telephony, Trust Monitor, activity, offline enrollment) over the last six days; 0 makes as many as -account-size")
	latency := flags.Duration("latency", 0, "delay added to every answer")
	maxInFlight := flags.Int("max-in-flight", 0, "answer HTTP 429 to a request that arrives while this many are being answered, as Duo's rate limit does; 0 for no limit")
	stateDir := flags.String("state-dir", "", "directory for ca.pem and env (required)")
	statsFile := flags.String("stats-file", "", `on SIGINT or SIGTERM, write {"list_requests": {path: successful list answers}, "requests": authenticated requests, "rate_limited": those answered 429} to this file`)
	if err := flags.Parse(args); err != nil {
		return err
	}
	if *stateDir == "" {
		flags.Usage()
		return fmt.Errorf("-state-dir is required")
	}
	if *userCount < 0 || *accountSize < 0 || *logEvents < 0 || *maxInFlight < 0 {
		return fmt.Errorf("-users, -account-size, -log-events and -max-in-flight must not be negative")
	}

	users, account := fakeduo.SampleUsers(), fakeduo.SampleAccount()
	if *userCount > 0 {
		users = fakeduo.GeneratedUsers(*userCount)
		account = fakeduo.GeneratedAccount(users, *accountSize)
		if *logEvents > 0 {
			account.Logs = fakeduo.GeneratedLogs(users, &account, *logEvents)
		}
	}

	dir, err := filepath.Abs(*stateDir)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}

	server, err := fakeduo.Start(fakeduo.Options{Users: users, Account: &account, Latency: *latency, Addr: *listen, MaxInFlight: *maxInFlight})
	if err != nil {
		return err
	}
	err = announce(server, dir, stdout, len(users), &account)
	if err == nil {
		<-ctx.Done()
	}
	// Closed first, so that no request is counted after the stats are written.
	server.Close()
	if err == nil && *statsFile != "" {
		err = writeStats(*statsFile, server)
	}
	return err
}

// announce writes ca.pem and env into dir and prints where the fake serves.
func announce(server *fakeduo.Server, dir string, stdout io.Writer, users int, account *fakeduo.Account) error {
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
	_, err := fmt.Fprintf(stdout, "fakeduo: serving %d users, %d admins, %d integrations, %d bypass codes on https://%s\n",
		users, len(account.Admins), len(account.Integrations), len(account.BypassCodes), server.Host())
	return err
}

// stats is what -stats-file receives.
type stats struct {
	ListRequests map[string]int64 `json:"list_requests"`
	Requests     int              `json:"requests"`
	RateLimited  int              `json:"rate_limited"`
}

// writeStats writes the server's counters to path, through a temporary
// file so that a reader never sees half of them.
func writeStats(path string, server *fakeduo.Server) error {
	counted := server.Stats()
	b, err := json.Marshal(stats{ListRequests: server.ListRequestCounts(), Requests: counted.Requests, RateLimited: counted.RateLimited})
	if err != nil {
		return err
	}
	tmp := path + ".tmp"
	if err := os.WriteFile(tmp, append(b, '\n'), 0o644); err != nil {
		return err
	}
	return os.Rename(tmp, path)
}

// shellQuote single-quotes s for POSIX shells.
func shellQuote(s string) string {
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}
