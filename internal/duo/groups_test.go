package duo

import (
	"context"
	"fmt"
	"net/http"
	"slices"
	"strings"
	"testing"
)

func group(i int) any {
	return map[string]any{"group_id": fmt.Sprintf("DG%d", i), "name": fmt.Sprintf("group%d", i%100), "desc": "", "status": "Active", "push_enabled": true}
}

func TestListGroupsReadsEveryPageInOrder(t *testing.T) {
	var limits []string
	serve := pagedListing(250, MaxGroupPageSize, group)
	ts := newTestServer(t, func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/admin/v1/groups" {
			writeJSON(w, http.StatusNotFound, failBody(40401, "Resource not found"))
			return
		}
		limits = append(limits, r.URL.Query().Get("limit"))
		serve(w, r)
	})
	groups, err := ts.client.ListGroups(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if len(groups) != 250 || *groups[0].GroupID != "DG0" || *groups[249].GroupID != "DG249" {
		t.Fatalf("got %d groups, want DG0..DG249", len(groups))
	}
	if !slices.Equal(limits, []string{"100", "100", "100"}) {
		t.Errorf("sent limits %v, want three pages of 100", limits)
	}
}

func TestListGroupsFailsWholeOnALaterPageFailure(t *testing.T) {
	serve := pagedListing(250, MaxGroupPageSize, group)
	ts := newTestServer(t, func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Query().Get("offset") == "200" {
			writeJSON(w, http.StatusServiceUnavailable, failBody(50301, "Service Unavailable"))
			return
		}
		serve(w, r)
	})
	groups, err := ts.client.ListGroups(context.Background())
	if err == nil || groups != nil || !strings.Contains(err.Error(), "50301") {
		t.Fatalf("got %d groups and %v, want no groups and the 5xx error", len(groups), err)
	}
}

func TestListGroupMembersPagesByFiveHundredUnderTheEscapedID(t *testing.T) {
	var limits []string
	serve := pagedListing(1201, MaxGroupMemberPageSize, func(i int) any {
		return map[string]any{"user_id": fmt.Sprintf("DU%d", i), "username": fmt.Sprintf("user%d", i)}
	})
	ts := newTestServer(t, func(w http.ResponseWriter, r *http.Request) {
		if r.URL.EscapedPath() != "/admin/v2/groups/DG%2F1%20x/users" {
			writeJSON(w, http.StatusNotFound, failBody(40401, "Resource not found"))
			return
		}
		limits = append(limits, r.URL.Query().Get("limit"))
		serve(w, r)
	})
	members, err := ts.client.ListGroupMembers(context.Background(), "DG/1 x")
	if err != nil {
		t.Fatal(err)
	}
	if len(members) != 1201 || *members[0].Username != "user0" || *members[1200].UserID != "DU1200" {
		t.Fatalf("got %d members, want user0..user1200", len(members))
	}
	if !slices.Equal(limits, []string{"500", "500", "500"}) {
		t.Errorf("sent limits %v, want three pages of 500", limits)
	}
	if _, err := ts.client.ListGroupMembers(context.Background(), "DGNOBODY"); !IsNotFound(err) {
		t.Errorf("got %v, want not found", err)
	}
}

func TestGetGroupEscapesTheIDAndReportsNotFound(t *testing.T) {
	ts := newTestServer(t, func(w http.ResponseWriter, r *http.Request) {
		if r.URL.EscapedPath() == "/admin/v2/groups/DG%2F..%2Fx" {
			writeJSON(w, http.StatusOK, map[string]any{"stat": "OK", "response": group(1)})
			return
		}
		writeJSON(w, http.StatusNotFound, failBody(40401, "Resource not found"))
	})
	g, err := ts.client.GetGroup(context.Background(), "DG/../x")
	if err != nil || *g.Name != "group1" || !*g.PushEnabled {
		t.Fatalf("got %v, %v", g, err)
	}
	if _, err := ts.client.GetGroup(context.Background(), "DGNOBODY"); !IsNotFound(err) {
		t.Fatalf("got %v, want not found", err)
	}
}
