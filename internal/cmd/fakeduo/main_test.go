package main

import (
	"context"
	"crypto/x509"
	"encoding/json"
	"io"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	duoapi "github.com/duosecurity/duo_api_golang"

	"github.com/idaudit/terraform-provider-duo/internal/fakeduo"
)

// started runs the command with args until the test ends, and returns a
// client of the fake it serves, its state directory, and a function that
// stops it and returns run's error.
func started(t *testing.T, args ...string) (*duoapi.DuoApi, string, func() error) {
	t.Helper()
	dir := t.TempDir()
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- run(ctx, append(args, "-state-dir", dir), io.Discard) }()
	stop := sync.OnceValue(func() error {
		cancel()
		return <-done
	})
	t.Cleanup(func() { _ = stop() })

	env := map[string]string{}
	for deadline := time.Now().Add(10 * time.Second); len(env) == 0; time.Sleep(20 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatal("the env file never appeared")
		}
		b, err := os.ReadFile(filepath.Join(dir, "env"))
		if err != nil {
			continue
		}
		for _, line := range strings.Split(strings.TrimSpace(string(b)), "\n") {
			name, value, _ := strings.Cut(strings.TrimPrefix(line, "export "), "=")
			env[name] = strings.Trim(value, "'")
		}
	}
	ca, err := os.ReadFile(env["DUO_CA_CERT_FILE"])
	if err != nil {
		t.Fatal(err)
	}
	client := duoapi.NewDuoApi(env["DUO_INTEGRATION_KEY"], env["DUO_SECRET_KEY"], env["DUO_API_HOST"], "fakeduo-cmd-test",
		duoapi.SetTimeout(10*time.Second), duoapi.SetTransport(trusting(ca)))
	return client, dir, stop
}

// trusting trusts the CA certificates ca.
func trusting(ca []byte) func(*http.Transport) {
	return func(tr *http.Transport) {
		pool := x509.NewCertPool()
		pool.AppendCertsFromPEM(ca)
		tr.TLSClientConfig.RootCAs = pool
	}
}

// get reads the response of a GET that must succeed.
func get(t *testing.T, c *duoapi.DuoApi, path string, into any) {
	t.Helper()
	resp, body, err := c.SignedCall(http.MethodGet, path, nil, duoapi.UseTimeout)
	if err != nil || resp.StatusCode != http.StatusOK {
		t.Fatalf("GET %s: %v %v %s", path, resp, err, body)
	}
	var ans struct {
		Response json.RawMessage `json:"response"`
	}
	if err := json.Unmarshal(body, &ans); err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(ans.Response, into); err != nil {
		t.Fatal(err)
	}
}

func TestStatsFileOnStop(t *testing.T) {
	statsPath := filepath.Join(t.TempDir(), "stats.json")
	c, _, stop := started(t, "-stats-file", statsPath)
	var list []map[string]any
	get(t, c, "/admin/v1/users", &list)
	get(t, c, "/admin/v1/users", &list)
	get(t, c, "/admin/v1/admins", &list)
	var summary map[string]any
	get(t, c, "/admin/v1/info/summary", &summary)
	if summary["admin_count"] != 8.0 || summary["user_count"] != 7.0 {
		t.Errorf("the demo's summary is %v, want the sample account's", summary)
	}
	if _, err := os.Stat(statsPath); err == nil {
		t.Fatal("the stats file was written before the fake stopped")
	}
	if err := stop(); err != nil {
		t.Fatal(err)
	}

	b, err := os.ReadFile(statsPath)
	if err != nil {
		t.Fatal(err)
	}
	var got stats
	if err := json.Unmarshal(b, &got); err != nil {
		t.Fatalf("%s: %v", b, err)
	}
	// Every listing the fake serves has its counter.
	reference, err := fakeduo.Start(fakeduo.Options{})
	if err != nil {
		t.Fatal(err)
	}
	reference.Close()
	if got.Requests != 4 || got.RateLimited != 0 || got.ListRequests["/admin/v1/users"] != 2 || got.ListRequests["/admin/v1/admins"] != 1 ||
		got.ListRequests["/admin/v1/phones"] != 0 || len(got.ListRequests) != len(reference.ListRequestCounts()) {
		t.Errorf("stats %s, want 4 requests, 2 user and 1 admin listings, and the counter of every listing and log", b)
	}
}

