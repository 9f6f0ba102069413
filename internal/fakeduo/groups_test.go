package fakeduo

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"testing"
)

// ids returns the value of field of each listed object.
func ids(t *testing.T, objects []json.RawMessage, field string) []string {
	t.Helper()
	var out []string
	for _, raw := range objects {
		var object map[string]any
		if err := json.Unmarshal(raw, &object); err != nil {
			t.Fatal(err)
		}
		out = append(out, fmt.Sprint(object[field]))
	}
	return out
}

// extraGroups returns n groups that no user belongs to.
func extraGroups(n int) []Group {
	groups := make([]Group, n)
	for i := range groups {
		groups[i] = Group{GroupID: fmt.Sprintf("DGEXTRA%013d", i), Name: fmt.Sprintf("Extra %d", i), Status: "Active"}
	}
	return groups
}

func TestGroupsComeFromTheUsersThenTheExtraGroups(t *testing.T) {
	s := startServer(t, Options{Groups: append(extraGroups(1), groupVPN)})
	c := newClient(s, s.IntegrationKey(), s.SecretKey())
	ans := listAt(t, c, "/admin/v1/groups", nil)
	want := []string{"DGSAMPLE000000000001", "DGSAMPLE000000000002", "DGSAMPLE000000000003", "DGSAMPLE000000000004", "DGEXTRA0000000000000"}
	if got := ids(t, ans.Response, "group_id"); !slices.Equal(got, want) {
		t.Fatalf("groups %v, want %v: the users' groups in first-seen order, then the extra ones not already there", got, want)
	}
	var first Group
	if err := json.Unmarshal(ans.Response[0], &first); err != nil || first != groupEngineering {
		t.Errorf("first group is %+v (%v), want %+v", first, err, groupEngineering)
	}
}

func TestGroupsPageByAtMostOneHundred(t *testing.T) {
	s := startServer(t, Options{Groups: extraGroups(250)})
	c := newClient(s, s.IntegrationKey(), s.SecretKey())
	var got []string
	offset, pages := "0", 0
	for {
		ans := listAt(t, c, "/admin/v1/groups", url.Values{"limit": {"1000"}, "offset": {offset}})
		pages++
		if len(ans.Response) > 100 || ans.Metadata["total_objects"] != float64(254) {
			t.Fatalf("page at %s: %d groups, total_objects %v", offset, len(ans.Response), ans.Metadata["total_objects"])
		}
		got = append(got, ids(t, ans.Response, "group_id")...)
		next, ok := ans.Metadata["next_offset"]
		if !ok {
			break
		}
		offset = fmt.Sprint(next)
	}
	if pages != 3 || len(got) != 254 || got[253] != "DGEXTRA0000000000249" {
		t.Errorf("%d pages, %d groups ending %s; want 3 pages of the 4 sample and 250 extra groups", pages, len(got), got[len(got)-1])
	}
	if ans := listAt(t, c, "/admin/v1/groups", nil); len(ans.Response) != 100 {
		t.Errorf("the default limit gave %d groups, want 100", len(ans.Response))
	}
}

func TestGetGroup(t *testing.T) {
	s := startServer(t, Options{})
	c := newClient(s, s.IntegrationKey(), s.SecretKey())
	status, body := call(t, c, "/admin/v2/groups/DGSAMPLE000000000003", nil)
	var ans struct {
		Stat     string `json:"stat"`
		Response Group  `json:"response"`
	}
	if err := json.Unmarshal(body, &ans); err != nil || status != http.StatusOK || ans.Response != groupFinance {
		t.Fatalf("HTTP %d %s", status, body)
	}
	status, body = call(t, c, "/admin/v2/groups/DGNOSUCHGROUP", nil)
	expectFail(t, status, body, http.StatusNotFound, 40401)
	status, body = call(t, c, "/admin/v2/groups/DGNOSUCHGROUP/users", nil)
	expectFail(t, status, body, http.StatusNotFound, 40401)
}

func TestGroupMembers(t *testing.T) {
	// GeneratedUsers puts user i in i%3 of its three groups: "All Staff"
	// holds the 800 users whose index is not a multiple of 3.
	s := startServer(t, Options{Users: GeneratedUsers(1200), Groups: extraGroups(1)})
	c := newClient(s, s.IntegrationKey(), s.SecretKey())
	path := "/admin/v2/groups/" + generatedGroups[0].GroupID + "/users"

	first := listAt(t, c, path, url.Values{"limit": {"1000"}})
	second := listAt(t, c, path, url.Values{"limit": {"1000"}, "offset": {"500"}})
	if len(first.Response) != 500 || first.Metadata["next_offset"] != float64(500) || len(second.Response) != 300 || second.Metadata["next_offset"] != nil {
		t.Fatalf("pages of %d (next %v) and %d (next %v), want 500 (next 500) and 300 (last)",
			len(first.Response), first.Metadata["next_offset"], len(second.Response), second.Metadata["next_offset"])
	}
	var m map[string]any
	if err := json.Unmarshal(first.Response[0], &m); err != nil || len(m) != 2 || m["username"] != "user00002" || !strings.HasPrefix(fmt.Sprint(m["user_id"]), "DU") {
		t.Errorf("first member is %v, want user00002 as {user_id, username}", m)
	}
	if ans := listAt(t, c, path, nil); len(ans.Response) != 100 {
		t.Errorf("the default limit gave %d members, want 100", len(ans.Response))
	}

	empty := listAt(t, c, "/admin/v2/groups/DGEXTRA0000000000000/users", nil)
	if empty.Response == nil || len(empty.Response) != 0 || empty.Metadata["total_objects"] != float64(0) {
		t.Errorf("an empty group answered %+v, want an empty list", empty)
	}
}

func TestConflictingGroupsRejected(t *testing.T) {
	renamed := groupVPN
	renamed.Name = "Renamed"
	if _, err := Start(Options{Groups: []Group{renamed}}); err == nil || !strings.Contains(err.Error(), groupVPN.GroupID) {
		t.Fatalf("got %v, want an error naming %s", err, groupVPN.GroupID)
	}
}
