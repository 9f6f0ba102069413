package fakeduo

import (
	"fmt"
	"slices"
	"testing"
)

// Exact key sets of the device and credential listings, written out from
// the API notes rather than taken from the fake's structs.
var (
	olderCredentialKeys = []string{"credential_name", "date_added", "label", "webauthnkey"}
	credentialKeys      = append(slices.Clone(olderCredentialKeys), "aaguid", "backup_eligible", "backup_status", "credential_id",
		"date_last_used", "passwordless_authorized", "registered_as", "transports", "uv_capable")
	olderEndpointKeys = []string{"browsers", "computer_sid", "cpu_id", "device_id", "device_identifier", "device_identifier_type",
		"device_name", "device_udid", "device_username", "device_username_type", "disk_encryption_status", "domain_sid", "email",
		"epkey", "firewall_status", "hardware_uuid", "last_updated", "machine_guid", "model", "os_build", "os_family", "os_version",
		"password_status", "trusted_endpoint", "type", "username"}
	endpointKeys             = append(slices.Clone(olderEndpointKeys), "health_app_client_version", "health_data_last_collected", "security_agents")
	browserKeys              = []string{"browser_family", "browser_version", "flash_version", "java_version", "last_used"}
	desktopAuthenticatorKeys = []string{"daid", "dakey", "device_name", "duo_desktop_version", "os_family", "user"}
)

// credentialKeysOf returns the keys a credential must have: those of an
// older or of a newer account's, and its holder's.
func credentialKeysOf(credential object, holders ...string) []string {
	keys := credentialKeys
	if _, newer := credential["registered_as"]; !newer {
		keys = olderCredentialKeys
	}
	return append(slices.Clone(keys), holders...)
}

func TestDeviceKeySets(t *testing.T) {
	s := startServer(t, Options{})
	c := newClient(s, s.IntegrationKey(), s.SecretKey())

	credentials := decodeAll(t, listAt(t, c, webAuthnCredentialsPath, nil).Response)
	if len(credentials) != 6 {
		t.Fatalf("%d credentials listed, want the users' 4 and the admins' 2", len(credentials))
	}
	older := 0
	for _, credential := range append(credentials, getObject(t, c, webAuthnCredentialsPath+"/WASAMPLE000000000005")) {
		what := "credential " + fmt.Sprint(credential["webauthnkey"])
		if credential["user"] != nil {
			expectKeys(t, what, credential, credentialKeysOf(credential, "user"))
			expectKeys(t, what+" user", credential["user"].(object), shortUserKeys)
		} else {
			expectKeys(t, what, credential, credentialKeysOf(credential, "user", "admin"))
			expectKeys(t, what+" admin", credential["admin"].(object), shortAdminKeys)
		}
		if _, newer := credential["registered_as"]; !newer {
			older++
		}
	}
	if older != 1 {
		t.Errorf("%d credentials as older accounts send them, want 1", older)
	}

	endpoints := decodeAll(t, listAt(t, c, endpointsPath, nil).Response)
	if len(endpoints) != 5 {
		t.Fatalf("%d endpoints listed", len(endpoints))
	}
	for _, e := range endpoints {
		what := "endpoint " + fmt.Sprint(e["epkey"])
		want := endpointKeys
		if e["epkey"] == "EPSAMPLE000000000003" {
			want = olderEndpointKeys
		} else {
			expectListOfKeys(t, what, e, "security_agents", []string{"security_agent", "version"})
		}
		expectKeys(t, what, e, want)
		expectListOfKeys(t, what, e, "browsers", browserKeys)
		for key, value := range e {
			if value == nil {
				t.Errorf("%s.%s is null: Duo sends \"\" for what it does not know", what, key)
			}
		}
	}

	authenticators := decodeAll(t, listAt(t, c, desktopAuthenticatorsPath, nil).Response)
	if len(authenticators) != 3 {
		t.Fatalf("%d desktop authenticators listed", len(authenticators))
	}
	for _, a := range append(authenticators, getObject(t, c, desktopAuthenticatorsPath+"/DDSAMPLE000000000002")) {
		expectKeys(t, "desktop authenticator", a, desktopAuthenticatorKeys)
		expectKeys(t, "desktop authenticator user", a["user"].(object), shortUserKeys)
	}
}

