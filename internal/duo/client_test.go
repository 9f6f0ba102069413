package duo

import (
	"context"
	"encoding/json"
	"encoding/pem"
	"errors"
	"fmt"
	"io"
	"log"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

// testServer is a TLS server with a handler under test and a Client for it.
type testServer struct {
	*httptest.Server
	client   *Client
	requests atomic.Int64
}

func newTestServer(t *testing.T, handler http.HandlerFunc) *testServer {
	t.Helper()
	ts := &testServer{}
	ts.Server = httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ts.requests.Add(1)
		handler(w, r)
	}))
	// Fetches cancelled on purpose end in handshake errors that say nothing.
	ts.Config.ErrorLog = log.New(io.Discard, "", 0)
	ts.StartTLS()
	t.Cleanup(ts.Close)
	caPEM := pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: ts.Certificate().Raw})
	client, err := NewClient(Config{
		IntegrationKey:  "DIXXXXXXXXXXXXXXXXXX",
		SecretKey:       strings.Repeat("s", 40),
		APIHost:         ts.Listener.Addr().String(),
		ExtraCACertsPEM: caPEM,
	})
	if err != nil {
		t.Fatal(err)
	}
	client.retryDelay = func(int) time.Duration { return time.Millisecond }
	ts.client = client
	return ts
}

// concurrency records the most requests a test server has had in flight at
// once.
type concurrency struct{ now, most atomic.Int64 }

// enter counts a request in flight until leave. With awaitCompany, the
// request waits for another to be in flight (for ten seconds at most): a
// client that sends requests together is then seen doing so however busy
// the machine is.
func (c *concurrency) enter(awaitCompany bool) (leave func()) {
	now := c.now.Add(1)
	for most := c.most.Load(); now > most && !c.most.CompareAndSwap(most, now); most = c.most.Load() {
	}
	for deadline := time.Now().Add(10 * time.Second); awaitCompany && c.most.Load() < 2 && time.Now().Before(deadline); {
		time.Sleep(time.Millisecond)
	}
	return func() { c.now.Add(-1) }
}

func writeJSON(w http.ResponseWriter, status int, body any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(body)
}

func failBody(code any, message string) map[string]any {
	return map[string]any{"stat": "FAIL", "code": code, "message": message, "message_detail": "detail"}
}

// listing serves n users named user0..user(n-1) like Duo's listing, with
// pages of at most pageCap users whatever limit asks for.
func listing(n, pageCap int) http.HandlerFunc {
	return pagedListing(n, pageCap, func(i int) any {
		return map[string]any{"user_id": fmt.Sprintf("DU%d", i), "username": fmt.Sprintf("user%d", i)}
	})
}

// pagedListing serves the n objects that object returns like Duo's
// listings, with pages of at most pageCap objects whatever limit asks for.
func pagedListing(n, pageCap int, object func(i int) any) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		limit, _ := strconv.Atoi(r.URL.Query().Get("limit"))
		offset, _ := strconv.Atoi(r.URL.Query().Get("offset"))
		end := min(offset+min(limit, pageCap), n)
		page := []any{}
		for i := offset; i < end; i++ {
			page = append(page, object(i))
		}
		metadata := map[string]any{"total_objects": n}
		if end < n {
			metadata["next_offset"] = end
		}
		writeJSON(w, http.StatusOK, map[string]any{"stat": "OK", "response": page, "metadata": metadata})
	}
}

func usernames(users []User) []string {
	names := make([]string, len(users))
	for i, u := range users {
		names[i] = *u.Username
	}
	return names
}

func expectRange(t *testing.T, users []User, from, count int) {
	t.Helper()
	if len(users) != count {
		t.Fatalf("got %d users, want %d", len(users), count)
	}
	for i, name := range usernames(users) {
		if want := fmt.Sprintf("user%d", from+i); name != want {
			t.Fatalf("user %d is %s, want %s", i, name, want)
		}
	}
}

func TestListUsersReadsEveryPageInOrder(t *testing.T) {
	ts := newTestServer(t, listing(701, MaxPageSize))
	users, err := ts.client.ListUsers(context.Background(), ListUsersInput{})
	if err != nil {
		t.Fatal(err)
	}
	expectRange(t, users, 0, 701)
	if got := ts.requests.Load(); got != 3 {
		t.Errorf("sent %d requests for 701 users, want ceil(701/300) = 3", got)
	}
}

