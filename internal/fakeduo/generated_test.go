package fakeduo

import (
	"crypto/sha512"
	"net/http/httptest"
	"net/url"
	"regexp"
	"testing"
	"time"
)

func TestGeneratedUsers(t *testing.T) {
	start := time.Now()
	users := GeneratedUsers(50000)
	if elapsed := time.Since(start); elapsed > time.Second {
		t.Errorf("GeneratedUsers(50000) took %v", elapsed)
	}
	idPattern := regexp.MustCompile(`^DU[0-9A-Z]{18}$`)
	ids := make(map[string]bool, len(users))
	statuses := map[string]bool{}
	for i, u := range users {
		if !idPattern.MatchString(u.UserID) {
			t.Fatalf("user %d: bad user_id %q", i, u.UserID)
		}
		if ids[u.UserID] {
			t.Fatalf("user %d: duplicate user_id %q", i, u.UserID)
		}
		ids[u.UserID] = true
		statuses[u.Status] = true
		if len(u.Phones) > 2 || len(u.Groups) > 2 {
			t.Fatalf("user %d: %d phones, %d groups", i, len(u.Phones), len(u.Groups))
		}
	}
	if users[0].Username != "user00001" || users[49999].Username != "user50000" {
		t.Errorf("usernames %q .. %q", users[0].Username, users[49999].Username)
	}
	if len(statuses) != 5 {
		t.Errorf("statuses %v", statuses)
	}
	again := GeneratedUsers(3)
	for i := range again {
		if again[i].UserID != users[i].UserID || again[i].Realname != users[i].Realname {
			t.Errorf("GeneratedUsers is not deterministic at %d", i)
		}
	}
}

func BenchmarkStartGenerated50000(b *testing.B) {
	users := GeneratedUsers(50000)
	for b.Loop() {
		s, err := Start(Options{Users: users})
		if err != nil {
			b.Fatal(err)
		}
		s.Close()
	}
}

// BenchmarkListPage300 measures authenticating and answering one 300-user
// page of a 50,000-user list, without the network.
func BenchmarkListPage300(b *testing.B) {
	s, err := newServer(Options{Users: GeneratedUsers(50000)})
	if err != nil {
		b.Fatal(err)
	}
	params := url.Values{"limit": {"300"}, "offset": {"24000"}}
	for b.Loop() {
		req := httptest.NewRequest("GET", "https://127.0.0.1:1/admin/v1/users?"+params.Encode(), nil)
		date := time.Now().UTC().Format(time.RFC1123Z)
		sig := hmacHex(sha512.New, s.skey, canonicalV2("GET", req.Host, "/admin/v1/users", params, date))
		req.Header.Set("Date", date)
		req.Header.Set("Authorization", authorizationHeader(s.ikey, sig))
		rec := httptest.NewRecorder()
		s.ServeHTTP(rec, req)
		if rec.Code != 200 {
			b.Fatalf("HTTP %d: %s", rec.Code, rec.Body)
		}
	}
}
