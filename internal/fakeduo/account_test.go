package fakeduo

import (
	"encoding/json"
	"fmt"
	"maps"
	"net/http"
	"net/url"
	"reflect"
	"slices"
	"strings"
	"testing"

	duoapi "github.com/duosecurity/duo_api_golang"
	"github.com/duosecurity/duo_api_golang/admin"
)

// Exact key sets, written out from the API notes rather than taken from
// the fake's structs.
var (
	shortUserKeys = []string{"alias1", "alias2", "alias3", "alias4", "aliases", "created", "email", "firstname",
		"is_enrolled", "last_directory_sync", "last_login", "lastname", "notes", "realname", "status", "user_id", "username"}
	shortAdminKeys = []string{"admin_id", "created", "email", "last_login", "name"}
	adminKeys      = []string{"admin_id", "admin_units", "created", "email", "hardtoken", "last_login", "name",
		"password_change_required", "phone", "restricted_by_admin_units", "role", "status"}
	listedUnitKeys = []string{"admin_unit_id", "description", "name", "restrict_by_groups", "restrict_by_integrations"}
	unitKeys       = append(slices.Clone(listedUnitKeys), "admins", "groups", "integrations")
	// integrationKeys are those every integration has; the others are
	// absent on some.
	integrationKeys = []string{"adminapi_admins", "adminapi_admins_read", "adminapi_allow_to_set_permissions",
		"adminapi_info", "adminapi_integrations", "adminapi_read_log", "adminapi_read_resource", "adminapi_settings",
		"adminapi_write_resource", "enroll_policy", "greeting", "groups_allowed", "integration_key", "ip_whitelist",
		"ip_whitelist_enroll_policy", "name", "notes", "secret_key", "self_service_allowed", "type", "user_access",
		"username_normalization_policy"}
	phoneKeys = []string{"activated", "capabilities", "encrypted", "extension", "fingerprint", "last_seen", "model",
		"name", "number", "phone_id", "platform", "postdelay", "predelay", "screenlock", "sms_passcodes_sent",
		"tampered", "type", "users"}
	tokenKeys      = []string{"admins", "serial", "token_id", "totp_step", "type", "users"}
	bypassCodeKeys = []string{"admin_email", "bypass_code_id", "created", "expiration", "reuse_count", "user"}
	settingsKeys   = []string{"caller_id", "email_activity_notification_enabled", "enrollment_universal_prompt_enabled",
		"fraud_email", "fraud_email_enabled", "helpdesk_bypass", "helpdesk_bypass_expiration",
		"helpdesk_can_send_enroll_email", "helpdesk_message", "inactive_user_expiration", "keypress_confirm",
		"keypress_fraud", "language", "lockout_expire_duration", "lockout_threshold", "log_retention_days",
		"minimum_password_length", "name", "password_requires_lower_alpha", "password_requires_numeric",
		"password_requires_special", "password_requires_upper_alpha", "pending_deletion_days",
		"push_activity_notification_enabled", "security_checkup_enabled", "sms_batch", "sms_expiration",
		"sms_message", "sms_refresh", "telephony_warning_min", "timezone", "unenrolled_user_lockout_threshold",
		"user_managers_can_put_users_in_bypass", "user_telephony_cost_max"}
	summaryKeys = []string{"admin_count", "edition", "integration_count", "telephony_credits_remaining",
		"user_count", "user_pending_deletion_count"}
)

type object = map[string]any

// getObject reads the object at path, which must answer 200.
func getObject(t *testing.T, c *duoapi.DuoApi, path string) object {
	t.Helper()
	status, body := call(t, c, path, nil)
	var ans struct {
		Stat     string `json:"stat"`
		Response object `json:"response"`
	}
	if err := json.Unmarshal(body, &ans); err != nil || status != http.StatusOK || ans.Stat != "OK" {
		t.Fatalf("GET %s: HTTP %d %s (%v)", path, status, body, err)
	}
	return ans.Response
}

// decodeAll decodes each listed object.
func decodeAll(t *testing.T, raws []json.RawMessage) []object {
	t.Helper()
	out := make([]object, len(raws))
	for i, raw := range raws {
		if err := json.Unmarshal(raw, &out[i]); err != nil {
			t.Fatal(err)
		}
	}
	return out
}