func TestListUsersFollowsNextOffsetOnShortPages(t *testing.T) {
	ts := newTestServer(t, listing(50, 7))
	users, err := ts.client.ListUsers(context.Background(), ListUsersInput{})
	if err != nil {
		t.Fatal(err)
	}
	expectRange(t, users, 0, 50)
}

func TestListUsersLimitAndOffsetSpanPages(t *testing.T) {
	for _, tc := range []struct {
		name                string
		pageCap             int
		in                  ListUsersInput
		wantFrom, wantCount int
		wantRequestsAtLeast int64
		wantRequestsAtMost  int64
	}{
		{"within one page", MaxPageSize, ListUsersInput{Offset: 290, Limit: 20}, 290, 20, 1, 1},
		{"across pages", MaxPageSize, ListUsersInput{Offset: 250, Limit: 400}, 250, 400, 2, 2},
		{"short pages", 7, ListUsersInput{Offset: 3, Limit: 20}, 3, 20, 3, 3},
		{"limit past the end", MaxPageSize, ListUsersInput{Offset: 650, Limit: 100}, 650, 51, 1, 1},
		{"offset past the end", MaxPageSize, ListUsersInput{Offset: 900}, 0, 0, 1, 1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ts := newTestServer(t, listing(701, tc.pageCap))
			users, err := ts.client.ListUsers(context.Background(), tc.in)
			if err != nil {
				t.Fatal(err)
			}
			expectRange(t, users, tc.wantFrom, tc.wantCount)
			if got := ts.requests.Load(); got < tc.wantRequestsAtLeast || got > tc.wantRequestsAtMost {
				t.Errorf("sent %d requests", got)
			}
		})
	}
}

func TestListUsersSendsTheQuery(t *testing.T) {
	ts := newTestServer(t, func(w http.ResponseWriter, r *http.Request) {
		q := r.URL.Query()
		if r.URL.Path != "/admin/v1/users" || q.Get("username") != "john smith" || q.Get("limit") != "300" || q.Get("offset") != "0" {
			writeJSON(w, http.StatusBadRequest, failBody(40002, "unexpected query "+r.URL.String()))
			return
		}
		if r.Header.Get("Date") == "" || !strings.HasPrefix(r.Header.Get("Authorization"), "Basic ") {
			writeJSON(w, http.StatusUnauthorized, failBody(40101, "Missing request credentials"))
			return
		}
		writeJSON(w, http.StatusOK, map[string]any{"stat": "OK", "response": []any{}, "metadata": map[string]any{"total_objects": 0}})
	})
	users, err := ts.client.ListUsers(context.Background(), ListUsersInput{Username: "john smith"})
	if err != nil {
		t.Fatal(err)
	}
	if users == nil || len(users) != 0 {
		t.Fatalf("got %#v, want an empty list", users)
	}
}

func TestListUsersFailsWholeOnALaterPageFailure(t *testing.T) {
	ts := newTestServer(t, func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Query().Get("offset") != "0" {
			writeJSON(w, http.StatusUnauthorized, failBody(40103, "Invalid signature in request credentials"))
			return
		}
		listing(700, MaxPageSize)(w, r)
	})
	users, err := ts.client.ListUsers(context.Background(), ListUsersInput{})
	var apiErr *APIError
	if !errors.As(err, &apiErr) || apiErr.Code != CodeInvalidSignature || users != nil {
		t.Fatalf("got %d users and error %v, want no users and code 40103", len(users), err)
	}
}

func TestListUsersRejectsAListingThatDoesNotAdvance(t *testing.T) {
	ts := newTestServer(t, func(w http.ResponseWriter, _ *http.Request) {
		writeJSON(w, http.StatusOK, map[string]any{"stat": "OK", "response": []any{map[string]any{"username": "a"}}, "metadata": map[string]any{"total_objects": 5, "next_offset": 0}})
	})
	if _, err := ts.client.ListUsers(context.Background(), ListUsersInput{}); err == nil || !strings.Contains(err.Error(), "did not advance") {
		t.Fatalf("got %v", err)
	}
}

