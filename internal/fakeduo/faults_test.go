package fakeduo

import (
	"bytes"
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// faultClient sends requests to s over HTTP/2 or HTTP/1.1, each on a new
// connection: net/http silently retries a GET that fails on a reused
// connection, which would hide the fault under test.
func faultClient(s *Server, http2 bool) *http.Client {
	tr := &http.Transport{TLSClientConfig: &tls.Config{}, ForceAttemptHTTP2: http2, DisableKeepAlives: true}
	trustServer(s)(tr)
	return &http.Client{Transport: tr, Timeout: 10 * time.Second}
}

// faultAnswer is one answer read in full, or the error that ended it.
type faultAnswer struct {
	status int
	header http.Header
	body   []byte
	proto  int
	err    error // of the request, or of reading the body
}

// getSigned sends a signed GET of path with client.
func getSigned(t *testing.T, s *Server, client *http.Client, path string, params url.Values) faultAnswer {
	t.Helper()
	return send(client, signedRequest(t, s, http.MethodGet, path, params, time.Now().UTC().Format(time.RFC1123Z)))
}

func send(client *http.Client, req *http.Request) faultAnswer {
	resp, err := client.Do(req)
	if err != nil {
		return faultAnswer{err: err}
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	return faultAnswer{status: resp.StatusCode, header: resp.Header, body: body, proto: resp.ProtoMajor, err: err}
}

func TestFaultPrecedence(t *testing.T) {
	every := Faults{ResetEvery: 1, HTMLEvery: 1, TruncateEvery: 1, EmptyEvery: 1, RateLimitEvery: 1, ServerErrorEvery: 1, SlowEvery: 1}
	// Switching the winning fault off, one after another, shows the order.
	order := []struct {
		want fault
		off  func(*Faults)
	}{
		{faultReset, func(f *Faults) { f.ResetEvery = 0 }},
		{faultHTML, func(f *Faults) { f.HTMLEvery = 0 }},
		{faultTruncate, func(f *Faults) { f.TruncateEvery = 0 }},
		{faultEmpty, func(f *Faults) { f.EmptyEvery = 0 }},
		{faultRateLimit, func(f *Faults) { f.RateLimitEvery = 0 }},
		{faultServerError, func(f *Faults) { f.ServerErrorEvery = 0 }},
		{faultSlow, func(f *Faults) { f.SlowEvery = 0 }},
		{noFault, nil},
	}
	for _, step := range order {
		if got := every.pick(7); got != step.want {
			t.Fatalf("pick = %d, want %d", got, step.want)
		}
		if step.off != nil {
			step.off(&every)
		}
	}

	periodic := Faults{RateLimitEvery: 3, ServerErrorEvery: 5, RateLimitBurst: 2, RateLimitBurstStart: 7}
	want := map[int]fault{3: faultRateLimit, 5: faultServerError, 6: faultRateLimit, 7: faultRateLimit, 8: faultRateLimit, 9: faultRateLimit, 10: faultServerError, 12: faultRateLimit, 15: faultRateLimit}
	for n := 1; n <= 16; n++ {
		if got := periodic.pick(n); got != want[n] {
			t.Errorf("request %d: pick = %d, want %d", n, got, want[n])
		}
	}
	if got := (&Faults{RateLimitBurst: 2}).pick(1); got != faultRateLimit {
		t.Errorf("a burst without a start does not start at request 1: pick(1) = %d", got)
	}
}

func TestFaultAnswers(t *testing.T) {
	for _, http2 := range []bool{false, true} {
		t.Run(fmt.Sprintf("http2=%v", http2), func(t *testing.T) {
			tests := []struct {
				name   string
				faults Faults
				check  func(t *testing.T, a faultAnswer)
				count  func(FaultStats) int
			}{
				{"rate limit", Faults{RateLimitEvery: 1}, expectFailure(http.StatusTooManyRequests, 42901), func(st FaultStats) int { return st.RateLimited }},
				{"burst", Faults{RateLimitBurst: 1}, expectFailure(http.StatusTooManyRequests, 42901), func(st FaultStats) int { return st.RateLimited }},
				{"server error", Faults{ServerErrorEvery: 1}, expectFailure(http.StatusServiceUnavailable, 50301), func(st FaultStats) int { return st.ServerErrors }},
				{"reset", Faults{ResetEvery: 1}, func(t *testing.T, a faultAnswer) {
					// Go's HTTP/2 client sometimes reports the dropped
					// connection as an unexpected EOF rather than a reset.
					dropped := errors.Is(a.err, syscall.ECONNRESET) || (http2 && errors.Is(a.err, io.ErrUnexpectedEOF))
					if a.status != 0 || !dropped {
						t.Errorf("got HTTP %d %q, error %v; want no answer and a connection reset", a.status, a.body, a.err)
					}
				}, func(st FaultStats) int { return st.Resets }},
				{"html", Faults{HTMLEvery: 1}, func(t *testing.T, a faultAnswer) {
					if a.err != nil || a.status != http.StatusBadGateway || a.header.Get("Content-Type") != "text/html" || !bytes.Contains(a.body, []byte("<h1>502 Bad Gateway</h1>")) {
						t.Errorf("got HTTP %d %q %q, error %v; want a proxy's 502 page", a.status, a.header.Get("Content-Type"), a.body, a.err)
					}
				}, func(st FaultStats) int { return st.HTML }},
				{"truncated", Faults{TruncateEvery: 1}, func(t *testing.T, a faultAnswer) {
					if a.status != http.StatusOK || !errors.Is(a.err, io.ErrUnexpectedEOF) || !bytes.HasPrefix(a.body, []byte(`{"stat":"OK","response":[{`)) {
						t.Errorf("got HTTP %d %q, error %v; want the start of a 200 answer, then an unexpected EOF", a.status, a.body, a.err)
					}
				}, func(st FaultStats) int { return st.Truncated }},
				{"empty", Faults{EmptyEvery: 1}, func(t *testing.T, a faultAnswer) {
					if a.err != nil || a.status != http.StatusOK || len(a.body) != 0 || a.header.Get("Content-Type") != "application/json" {
						t.Errorf("got HTTP %d %q, error %v; want a 200 with an empty body", a.status, a.body, a.err)
					}
				}, func(st FaultStats) int { return st.Empty }},
			}
			for _, tt := range tests {
				t.Run(tt.name, func(t *testing.T) {
					s := startServer(t, Options{Faults: &tt.faults})
					client := faultClient(s, http2)
					answer := getSigned(t, s, client, usersPath, nil)
					tt.check(t, answer)
					wantProto := 1
					if http2 {
						wantProto = 2
					}
					if answer.proto != 0 && answer.proto != wantProto {
						t.Errorf("answered over HTTP/%d, want HTTP/%d", answer.proto, wantProto)
					}
					if st := s.Stats(); tt.count(st) != 1 || st.Requests != 1 {
						t.Errorf("stats %+v after one faulted request", st)
					}
				})
			}
		})
	}
}

// expectFailure checks a Duo error answer with a numeric code.
func expectFailure(status, code int) func(*testing.T, faultAnswer) {
	return func(t *testing.T, a faultAnswer) {
		t.Helper()
		if a.err != nil {
			t.Fatalf("want HTTP %d, got %v", status, a.err)
		}
		expectFail(t, a.status, a.body, status, code)
	}
}

func TestFaultsCountAuthenticatedRequestsToAnyEndpoint(t *testing.T) {
	s := startServer(t, Options{Faults: &Faults{RateLimitEvery: 3, ServerErrorEvery: 5}})
	client := faultClient(s, true)
	if a := getSigned(t, s, client, usersPath, url.Values{"limit": {"x"}}); a.status != http.StatusBadRequest {
		t.Fatalf("invalid parameter: HTTP %d %s", a.status, a.body)
	}
	// Requests that fail authentication are not counted.
	unsigned := send(client, signedRequest(t, s, http.MethodGet, usersPath, nil, ""))
	expectFail(t, unsigned.status, unsigned.body, http.StatusUnauthorized, 40101)

	var statuses []int
	for n := 2; n <= 10; n++ {
		path := usersPath
		if n%2 == 0 {
			path = groupsPath
		}
		statuses = append(statuses, getSigned(t, s, client, path, nil).status)
	}
	want := []int{200, 429, 200, 503, 429, 200, 200, 429, 503}
	if fmt.Sprint(statuses) != fmt.Sprint(want) {
		t.Errorf("requests 2 to 10 answered %v, want %v", statuses, want)
	}
	if st := s.Stats(); st != (FaultStats{Requests: 10, RateLimited: 3, ServerErrors: 2}) {
		t.Errorf("stats %+v", st)
	}
}

func TestSlowAnswers(t *testing.T) {
	const delay = 300 * time.Millisecond
	s := startServer(t, Options{Faults: &Faults{SlowEvery: 2, SlowDelay: delay}})
	client := faultClient(s, true)
	// Which answers were slowed is told by the fake's count, since a busy
	// machine may take longer than the delay for any answer; a slowed
	// answer takes the delay at least.
	for n, wantSlow := range []bool{false, true, false} {
		start := time.Now()
		before := s.Stats().Slow
		a := getSigned(t, s, client, usersPath, url.Values{"limit": {"1"}})
		elapsed := time.Since(start)
		if a.err != nil || a.status != http.StatusOK {
			t.Fatalf("request %d: HTTP %d, %v", n+1, a.status, a.err)
		}
		if slowed := s.Stats().Slow > before; slowed != wantSlow || slowed && elapsed < delay {
			t.Errorf("request %d took %v, slowed %v; want slowed %v, by %v at least", n+1, elapsed, slowed, wantSlow, delay)
		}
	}

	// A client that gives up does not keep the fake waiting.
	client.Timeout = 50 * time.Millisecond
	if a := getSigned(t, s, client, usersPath, nil); !errors.Is(a.err, context.DeadlineExceeded) {
		t.Errorf("a slow answer within the client's timeout: HTTP %d, %v", a.status, a.err)
	}
	if st := s.Stats(); st.Slow != 2 || st.Requests != 4 {
		t.Errorf("stats %+v", st)
	}
}

func TestStopFaults(t *testing.T) {
	before, _, faults := mutation()
	faults.RateLimitEvery = 1
	s := startServer(t, Options{Users: before, Faults: faults})
	client := faultClient(s, true)
	if a := getSigned(t, s, client, usersPath, nil); a.status != http.StatusTooManyRequests {
		t.Fatalf("before StopFaults: HTTP %d, %v", a.status, a.err)
	}
	s.StopFaults()
	for range 2 {
		a := getSigned(t, s, client, usersPath, nil)
		if a.status != http.StatusOK || !bytes.Contains(a.body, []byte(before[3].UserID)) {
			t.Fatalf("after StopFaults: HTTP %d %.200s, %v; want the account unchanged", a.status, a.body, a.err)
		}
	}
	if st := s.Stats(); st != (FaultStats{Requests: 3, RateLimited: 1}) {
		t.Errorf("stats %+v", st)
	}
}

func TestCodesAsStrings(t *testing.T) {
	s := startServer(t, Options{Faults: &Faults{CodesAsStrings: true, RateLimitEvery: 2}})
	client := faultClient(s, true)
	wrongKey := newClient(s, s.IntegrationKey(), strings.Repeat("x", 40))
	_, body := call(t, wrongKey, usersPath, nil)
	notFound := getSigned(t, s, client, usersPath+"/DUNOSUCHUSER", nil)
	rateLimited := getSigned(t, s, client, usersPath, nil)
	for _, tt := range []struct{ body, wantCode string }{
		{string(body), `"code":"40103"`},
		{string(notFound.body), `"code":"40401"`},
		{string(rateLimited.body), `"code":"42901"`},
	} {
		if !strings.Contains(tt.body, tt.wantCode) {
			t.Errorf("error answer %s, want %s", tt.body, tt.wantCode)
		}
	}
}

func TestLastAuthorization(t *testing.T) {
	s := startServer(t, Options{})
	client := faultClient(s, true)
	if got := s.LastAuthorization(); got != "" {
		t.Fatalf("LastAuthorization before any request = %q", got)
	}
	req := signedRequest(t, s, http.MethodGet, usersPath, nil, time.Now().UTC().Format(time.RFC1123Z))
	if a := send(client, req); a.status != http.StatusOK {
		t.Fatalf("HTTP %d, %v", a.status, a.err)
	}
	if got, want := s.LastAuthorization(), req.Header.Get("Authorization"); got != want || want == "" {
		t.Errorf("LastAuthorization = %q, want %q", got, want)
	}
}

// mutation removes two users of twelve and inserts two new ones after the
// first listing request.
func mutation() (before, after []User, faults *Faults) {
	all := GeneratedUsers(14)
	before, inserted := all[:12], all[12:]
	removed := []string{before[3].UserID, before[7].UserID}
	after = append(after, inserted...)
	for _, u := range before {
		if u.UserID != removed[0] && u.UserID != removed[1] {
			after = append(after, u)
		}
	}
	return before, after, &Faults{MutateAfter: 1, Insert: inserted, RemoveUserIDs: removed}
}

func TestMutationShiftsTheListing(t *testing.T) {
	before, after, faults := mutation()
	s := startServer(t, Options{Users: before, Faults: faults})
	changed := startServer(t, Options{Users: after})
	c := newClient(s, s.IntegrationKey(), s.SecretKey())
	reference := newClient(changed, changed.IntegrationKey(), changed.SecretKey())

	firstPage := listUsers(t, c, url.Values{"limit": {"5"}})
	if got := ids(t, firstPage.Response, "user_id"); got[0] != before[0].UserID || len(got) != 5 || firstPage.Metadata["total_objects"] != 12.0 {
		t.Fatalf("the first listing already changed: %v %v", got, firstPage.Metadata)
	}
	if st := s.Stats(); st.Mutations != 0 {
		t.Fatalf("the account changed during its first listing: %+v", st)
	}

	// From now on the fake serves exactly what a fake started with the
	// changed users serves, on every endpoint.
	type request struct {
		path   string
		params url.Values
	}
	requests := []request{
		{usersPath, url.Values{"limit": {"5"}, "offset": {"5"}}},
		{usersPath, nil},
		{usersPath + "/" + before[3].UserID, nil},
		{usersPath + "/" + after[0].UserID, nil},
		{usersPath, url.Values{"username": {after[1].Username}}},
		{usersPath, url.Values{"user_id_list": {fmt.Sprintf("[%q,%q]", before[7].UserID, after[0].UserID)}}},
		{groupsPath, nil},
	}
	// Every group's members, those of the removed users' groups included.
	for _, u := range append(before, after...) {
		for _, g := range u.Groups {
			requests = append(requests, request{groupsV2Path + "/" + g.GroupID + "/users", nil})
		}
	}
	for _, r := range requests {
		gotStatus, got := call(t, c, r.path, r.params)
		wantStatus, want := call(t, reference, r.path, r.params)
		if gotStatus != wantStatus || !bytes.Equal(got, want) {
			t.Errorf("GET %s %v after the change:\n got HTTP %d %.300s\nwant HTTP %d %.300s", r.path, r.params, gotStatus, got, wantStatus, want)
		}
	}
	if st := s.Stats(); st.Mutations != 1 {
		t.Errorf("stats %+v, want one mutation", st)
	}
}

func TestMutationIsAtomicUnderConcurrentRequests(t *testing.T) {
	before, after, faults := mutation()
	faults.MutateAfter = 20
	s := startServer(t, Options{Users: before, Faults: faults})
	c := newClient(s, s.IntegrationKey(), s.SecretKey())
	whole := func(server *Server) string {
		_, body := call(t, newClient(server, server.IntegrationKey(), server.SecretKey()), usersPath, nil)
		return string(body)
	}
	wantBefore, wantAfter := whole(startServer(t, Options{Users: before})), whole(startServer(t, Options{Users: after}))

	var wg sync.WaitGroup
	answers := make(chan string, 8*10)
	for range 8 {
		wg.Go(func() {
			for range 10 {
				resp, body, err := c.SignedCall(http.MethodGet, usersPath, nil)
				if err != nil || resp.StatusCode != http.StatusOK {
					t.Errorf("HTTP %v, %v", resp, err)
					return
				}
				answers <- string(body)
			}
		})
	}
	wg.Wait()
	close(answers)
	counts := map[string]int{}
	for body := range answers {
		switch body {
		case wantBefore:
			counts["before"]++
		case wantAfter:
			counts["after"]++
		default:
			t.Errorf("an answer is neither the account before nor after the change: %.300s", body)
		}
	}
	// Exactly the first 20 listings to arrive are served before the change.
	if counts["before"] != 20 || counts["after"] != 60 {
		t.Errorf("answers %v, want 20 before the change and 60 after", counts)
	}
}

func TestInconsistentMutationRejected(t *testing.T) {
	users := SampleUsers()
	for name, faults := range map[string]*Faults{
		"unknown user":       {MutateAfter: 1, RemoveUserIDs: []string{"DUNOSUCHUSER"}},
		"duplicate user ID":  {MutateAfter: 1, Insert: users[:1]},
		"conflicting groups": {MutateAfter: 1, Insert: []User{{UserID: "DUNEW", Username: "new", Groups: []Group{{GroupID: groupVPN.GroupID, Name: "other"}}}}},
	} {
		if s, err := Start(Options{Users: users, Faults: faults}); err == nil {
			s.Close()
			t.Errorf("%s: Start accepted %+v", name, faults)
		}
	}
}

func TestMutationChangesTheAccount(t *testing.T) {
	before, after, faults := mutation()
	account := GeneratedAccount(before, 12)
	s := startServer(t, Options{Users: before, Account: &account, Faults: faults})
	c := newClient(s, s.IntegrationKey(), s.SecretKey())

	// Codes, desktop authenticators and endpoints are given to the users
	// in turn: the removed users 3 and 7 hold codes and authenticators 3
	// and 7, which go with them, and last used endpoints 3 and 7, which
	// stay without a user.
	changed := account
	changed.BypassCodes = slices.Concat(account.BypassCodes[:3], account.BypassCodes[4:7], account.BypassCodes[8:])
	changed.DesktopAuthenticators = slices.Concat(account.DesktopAuthenticators[:3], account.DesktopAuthenticators[4:7], account.DesktopAuthenticators[8:])
	changed.Endpoints = slices.Clone(account.Endpoints)
	changed.Endpoints[3].UserID, changed.Endpoints[7].UserID = "", ""
	// The logs keep the removed users' events, as Duo's do: the reference,
	// which would refuse them, serves no logs, and none is compared.
	changed.Logs = Logs{}
	reference := startServer(t, Options{Users: after, Account: &changed})
	referenceClient := newClient(reference, reference.IntegrationKey(), reference.SecretKey())

	if codes := listAt(t, c, bypassCodesPath, nil); len(codes.Response) != 12 {
		t.Fatalf("%d bypass codes before the change", len(codes.Response))
	}
	listUsers(t, c, nil)
	for _, path := range []string{bypassCodesPath, phonesPath, tokensPath, summaryPath, adminsPath, adminUnitsPath, integrationsPath,
		bypassCodesPath + "/" + account.BypassCodes[3].BypassCodeID, webAuthnCredentialsPath, endpointsPath, desktopAuthenticatorsPath} {
		gotStatus, got := call(t, c, path, nil)
		wantStatus, want := call(t, referenceClient, path, nil)
		if gotStatus != wantStatus || !bytes.Equal(got, want) {
			t.Errorf("GET %s after the change:\n got HTTP %d %.300s\nwant HTTP %d %.300s", path, gotStatus, got, wantStatus, want)
		}
	}
	if codes := listAt(t, c, bypassCodesPath, nil); len(codes.Response) != 10 {
		t.Errorf("%d bypass codes after the change, want 10", len(codes.Response))
	}
}