// listAll reads a whole listing asking for limit objects a page, following
// next_offset, and checks that every page but the last holds fullPage
// objects. It returns the objects and the number of pages.
func listAll(t *testing.T, c *duoapi.DuoApi, path string, params url.Values, limit, fullPage int) ([]object, int) {
	t.Helper()
	var all []object
	offset := 0
	for pages := 1; ; pages++ {
		query := maps.Clone(params)
		if query == nil {
			query = url.Values{}
		}
		query.Set("limit", fmt.Sprint(limit))
		query.Set("offset", fmt.Sprint(offset))
		ans := listAt(t, c, path, query)
		all = append(all, decodeAll(t, ans.Response)...)
		next, ok := ans.Metadata["next_offset"]
		if !ok {
			if total := ans.Metadata["total_objects"]; total != float64(len(all)) {
				t.Fatalf("%s: %d objects listed, total_objects %v", path, len(all), total)
			}
			return all, pages
		}
		if len(ans.Response) != fullPage || next != float64(offset+fullPage) {
			t.Fatalf("%s at offset %d: %d objects, next_offset %v; want %d and %d", path, offset, len(ans.Response), next, fullPage, offset+fullPage)
		}
		offset = int(next.(float64))
	}
}

func sortedKeys(o object) []string { return slices.Sorted(maps.Keys(o)) }

// expectKeys fails unless o has exactly the keys want.
func expectKeys(t *testing.T, what string, o object, want []string) {
	t.Helper()
	if got, want := sortedKeys(o), slices.Sorted(slices.Values(want)); !slices.Equal(got, want) {
		t.Errorf("%s has keys %v, want %v", what, got, want)
	}
}

// expectListOfKeys fails unless o[field] is a list of objects that each
// have exactly the keys want, and returns them.
func expectListOfKeys(t *testing.T, what string, o object, field string, want []string) []object {
	t.Helper()
	list, ok := o[field].([]any)
	if !ok {
		t.Fatalf("%s.%s is %#v, want a list", what, field, o[field])
	}
	var out []object
	for i, item := range list {
		entry, ok := item.(object)
		if !ok {
			t.Fatalf("%s.%s[%d] is %#v, want an object", what, field, i, item)
		}
		expectKeys(t, fmt.Sprintf("%s.%s[%d]", what, field, i), entry, want)
		out = append(out, entry)
	}
	return out
}

// byField indexes objects by the string value of field.
func byField(objects []object, field string) map[string]object {
	out := make(map[string]object, len(objects))
	for _, o := range objects {
		out[fmt.Sprint(o[field])] = o
	}
	return out
}

