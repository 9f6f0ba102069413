package fakeduo

import (
	"context"
	"crypto/sha512"
	"crypto/tls"
	"crypto/x509"
	"encoding/json"
	"maps"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	duoapi "github.com/duosecurity/duo_api_golang"
)

func startServer(t *testing.T, opts Options) *Server {
	t.Helper()
	s, err := Start(opts)
	if err != nil {
		t.Fatalf("Start: %v", err)
	}
	t.Cleanup(s.Close)
	return s
}

func trustServer(s *Server) func(*http.Transport) {
	return func(tr *http.Transport) {
		pool := x509.NewCertPool()
		pool.AppendCertsFromPEM(s.CACertPEM())
		tr.TLSClientConfig.RootCAs = pool
	}
}

// newClient is the real Duo client library pointed at the fake.
func newClient(s *Server, ikey, skey string) *duoapi.DuoApi {
	return duoapi.NewDuoApi(ikey, skey, s.Host(), "fakeduo-test", duoapi.SetTimeout(10*time.Second), duoapi.SetTransport(trustServer(s)))
}

type listAnswer struct {
	Stat     string            `json:"stat"`
	Response []json.RawMessage `json:"response"`
	Metadata map[string]any    `json:"metadata"`
}

type failAnswer struct {
	Stat          string `json:"stat"`
	Code          int    `json:"code"`
	Message       string `json:"message"`
	MessageDetail string `json:"message_detail"`
}

// call makes a signed GET with the real client, v2 or, where the fake
// requires it, v5, and fails the test on transport errors.
func call(t *testing.T, c *duoapi.DuoApi, path string, params url.Values) (int, []byte) {
	t.Helper()
	var resp *http.Response
	var body []byte
	var err error
	if requiresV5(path) {
		jsonParams := duoapi.JSONParams{}
		for key, values := range params {
			if len(values) != 1 {
				t.Fatalf("GET %s: JSONSignedCall sends one value of %s, not %d", path, key, len(values))
			}
			jsonParams[key] = values[0]
		}
		resp, body, err = c.JSONSignedCall("GET", path, jsonParams, duoapi.UseTimeout)
	} else {
		resp, body, err = c.SignedCall("GET", path, params, duoapi.UseTimeout)
	}
	if err != nil {
		t.Fatalf("GET %s %v: %v", path, params, err)
	}
	return resp.StatusCode, body
}

func listUsers(t *testing.T, c *duoapi.DuoApi, params url.Values) listAnswer {
	t.Helper()
	return listAt(t, c, "/admin/v1/users", params)
}

// listAt reads one page of the listing at path.
func listAt(t *testing.T, c *duoapi.DuoApi, path string, params url.Values) listAnswer {
	t.Helper()
	status, body := call(t, c, path, params)
	if status != http.StatusOK {
		t.Fatalf("list %s %v: HTTP %d: %s", path, params, status, body)
	}
	var ans listAnswer
	if err := json.Unmarshal(body, &ans); err != nil {
		t.Fatalf("decode list: %v", err)
	}
	if ans.Stat != "OK" {
		t.Fatalf("stat %q", ans.Stat)
	}
	return ans
}

func expectFail(t *testing.T, status int, body []byte, wantStatus, wantCode int) failAnswer {
	t.Helper()
	var ans failAnswer
	if err := json.Unmarshal(body, &ans); err != nil {
		t.Fatalf("decode error body %q: %v", body, err)
	}
	if status != wantStatus || ans.Stat != "FAIL" || ans.Code != wantCode {
		t.Fatalf("got HTTP %d %+v, want HTTP %d code %d", status, ans, wantStatus, wantCode)
	}
	return ans
}

func usernames(t *testing.T, users []json.RawMessage) []string {
	t.Helper()
	var out []string
	for _, raw := range users {
		var u struct {
			Username string `json:"username"`
		}
		if err := json.Unmarshal(raw, &u); err != nil {
			t.Fatal(err)
		}
		out = append(out, u.Username)
	}
	return out
}

func TestDefaultCredentialsShape(t *testing.T) {
	if len(DefaultIntegrationKey) != 20 || DefaultIntegrationKey[:2] != "DI" {
		t.Errorf("DefaultIntegrationKey %q", DefaultIntegrationKey)
	}
	if len(DefaultSecretKey) != 40 {
		t.Errorf("DefaultSecretKey has %d characters", len(DefaultSecretKey))
	}
}