func TestMaxInFlight(t *testing.T) {
	statsPath := filepath.Join(t.TempDir(), "stats.json")
	c, _, stop := started(t, "-max-in-flight", "1", "-latency", "300ms", "-stats-file", statsPath)
	var wg sync.WaitGroup
	for range 2 {
		// duo_api_golang retries the one answered 429 after a second.
		wg.Go(func() {
			var list []map[string]any
			get(t, c, "/admin/v1/users", &list)
		})
	}
	wg.Wait()
	if err := stop(); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(statsPath)
	if err != nil {
		t.Fatal(err)
	}
	var got stats
	if err := json.Unmarshal(b, &got); err != nil {
		t.Fatalf("%s: %v", b, err)
	}
	if got.Requests != 3 || got.RateLimited != 1 || got.ListRequests["/admin/v1/users"] != 2 {
		t.Errorf("stats %s, want 3 requests, one of them rate limited, and 2 user listings", b)
	}
}

func TestGeneratedAccountSize(t *testing.T) {
	c, _, stop := started(t, "-users", "120", "-account-size", "7")
	var summary map[string]any
	get(t, c, "/admin/v1/info/summary", &summary)
	if summary["admin_count"] != 7.0 || summary["integration_count"] != 7.0 || summary["user_count"].(float64)+summary["user_pending_deletion_count"].(float64) != 120 {
		t.Errorf("summary %v, want 120 users and 7 admins and integrations", summary)
	}
	if err := stop(); err != nil {
		t.Fatal(err)
	}
}

func TestGeneratedLogEvents(t *testing.T) {
	c, _, stop := started(t, "-users", "120", "-log-events", "1500")
	now := time.Now()
	params := url.Values{
		"mintime": {strconv.FormatInt(now.Add(-7*24*time.Hour).UnixMilli(), 10)},
		"maxtime": {strconv.FormatInt(now.UnixMilli(), 10)},
	}
	resp, body, err := c.SignedCall(http.MethodGet, "/admin/v2/logs/authentication", params, duoapi.UseTimeout)
	if err != nil || resp.StatusCode != http.StatusOK {
		t.Fatalf("GET the authentication log: %v %v %s", resp, err, body)
	}
	var page struct {
		Response struct {
			Metadata struct {
				TotalObjects int `json:"total_objects"`
			} `json:"metadata"`
		} `json:"response"`
	}
	if err := json.Unmarshal(body, &page); err != nil || page.Response.Metadata.TotalObjects != 1500 {
		t.Errorf("the last seven days hold %d authentications (%v), want 1500", page.Response.Metadata.TotalObjects, err)
	}
	if err := stop(); err != nil {
		t.Fatal(err)
	}
}

func TestHardenedWithWeakUsers(t *testing.T) {
	c, dir, stop := started(t, "-users", "200", "-hardened", "-weak-every", "7")
	if env, err := os.ReadFile(filepath.Join(dir, "env")); err != nil || !strings.Contains(string(env), "DUO_INTEGRATION_KEY='"+fakeduo.HardenedCheckupKey+"'") {
		t.Errorf("the env file holds %s (%v), want the hardened account's checkup key", env, err)
	}
	resp, body, err := c.SignedCall(http.MethodGet, "/admin/v1/users", url.Values{"limit": {"300"}}, duoapi.UseTimeout)
	if err != nil || resp.StatusCode != http.StatusOK {
		t.Fatalf("GET the users: %v %v %s", resp, err, body)
	}
	var page struct {
		Response []map[string]any `json:"response"`
	}
	if err := json.Unmarshal(body, &page); err != nil || len(page.Response) != 200 {
		t.Fatalf("%d users (%v), want 200", len(page.Response), err)
	}
	var bypass []string
	for _, u := range page.Response {
		if u["status"] == "bypass" {
			bypass = append(bypass, u["username"].(string))
		}
	}
	// The env file's key is the read-only checkup key, which may read
	// users. Users 0, 7, 14, ... (user00001, user00008, ...) keep their
	// weaknesses; GeneratedUsers puts user i in bypass when i%10 == 6.
	if want := []string{"user00057", "user00127", "user00197"}; !slices.Equal(bypass, want) {
		t.Errorf("users in bypass %v, want %v", bypass, want)
	}
	if err := stop(); err != nil {
		t.Fatal(err)
	}
}