func TestAccountKeySets(t *testing.T) {
	s := startServer(t, Options{})
	c := newClient(s, s.IntegrationKey(), s.SecretKey())
	sample := SampleAccount()

	admins := decodeAll(t, listAt(t, c, adminsPath, nil).Response)
	if len(admins) != len(sample.Admins) {
		t.Fatalf("%d admins listed", len(admins))
	}
	for _, a := range admins {
		want := adminKeys
		if a["admin_id"] == "DESAMPLE000000000008" {
			want = slices.DeleteFunc(slices.Clone(adminKeys), func(k string) bool { return k == "role" })
		}
		expectKeys(t, "listed admin "+fmt.Sprint(a["admin_id"]), a, want)
		expectKeys(t, "admin by ID", getObject(t, c, adminsPath+"/"+fmt.Sprint(a["admin_id"])), want)
	}

	for _, u := range decodeAll(t, listAt(t, c, adminUnitsPath, nil).Response) {
		expectKeys(t, "listed administrative unit", u, listedUnitKeys)
		expectKeys(t, "administrative unit by ID", getObject(t, c, adminUnitsPath+"/"+fmt.Sprint(u["admin_unit_id"])), unitKeys)
	}

	optional := map[string][]string{
		"DISAMPLE000000000001": {"networks_for_api_access"},
		"DISAMPLE000000000002": {"networks_for_api_access"},
		"DISAMPLE000000000003": {"policy_key"},
		"DISAMPLE000000000004": {"frameless_auth_prompt_enabled", "prompt_v4_enabled", "policy_key", "sso"},
		"DISAMPLE000000000005": {"frameless_auth_prompt_enabled"},
		"DISAMPLE000000000006": {"sso"},
	}
	integrations := decodeAll(t, listAt(t, c, integrationsPath, nil).Response)
	if len(integrations) != len(optional) {
		t.Fatalf("%d integrations listed", len(integrations))
	}
	for _, in := range integrations {
		ikey := fmt.Sprint(in["integration_key"])
		want := append(slices.Clone(integrationKeys), optional[ikey]...)
		expectKeys(t, "listed integration "+ikey, in, want)
		expectKeys(t, "integration by key", getObject(t, c, integrationsPath+"/"+ikey), want)
	}

	phones := decodeAll(t, listAt(t, c, phonesPath, nil).Response)
	if len(phones) != 8 {
		t.Errorf("%d phones listed, want the users' 6 and 2 nobody holds", len(phones))
	}
	for _, p := range phones {
		expectKeys(t, "listed phone", p, phoneKeys)
		expectListOfKeys(t, "phone", p, "users", shortUserKeys)
	}

	tokens := decodeAll(t, listAt(t, c, tokensPath, nil).Response)
	if len(tokens) != 8 {
		t.Errorf("%d tokens listed, want the users' 5, an admin's and 2 nobody holds", len(tokens))
	}
	for _, tok := range tokens {
		expectKeys(t, "listed token", tok, tokenKeys)
		expectListOfKeys(t, "token", tok, "users", shortUserKeys)
		expectListOfKeys(t, "token", tok, "admins", shortAdminKeys)
	}

	codes := decodeAll(t, listAt(t, c, bypassCodesPath, nil).Response)
	if len(codes) != len(sample.BypassCodes) {
		t.Errorf("%d bypass codes listed", len(codes))
	}
	for _, code := range append(codes, getObject(t, c, bypassCodesPath+"/DBSAMPLE000000000003")) {
		expectKeys(t, "bypass code", code, bypassCodeKeys)
		user, ok := code["user"].(object)
		if !ok {
			t.Fatalf("bypass code user %#v", code["user"])
		}
		expectKeys(t, "bypass code user", user, shortUserKeys)
	}

	expectKeys(t, "settings", getObject(t, c, settingsPath), settingsKeys)
	expectKeys(t, "summary", getObject(t, c, summaryPath), summaryKeys)
}