func TestSignedCallAndJSONSignedCall(t *testing.T) {
	s := startServer(t, Options{})
	c := newClient(s, s.IntegrationKey(), s.SecretKey())

	ans := listUsers(t, c, url.Values{"limit": {"3"}})
	if got := usernames(t, ans.Response); len(got) != 3 || got[0] != "jsmith" {
		t.Errorf("first page usernames %v", got)
	}

	resp, body, err := c.JSONSignedCall("GET", "/admin/v1/users", duoapi.JSONParams{"username": "zoe.nunez"}, duoapi.UseTimeout)
	if err != nil || resp.StatusCode != http.StatusOK {
		t.Fatalf("JSONSignedCall: %v %v %s", err, resp, body)
	}
	var v5 listAnswer
	if err := json.Unmarshal(body, &v5); err != nil {
		t.Fatal(err)
	}
	if got := usernames(t, v5.Response); len(got) != 1 || got[0] != "zoe.nunez" {
		t.Errorf("JSONSignedCall usernames %v", got)
	}
	if s.Requests() != 2 {
		t.Errorf("Requests() = %d, want 2", s.Requests())
	}
	s.ResetRequests()
	if s.Requests() != 0 {
		t.Errorf("Requests() after reset = %d", s.Requests())
	}
}

func TestWrongCredentials(t *testing.T) {
	s := startServer(t, Options{})

	status, body := call(t, newClient(s, s.IntegrationKey(), DefaultSecretKey[1:]+"x"), "/admin/v1/users", nil)
	expectFail(t, status, body, http.StatusUnauthorized, 40103)

	resp, body, err := newClient(s, s.IntegrationKey(), "wrong").JSONSignedCall("GET", "/admin/v1/users", nil, duoapi.UseTimeout)
	if err != nil {
		t.Fatal(err)
	}
	expectFail(t, resp.StatusCode, body, http.StatusUnauthorized, 40103)

	status, body = call(t, newClient(s, "DIWRONGWRONGWRONGWRO", s.SecretKey()), "/admin/v1/users", nil)
	expectFail(t, status, body, http.StatusUnauthorized, 40102)

	if s.Requests() != 0 {
		t.Errorf("failed requests were counted: %d", s.Requests())
	}
}

// signedRequest is a request to s signed (v2, SHA-512) by this package's own
// code with the given date, or unsigned when date is "".
func signedRequest(t *testing.T, s *Server, method, path string, params url.Values, date string) *http.Request {
	t.Helper()
	u := url.URL{Scheme: "https", Host: s.Host(), Path: path, RawQuery: params.Encode()}
	req, err := http.NewRequestWithContext(context.Background(), method, u.String(), nil)
	if err != nil {
		t.Fatal(err)
	}
	if date != "" {
		sig := hmacHex(sha512.New, s.SecretKey(), canonicalV2(method, s.Host(), u.EscapedPath(), params, date))
		req.Header.Set("Date", date)
		req.Header.Set("Authorization", authorizationHeader(s.IntegrationKey(), sig))
	}
	return req
}

// rawGet sends a request made by signedRequest and decodes its JSON answer.
func rawGet(t *testing.T, s *Server, method, path string, params url.Values, date string) (int, []byte) {
	t.Helper()
	tr := &http.Transport{TLSClientConfig: &tls.Config{}}
	trustServer(s)(tr)
	resp, err := (&http.Client{Transport: tr, Timeout: 10 * time.Second}).Do(signedRequest(t, s, method, path, params, date))
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if ct := resp.Header.Get("Content-Type"); ct != "application/json" {
		t.Errorf("Content-Type %q", ct)
	}
	var buf json.RawMessage
	if err := json.NewDecoder(resp.Body).Decode(&buf); err != nil {
		t.Fatal(err)
	}
	return resp.StatusCode, buf
}