func TestDecodingKeepsNullEmptyAndAbsentApart(t *testing.T) {
	body := `{"stat":"OK","metadata":{"total_objects":1},"response":[{
		"user_id":"DU1","username":"a","email":"","notes":"","alias1":null,"alias2":"","last_login":null,"created":1700000000,
		"is_enrolled":false,"aliases":{"alias1":"b"},"groups":[],"tokens":[{"token_id":"T1","totp_step":null},{"token_id":"T2","totp_step":30}],
		"phones":[{"phone_id":"P1","capabilities":[],"last_seen":"2024-01-02T03:04:05","sms_passcodes_sent":true,"tampered":"Not tampered"}],
		"some_future_field":{"x":1}}]}`
	ts := newTestServer(t, func(w http.ResponseWriter, _ *http.Request) { _, _ = w.Write([]byte(body)) })
	users, err := ts.client.ListUsers(context.Background(), ListUsersInput{})
	if err != nil {
		t.Fatal(err)
	}
	u := users[0]
	switch {
	case u.Email == nil || *u.Email != "":
		t.Error("email \"\" was not kept")
	case u.Alias1 != nil:
		t.Error("alias1 null was not kept")
	case u.Alias2 == nil || *u.Alias2 != "":
		t.Error("alias2 \"\" was not kept")
	case u.LastLogin != nil || u.Created == nil || *u.Created != 1700000000:
		t.Error("times were not decoded")
	case u.EnableAutoPrompt != nil || u.ExternalID != nil:
		t.Error("absent fields are not null")
	case u.Groups == nil || len(u.Groups) != 0:
		t.Error("an empty groups array did not stay an empty list")
	case u.U2FTokens != nil:
		t.Error("absent u2ftokens is not null")
	case u.Tokens[0].TOTPStep != nil || *u.Tokens[1].TOTPStep != 30:
		t.Error("totp_step was not decoded")
	case u.Phones[0].Capabilities == nil || !bool(*u.Phones[0].SMSPasscodesSent) || *u.Phones[0].Tampered != "Not tampered":
		t.Error("phone fields were not decoded")
	case u.Aliases["alias1"] != "b":
		t.Error("aliases were not decoded")
	}
}

func TestErrorsAreMappedWithHints(t *testing.T) {
	for _, tc := range []struct {
		name     string
		status   int
		body     string
		wantCode int
		want     []string
	}{
		{"wrong secret key", 401, `{"stat":"FAIL","code":40103,"message":"Invalid signature in request credentials"}`, CodeInvalidSignature, []string{"HTTP 401", "40103", "Invalid signature", "clock"}},
		{"code as a string", 403, `{"stat":"FAIL","code":"40301","message":"Access forbidden"}`, CodeForbidden, []string{"40301", "Grant read resource"}},
		{"FAIL with HTTP 200", 200, `{"stat":"FAIL","code":40002,"message":"Invalid request parameters","message_detail":"username"}`, 40002, []string{"40002", "(username)"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ts := newTestServer(t, func(w http.ResponseWriter, _ *http.Request) {
				w.WriteHeader(tc.status)
				_, _ = w.Write([]byte(tc.body))
			})
			_, err := ts.client.ListUsers(context.Background(), ListUsersInput{})
			var apiErr *APIError
			if !errors.As(err, &apiErr) || apiErr.Code != tc.wantCode {
				t.Fatalf("got %v, want code %d", err, tc.wantCode)
			}
			for _, want := range tc.want {
				if !strings.Contains(err.Error(), want) {
					t.Errorf("error %q does not mention %q", err, want)
				}
			}
		})
	}
}

func TestAnswersThatAreNotDuoJSONAreErrors(t *testing.T) {
	for _, body := range []string{"", "<html><body>Proxy error</body></html>", `{"stat":"OK","response":[{"user_id":"DU1"`, `{"response":[]}`} {
		ts := newTestServer(t, func(w http.ResponseWriter, _ *http.Request) {
			w.WriteHeader(http.StatusOK)
			_, _ = w.Write([]byte(body))
		})
		users, err := ts.client.ListUsers(context.Background(), ListUsersInput{})
		if err == nil || users != nil || !strings.Contains(err.Error(), "not Duo's JSON") {
			t.Errorf("body %q: got %d users and %v", body, len(users), err)
		}
	}
}