// TestSampleAccountValues checks the null, "" and absent variants and the
// values SampleAccount's documentation promises.
func TestSampleAccountValues(t *testing.T) {
	s := startServer(t, Options{})
	c := newClient(s, s.IntegrationKey(), s.SecretKey())
	check := func(what string, o object, field string, want any) {
		t.Helper()
		got, present := o[field]
		if _, wantAbsent := want.(absent); wantAbsent {
			if present {
				t.Errorf("%s.%s = %#v, want absent", what, field, got)
			}
			return
		}
		if b, _ := json.Marshal(got); !present || string(b) != mustJSON(want) {
			t.Errorf("%s.%s = %s (present %v), want %s", what, field, b, present, mustJSON(want))
		}
	}

	admins := byField(decodeAll(t, listAt(t, c, adminsPath, nil).Response), "admin_id")
	owners := 0
	for _, a := range admins {
		if a["role"] == "Owner" {
			owners++
		}
	}
	if owners != 2 {
		t.Errorf("%d owners, want 2", owners)
	}
	check("Björn", admins["DESAMPLE000000000002"], "name", "Björn Ødegård")
	check("Björn", admins["DESAMPLE000000000002"], "created", nil)
	check("Björn", admins["DESAMPLE000000000002"], "phone", nil)
	check("Harper", admins["DESAMPLE000000000003"], "hardtoken", object{"token_id": "DHSAMPLE000000000006", "serial": "700001", "type": "h6", "totp_step": nil})
	check("Harper", admins["DESAMPLE000000000003"], "admin_units", []string{"DASAMPLE000000000001"})
	check("Olivia", admins["DESAMPLE000000000001"], "hardtoken", nil)
	check("Olivia", admins["DESAMPLE000000000001"], "admin_units", []string{})
	check("Dana", admins["DESAMPLE000000000004"], "status", "Disabled")
	check("Evan", admins["DESAMPLE000000000005"], "status", "Expired")
	check("Nina", admins["DESAMPLE000000000006"], "last_login", nil)
	check("Nina", admins["DESAMPLE000000000006"], "status", "Pending Activation")
	check("Jordan", admins["DESAMPLE000000000008"], "role", absent{})
	check("Jordan", admins["DESAMPLE000000000008"], "phone", "")

	unit := getObject(t, c, adminUnitsPath+"/DASAMPLE000000000002")
	check("Finance Apps", unit, "description", "")
	check("Finance Apps", unit, "admins", []string{"DESAMPLE000000000007"})
	check("Finance Apps", unit, "groups", []string{groupFinance.GroupID})
	check("Finance Apps", unit, "integrations", []string{"DISAMPLE000000000005"})
	check("Régions Europe", getObject(t, c, adminUnitsPath+"/DASAMPLE000000000003"), "admins", []string{})

	readWrite := getObject(t, c, integrationsPath+"/DISAMPLE000000000001")
	readOnly := getObject(t, c, integrationsPath+"/DISAMPLE000000000002")
	check("read/write", readWrite, "adminapi_write_resource", 1)
	check("read-only", readOnly, "adminapi_write_resource", 0)
	check("read-only", readOnly, "adminapi_read_resource", 1)
	check("read-only", readOnly, "notes", "")
	check("web app", getObject(t, c, integrationsPath+"/DISAMPLE000000000005"), "groups_allowed", []string{groupFinance.GroupID})
	check("web app", getObject(t, c, integrationsPath+"/DISAMPLE000000000005"), "prompt_v4_enabled", absent{})
	check("SAML", getObject(t, c, integrationsPath+"/DISAMPLE000000000006"), "name", "Zeiterfassung – Büro 東京")
	check("Auth API", getObject(t, c, integrationsPath+"/DISAMPLE000000000003"), "user_access", "PERMITTED_GROUPS")

	check("zoe's phone", getObject(t, c, phonesPath+"/DPSAMPLE000000000003"), "tampered", "Tampered")
	check("reception", getObject(t, c, phonesPath+"/DPSAMPLE000000000007"), "users", []any{})
	check("kiosk", getObject(t, c, phonesPath+"/DPSAMPLE000000000008"), "number", "")

	adaToken := getObject(t, c, tokensPath+"/DHSAMPLE000000000003")
	if users, admins := adaToken["users"].([]any), adaToken["admins"].([]any); len(users) != 1 || len(admins) != 1 ||
		users[0].(object)["username"] != "ada.lovelace" || admins[0].(object)["admin_id"] != "DESAMPLE000000000007" {
		t.Errorf("Ada's YubiKey is held by %v and %v, want user ada.lovelace and admin DESAMPLE000000000007", users, admins)
	}
	check("unassigned token", getObject(t, c, tokensPath+"/DHSAMPLE000000000007"), "users", []any{})
	check("unassigned token", getObject(t, c, tokensPath+"/DHSAMPLE000000000007"), "admins", []any{})

	codes := byField(decodeAll(t, listAt(t, c, bypassCodesPath, nil).Response), "bypass_code_id")
	check("code 2", codes["DBSAMPLE000000000002"], "expiration", nil)
	check("code 2", codes["DBSAMPLE000000000002"], "reuse_count", 0)
	check("code 3", codes["DBSAMPLE000000000003"], "admin_email", "")
	check("code 1", codes["DBSAMPLE000000000001"], "expiration", sampleCodeExpires)
	if user := codes["DBSAMPLE000000000003"]["user"].(object); user["username"] != "svc-backup" {
		t.Errorf("code 3 belongs to %v", user)
	}

	settings := getObject(t, c, settingsPath)
	check("settings", settings, "lockout_expire_duration", nil)
	check("settings", settings, "log_retention_days", 180)
	check("settings", settings, "user_telephony_cost_max", 20)
	if _, body := call(t, c, settingsPath, nil); !strings.Contains(string(body), `"user_telephony_cost_max":20.0`) {
		t.Errorf("settings send the telephony cost without a decimal: %s", body)
	}
	summary := getObject(t, c, summaryPath)
	for field, want := range map[string]any{"admin_count": 8, "integration_count": 6, "telephony_credits_remaining": 960,
		"user_count": 7, "user_pending_deletion_count": 1, "edition": "Duo Premier"} {
		check("summary", summary, field, want)
	}
}