// TestSampleDevicesValues checks the values SampleAccount's documentation
// promises.
func TestSampleDevicesValues(t *testing.T) {
	s := startServer(t, Options{})
	c := newClient(s, s.IntegrationKey(), s.SecretKey())
	check := func(what string, o object, field string, want any) {
		t.Helper()
		if got, present := o[field]; !present || mustJSON(got) != mustJSON(want) {
			t.Errorf("%s.%s = %s (present %v), want %s", what, field, mustJSON(got), present, mustJSON(want))
		}
	}
	credentials := byField(decodeAll(t, listAt(t, c, webAuthnCredentialsPath, nil).Response), "webauthnkey")
	check("ada's Touch ID", credentials["WASAMPLE000000000002"], "passwordless_authorized", true)
	check("ada's Touch ID", credentials["WASAMPLE000000000002"], "registered_as", "platform")
	check("jsmith's YubiKey", credentials["WASAMPLE000000000001"], "registered_as", "cross-platform")
	check("mary's key", credentials["WASAMPLE000000000004"], "registered_as", "unknown")
	check("mary's key", credentials["WASAMPLE000000000004"], "date_last_used", nil)
	check("mary's key", credentials["WASAMPLE000000000004"], "transports", []string{})
	check("Olivia's passkey", credentials["WASAMPLE000000000005"], "user", nil)
	check("Olivia's passkey", credentials["WASAMPLE000000000005"], "backup_status", true)
	if admin := credentials["WASAMPLE000000000006"]["admin"].(object); admin["admin_id"] != "DESAMPLE000000000002" {
		t.Errorf("Björn's key belongs to %v", admin)
	}
	if _, ok := credentials["WASAMPLE000000000001"]["admin"]; ok {
		t.Error("a user's credential has an admin")
	}

	endpoints := byField(decodeAll(t, listAt(t, c, endpointsPath, nil).Response), "epkey")
	check("jsmith's Mac", endpoints["EPSAMPLE000000000001"], "health_data_last_collected", sampleLastLogin+1)
	check("jsmith's Mac", endpoints["EPSAMPLE000000000001"], "username", "jsmith")
	check("jsmith's Mac", endpoints["EPSAMPLE000000000001"], "email", "john.smith@example.com")
	check("zoe's laptop", endpoints["EPSAMPLE000000000002"], "health_data_last_collected", "")
	check("zoe's laptop", endpoints["EPSAMPLE000000000002"], "security_agents", []any{})
	check("zoe's laptop", endpoints["EPSAMPLE000000000002"], "device_username", `EXAMPLE\zoe.nunez`)
	check("zoe's laptop", endpoints["EPSAMPLE000000000002"], "disk_encryption_status", "Off")
	check("zoe's laptop", endpoints["EPSAMPLE000000000002"], "email", "")
	check("ada's iPhone", endpoints["EPSAMPLE000000000003"], "device_name", "")
	check("mary's PC", endpoints["EPSAMPLE000000000004"], "firewall_status", "Off")
	check("kiosk", endpoints["EPSAMPLE000000000005"], "username", "")
	check("kiosk", endpoints["EPSAMPLE000000000005"], "browsers", []any{})

	authenticators := byField(decodeAll(t, listAt(t, c, desktopAuthenticatorsPath, nil).Response), "dakey")
	check("mary's Duo Desktop", authenticators["DDSAMPLE000000000003"], "device_name", "")
	if user := authenticators["DDSAMPLE000000000002"]["user"].(object); user["username"] != "zoe.nunez" {
		t.Errorf("zoe's Duo Desktop belongs to %v", user)
	}
}