func TestGetUserEscapesTheIDAndReportsNotFound(t *testing.T) {
	ts := newTestServer(t, func(w http.ResponseWriter, r *http.Request) {
		if r.URL.EscapedPath() == "/admin/v1/users/DU%2F..%2Fx%20y" {
			writeJSON(w, http.StatusOK, map[string]any{"stat": "OK", "response": map[string]any{"user_id": "DU/../x y", "username": "odd"}})
			return
		}
		writeJSON(w, http.StatusNotFound, failBody(40401, "Resource not found"))
	})
	user, err := ts.client.GetUser(context.Background(), "DU/../x y")
	if err != nil || *user.Username != "odd" {
		t.Fatalf("got %v, %v", user, err)
	}
	if _, err := ts.client.GetUser(context.Background(), "DUNOBODY"); !IsNotFound(err) {
		t.Fatalf("got %v, want not found", err)
	}
}

func TestRateLimitsAndServerErrorsAreRetried(t *testing.T) {
	var calls atomic.Int64
	ts := newTestServer(t, func(w http.ResponseWriter, r *http.Request) {
		switch calls.Add(1) {
		case 1:
			writeJSON(w, http.StatusTooManyRequests, failBody(42901, "Too Many Requests"))
		case 2:
			writeJSON(w, http.StatusServiceUnavailable, failBody(50301, "Service Unavailable"))
		default:
			listing(3, MaxPageSize)(w, r)
		}
	})
	users, err := ts.client.ListUsers(context.Background(), ListUsersInput{})
	if err != nil {
		t.Fatal(err)
	}
	expectRange(t, users, 0, 3)
	if got := calls.Load(); got != 3 {
		t.Errorf("sent %d requests, want 3", got)
	}
}

func TestRetryWaitIsBoundedAndCancellable(t *testing.T) {
	ts := newTestServer(t, func(w http.ResponseWriter, _ *http.Request) {
		writeJSON(w, http.StatusTooManyRequests, failBody(42901, "Too Many Requests"))
	})
	ts.client.cfg.MaxRetryWait = 10 * time.Millisecond
	_, err := ts.client.ListUsers(context.Background(), ListUsersInput{})
	if err == nil || !strings.Contains(err.Error(), "42901") || !strings.Contains(err.Error(), "gave up") {
		t.Fatalf("got %v, want a rate limit error", err)
	}

	ts.client.cfg.MaxRetryWait = time.Hour
	ts.client.retryDelay = func(int) time.Duration { return time.Hour }
	ctx, cancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
	defer cancel()
	start := time.Now()
	_, err = ts.client.ListUsers(ctx, ListUsersInput{})
	// Well before the hour of the retry, however busy the machine.
	if !errors.Is(err, context.DeadlineExceeded) || time.Since(start) > time.Minute {
		t.Fatalf("got %v after %s, want a prompt cancellation", err, time.Since(start))
	}
}

func TestNormalizeAPIHost(t *testing.T) {
	for raw, want := range map[string]string{
		"api-abc123.duosecurity.com":          "api-abc123.duosecurity.com",
		"API-ABC123.duosecurity.com":          "api-abc123.duosecurity.com",
		"https://api-abc123.duosecurity.com":  "api-abc123.duosecurity.com",
		"https://api-abc123.duosecurity.com/": "api-abc123.duosecurity.com",
		"127.0.0.1:8443":                      "127.0.0.1:8443",
		"[::1]:8443":                          "[::1]:8443",
	} {
		if got, err := NormalizeAPIHost(raw); err != nil || got != want {
			t.Errorf("NormalizeAPIHost(%q) = %q, %v; want %q", raw, got, err, want)
		}
	}
	for _, raw := range []string{"", "  ", "http://api-abc123.duosecurity.com", "api-abc123.duosecurity.com/admin/v1", "api-abc123.duosecurity.com?x=1", "api abc.duosecurity.com", "user@api-abc.duosecurity.com", "host:port:x"} {
		if got, err := NormalizeAPIHost(raw); err == nil {
			t.Errorf("NormalizeAPIHost(%q) = %q, want an error", raw, got)
		}
	}
}
