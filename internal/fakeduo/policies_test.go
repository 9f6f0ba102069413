package fakeduo

import (
	"crypto/sha512"
	"encoding/json"
	"net/http"
	"net/url"
	"slices"
	"testing"
	"time"

	duoapi "github.com/duosecurity/duo_api_golang"
)

// TestPoliciesRefuseV2Signatures: the policy endpoints take only v5
// signatures, as every official Duo example signs them, so that a client
// that signs them v2 fails against the fake; other endpoints take both.
func TestPoliciesRefuseV2Signatures(t *testing.T) {
	s := startServer(t, Options{})
	c := newClient(s, s.IntegrationKey(), s.SecretKey())
	for _, path := range []string{policiesPath, policiesPath + "/POSAMPLE000000000001", globalPolicyPath, policySummaryPath, calculatePath} {
		resp, body, err := c.SignedCall(http.MethodGet, path, url.Values{"integration_key": {"DISAMPLE000000000003"}, "user_id": {"DUSAMPLE000000000001"}}, duoapi.UseTimeout)
		if err != nil {
			t.Fatal(err)
		}
		expectFail(t, resp.StatusCode, body, http.StatusUnauthorized, 40103)
		if status, body := call(t, c, path, url.Values{"integration_key": {"DISAMPLE000000000003"}, "user_id": {"DUSAMPLE000000000001"}}); status != http.StatusOK {
			t.Errorf("a v5-signed GET %s got HTTP %d: %s", path, status, body)
		}
	}
	// This package's own v2 signature, refused there, passes elsewhere.
	date := time.Now().UTC().Format(time.RFC1123Z)
	status, body := rawGet(t, s, http.MethodGet, policiesPath, nil, date)
	expectFail(t, status, body, http.StatusUnauthorized, 40103)
	if status, body := rawGet(t, s, http.MethodGet, usersPath, nil, date); status != http.StatusOK {
		t.Errorf("a v2-signed GET %s got HTTP %d: %s", usersPath, status, body)
	}
	// A v2 signature never matches where v5 is required, even with the
	// canonical text v2 signs.
	v2 := hmacHex(sha512.New, s.SecretKey(), canonicalV2(http.MethodGet, s.Host(), policiesPath, url.Values{}, "date"))
	if signatureMatches(s.SecretKey(), v2, http.MethodGet, s.Host(), policiesPath, "date", url.Values{}, url.Values{}, "", true) {
		t.Error("signatureMatches accepted a v2 signature with v5Only")
	}
}