// TestPhonesAndTokensAreTheUsers checks that every phone and token of every
// user is listed as the user's object shows it, with the user among its
// holders.
func TestPhonesAndTokensAreTheUsers(t *testing.T) {
	s := startServer(t, Options{})
	c := newClient(s, s.IntegrationKey(), s.SecretKey())
	phones := byField(decodeAll(t, listAt(t, c, phonesPath, nil).Response), "phone_id")
	tokens := byField(decodeAll(t, listAt(t, c, tokensPath, nil).Response), "token_id")
	held := 0
	for _, u := range decodeAll(t, listUsers(t, c, nil).Response) {
		for _, kind := range []struct {
			field, id string
			listed    map[string]object
		}{{"phones", "phone_id", phones}, {"tokens", "token_id", tokens}} {
			for _, item := range u[kind.field].([]any) {
				own := item.(object)
				listed := kind.listed[fmt.Sprint(own[kind.id])]
				if listed == nil {
					t.Fatalf("%s of %s is not listed", own[kind.id], u["username"])
				}
				holders := listed["users"].([]any)
				if !slices.ContainsFunc(holders, func(h any) bool { return h.(object)["user_id"] == u["user_id"] }) {
					t.Errorf("%s does not name its holder %s", own[kind.id], u["username"])
				}
				for field, value := range own {
					if mustJSON(listed[field]) != mustJSON(value) {
						t.Errorf("%s.%s is %s listed, %s in user %s", own[kind.id], field, mustJSON(listed[field]), mustJSON(value), u["username"])
					}
				}
				held++
			}
		}
	}
	if held != 11 {
		t.Errorf("the sample users hold %d phones and tokens, want 11", held)
	}
}

func TestSharedPhoneListedOnceWithBothUsers(t *testing.T) {
	users := GeneratedUsers(3)
	shared := Phone{PhoneID: "DPSHARED000000000001", Number: "+15555550999", Type: "Landline", Platform: "Unknown"}
	users[0].Phones = []Phone{shared}
	users[2].Phones = append(users[2].Phones, shared)
	s := startServer(t, Options{Users: users})
	c := newClient(s, s.IntegrationKey(), s.SecretKey())
	matches := decodeAll(t, listAt(t, c, phonesPath, url.Values{"number": {shared.Number}}).Response)
	if len(matches) != 1 {
		t.Fatalf("the shared phone is listed %d times", len(matches))
	}
	holders := expectListOfKeys(t, "shared phone", matches[0], "users", shortUserKeys)
	if len(holders) != 2 || holders[0]["user_id"] != users[0].UserID || holders[1]["user_id"] != users[2].UserID {
		t.Errorf("the shared phone's users are %v, want %s then %s", holders, users[0].UserID, users[2].UserID)
	}

	users[2].Phones[len(users[2].Phones)-1].Name = "Renamed"
	if _, err := Start(Options{Users: users}); err == nil || !strings.Contains(err.Error(), shared.PhoneID) {
		t.Errorf("a phone described two ways: Start gave %v", err)
	}
}

func TestAccountPaging(t *testing.T) {
	users := GeneratedUsers(40)
	account := GeneratedAccount(users, 600)
	s := startServer(t, Options{Users: users, Account: &account})
	c := newClient(s, s.IntegrationKey(), s.SecretKey())

	userPhones, userTokens, adminTokens := 0, 0, 0
	for _, u := range users {
		userPhones += len(u.Phones)
		userTokens += len(u.Tokens)
	}
	for _, a := range account.Admins {
		if a.HardToken != nil {
			adminTokens++
		}
	}
	for _, tt := range []struct {
		path, id string
		max      int
		total    int
	}{
		{adminsPath, "admin_id", 500, 600},
		{adminUnitsPath, "admin_unit_id", 500, 600},
		{integrationsPath, "integration_key", 300, 600},
		{phonesPath, "phone_id", 500, userPhones + 600},
		{tokensPath, "token_id", 500, userTokens + adminTokens + 600},
		{bypassCodesPath, "bypass_code_id", 500, 600},
		{policiesPath, "policy_key", 100, 600},
	} {
		// Asking for more than the maximum gets the maximum.
		all, pages := listAll(t, c, tt.path, nil, 1000, tt.max)
		if pages < 2 || len(all) != tt.total || len(byField(all, tt.id)) != tt.total {
			t.Errorf("%s: %d pages of %d objects (%d distinct), want several pages of %d", tt.path, pages, len(all), len(byField(all, tt.id)), tt.total)
		}
		if ans := listAt(t, c, tt.path, nil); len(ans.Response) != 100 || ans.Metadata["next_offset"] != 100.0 {
			t.Errorf("%s: the default page has %d objects, next_offset %v; want 100 and 100", tt.path, len(ans.Response), ans.Metadata["next_offset"])
		}
	}
}

