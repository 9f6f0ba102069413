package fakeduo

import (
	"reflect"
	"testing"
	"time"
)

// Harden leaves what it is given as it was, so that a caller can keep some
// of the users as they were, and its account is one the fake serves.
func TestHarden(t *testing.T) {
	for name, account := range map[string]func() ([]User, Account){
		"sample": func() ([]User, Account) { return SampleUsers(), SampleAccount() },
		"generated": func() ([]User, Account) {
			users := GeneratedUsers(1000)
			return users, GeneratedAccount(users, 30)
		},
	} {
		t.Run(name, func(t *testing.T) {
			users, given := account()
			hardenedUsers, hardened := Harden(users, given, time.Now())
			if wantUsers, wantAccount := account(); !reflect.DeepEqual(users, wantUsers) || !reflect.DeepEqual(given, wantAccount) {
				t.Fatal("Harden changed the users or the account it was given")
			}
			server, err := Start(Options{Users: hardenedUsers, Account: &hardened})
			if err != nil {
				t.Fatal(err)
			}
			server.Close()
			for _, u := range hardenedUsers {
				if u.Status == "bypass" || u.Status == "active" && (!u.IsEnrolled || len(u.Phones) == 0 || !u.Phones[0].Activated) {
					t.Errorf("user %s is %s, enrolled %v, with phones %v", u.Username, u.Status, u.IsEnrolled, u.Phones)
				}
			}
		})
	}
}
