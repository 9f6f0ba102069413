package duo

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// directory serves n users, user0..user(n-1) with IDs DU0..DU(n-1) and the
// alias aliasN each, like Duo does for lookups: username_list and
// user_id_list match usernames and IDs only and answer in the directory's
// order; username also matches aliases. It records each request's query.
type directory struct {
	n int
	// listMatchesAliases makes username_list match aliases too, as some
	// Duo accounts' answers do.
	listMatchesAliases bool
	// aliasOf, when set, gives user i the alias aliasOf(i) instead of aliasN.
	aliasOf func(i int) string
	mu      sync.Mutex
	queries []map[string][]string
}

func (d *directory) alias(i int) string {
	if d.aliasOf != nil {
		return d.aliasOf(i)
	}
	return fmt.Sprintf("alias%d", i)
}

func (d *directory) user(i int) map[string]any {
	return map[string]any{"user_id": fmt.Sprintf("DU%d", i), "username": fmt.Sprintf("user%d", i), "alias1": d.alias(i)}
}

func (d *directory) serve(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	d.mu.Lock()
	d.queries = append(d.queries, q)
	d.mu.Unlock()

	matches := func(param string, keys func(i int) []string) {
		var values []string
		if err := json.Unmarshal([]byte(q.Get(param)), &values); err != nil || len(values) > MaxLookupValues {
			writeJSON(w, http.StatusBadRequest, failBody(40002, "Invalid request parameters"))
			return
		}
		page := []any{}
		for i := range d.n {
			if slices.ContainsFunc(keys(i), func(key string) bool { return slices.Contains(values, key) }) {
				page = append(page, d.user(i))
			}
		}
		writeJSON(w, http.StatusOK, map[string]any{"stat": "OK", "response": page, "metadata": map[string]any{"total_objects": len(page)}})
	}
	switch {
	case q.Has("username_list"):
		matches("username_list", func(i int) []string {
			if d.listMatchesAliases {
				return []string{fmt.Sprintf("user%d", i), d.alias(i)}
			}
			return []string{fmt.Sprintf("user%d", i)}
		})
	case q.Has("user_id_list"):
		matches("user_id_list", func(i int) []string { return []string{fmt.Sprintf("DU%d", i)} })
	case q.Has("username"):
		page := []any{}
		for i := range d.n {
			if name := q.Get("username"); name == fmt.Sprintf("user%d", i) || name == d.alias(i) {
				page = append(page, d.user(i))
			}
		}
		writeJSON(w, http.StatusOK, map[string]any{"stat": "OK", "response": page, "metadata": map[string]any{"total_objects": len(page)}})
	default:
		writeJSON(w, http.StatusBadRequest, failBody(40002, "unexpected query "+r.URL.RawQuery))
	}
}

func TestUsersByUsernameSendsAHundredNamesARequestAndKeepsTheirOrder(t *testing.T) {
	dir := &directory{n: 300}
	ts := newTestServer(t, dir.serve)
	// Ask in reverse, so that Duo's order and the caller's differ.
	var names []string
	for i := 249; i >= 0; i-- {
		names = append(names, "user"+strconv.Itoa(i))
	}
	users, missing, err := ts.client.UsersByUsername(context.Background(), names)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(usernames(users), names) || len(missing) != 0 {
		t.Fatalf("got %d users (first %v) and missing %v, want the 250 names in the order asked", len(users), usernames(users)[:3], missing)
	}
	if got := ts.requests.Load(); got != 3 {
		t.Errorf("sent %d requests for 250 names, want ceil(250/100) = 3", got)
	}
	for _, q := range dir.queries {
		var sent []string
		_ = json.Unmarshal([]byte(q["username_list"][0]), &sent)
		if len(sent) > MaxLookupValues {
			t.Errorf("sent %d names in one request", len(sent))
		}
	}
}

func TestUsersByUsernameResolvesAliasesAndReportsMissingNames(t *testing.T) {
	dir := &directory{n: 5}
	ts := newTestServer(t, dir.serve)
	names := []string{"nobody", "alias3", "user1", "ghost", "user1"}
	users, missing, err := ts.client.UsersByUsername(context.Background(), names)
	if err != nil {
		t.Fatal(err)
	}
	if got := usernames(users); !slices.Equal(got, []string{"user3", "user1", "user1"}) {
		t.Errorf("got users %v, want user3 (by alias), then user1 once per time it was named", got)
	}
	if !slices.Equal(missing, []string{"nobody", "ghost"}) {
		t.Errorf("got missing %v, want [nobody ghost] in the order asked", missing)
	}
	// One username_list request, then one username request for each name
	// it did not match: nobody, alias3 and ghost.
	if got := ts.requests.Load(); got != 4 {
		t.Errorf("sent %d requests, want 4", got)
	}
}