func TestAccountFilters(t *testing.T) {
	s := startServer(t, Options{})
	c := newClient(s, s.IntegrationKey(), s.SecretKey())
	for _, tt := range []struct {
		path   string
		params url.Values
		id     string
		want   []string
	}{
		{phonesPath, url.Values{"number": {"+15555550101"}}, "phone_id", []string{"DPSAMPLE000000000002", "DPSAMPLE000000000007"}},
		{phonesPath, url.Values{"number": {"+15555550101"}, "extension": {"1234"}}, "phone_id", []string{"DPSAMPLE000000000002"}},
		{phonesPath, url.Values{"number": {"+15555550101"}, "extension": {"5678"}}, "phone_id", []string{"DPSAMPLE000000000007"}},
		{phonesPath, url.Values{"number": {"+15555550101"}, "extension": {""}}, "phone_id", nil},
		{phonesPath, url.Values{"number": {"+34600000000"}}, "phone_id", []string{"DPSAMPLE000000000003"}},
		{phonesPath, url.Values{"number": {"+10000000000"}}, "phone_id", nil},
		{tokensPath, url.Values{"type": {"h6"}, "serial": {"100001"}}, "token_id", []string{"DHSAMPLE000000000001"}},
		{tokensPath, url.Values{"type": {"h8"}, "serial": {"100001"}}, "token_id", []string{"DHSAMPLE000000000008"}},
		{tokensPath, url.Values{"type": {"h6"}, "serial": {"700001"}}, "token_id", []string{"DHSAMPLE000000000006"}},
		{tokensPath, url.Values{"type": {"t6"}, "serial": {"100001"}}, "token_id", nil},
		{adminUnitsPath, url.Values{"admin_id": {"DESAMPLE000000000007"}}, "admin_unit_id", []string{"DASAMPLE000000000001", "DASAMPLE000000000002"}},
		{adminUnitsPath, url.Values{"admin_id": {"DESAMPLE000000000003"}}, "admin_unit_id", []string{"DASAMPLE000000000001"}},
		{adminUnitsPath, url.Values{"admin_id": {"DESAMPLE000000000001"}}, "admin_unit_id", nil},
		{adminUnitsPath, url.Values{"group_id": {groupVPN.GroupID}}, "admin_unit_id", []string{"DASAMPLE000000000001"}},
		{adminUnitsPath, url.Values{"group_id": {groupFinance.GroupID}}, "admin_unit_id", []string{"DASAMPLE000000000002"}},
		{adminUnitsPath, url.Values{"integration_key": {"DISAMPLE000000000005"}}, "admin_unit_id", []string{"DASAMPLE000000000002"}},
		{adminUnitsPath, url.Values{"integration_key": {"DINOSUCHINTEGRATION0"}}, "admin_unit_id", nil},
	} {
		ans := listAt(t, c, tt.path, tt.params)
		if got := ids(t, ans.Response, tt.id); !slices.Equal(got, tt.want) || ans.Metadata["total_objects"] != float64(len(tt.want)) {
			t.Errorf("%s %v: %v (total_objects %v), want %v", tt.path, tt.params, got, ans.Metadata["total_objects"], tt.want)
		}
		if ans.Response == nil {
			t.Errorf("%s %v: response is null, want a list", tt.path, tt.params)
		}
		if tt.path == adminUnitsPath {
			for _, u := range decodeAll(t, ans.Response) {
				expectKeys(t, "filtered administrative unit", u, listedUnitKeys)
			}
		}
	}

	// Filters page like the whole listing.
	page := listAt(t, c, adminUnitsPath, url.Values{"admin_id": {"DESAMPLE000000000007"}, "limit": {"1"}, "offset": {"1"}})
	if got := ids(t, page.Response, "admin_unit_id"); !slices.Equal(got, []string{"DASAMPLE000000000002"}) || page.Metadata["total_objects"] != 2.0 {
		t.Errorf("the second page of one unit: %v %v", got, page.Metadata)
	}

	for _, tt := range []struct {
		path   string
		params url.Values
	}{
		{tokensPath, url.Values{"type": {"h6"}}},
		{tokensPath, url.Values{"serial": {"100001"}}},
		{phonesPath, url.Values{"extension": {"1234"}}},
		{adminUnitsPath, url.Values{"admin_id": {"DESAMPLE000000000007"}, "group_id": {groupVPN.GroupID}}},
		{adminUnitsPath, url.Values{"group_id": {groupVPN.GroupID}, "integration_key": {"DISAMPLE000000000005"}}},
		{adminsPath, url.Values{"limit": {"0"}}},
	} {
		status, body := call(t, c, tt.path, tt.params)
		expectFail(t, status, body, http.StatusBadRequest, 40002)
	}
}