func TestMSP(t *testing.T) {
	statsPath := filepath.Join(t.TempDir(), "stats.json")
	c, dir, stop := started(t, "-children", "2", "-users", "30", "-cross-deployment-child", "-stats-file", statsPath)
	resp, body, err := c.JSONSignedCall(http.MethodPost, "/accounts/v1/account/list", duoapi.JSONParams{}, duoapi.UseTimeout)
	if err != nil || resp.StatusCode != http.StatusOK {
		t.Fatalf("POST the account list: %v %v %s", resp, err, body)
	}
	var listed struct {
		Response []fakeduo.ChildAccount `json:"response"`
	}
	if err := json.Unmarshal(body, &listed); err != nil || len(listed.Response) != 3 {
		t.Fatalf("the parent lists %s, want 3 children", body)
	}
	children, err := os.ReadFile(filepath.Join(dir, "children"))
	if err != nil {
		t.Fatal(err)
	}
	var want []string
	for _, child := range listed.Response {
		want = append(want, child.AccountID+"\t"+child.Name+"\n")
	}
	if string(children) != strings.Join(want, "") {
		t.Errorf("the children file holds %q, want %q", children, want)
	}
	// The env file's key reads a child on its own host, whose CA ca.pem holds.
	ca, err := os.ReadFile(filepath.Join(dir, "ca.pem"))
	if err != nil {
		t.Fatal(err)
	}
	child := listed.Response[0]
	reader := duoapi.NewDuoApi(fakeduo.DefaultAccountsIntegrationKey, fakeduo.DefaultAccountsSecretKey, child.APIHostname, "fakeduo-cmd-test",
		duoapi.SetTimeout(10*time.Second), duoapi.SetTransport(trusting(ca)))
	resp, body, err = reader.SignedCall(http.MethodGet, "/admin/v1/users", url.Values{"account_id": {child.AccountID}, "limit": {"300"}}, duoapi.UseTimeout)
	var users struct {
		Response []map[string]any `json:"response"`
	}
	if err != nil || resp.StatusCode != http.StatusOK || json.Unmarshal(body, &users) != nil || len(users.Response) != 30 {
		t.Fatalf("GET the child's users: %v %v %.300s", resp, err, body)
	}
	if err := stop(); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(statsPath)
	if err != nil {
		t.Fatal(err)
	}
	var got struct {
		stats
		Children []childStats `json:"children"`
	}
	if err := json.Unmarshal(b, &got); err != nil {
		t.Fatalf("%s: %v", b, err)
	}
	if got.ListRequests["/accounts/v1/account/list"] != 1 || len(got.Children) != 3 || got.Children[0].ListRequests["/admin/v1/users"] != 1 ||
		got.Children[0].AccountID != child.AccountID || got.Children[1].Requests != 0 {
		t.Errorf("stats %s, want the parent's one account list, and the first child's one user listing of three children", b)
	}
}

func TestBadFlags(t *testing.T) {
	for _, args := range [][]string{
		{}, {"-state-dir", t.TempDir(), "-users", "-1"}, {"-state-dir", t.TempDir(), "-max-in-flight", "-1"}, {"-state-dir", t.TempDir(), "-nosuchflag"},
		{"-state-dir", t.TempDir(), "-users", "10", "-weak-every", "3"}, {"-state-dir", t.TempDir(), "-hardened", "-weak-every", "3"},
	} {
		if err := run(context.Background(), args, io.Discard); err == nil {
			t.Errorf("run %v succeeded", args)
		}
	}
}
