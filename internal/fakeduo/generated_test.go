package fakeduo

import (
	"crypto/sha512"
	"net/http/httptest"
	"net/url"
	"reflect"
	"regexp"
	"slices"
	"testing"
	"time"
)

func TestGeneratedUsers(t *testing.T) {
	users := GeneratedUsers(50000)
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

func TestGeneratedAccount(t *testing.T) {
	users := GeneratedUsers(7)
	account := GeneratedAccount(users, 60)
	if again := GeneratedAccount(users, 60); !reflect.DeepEqual(account, again) {
		t.Error("GeneratedAccount is not deterministic")
	}
	if len(account.Admins) != 60 || len(account.AdministrativeUnits) != 60 || len(account.Integrations) != 60 ||
		len(account.Phones) != 60 || len(account.Tokens) != 60 || len(account.BypassCodes) != 60 {
		t.Fatalf("not 60 of each: %d admins, %d units, %d integrations, %d phones, %d tokens, %d codes",
			len(account.Admins), len(account.AdministrativeUnits), len(account.Integrations),
			len(account.Phones), len(account.Tokens), len(account.BypassCodes))
	}
	if none := GeneratedAccount(nil, 10); len(none.BypassCodes) != 0 || len(none.Admins) != 10 {
		t.Errorf("without users: %d bypass codes, %d admins; want 0 and 10", len(none.BypassCodes), len(none.Admins))
	}

	id := regexp.MustCompile(`^D[A-Z][0-9A-Z]{18}$`)
	secrets := map[string]bool{}
	seen := map[string]bool{}
	for _, in := range account.Integrations {
		for _, v := range []string{in.IntegrationKey, in.Name} {
			seen[v] = true
		}
		if !id.MatchString(in.IntegrationKey) || len(in.SecretKey) != 40 || secrets[in.SecretKey] {
			t.Errorf("integration %q has secret %q", in.IntegrationKey, in.SecretKey)
		}
		secrets[in.SecretKey] = true
		seen["type "+in.Type] = true
		if in.SSO != nil {
			seen["sso"] = true
		}
		if in.PolicyKey == nil {
			seen["no policy_key"] = true
		}
	}
	for _, a := range account.Admins {
		if !id.MatchString(a.AdminID) {
			t.Errorf("admin_id %q", a.AdminID)
		}
		seen["status "+a.Status] = true
		if a.Role == nil {
			seen["no role"] = true
		}
		if a.Created == nil {
			seen["created null"] = true
		}
		if a.LastLogin == nil {
			seen["last_login null"] = true
		}
		if a.HardToken != nil {
			seen["hardtoken"] = true
		}
		if len(a.AdminUnits) > 0 {
			seen["in a unit"] = true
		}
	}
	for _, c := range account.BypassCodes {
		if c.Expiration == nil {
			seen["never expires"] = true
		}
		if c.AdminEmail == "" {
			seen["made through the API"] = true
		}
		seen["holder "+c.UserID] = true
	}
	for _, p := range account.Phones {
		seen["tampered "+p.Tampered] = true
	}
	for _, want := range []string{"status Active", "status Disabled", "status Expired", "status Pending Activation",
		"no role", "created null", "last_login null", "hardtoken", "in a unit", "type adminapi", "type sso-oidc-generic",
		"type sso-generic", "sso", "no policy_key", "never expires", "made through the API", "tampered Tampered",
		"Anwendung Nº 00004 – 東京", "holder " + users[0].UserID, "holder " + users[6].UserID} {
		if !seen[want] {
			t.Errorf("GeneratedAccount(_, 60) has no %q", want)
		}
	}

	s, err := Start(Options{Users: users, Account: &account})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	c := newClient(s, s.IntegrationKey(), s.SecretKey())
	summary := getObject(t, c, summaryPath)
	expectKeys(t, "summary without an edition", summary, slices.DeleteFunc(slices.Clone(summaryKeys), func(k string) bool { return k == "edition" }))
	if summary["admin_count"] != 60.0 || summary["integration_count"] != 60.0 || summary["user_count"] != 7.0 ||
		summary["user_pending_deletion_count"] != 0.0 || summary["telephony_credits_remaining"] != 5000.0 {
		t.Errorf("summary %v", summary)
	}
	if settings := getObject(t, c, settingsPath); settings["log_retention_days"] != nil || settings["lockout_expire_duration"] != 30.0 {
		t.Errorf("generated settings %v", settings)
	}
}