func TestAuthenticationFailures(t *testing.T) {
	s := startServer(t, Options{})
	now := time.Now().UTC()

	status, body := rawGet(t, s, "GET", "/admin/v1/users", nil, "")
	expectFail(t, status, body, http.StatusUnauthorized, 40101)

	status, body = rawGet(t, s, "GET", "/admin/v1/users", nil, now.Add(-10*time.Minute).Format(time.RFC1123Z))
	expectFail(t, status, body, http.StatusUnauthorized, 40105)

	status, body = rawGet(t, s, "GET", "/admin/v1/users", nil, now.Format(time.RFC1123))
	if status != http.StatusOK {
		t.Errorf("GMT date: HTTP %d %s", status, body)
	}

	// Authentication comes before routing.
	status, body = rawGet(t, s, "GET", "/nowhere", nil, "")
	expectFail(t, status, body, http.StatusUnauthorized, 40101)
}

func TestRoutingErrors(t *testing.T) {
	s := startServer(t, Options{})
	date := time.Now().UTC().Format(time.RFC1123Z)

	status, body := rawGet(t, s, "GET", "/admin/v1/nowhere", nil, date)
	expectFail(t, status, body, http.StatusNotFound, 40401)

	status, body = rawGet(t, s, "DELETE", "/admin/v1/users/DUSAMPLE000000000001", nil, date)
	expectFail(t, status, body, http.StatusMethodNotAllowed, 40501)
}

func TestPaging(t *testing.T) {
	s := startServer(t, Options{Users: GeneratedUsers(701)})
	c := newClient(s, s.IntegrationKey(), s.SecretKey())

	seen := map[string]bool{}
	offset, pages := 0, 0
	for {
		ans := listUsers(t, c, url.Values{"limit": {"300"}, "offset": {strconv.Itoa(offset)}})
		pages++
		if ans.Metadata["total_objects"] != float64(701) {
			t.Fatalf("total_objects %v", ans.Metadata["total_objects"])
		}
		_, hasPrev := ans.Metadata["prev_offset"]
		if hasPrev != (offset > 0) {
			t.Errorf("page at offset %d: prev_offset present=%v", offset, hasPrev)
		}
		for _, name := range usernames(t, ans.Response) {
			seen[name] = true
		}
		next, ok := ans.Metadata["next_offset"]
		if !ok {
			if len(ans.Response) != 101 {
				t.Errorf("last page has %d users, want 101", len(ans.Response))
			}
			break
		}
		if len(ans.Response) != 300 || next != float64(offset+300) {
			t.Fatalf("page at offset %d: %d users, next_offset %v", offset, len(ans.Response), next)
		}
		offset = int(next.(float64))
	}
	if pages != 3 || len(seen) != 701 {
		t.Errorf("%d pages, %d distinct users; want 3 and 701", pages, len(seen))
	}

	ans := listUsers(t, c, url.Values{"limit": {"1000"}})
	if len(ans.Response) != 300 || ans.Metadata["next_offset"] != float64(300) {
		t.Errorf("limit=1000: %d users, next_offset %v; want 300, 300", len(ans.Response), ans.Metadata["next_offset"])
	}
	ans = listUsers(t, c, nil)
	if len(ans.Response) != 100 {
		t.Errorf("default limit gave %d users", len(ans.Response))
	}
}

func TestInvalidListParameters(t *testing.T) {
	s := startServer(t, Options{})
	c := newClient(s, s.IntegrationKey(), s.SecretKey())
	for _, params := range []url.Values{
		{"limit": {"0"}},
		{"limit": {"ten"}},
		{"offset": {"-1"}},
		{"offset": {"x"}},
		{"username": {"jsmith"}, "email": {"john.smith@example.com"}},
		{"username_list": {`["jsmith"]`}, "user_id_list": {`["DUSAMPLE000000000001"]`}},
		{"username_list": {`["jsmith"]`}, "username": {"jsmith"}},
		{"user_id_list": {`["DUSAMPLE000000000001"]`}, "email": {"a@b"}},
		{"username_list": {`jsmith`}},
		{"username_list": {`["jsmith"]`, `["zoe.nunez"]`}},
	} {
		status, body := call(t, c, "/admin/v1/users", params)
		expectFail(t, status, body, http.StatusBadRequest, 40002)
	}
	tooMany := make([]string, 101)
	for i := range tooMany {
		tooMany[i] = "user" + strconv.Itoa(i)
	}
	list, _ := json.Marshal(tooMany)
	status, body := call(t, c, "/admin/v1/users", url.Values{"username_list": {string(list)}})
	expectFail(t, status, body, http.StatusBadRequest, 40002)
}