// TestCredentialsAreTheirHolders checks that every user's and admin's
// credentials are listed, with their holders, as the user shows them.
func TestCredentialsAreTheirHolders(t *testing.T) {
	for name, opts := range map[string]Options{"sample": {}, "generated": largeOptions()} {
		s := startServer(t, opts)
		c := newClient(s, s.IntegrationKey(), s.SecretKey())
		listed, _ := listAll(t, c, webAuthnCredentialsPath, nil, 500, 500)
		byKey := byField(listed, "webauthnkey")
		if len(byKey) != len(listed) {
			t.Fatalf("%s: %d credentials listed, %d distinct", name, len(listed), len(byKey))
		}
		held := 0
		users, _ := listAll(t, c, usersPath, nil, 300, 300)
		for _, u := range users {
			for _, item := range u["webauthncredentials"].([]any) {
				own := item.(object)
				credential := byKey[fmt.Sprint(own["webauthnkey"])]
				if credential == nil {
					t.Fatalf("%s: %s of %s is not listed", name, own["webauthnkey"], u["username"])
				}
				if credential["user"].(object)["user_id"] != u["user_id"] {
					t.Errorf("%s: %s is listed with user %v, not %s", name, own["webauthnkey"], credential["user"], u["username"])
				}
				for field, value := range own {
					if mustJSON(credential[field]) != mustJSON(value) {
						t.Errorf("%s: %s.%s is %s listed, %s in user %s", name, own["webauthnkey"], field, mustJSON(credential[field]), mustJSON(value), u["username"])
					}
				}
				expectKeys(t, "user's credential", own, credentialKeysOf(credential))
				held++
			}
		}
		admins := 0
		for _, credential := range listed {
			if credential["user"] == nil {
				admins++
			}
		}
		if held == 0 || admins == 0 || held+admins != len(listed) {
			t.Errorf("%s: %d credentials listed, %d of users and %d of admins", name, len(listed), held, admins)
		}
	}
}

// largeOptions is an account whose device and credential listings span
// two pages of 500.
func largeOptions() Options {
	users := GeneratedUsers(1200)
	account := GeneratedAccount(users, 600)
	return Options{Users: users, Account: &account}
}

func TestDevicesPaging(t *testing.T) {
	opts := largeOptions()
	s := startServer(t, opts)
	c := newClient(s, s.IntegrationKey(), s.SecretKey())
	registrations := map[any]int{}
	statuses := map[string]map[any]int{"disk_encryption_status": {}, "firewall_status": {}, "trusted_endpoint": {}}
	healthForms := map[string]int{}
	for _, tt := range []struct {
		path, id string
		total    int
	}{
		{webAuthnCredentialsPath, "webauthnkey", 600},
		{endpointsPath, "epkey", 600},
		{desktopAuthenticatorsPath, "dakey", 600},
	} {
		all, pages := listAll(t, c, tt.path, nil, 1000, 500)
		if pages != 2 || len(all) != tt.total || len(byField(all, tt.id)) != tt.total {
			t.Errorf("%s: %d pages of %d objects (%d distinct), want 2 pages of %d", tt.path, pages, len(all), len(byField(all, tt.id)), tt.total)
		}
		for _, o := range all {
			switch tt.path {
			case webAuthnCredentialsPath:
				registrations[o["registered_as"]]++
			case endpointsPath:
				for field, counts := range statuses {
					counts[o[field]]++
				}
				value, present := o["health_data_last_collected"]
				healthForms[fmt.Sprintf("%T %v", value, present)]++
			}
		}
	}
	// nil: sent as older accounts send them, without registered_as.
	for _, want := range []any{"platform", "cross-platform", "unknown", nil} {
		if registrations[want] == 0 {
			t.Errorf("no credential registered as %v: %v", want, registrations)
		}
	}
	for field, want := range map[string][]any{"disk_encryption_status": {"On", "Off", "Unknown"}, "firewall_status": {"On", "Off", "Unknown"}, "trusted_endpoint": {"yes", "no"}} {
		for _, value := range want {
			if statuses[field][value] == 0 {
				t.Errorf("no endpoint with %s %v: %v", field, value, statuses[field])
			}
		}
	}
	for _, form := range []string{"float64 true", "string true", "<nil> false"} {
		if healthForms[form] == 0 {
			t.Errorf("no endpoint's health_data_last_collected is %s: %v", form, healthForms)
		}
	}
}