func TestSamplePolicies(t *testing.T) {
	s := startServer(t, Options{})
	c := newClient(s, s.IntegrationKey(), s.SecretKey())
	sample := SampleAccount()

	listed := decodeAll(t, listAt(t, c, policiesPath, nil).Response)
	var keys []string
	for _, p := range listed {
		expectKeys(t, "policy", p, []string{"is_global_policy", "policy_key", "policy_name", "sections"})
		keys = append(keys, p["policy_key"].(string))
	}
	if !slices.Equal(keys, []string{"POSAMPLE000000000000", "POSAMPLE000000000001", "POSAMPLE000000000002", "POSAMPLE000000000003", "POSAMPLE000000000004"}) {
		t.Errorf("policies listed %v", keys)
	}
	global := getObject(t, c, globalPolicyPath)
	if global["policy_key"] != "POSAMPLE000000000000" || global["is_global_policy"] != true || len(global["sections"].(object)) != 18 {
		t.Errorf("global policy %v", global)
	}
	if draft := getObject(t, c, policiesPath+"/POSAMPLE000000000004"); draft["sections"] == nil || len(draft["sections"].(object)) != 0 {
		t.Errorf("a policy without sections is sent with sections %v, want {}", draft["sections"])
	}
	status, body := call(t, c, policiesPath+"/PONOSUCHPOLICY", nil)
	expectFail(t, status, body, http.StatusNotFound, 40401)

	// The summary places the custom policies where the integrations and
	// the policies' groups say.
	summary := getObject(t, c, policySummaryPath)
	if summary["policy_count"] != 4.0 || summary["response_is_truncated"] != false {
		t.Errorf("summary %v", summary)
	}
	places := map[string][]object{}
	for _, entry := range summary["policies"].([]any) {
		entry := entry.(object)
		for _, place := range entry["policy_applies_to"].([]any) {
			places[entry["policy_key"].(string)] = append(places[entry["policy_key"].(string)], place.(object))
		}
		if _, ok := entry["policy_applies_to"]; !ok {
			t.Errorf("summary entry without policy_applies_to: %v", entry)
		}
	}
	for _, in := range sample.Integrations {
		if in.PolicyKey == nil {
			continue
		}
		if !slices.ContainsFunc(places[*in.PolicyKey], func(o object) bool {
			return o["app_integration_key"] == in.IntegrationKey && o["app_name"] == in.Name && o["apply_type"] == "app"
		}) {
			t.Errorf("the summary does not apply %s to %s", *in.PolicyKey, in.IntegrationKey)
		}
	}
	if got := places["POSAMPLE000000000003"]; len(got) != 2 || got[0]["apply_type"] != "group_app" || got[0]["group_name"] != "Break-glass" || got[1]["app_name"] != "Intranet (OIDC)" {
		t.Errorf("Break-glass bypass applies to %v", got)
	}
	if len(places["POSAMPLE000000000004"]) != 0 || len(places) != 3 {
		t.Errorf("places %v", places)
	}

	calculate := func(integrationKey, userID string) object {
		t.Helper()
		status, body := call(t, c, calculatePath, url.Values{"integration_key": {integrationKey}, "user_id": {userID}})
		if status != http.StatusOK {
			t.Fatalf("calculate %s %s: HTTP %d %s", integrationKey, userID, status, body)
		}
		var answer struct {
			Response object `json:"response"`
		}
		if err := json.Unmarshal(body, &answer); err != nil {
			t.Fatal(err)
		}
		return answer.Response
	}
	sectionOf := func(answer object, section, key string) any {
		return answer["sections"].(object)[section].(object)[key]
	}
	fromPolicy := func(answer object, section string) any {
		return answer["policy_elements"].(object)[section].(object)["policy_key"]
	}
	vpn := calculate("DISAMPLE000000000003", "DUSAMPLE000000000001")
	if len(vpn["sections"].(object)) != 18 || sectionOf(vpn, "tampered_devices", "block_tampered_devices") != true ||
		sectionOf(vpn, "new_user", "new_user_behavior") != "allow" || fromPolicy(vpn, "user_location") != "POSAMPLE000000000001" || fromPolicy(vpn, "new_user") != "POSAMPLE000000000000" {
		t.Errorf("jsmith in the VPN: %v", vpn)
	}
	if bypass := calculate("DISAMPLE000000000003", "DUSAMPLE000000000007"); sectionOf(bypass, "authentication_policy", "user_auth_behavior") != "bypass" || fromPolicy(bypass, "tampered_devices") != "POSAMPLE000000000000" {
		t.Errorf("svc-backup, in Break-glass, in the VPN: %v", bypass)
	}
	if expenses := calculate("DISAMPLE000000000005", "DUSAMPLE000000000007"); fromPolicy(expenses, "authentication_policy") != "POSAMPLE000000000000" {
		t.Errorf("svc-backup in Expense Portal: %v", expenses)
	}
	for params, want := range map[string]struct{ status, code int }{
		"user_id=DUSAMPLE000000000001":                                     {http.StatusBadRequest, 40002},
		"integration_key=DISAMPLE000000000003":                             {http.StatusBadRequest, 40002},
		"integration_key=DINOSUCHINTEGRATION&user_id=DUSAMPLE000000000001": {http.StatusNotFound, 40401},
		"integration_key=DISAMPLE000000000003&user_id=DUNOSUCHUSER":        {http.StatusNotFound, 40401},
	} {
		query, _ := url.ParseQuery(params)
		status, body := call(t, c, calculatePath, query)
		expectFail(t, status, body, want.status, want.code)
	}
}

// TestGeneratedPolicies: every integration's policy is in the summary, and
// the groups policies apply to are the users' groups.
func TestGeneratedPolicies(t *testing.T) {
	users := GeneratedUsers(40)
	account := GeneratedAccount(users, 30)
	s := startServer(t, Options{Users: users, Account: &account})
	c := newClient(s, s.IntegrationKey(), s.SecretKey())
	summary := getObject(t, c, policySummaryPath)
	if summary["policy_count"] != 29.0 {
		t.Errorf("policy_count %v, want the 29 custom policies", summary["policy_count"])
	}
	groupApps, apps := 0, 0
	for _, entry := range summary["policies"].([]any) {
		for _, place := range entry.(object)["policy_applies_to"].([]any) {
			switch place.(object)["apply_type"] {
			case "app":
				apps++
			case "group_app":
				groupApps++
			}
		}
	}
	named := 0
	for _, in := range account.Integrations {
		if in.PolicyKey != nil {
			named++
		}
	}
	if apps != named || groupApps == 0 {
		t.Errorf("the summary applies policies to %d applications (the integrations name %d) and %d groups within them", apps, named, groupApps)
	}
}