func TestLookups(t *testing.T) {
	s := startServer(t, Options{})
	c := newClient(s, s.IntegrationKey(), s.SecretKey())

	tests := []struct {
		params url.Values
		want   []string
	}{
		{url.Values{"username": {"jsmith"}}, []string{"jsmith"}},
		{url.Values{"username": {"john.smith"}}, []string{"jsmith"}},     // alias1
		{url.Values{"username": {"countess"}}, []string{"ada.lovelace"}}, // alias3 / aliases map
		{url.Values{"username": {"nobody"}}, nil},
		{url.Values{"username": {""}}, nil},
		{url.Values{"email": {"mary+duo@example.com"}}, []string{"mary.major"}},
		{url.Values{"email": {""}}, nil},
		// Lists answer in server order, ignore unknown values and limit/offset.
		{url.Values{"username_list": {`["mary.major","jsmith","nobody"]`}, "limit": {"1"}, "offset": {"5"}}, []string{"jsmith", "mary.major"}},
		{url.Values{"user_id_list": {`["DUSAMPLE000000000003","DUSAMPLE000000000002"]`}}, []string{"zoe.nunez", "yamada.taro"}},
		{url.Values{"username_list": {`[]`}}, nil},
	}
	for _, tt := range tests {
		ans := listUsers(t, c, tt.params)
		got := usernames(t, ans.Response)
		if len(got) != len(tt.want) || ans.Metadata["total_objects"] != float64(len(tt.want)) {
			t.Errorf("%v: got %v (total_objects %v), want %v", tt.params, got, ans.Metadata["total_objects"], tt.want)
			continue
		}
		for i := range got {
			if got[i] != tt.want[i] {
				t.Errorf("%v: got %v, want %v", tt.params, got, tt.want)
			}
		}
		if _, ok := ans.Metadata["next_offset"]; ok {
			t.Errorf("%v: unexpected next_offset", tt.params)
		}
	}
}

func TestGetUser(t *testing.T) {
	s := startServer(t, Options{})
	c := newClient(s, s.IntegrationKey(), s.SecretKey())

	status, body := call(t, c, "/admin/v1/users/DUSAMPLE000000000003", nil)
	if status != http.StatusOK {
		t.Fatalf("HTTP %d %s", status, body)
	}
	var ans struct {
		Stat     string `json:"stat"`
		Response User   `json:"response"`
	}
	if err := json.Unmarshal(body, &ans); err != nil {
		t.Fatal(err)
	}
	if ans.Stat != "OK" || ans.Response.Username != "yamada.taro" || ans.Response.Realname != "山田 太郎" {
		t.Errorf("got %+v", ans)
	}

	status, body = call(t, c, "/admin/v1/users/DUNOSUCHUSER00000000", nil)
	fail := expectFail(t, status, body, http.StatusNotFound, 40401)
	if fail.MessageDetail != "user_id" {
		t.Errorf("message_detail %q", fail.MessageDetail)
	}
	if s.Requests() != 0 {
		t.Errorf("single-user reads were counted as list requests: %d", s.Requests())
	}
}

