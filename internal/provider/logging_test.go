package provider

import (
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"

	"github.com/idaudit/terraform-provider-duo/internal/fakeduo"
)

// TestAccLogging_secretsNeverLogged reads users with trace logging on and
// checks the provider's and the CLI's log for the credentials.
func TestAccLogging_secretsNeverLogged(t *testing.T) {
	// Connection resets make failed attempts, whose errors are logged too.
	env := newSerialAccEnv(t, fakeduo.Options{Faults: &fakeduo.Faults{ResetEvery: 2}})
	env.requireFake(t)
	log := traceLog(t, env, `data "duo_users" "all" {}`)

	// The log must hold a line for every request the fake received, or
	// this test could pass by capturing nothing.
	requestLine := regexp.MustCompile(`Duo Admin API request:.*`)
	lines := requestLine.FindAllString(log, -1)
	stats := env.fake.Stats()
	if len(lines) != stats.Requests || stats.Resets == 0 {
		t.Fatalf("the log holds %d request lines; the fake received %d requests, %d of them reset:\n%s", len(lines), stats.Requests, stats.Resets, strings.Join(lines, "\n"))
	}
	answered := regexp.MustCompile(`\bpath=/admin/v1/users\b.*\bstatus=200\b|\bstatus=200\b.*\bpath=/admin/v1/users\b`)
	var answeredLines int
	for _, line := range lines {
		if answered.MatchString(line) {
			answeredLines++
		}
	}
	if answeredLines != int(env.fake.Requests()) {
		t.Errorf("the log holds %d request lines with path=/admin/v1/users and status=200; the fake answered %d:\n%s", answeredLines, env.fake.Requests(), strings.Join(lines, "\n"))
	}

	authorization := env.fake.LastAuthorization()
	_, signature, ok := (&http.Request{Header: http.Header{"Authorization": {authorization}}}).BasicAuth()
	if !ok || signature == "" {
		t.Fatalf("the fake saw the Authorization %q, which holds no signature", authorization)
	}
	for what, secret := range map[string]string{
		"the secret key":                    env.skey,
		"the signature of the last request": signature,
		"the last Authorization header":     strings.TrimPrefix(authorization, "Basic "),
	} {
		if line := lineHolding(log, secret); line != "" {
			t.Errorf("the log holds %s, here shown as <secret>:\n%s", what, strings.ReplaceAll(line, secret, "<secret>"))
		}
	}
}

// traceLog plans and applies config against env with trace logging on, and
// returns the log.
func traceLog(t *testing.T, env *accEnv, config string) string {
	t.Helper()
	logFile := traceLogging(t, env)
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		Steps:                    []resource.TestStep{{Config: config}},
	})
	return readLog(t, logFile)
}

// traceLogging turns trace logging on for the rest of the test, the
// provider's and the CLI's, and returns the file both log to. The provider
// under test runs in-process: terraform-plugin-go gives it a test log sink,
// which tfsdklog configures from TF_ACC_LOG_PATH when the provider server
// starts; terraform-plugin-testing gives the same file to the CLI. The
// default provider's credentials come from the environment, because
// terraform-plugin-testing logs each step's configuration to the file.
func traceLogging(t *testing.T, env *accEnv) string {
	t.Helper()
	logFile := filepath.Join(t.TempDir(), "trace.log")
	t.Setenv("TF_ACC_LOG_PATH", logFile)
	t.Setenv("TF_ACC_LOG", "TRACE")
	for _, name := range []string{"TF_LOG", "TF_LOG_PATH", "TF_LOG_PATH_MASK", "TF_LOG_CORE", "TF_LOG_PROVIDER"} {
		// Each would send the log elsewhere or change its level.
		t.Setenv(name, "")
	}
	clearDuoEnv(t)
	t.Setenv("DUO_INTEGRATION_KEY", env.ikey)
	t.Setenv("DUO_SECRET_KEY", env.skey)
	t.Setenv("DUO_API_HOST", env.host)
	t.Setenv("DUO_CA_CERT_FILE", env.caFile)
	return logFile
}

func readLog(t *testing.T, logFile string) string {
	t.Helper()
	data, err := os.ReadFile(logFile)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// lineHolding returns the first line of log that holds secret, or "".
func lineHolding(log, secret string) string {
	for line := range strings.Lines(log) {
		if strings.Contains(line, secret) {
			return line
		}
	}
	return ""
}

// TestAccLogging_batchedLookups reads users one duo_user each with trace
// logging on: each request is logged once, with the number of its batch,
// and each read logs once which batch answered it.
func TestAccLogging_batchedLookups(t *testing.T) {
	env := newSerialAccEnv(t, fakeduo.Options{Users: fakeduo.GeneratedUsers(100)})
	env.requireFake(t)
	log := traceLog(t, env, `
data "duo_user" "member" {
  count    = 30
  username = format("user%05d", count.index + 1)
}`)
	field := func(line, name string) string {
		match := regexp.MustCompile(`\b` + name + `=(\S+)`).FindStringSubmatch(line)
		if match == nil {
			return ""
		}
		return match[1]
	}
	reads := map[string]int{} // lookup lines by tf_req_id
	requests := 0
	for line := range strings.Lines(log) {
		switch {
		case strings.Contains(line, "Received request") && field(line, "tf_rpc") == "ReadDataSource" && field(line, "tf_data_source_type") == "duo_user":
			reads[field(line, "tf_req_id")] += 0
		case strings.Contains(line, "Duo lookup answered by a batch"):
			reads[field(line, "tf_req_id")]++
			if field(line, "duo_lookup_batch") == "" || field(line, "found") != "true" {
				t.Errorf("a lookup line names no batch, or a user not found: %s", line)
			}
		case strings.Contains(line, "Duo Admin API request:"):
			requests++
			if field(line, "duo_lookup_batch") == "" {
				t.Errorf("a request line names no batch: %s", line)
			}
		}
	}
	if len(reads) < 30 {
		t.Fatalf("the log shows %d reads of duo_user, want at least the 30 of one command", len(reads))
	}
	for id, lines := range reads {
		if lines != 1 {
			t.Errorf("the read %s logged %d lookup lines, want 1", id, lines)
		}
	}
	// How many reads share a request depends on the machine's load: the
	// benchmark measures it. A read never costs more than one.
	if stats := env.fake.Stats(); requests != stats.Requests || requests > len(reads) {
		t.Errorf("the log holds %d request lines for %d reads; the fake received %d requests; want one line each, at most one a read", requests, len(reads), stats.Requests)
	}
}
