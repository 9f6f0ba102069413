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
	"time"

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
	userCount := flags.Int("users", 0, "number of generated users, served with a generated account; 0 serves the hand-written sample users and account (with -children: each child's users, default 20)")
	accountSize := flags.Int("account-size", 30, "with -users or -children: how many admins, administrative units, integrations, bypass codes, endpoints, desktop authenticators, and phones and tokens nobody holds the generated account has")
	logEvents := flags.Int("log-events", 0, "with -users: how many events of each log (authentication, administrator, telephony, Trust Monitor, activity, offline enrollment) over the last six days; 0 makes as many as -account-size")
	hardened := flags.Bool("hardened", false, "serve the account as fakeduo.Harden leaves it, where every finding of modules/security-checkup passes; the env file then holds the key of its read-only Admin API application "+fakeduo.HardenedCheckupKey+", with which the checkup's own finding about its key passes too")
	weakEvery := flags.Int("weak-every", 0, "with -hardened and -users: every this many generated users, one keeps the weaknesses GeneratedUsers gives it, so that a checkup finds some (a prime number mixes their statuses); 0 for none")
	latency := flags.Duration("latency", 0, "delay added to every answer")
	maxInFlight := flags.Int("max-in-flight", 0, "answer HTTP 429 to a request that arrives while this many are being answered, as Duo's rate limit does; 0 for no limit (with -children: each child's own limit)")
	children := flags.Int("children", 0, "serve an MSP parent account (the sample account, on -listen) whose Accounts API lists this many generated child accounts, each on a loopback port of its own; the env file then holds the parent's Accounts API key, and the file children in -state-dir each child's account ID and name, a line each")
	crossDeployment := flags.Bool("cross-deployment-child", false, "with -children: list one more child, of another Duo deployment, which Duo refuses to read through the Accounts API")
	stateDir := flags.String("state-dir", "", "directory for ca.pem and env (required)")
	statsFile := flags.String("stats-file", "", `on SIGINT or SIGTERM, write {"list_requests": {path: successful list answers}, "requests": authenticated requests, "rate_limited": those answered 429} to this file; with -children, the parent's, and each child's under "children"`)
	if err := flags.Parse(args); err != nil {
		return err
	}
	if *stateDir == "" {
		flags.Usage()
		return fmt.Errorf("-state-dir is required")
	}
	if *userCount < 0 || *accountSize < 0 || *logEvents < 0 || *maxInFlight < 0 || *children < 0 || *weakEvery < 0 {
		return fmt.Errorf("-users, -account-size, -log-events, -max-in-flight, -children and -weak-every must not be negative")
	}
	if *hardened && *children > 0 {
		return fmt.Errorf("-hardened serves one account, not the children of -children")
	}
	if *weakEvery > 0 && (!*hardened || *userCount == 0) {
		return fmt.Errorf("-weak-every needs -hardened and -users")
	}
	dir, err := filepath.Abs(*stateDir)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}

	var served fake
	if *children > 0 {
		served, err = startMSP(fakeduo.MSPOptions{
			Children: *children, UsersPerChild: *userCount, AccountSize: *accountSize, CrossDeploymentChild: *crossDeployment,
			Latency: *latency, MaxInFlight: *maxInFlight, Parent: fakeduo.Options{Addr: *listen},
		})
	} else {
		served, err = startAccount(accountFlags{users: *userCount, size: *accountSize, logEvents: *logEvents, hardened: *hardened, weakEvery: *weakEvery},
			fakeduo.Options{Latency: *latency, Addr: *listen, MaxInFlight: *maxInFlight})
	}
	if err != nil {
		return err
	}
	err = announce(served, dir, stdout)
	if err == nil {
		<-ctx.Done()
	}
	// Closed first, so that no request is counted after the stats are written.
	served.close()
	if err == nil && *statsFile != "" {
		err = writeJSONFile(*statsFile, served.stats())
	}
	return err
}

// fake is what the command serves: one account, or an MSP.
type fake interface {
	// credentials are the env file's: the host, keys and CA certificates
	// a client reads the fake with.
	credentials() (host, ikey, skey string, caPEM []byte)
	// children are the lines of the children file, none for one account.
	children() []string
	describe() string
	stats() any
	close()
}

// account is one fake account.
type account struct {
	server  *fakeduo.Server
	users   int
	account *fakeduo.Account
	// ikey and skey are the env file's key: the fake's own, or the
	// hardened account's read-only checkup key.
	ikey, skey string
}

// accountFlags are the flags that shape one account.
type accountFlags struct {
	users, size, logEvents int
	hardened               bool
	weakEvery              int
}

