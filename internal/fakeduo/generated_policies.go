package fakeduo

import "fmt"

// generatedPolicies returns n policies for GeneratedAccount: policy 0 is
// the global policy (every section, stricter than the sample's), and the
// others are custom, with keys generatedID("PO", i) that integrations
// name. Their sections vary with i%4: none; nested objects and lists;
// an authentication policy (enforce, bypass or deny) with numbers; nulls,
// fractions and a negative number. Policy i with i%5 == 3 applies to
// groupOf(i) within integration i, when there is such a group.
func generatedPolicies(n int, groupOf func(i int) []string) []Policy {
	policies := make([]Policy, n)
	for i := range n {
		p := Policy{PolicyKey: generatedID("PO", uint64(i)), PolicyName: fmt.Sprintf("Policy %05d", i+1)}
		if i%7 == 3 {
			p.PolicyName = fmt.Sprintf("Richtlinie Nº %05d – 東京", i+1)
		}
		switch {
		case i == 0:
			p.PolicyName, p.IsGlobalPolicy = "Global Policy", true
			p.Sections = globalSections()
			p.Sections["new_user"] = map[string]any{"new_user_behavior": "enroll"}
			p.Sections["tampered_devices"] = map[string]any{"block_tampered_devices": true}
		case i%4 == 1:
			p.Sections = map[string]any{
				"remembered_devices": map[string]any{
					"browser_apps": map[string]any{
						"enabled": true, "remember_method": "risk_based",
						"risk_based": map[string]any{"max_time_units": "hours", "max_time_value": i%24 + 1},
					},
				},
				"user_location": map[string]any{
					"default_action":                 "deny",
					"deny_access_countries_list":     []any{},
					"require_mfa_countries_list":     []any{"US", "DE"},
					"ignore_location_countries_list": []any{"CA"},
				},
				"authorized_networks": map[string]any{
					"no_2fa_required":   map[string]any{"ip_list": []any{fmt.Sprintf("10.%d.0.0/16", i%256)}, "require_enrollment": false},
					"mfa_required":      map[string]any{"ip_list": []any{}},
					"deny_other_access": i%2 == 0,
					"blocked":           map[string]any{"ip_list": []any{"192.0.2.1", "198.51.100.0/24"}},
				},
			}
		case i%4 == 2:
			p.Sections = map[string]any{
				"authentication_policy": map[string]any{"user_auth_behavior": []string{"enforce", "bypass", "deny"}[i%3]},
				"authentication_methods": map[string]any{
					"allowed_auth_list":     []any{"duo-push", "webauthn-platform"},
					"blocked_auth_list":     []any{"sms", "phonecall"},
					"require_verified_push": i%3 == 0,
					"verified_push_digits":  i%4 + 3,
				},
			}
		case i%4 == 3:
			p.Sections = map[string]any{
				"duo_mobile_app":              map[string]any{"block_policy": "warn", "block_version": nil},
				"new_user":                    map[string]any{"new_user_behavior": "deny"},
				"risk_based_factor_selection": map[string]any{"enabled": true, "score_threshold": 0.1, "weight": 2.5, "offset": -1},
			}
		}
		if i%5 == 3 {
			if groups := groupOf(i); groups != nil {
				p.GroupsInApps = []GroupsInApp{{IntegrationKey: generatedID("DI", uint64(i)), GroupIDs: groups}}
			}
		}
		policies[i] = p
	}
	return policies
}
