package provider

import (
	"encoding/json"
	"reflect"
	"testing"

	"github.com/idaudit/terraform-provider-duo/internal/duo"
	"github.com/idaudit/terraform-provider-duo/internal/fakeduo"
)

// decodedUsers are users as the client decodes Duo's JSON.
func decodedUsers(t *testing.T, users []fakeduo.User) []duo.User {
	t.Helper()
	data, err := json.Marshal(users)
	if err != nil {
		t.Fatal(err)
	}
	var decoded []duo.User
	if err := json.Unmarshal(data, &decoded); err != nil {
		t.Fatal(err)
	}
	return decoded
}

func TestListedUserReadsBackAsTheClientDecodedIt(t *testing.T) {
	// The sample users hold every case of a field: null, "", absent, empty
	// and full lists, non-ASCII text; the generated ones every list.
	users := decodedUsers(t, append(fakeduo.SampleUsers(), fakeduo.GeneratedUsers(20)...))
	// Empty lists are not null, and numbers keep their type.
	users = append(users, duo.User{Groups: []duo.Group{}, Phones: []duo.Phone{{Capabilities: []string{}}}, Tokens: []duo.Token{{TOTPStep: ptrTo(duo.Int(-30))}}})
	listing := newUserListing()
	listing.Add(users)
	for i := range users {
		got, err := listing.user(i)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(*got, users[i]) {
			t.Errorf("user %d read back from the listing as\n%s\nwant\n%s", i, mustJSON(got), mustJSON(users[i]))
		}
	}
}

func TestListedUsersAreFoundAsDuoLooksThemUp(t *testing.T) {
	users := decodedUsers(t, fakeduo.SampleUsers())
	// A user whose alias is another's username, and one whose alias is
	// another's alias: the username wins, then the first listed.
	users = append(users,
		duo.User{UserID: ptrTo("DUEXTRA0000000000001"), Username: ptrTo("extra1"), Alias1: ptrTo("jsmith")},
		duo.User{UserID: ptrTo("DUEXTRA0000000000002"), Username: ptrTo("extra2"), Aliases: map[string]string{"alias1": "countess"}},
		duo.User{UserID: ptrTo("DUEXTRA0000000000003"), Username: ptrTo("extra3"), Alias2: ptrTo("")},
	)
	listing := newUserListing()
	listing.Add(users)
	for name, wantID := range map[string]string{
		"jsmith":      "DUSAMPLE000000000001", // a username, and extra1's alias
		"john.smith":  "DUSAMPLE000000000001", // alias1
		"jsmith.corp": "DUSAMPLE000000000001",
		"countess":    "DUSAMPLE000000000006", // ada.lovelace's alias3 before extra2's
		"ada.l":       "DUSAMPLE000000000006",
		"mmajor":      "DUSAMPLE000000000008",
		"extra2":      "DUEXTRA0000000000002",
		"":            "",
		"nobody":      "",
		"Jsmith":      "", // as exact as Duo's lookup
	} {
		user, err := listing.named(name)
		if err != nil {
			t.Fatal(err)
		}
		if got := userID(user); got != wantID {
			t.Errorf("the name %q found %q, want %q", name, got, wantID)
		}
	}
	for _, want := range []string{"DUSAMPLE000000000003", "DUEXTRA0000000000003"} {
		if user, err := listing.withID(want); err != nil || userID(user) != want {
			t.Errorf("the ID %q found %q, %v", want, userID(user), err)
		}
	}
	if user, err := listing.withID("DUNOSUCHUSER0000000X"); user != nil || err != nil {
		t.Errorf("an unknown ID found %q, %v", userID(user), err)
	}
}

func userID(user *duo.User) string {
	if user == nil || user.UserID == nil {
		return ""
	}
	return *user.UserID
}

func ptrTo[T any](v T) *T { return &v }