// TestUserEncoding checks that null, "" and absent fields come out as
// SampleUsers intends.
func TestUserEncoding(t *testing.T) {
	s := startServer(t, Options{})
	c := newClient(s, s.IntegrationKey(), s.SecretKey())
	ans := listUsers(t, c, nil)
	users := map[string]map[string]any{}
	for _, raw := range ans.Response {
		var u map[string]any
		if err := json.Unmarshal(raw, &u); err != nil {
			t.Fatal(err)
		}
		users[u["username"].(string)] = u
	}
	if len(users) != len(SampleUsers()) {
		t.Fatalf("got %d users", len(users))
	}

	check := func(user, field string, want any) {
		t.Helper()
		got, present := users[user][field]
		switch want := want.(type) {
		case absent:
			if present {
				t.Errorf("%s.%s = %#v, want absent", user, field, got)
			}
		default:
			if !present {
				t.Errorf("%s.%s absent, want %#v", user, field, want)
			} else if b1, _ := json.Marshal(got); string(b1) != mustJSON(want) {
				t.Errorf("%s.%s = %s, want %s", user, field, b1, mustJSON(want))
			}
		}
	}
	check("jsmith", "alias1", "john.smith")
	check("jsmith", "alias3", nil)
	check("zoe.nunez", "alias1", "")
	check("yamada.taro", "alias1", nil)
	check("jsmith", "aliases", map[string]string{"alias1": "john.smith", "alias2": "jsmith.corp"})
	check("zoe.nunez", "aliases", map[string]string{})
	check("zoe.nunez", "email", "")
	check("zoe.nunez", "last_login", nil)
	check("jsmith", "last_login", float64(1717243200))
	check("yamada.taro", "enable_auto_prompt", absent{})
	check("zoe.nunez", "enable_auto_prompt", false)
	check("jsmith", "external_id", absent{})
	check("yamada.taro", "external_id", "7f1c6a0e-3b7d-4c55-9d1a-2f3e4b5c6d7e")
	check("rocket.rider", "lockout_reason", "Failed Attempts")
	check("jsmith", "lockout_reason", nil)
	for _, field := range []string{"groups", "phones", "tokens", "u2ftokens", "webauthncredentials"} {
		check("departed.user", field, []any{})
	}
	check("departed.user", "aliases", map[string]string{})

	phones := users["jsmith"]["phones"].([]any)
	landline := phones[1].(map[string]any)
	for _, field := range []string{"last_seen", "postdelay", "predelay"} {
		if v, ok := landline[field]; !ok || v != nil {
			t.Errorf("landline %s = %#v, want null", field, v)
		}
	}
	if landline["tampered"] != "" {
		t.Errorf("landline tampered %#v", landline["tampered"])
	}
	zoePhone := users["zoe.nunez"]["phones"].([]any)[0].(map[string]any)
	if caps, ok := zoePhone["capabilities"].([]any); !ok || len(caps) != 0 {
		t.Errorf("zoe's capabilities %#v, want []", zoePhone["capabilities"])
	}
	token := users["jsmith"]["tokens"].([]any)[0].(map[string]any)
	if v, ok := token["totp_step"]; !ok || v != nil {
		t.Errorf("jsmith token totp_step %#v, want null", v)
	}
}

type absent struct{}

func mustJSON(v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		panic(err)
	}
	return string(b)
}

func TestLatency(t *testing.T) {
	s := &Server{latency: 5 * time.Second}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	start := time.Now()
	if s.waitLatency(ctx) {
		t.Error("waitLatency reported success for a cancelled request")
	}
	if elapsed := time.Since(start); elapsed >= s.latency {
		t.Errorf("waitLatency ignored cancellation for %v", elapsed)
	}

	slow := startServer(t, Options{Latency: 50 * time.Millisecond})
	start = time.Now()
	listUsers(t, newClient(slow, slow.IntegrationKey(), slow.SecretKey()), nil)
	if elapsed := time.Since(start); elapsed < 50*time.Millisecond {
		t.Errorf("answer came after %v, before the configured latency", elapsed)
	}
}

func TestDuplicateUsersRejected(t *testing.T) {
	users := SampleUsers()
	users[1].UserID = users[0].UserID
	if s, err := Start(Options{Users: users}); err == nil {
		s.Close()
		t.Fatal("Start accepted duplicate user IDs")
	}
}

func TestUsernameListMatchesAliases(t *testing.T) {
	// jsmith matches twice, through alias1 and alias2, and comes back once.
	list := url.Values{"username_list": {`["john.smith","countess","zoe.nunez","jsmith.corp"]`}}
	for aliases, want := range map[bool][]string{
		false: {"zoe.nunez"},
		true:  {"jsmith", "zoe.nunez", "ada.lovelace"},
	} {
		s := startServer(t, Options{UsernameListMatchesAliases: aliases})
		c := newClient(s, s.IntegrationKey(), s.SecretKey())
		if got := usernames(t, listUsers(t, c, list).Response); !slices.Equal(got, want) {
			t.Errorf("UsernameListMatchesAliases %v: got %v, want %v", aliases, got, want)
		}
	}
}