func TestUsersByUsernameTakesAliasMatchesFromTheListAnswer(t *testing.T) {
	// user2's alias is user0's username: a name matches a username before
	// anyone's alias.
	dir := &directory{n: 5, listMatchesAliases: true, aliasOf: func(i int) string {
		if i == 2 {
			return "user0"
		}
		return fmt.Sprintf("alias%d", i)
	}}
	ts := newTestServer(t, dir.serve)
	users, missing, err := ts.client.UsersByUsername(context.Background(), []string{"alias3", "user0", "ghost", "alias4"})
	if err != nil {
		t.Fatal(err)
	}
	if got := usernames(users); !slices.Equal(got, []string{"user3", "user0", "user4"}) || !slices.Equal(missing, []string{"ghost"}) {
		t.Errorf("got users %v and missing %v, want [user3 user0 user4] and [ghost]", got, missing)
	}
	// One username_list request, and one username request for ghost only.
	if got := ts.requests.Load(); got != 2 {
		t.Errorf("sent %d requests, want 2", got)
	}
}

func TestBatchLookupsSendTheirRequestsConcurrently(t *testing.T) {
	dir := &directory{n: 1000}
	var inFlight concurrency
	ts := newTestServer(t, func(w http.ResponseWriter, r *http.Request) {
		defer inFlight.enter(true)()
		time.Sleep(20 * time.Millisecond)
		dir.serve(w, r)
	})
	var names []string
	for i := range 800 {
		names = append(names, "user"+strconv.Itoa(i))
	}
	users, _, err := ts.client.UsersByUsername(context.Background(), names)
	if err != nil || len(users) != 800 {
		t.Fatalf("got %d users, %v", len(users), err)
	}
	if most := inFlight.most.Load(); most < 2 || most > DefaultMaxConcurrentRequests {
		t.Errorf("at most %d requests were in flight, want 2 to %d", most, DefaultMaxConcurrentRequests)
	}
}

func TestUsersByIDReportsMissingIDsInOrder(t *testing.T) {
	dir := &directory{n: 5}
	ts := newTestServer(t, dir.serve)
	users, missing, err := ts.client.UsersByID(context.Background(), []string{"DU4", "DUX", "DU0", "DUY"})
	if err != nil {
		t.Fatal(err)
	}
	if got := usernames(users); !slices.Equal(got, []string{"user4", "user0"}) || !slices.Equal(missing, []string{"DUX", "DUY"}) {
		t.Fatalf("got users %v and missing %v, want [user4 user0] and [DUX DUY]", got, missing)
	}
	if got := ts.requests.Load(); got != 1 {
		t.Errorf("sent %d requests, want 1: IDs have no alias fallback", got)
	}
}

func TestUsersByIDWithNoIDsSendsNothing(t *testing.T) {
	ts := newTestServer(t, (&directory{}).serve)
	users, missing, err := ts.client.UsersByID(context.Background(), nil)
	if err != nil || users == nil || len(users) != 0 || len(missing) != 0 || ts.requests.Load() != 0 {
		t.Fatalf("got %v, %v, %v after %d requests; want an empty list and no request", users, missing, err, ts.requests.Load())
	}
}

func TestUsersByIDFailsWholeWhenALaterChunkFails(t *testing.T) {
	dir := &directory{n: 300}
	var sent atomic.Int64
	ts := newTestServer(t, func(w http.ResponseWriter, r *http.Request) {
		if sent.Add(1) > 1 {
			writeJSON(w, http.StatusForbidden, failBody(40301, "Access forbidden"))
			return
		}
		dir.serve(w, r)
	})
	ids := make([]string, 150)
	for i := range ids {
		ids[i] = "DU" + strconv.Itoa(i)
	}
	users, missing, err := ts.client.UsersByID(context.Background(), ids)
	var apiErr *APIError
	if !errors.As(err, &apiErr) || apiErr.Code != CodeForbidden || users != nil || missing != nil {
		t.Fatalf("got %d users, missing %v and error %v; want nothing but code 40301", len(users), missing, err)
	}
}

func TestListUsersSendsTheEmail(t *testing.T) {
	ts := newTestServer(t, func(w http.ResponseWriter, r *http.Request) {
		if q := r.URL.Query(); q.Get("email") != "a+b@example.com" || q.Has("username") {
			writeJSON(w, http.StatusBadRequest, failBody(40002, "unexpected query "+r.URL.RawQuery))
			return
		}
		writeJSON(w, http.StatusOK, map[string]any{"stat": "OK", "response": []any{map[string]any{"username": "ab"}}, "metadata": map[string]any{"total_objects": 1}})
	})
	users, err := ts.client.ListUsers(context.Background(), ListUsersInput{Email: "a+b@example.com"})
	if err != nil || len(users) != 1 || *users[0].Username != "ab" {
		t.Fatalf("got %v, %v", users, err)
	}
}

func TestLookupsStoppedByTheDeadlineSayWhatStopped(t *testing.T) {
	dir := &directory{n: 5}
	ts := newTestServer(t, func(w http.ResponseWriter, r *http.Request) {
		time.Sleep(300 * time.Millisecond)
		dir.serve(w, r)
	})
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	_, _, err := ts.client.UsersByUsername(ctx, []string{"user1", "user2"})
	if err == nil || !strings.Contains(err.Error(), "GET /admin/v1/users did not finish within the read timeout") {
		t.Fatalf("got %v, want the request that the read timeout stopped", err)
	}
}
