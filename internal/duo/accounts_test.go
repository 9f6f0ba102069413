package duo

import (
	"context"
	"errors"
	"net/http"
	"strings"
	"sync"
	"testing"
)

// TestChildClientSendsAccountIDToTheChildsHost: the parent lists its
// children with a POST; a child's client sends every request to the
// child's host with its account_id, and bounds its own requests in flight.
func TestChildClientSendsAccountIDToTheChildsHost(t *testing.T) {
	var mu sync.Mutex
	var seen []*http.Request
	child := newTestServer(t, func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		seen = append(seen, r)
		mu.Unlock()
		writeJSON(w, http.StatusOK, map[string]any{"stat": "OK", "response": []any{map[string]any{"user_id": "DU1", "username": "a"}}, "metadata": map[string]any{"total_objects": 1}})
	})
	parent := newTestServer(t, func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodPost || r.URL.Path != "/accounts/v1/account/list" {
			writeJSON(w, http.StatusNotFound, failBody(40401, "Resource not found"))
			return
		}
		writeJSON(w, http.StatusOK, map[string]any{"stat": "OK", "response": []any{
			map[string]any{"account_id": "DA00000000000000000A", "name": "Acme", "api_hostname": child.Listener.Addr().String()},
		}})
	})
	children, err := parent.client.ListChildAccounts(context.Background())
	if err != nil || len(children) != 1 || *children[0].Name != "Acme" {
		t.Fatalf("ListChildAccounts: %v %+v", err, children)
	}
	reader, err := parent.client.ForChild(*children[0].AccountID, *children[0].APIHostname)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := reader.ListUsers(context.Background(), ListUsersInput{}); err != nil {
		t.Fatal(err)
	}
	if len(seen) != 1 || seen[0].URL.Query().Get("account_id") != "DA00000000000000000A" || seen[0].Host != child.Listener.Addr().String() {
		t.Fatalf("the child's host saw %d requests, the first %v", len(seen), seen)
	}
	if reader.limit == parent.client.limit {
		t.Error("the child's client shares the parent's bound on requests in flight")
	}
	if parent.client.cfg.AccountID != "" {
		t.Error("ForChild changed the parent's client")
	}
}

func TestChildErrorsSayWhatToDo(t *testing.T) {
	for name, tc := range map[string]struct {
		status int
		body   map[string]any
		want   string
	}{
		"cross-deployment": {http.StatusBadRequest, failBody(40002, "Cross-deployment Admin API usage through Accounts API is currently not available, please refer to: https://duo.com/docs/accountsapi#using-accounts-api-with-admin-api"),
			"in another Duo deployment than its parent"},
		"refused endpoint": {http.StatusForbidden, failBody(40301, "Access forbidden"), "Duo does not serve every read of a child account through the Accounts API"},
		"wrong key":        {http.StatusUnauthorized, failBody(40103, "Invalid signature in request credentials"), "parent account's Accounts API application"},
	} {
		t.Run(name, func(t *testing.T) {
			ts := newTestServer(t, func(w http.ResponseWriter, _ *http.Request) { writeJSON(w, tc.status, tc.body) })
			reader, err := ts.client.ForChild("DA00000000000000000A", ts.Listener.Addr().String())
			if err != nil {
				t.Fatal(err)
			}
			_, err = reader.GetSettings(context.Background())
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("got %v, want an error saying %q", err, tc.want)
			}
			if IsCrossDeployment(err) != (name == "cross-deployment") {
				t.Errorf("IsCrossDeployment is %v", IsCrossDeployment(err))
			}
		})
	}
}

func TestAdminAPIKeyCannotListChildren(t *testing.T) {
	ts := newTestServer(t, func(w http.ResponseWriter, _ *http.Request) {
		writeJSON(w, http.StatusForbidden, failBody(40301, "Access forbidden"))
	})
	_, err := ts.client.ListChildAccounts(context.Background())
	var apiErr *APIError
	if !errors.As(err, &apiErr) || apiErr.Method != http.MethodPost || !strings.Contains(err.Error(), "an Admin API application's key cannot list them") {
		t.Errorf("got %v", err)
	}
	if !IsRefusedCredentials(err) {
		t.Error("IsRefusedCredentials is false")
	}
}