func TestDeniedPaths(t *testing.T) {
	s := startServer(t, Options{Denied: []string{adminsPath, "/admin/v1/integrations/", "/admin/v1/info", "/admin/v1/user"}})
	c := newClient(s, s.IntegrationKey(), s.SecretKey())
	for _, path := range []string{
		adminsPath,
		adminsPath + "/DESAMPLE000000000001",
		adminsPath + "/DENOSUCHADMIN",
		"/admin/v1/integrations/DISAMPLE000000000001/skey",
		summaryPath,
	} {
		status, body := call(t, c, path, nil)
		if fail := expectFail(t, status, body, http.StatusForbidden, 40301); fail.Message != "Access forbidden" || fail.MessageDetail == "" {
			t.Errorf("GET %s: %+v", path, fail)
		}
	}
	// A path denies what is below it, not what only starts like it.
	for _, path := range []string{adminUnitsPath, integrationsPath, usersPath, "/admin/v1/users/DUSAMPLE000000000001", settingsPath} {
		if status, body := call(t, c, path, nil); status != http.StatusOK {
			t.Errorf("GET %s: HTTP %d %s", path, status, body)
		}
	}
	// Authentication comes first.
	status, body := call(t, newClient(s, s.IntegrationKey(), strings.Repeat("x", 40)), adminsPath, nil)
	expectFail(t, status, body, http.StatusUnauthorized, 40103)
	if n := s.ListRequests(adminsPath); n != 0 {
		t.Errorf("%d denied listings were counted", n)
	}

	if _, err := Start(Options{Denied: []string{"admin/v1/users"}}); err == nil {
		t.Error("Start accepted a denied path without a leading /")
	}
}

func TestListRequestCounters(t *testing.T) {
	s := startServer(t, Options{})
	c := newClient(s, s.IntegrationKey(), s.SecretKey())
	wantPaths := []string{"/admin/v1/users", "/admin/v1/groups", "/admin/v2/groups/{group_id}/users", "/admin/v1/admins",
		"/admin/v1/administrative_units", "/admin/v3/integrations", "/admin/v1/phones", "/admin/v1/tokens", "/admin/v1/bypass_codes",
		"/admin/v1/webauthncredentials", "/admin/v1/endpoints", "/admin/v1/desktop_authenticators",
		"/admin/v2/policies"}
	// The logs are counted too (logs_test.go).
	if got, want := s.ListRequestCounts(), append(slices.Clone(wantPaths), logPaths...); !slices.Equal(slices.Sorted(maps.Keys(got)), slices.Sorted(slices.Values(want))) {
		t.Fatalf("ListRequestCounts has %v, want %v", got, want)
	}

	for i, path := range wantPaths {
		if path == groupMembersPath {
			path = groupsV2Path + "/" + groupVPN.GroupID + "/users"
		}
		for range i + 1 {
			listAt(t, c, path, nil)
		}
	}
	// Neither failures nor reads of one object count.
	for path, params := range map[string]url.Values{
		usersPath:                             {"limit": {"x"}},
		phonesPath:                            {"extension": {"1"}},
		tokensPath:                            {"type": {"h6"}},
		groupsV2Path + "/DGNOSUCHGROUP/users": nil,
		adminsPath + "/DESAMPLE000000000001":  nil,
		usersPath + "/DUSAMPLE000000000001":   nil,
		settingsPath:                          nil,
		"/admin/v1/integrations/DISAMPLE000000000001/skey": nil,
	} {
		call(t, c, path, params)
	}
	listAt(t, c, phonesPath, url.Values{"number": {"+15555550101"}})
	for i, path := range wantPaths {
		want := int64(i + 1)
		if path == phonesPath {
			want++
		}
		if got := s.ListRequests(path); got != want {
			t.Errorf("ListRequests(%s) = %d, want %d", path, got, want)
		}
		if got := s.ListRequestCounts()[path]; got != want {
			t.Errorf("ListRequestCounts()[%s] = %d, want %d", path, got, want)
		}
	}
	if s.Requests() != s.ListRequests(usersPath) || s.Requests() != 1 {
		t.Errorf("Requests() = %d, ListRequests(users) = %d, want 1", s.Requests(), s.ListRequests(usersPath))
	}
	if got := s.ListRequests(settingsPath); got != 0 {
		t.Errorf("ListRequests of a path that lists nothing = %d", got)
	}
	s.ResetRequests()
	for path, n := range s.ListRequestCounts() {
		if n != 0 {
			t.Errorf("after ResetRequests, %s counts %d", path, n)
		}
	}
}
