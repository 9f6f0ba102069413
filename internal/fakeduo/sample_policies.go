package fakeduo

// The sample account's policies (see SampleAccount). Section names and
// keys are those of Duo's examples and of third-party tests that claim
// Duo's documented shapes (../shared/duo-admin-api-policies-logs.md).

// samplePolicyKey is the key of sample policy i, the global policy being 0.
func samplePolicyKey(i int) string {
	return []string{"POSAMPLE000000000000", "POSAMPLE000000000001", "POSAMPLE000000000002", "POSAMPLE000000000003", "POSAMPLE000000000004"}[i]
}

// globalSections are every section the notes list, as a permissive
// global policy sets them: new users without a device get in, SMS and
// phone calls are allowed, tampered devices are not blocked.
func globalSections() map[string]any {
	return map[string]any{
		"anonymous_networks": map[string]any{"anonymous_access_behavior": "no-action"},
		"authentication_methods": map[string]any{
			"allowed_auth_list":     []any{"duo-push", "duo-passcode", "phonecall", "sms", "hardware-token", "webauthn-platform", "webauthn-roaming"},
			"blocked_auth_list":     []any{},
			"require_verified_push": false,
			"verified_push_digits":  3,
		},
		"authentication_policy": map[string]any{"user_auth_behavior": "enforce"},
		"authorized_networks": map[string]any{
			"no_2fa_required":   map[string]any{"ip_list": []any{}, "require_enrollment": true},
			"mfa_required":      map[string]any{"ip_list": []any{}},
			"deny_other_access": false,
			"blocked":           map[string]any{"ip_list": []any{}},
		},
		"browsers": map[string]any{"blocked_browsers_list": []any{}, "out_of_date_behavior": "warn-only"},
		"duo_desktop": map[string]any{
			"enforce_encryption": []any{}, "enforce_firewall": []any{}, "requires_duo_desktop": []any{},
			"windows_endpoint_security_list": []any{}, "windows_remediation_note": "",
		},
		"duo_mobile_app":           map[string]any{"block_policy": "no-block", "block_version": nil},
		"full_disk_encryption":     map[string]any{"require_encryption": false},
		"mobile_device_biometrics": map[string]any{"require_biometrics": false},
		"new_user":                 map[string]any{"new_user_behavior": "allow"},
		"operating_systems": map[string]any{
			"allow_unrestricted_os_list": []any{"windows", "macos", "linux", "ios", "android", "chromeos"},
			"block_os_list":              []any{},
			"os_restrictions": map[string]any{
				"android": map[string]any{"block_policy": "end-of-life", "warn_policy": "not-up-to-date"},
				"windows": map[string]any{"block_policy": "never", "warn_policy": "end-of-life"},
			},
		},
		"plugins": map[string]any{"flash": "block-all", "java": "warn-only"},
		"remembered_devices": map[string]any{
			"browser_apps": map[string]any{
				"enabled": false, "remember_method": "risk_based",
				"risk_based": map[string]any{"max_time_units": "days", "max_time_value": 7},
			},
		},
		"risk_based_factor_selection": map[string]any{"enabled": false},
		"screen_lock":                 map[string]any{"require_screen_lock": false},
		"tampered_devices":            map[string]any{"block_tampered_devices": false},
		"trusted_endpoints":           map[string]any{"trusted_endpoint_checking": "allow-all"},
		"user_location": map[string]any{
			"default_action":                 "allow",
			"deny_access_countries_list":     []any{"KP"},
			"require_mfa_countries_list":     []any{},
			"ignore_location_countries_list": []any{},
		},
	}
}

func samplePolicies() []Policy {
	return []Policy{
		{PolicyKey: samplePolicyKey(0), PolicyName: "Global Policy", IsGlobalPolicy: true, Sections: globalSections()},
		{
			PolicyKey: samplePolicyKey(1), PolicyName: "VPN – strict",
			Sections: map[string]any{
				"authentication_methods": map[string]any{
					"allowed_auth_list":     []any{"duo-push", "hardware-token", "webauthn-roaming"},
					"blocked_auth_list":     []any{"phonecall", "sms"},
					"require_verified_push": true,
					"verified_push_digits":  6,
				},
				"remembered_devices": map[string]any{
					"browser_apps": map[string]any{
						"enabled": true, "remember_method": "risk_based",
						"risk_based": map[string]any{"max_time_units": "hours", "max_time_value": 12},
					},
				},
				"tampered_devices": map[string]any{"block_tampered_devices": true},
				"user_location": map[string]any{
					"default_action":                 "allow",
					"deny_access_countries_list":     []any{"IR", "KP", "RU"},
					"require_mfa_countries_list":     []any{"CN"},
					"ignore_location_countries_list": []any{},
				},
			},
		},
		{
			PolicyKey: samplePolicyKey(2), PolicyName: "Intranet SSO",
			Sections: map[string]any{
				"duo_mobile_app":    map[string]any{"block_policy": "warn", "block_version": nil},
				"new_user":          map[string]any{"new_user_behavior": "enroll"},
				"screen_lock":       map[string]any{"require_screen_lock": true},
				"trusted_endpoints": map[string]any{"trusted_endpoint_checking": "require-trusted"},
			},
		},
		{
			PolicyKey: samplePolicyKey(3), PolicyName: "Break-glass bypass",
			Sections: map[string]any{"authentication_policy": map[string]any{"user_auth_behavior": "bypass"}},
			GroupsInApps: []GroupsInApp{
				{IntegrationKey: "DISAMPLE000000000003", GroupIDs: []string{groupBypass.GroupID}},
				{IntegrationKey: "DISAMPLE000000000004", GroupIDs: []string{groupBypass.GroupID}},
			},
		},
		{PolicyKey: samplePolicyKey(4), PolicyName: "Draft (unused)"},
	}
}