func startAccount(flags accountFlags, opts fakeduo.Options) (*account, error) {
	users, generated := fakeduo.SampleUsers(), fakeduo.SampleAccount()
	if flags.users > 0 {
		users = fakeduo.GeneratedUsers(flags.users)
		generated = fakeduo.GeneratedAccount(users, flags.size)
		if flags.logEvents > 0 {
			generated.Logs = fakeduo.GeneratedLogs(users, &generated, flags.logEvents)
		}
	}
	if flags.hardened {
		weak := users
		users, generated = fakeduo.Harden(users, generated, time.Now())
		for i := 0; flags.weakEvery > 0 && i < len(users); i += flags.weakEvery {
			users[i] = weak[i]
		}
	}
	opts.Users, opts.Account = users, &generated
	server, err := fakeduo.Start(opts)
	if err != nil {
		return nil, err
	}
	served := &account{server: server, users: len(users), account: &generated, ikey: server.IntegrationKey(), skey: server.SecretKey()}
	if flags.hardened {
		served.ikey, served.skey = fakeduo.HardenedCheckupKey, fakeduo.HardenedCheckupSecretKey
	}
	return served, nil
}

func (a *account) credentials() (string, string, string, []byte) {
	return a.server.Host(), a.ikey, a.skey, a.server.CACertPEM()
}

func (a *account) children() []string { return nil }

func (a *account) describe() string {
	return fmt.Sprintf("serving %d users, %d admins, %d integrations, %d bypass codes on https://%s",
		a.users, len(a.account.Admins), len(a.account.Integrations), len(a.account.BypassCodes), a.server.Host())
}

func (a *account) stats() any { return statsOf(a.server) }

func (a *account) close() { a.server.Close() }

// msp is a fake MSP parent and its children.
type msp struct{ *fakeduo.MSP }

func startMSP(opts fakeduo.MSPOptions) (*msp, error) {
	started, err := fakeduo.StartMSP(opts)
	if err != nil {
		return nil, err
	}
	return &msp{started}, nil
}

func (m *msp) credentials() (string, string, string, []byte) {
	return m.Parent.Host(), m.AccountsIntegrationKey, m.AccountsSecretKey, m.CACertPEM()
}

func (m *msp) children() []string {
	lines := make([]string, len(m.Children))
	for i, child := range m.Children {
		lines[i] = child.AccountID + "\t" + child.Name
	}
	return lines
}

func (m *msp) describe() string {
	return fmt.Sprintf("serving an MSP parent account with %d child accounts, its Accounts API on https://%s", len(m.Children), m.Parent.Host())
}

// childStats are one child's counters, in the stats file.
type childStats struct {
	AccountID string `json:"account_id"`
	Name      string `json:"name"`
	stats
}

func (m *msp) stats() any {
	all := struct {
		stats
		Children []childStats `json:"children"`
	}{stats: statsOf(m.Parent)}
	for _, child := range m.Children {
		all.Children = append(all.Children, childStats{AccountID: child.AccountID, Name: child.Name, stats: statsOf(child.Server)})
	}
	return all
}

func (m *msp) close() { m.Close() }

// announce writes ca.pem and env into dir and prints where the fake serves.
func announce(served fake, dir string, stdout io.Writer) error {
	host, ikey, skey, caPEM := served.credentials()
	caPath := filepath.Join(dir, "ca.pem")
	if err := os.WriteFile(caPath, caPEM, 0o644); err != nil {
		return err
	}
	env := strings.Join([]string{
		"export DUO_API_HOST=" + shellQuote(host),
		"export DUO_INTEGRATION_KEY=" + shellQuote(ikey),
		"export DUO_SECRET_KEY=" + shellQuote(skey),
		"export DUO_CA_CERT_FILE=" + shellQuote(caPath),
		"",
	}, "\n")
	if children := served.children(); children != nil {
		if err := os.WriteFile(filepath.Join(dir, "children"), []byte(strings.Join(children, "\n")+"\n"), 0o644); err != nil {
			return err
		}
	}
	// The env file holds the secret key, so keep it private to the user;
	// it is written last, since a reader waits for it.
	if err := os.WriteFile(filepath.Join(dir, "env"), []byte(env), 0o600); err != nil {
		return err
	}
	_, err := fmt.Fprintln(stdout, "fakeduo: "+served.describe())
	return err
}

// stats is what -stats-file receives of one fake.
type stats struct {
	ListRequests map[string]int64 `json:"list_requests"`
	Requests     int              `json:"requests"`
	RateLimited  int              `json:"rate_limited"`
}

func statsOf(server *fakeduo.Server) stats {
	counted := server.Stats()
	return stats{ListRequests: server.ListRequestCounts(), Requests: counted.Requests, RateLimited: counted.RateLimited}
}

// writeJSONFile writes v to path as JSON, through a temporary file so that
// a reader never sees half of it.
func writeJSONFile(path string, v any) error {
	b, err := json.Marshal(v)
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