func TestAccountObjectsNotFound(t *testing.T) {
	s := startServer(t, Options{})
	c := newClient(s, s.IntegrationKey(), s.SecretKey())
	for path, detail := range map[string]string{
		adminsPath + "/DENOSUCHADMIN0000000":               "admin_id",
		adminUnitsPath + "/DANOSUCHUNIT00000000":           "admin_unit_id",
		integrationsPath + "/DINOSUCHINTEGRATION0":         "integration_key",
		"/admin/v1/integrations/DINOSUCHINTEGRATION0/skey": "integration_key",
		phonesPath + "/DPNOSUCHPHONE0000000":               "phone_id",
		tokensPath + "/DHNOSUCHTOKEN0000000":               "token_id",
		bypassCodesPath + "/DBNOSUCHCODE00000000":          "bypass_code_id",
		bypassCodesPath + "/DBSAMPLE000000000001/extra":    "",
		"/admin/v1/integrations/DISAMPLE000000000001":      "",
		"/admin/v3/integrations/DISAMPLE000000000001/skey": "",
		"/admin/v1/info": "",
		"/admin/v1/administrative_units/DASAMPLE000000000001/more": "",
	} {
		status, body := call(t, c, path, nil)
		if fail := expectFail(t, status, body, http.StatusNotFound, 40401); fail.MessageDetail != detail {
			t.Errorf("GET %s: message_detail %q, want %q", path, fail.MessageDetail, detail)
		}
	}
}

// TestDuoAdminClientReadsPhonesAndTokens decodes phones and tokens with
// duo_api_golang's own admin client, which pages by itself.
func TestDuoAdminClientReadsPhonesAndTokens(t *testing.T) {
	users := GeneratedUsers(90)
	account := GeneratedAccount(users, 150)
	s := startServer(t, Options{Users: users, Account: &account})
	client := admin.New(*newClient(s, s.IntegrationKey(), s.SecretKey()))

	phones, err := client.GetPhones()
	if err != nil || phones.Stat != "OK" {
		t.Fatalf("GetPhones: %v %+v", err, phones)
	}
	wantPhones := len(account.Phones)
	for _, u := range users {
		wantPhones += len(u.Phones)
	}
	distinct := map[string]bool{}
	held := 0
	for _, p := range phones.Response {
		distinct[p.PhoneID] = true
		held += len(p.Users)
	}
	if len(phones.Response) != wantPhones || len(distinct) != wantPhones || held != wantPhones-len(account.Phones) {
		t.Errorf("GetPhones: %d phones (%d distinct, %d holders), want %d, of which %d held", len(phones.Response), len(distinct), held, wantPhones, wantPhones-len(account.Phones))
	}

	spare := account.Phones[5]
	byNumber, err := client.GetPhones(admin.GetPhonesNumber(spare.Number), admin.GetPhonesExtension(spare.Extension))
	if err != nil || len(byNumber.Response) != 1 || byNumber.Response[0].PhoneID != spare.PhoneID || byNumber.Response[0].Extension != spare.Extension {
		t.Errorf("GetPhones by number and extension: %v %+v", err, byNumber)
	}

	token := account.Admins[0].HardToken
	tokens, err := client.GetTokens(admin.GetTokensTypeAndSerial(token.Type, token.Serial))
	if err != nil || len(tokens.Response) != 1 || tokens.Response[0].TokenID != token.TokenID {
		t.Errorf("GetTokens by type and serial: %v %+v", err, tokens)
	}
}

// TestAdminAuthMethodsAreSentAsGiven: allowed_auth_methods, not an
// administrator's ID, sends each flag in the form the account gives it.
func TestAdminAuthMethodsAreSentAsGiven(t *testing.T) {
	s := startServer(t, Options{})
	got := getObject(t, newClient(s, s.IntegrationKey(), s.SecretKey()), adminAuthMethodsPath)
	want := object{
		"push_enabled": true, "sms_enabled": "True", "voice_enabled": 0.0, "mobile_otp_enabled": 1.0, "yubikey_enabled": "False",
		"hardware_token_enabled": false, "webauthn_enabled": true, "verified_push_enabled": true, "verified_push_length": 6.0,
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %v, want %v", got, want)
	}
}
