package fakeduo

import (
	"maps"
	"slices"
	"time"
)

// The limits of modules/security-checkup's default thresholds that a
// hardened account stays within.
const (
	hardenedMaxOwners          = 3
	hardenedMaxRememberedDays  = 7
	hardenedMinTelephonyCredit = 100
	hardenedMaxLockout         = 10
)

// HardenedCheckupKey is the integration key of the Admin API application
// that Harden adds: it holds the read grants the security checkup reads
// with (read resource, read log, read information, administrators - read,
// applications and settings) and no other, so that the checkup's own
// finding about its key passes when it signs with it. Its secret key is
// HardenedCheckupSecretKey.
const (
	HardenedCheckupKey       = "DIHARDENEDCHECKUP001"
	HardenedCheckupSecretKey = "hardenedCheckupSecretKey0000000000000001"
)

// Harden returns users and account as an administrator who followed
// every finding of modules/security-checkup would leave them, as of now:
// every finding passes against them (with the thresholds' defaults), and
// every object stays, with its IDs. It changes only what a finding reads:
//
//   - users: nobody in bypass (they become active); every active user
//     enrolled, logged in a day before now, with a phone that has Duo
//     Push (an activated phone gains push, a user without one gets a new
//     phone, DPH followed by the end of the user ID); no tampered phone;
//   - policies: no new user allowed in without enrolling, no bypass of
//     two-factor authentication, no network without two-factor
//     authentication, no SMS or phone calls, tampered devices blocked,
//     Verified Push and a screen lock required, devices remembered for a
//     week at most; the global policy requires trusted endpoints, and
//     disk encryption and a firewall on Windows and macOS through Duo
//     Desktop;
//   - bypass codes expire and may be used once; at most three Owners
//     (the others become Administrators); every administrator logged in a
//     day before now, or created then if pending activation; Admin API
//     applications that may write may be used from 192.0.2.0/24 only;
//   - settings: a lockout threshold from 1 to 10, fraud reports alerted,
//     inactive users removed after 90 days; administrators log in with
//     neither SMS nor phone calls; at least 100 telephony credits;
//   - logs: authentications of users in bypass, with bypass codes, of
//     users not enrolled and fraud reports become approvals with Duo
//     Push; every Trust Monitor event is processed.
//
// It also adds the Admin API application HardenedCheckupKey, which the
// checkup can sign with.
func Harden(users []User, account Account, now time.Time) ([]User, Account) {
	recent := now.Add(-24 * time.Hour).Unix()
	hardenedUsers := make([]User, len(users))
	for i, u := range users {
		hardenedUsers[i] = hardenUser(u, recent)
	}

	account.Phones = slices.Clone(account.Phones)
	for i := range account.Phones {
		untamper(&account.Phones[i])
	}
	account.Policies = slices.Clone(account.Policies)
	for i := range account.Policies {
		account.Policies[i].Sections = hardenSections(account.Policies[i].Sections, account.Policies[i].IsGlobalPolicy)
	}
	account.BypassCodes = slices.Clone(account.BypassCodes)
	for i := range account.BypassCodes {
		c := &account.BypassCodes[i]
		if c.Expiration == nil {
			c.Expiration = ptr(now.Add(30 * 24 * time.Hour).Unix())
		}
		c.ReuseCount = max(c.ReuseCount, 1)
	}
	account.Admins = slices.Clone(account.Admins)
	owners := 0
	for i := range account.Admins {
		a := &account.Admins[i]
		if a.Role != nil && *a.Role == "Owner" {
			if owners++; owners > hardenedMaxOwners {
				a.Role = ptr("Administrator")
			}
		}
		if a.Status == "Pending Activation" {
			a.Created, a.LastLogin = ptr(recent), nil
		} else {
			a.LastLogin = ptr(recent)
		}
	}
	account.Integrations = slices.Clone(account.Integrations)
	for i := range account.Integrations {
		in := &account.Integrations[i]
		writes := in.AdminAPIWriteResource + in.AdminAPIAdmins + in.AdminAPIIntegrations + in.AdminAPISettings + in.AdminAPIAllowToSetPermissions
		if in.Type == "adminapi" && writes > 0 && (in.NetworksForAPIAccess == nil || *in.NetworksForAPIAccess == "") {
			in.NetworksForAPIAccess = ptr("192.0.2.0/24")
		}
	}
	account.Integrations = append(account.Integrations, Integration{
		IntegrationKey: HardenedCheckupKey, SecretKey: HardenedCheckupSecretKey,
		Name: "Security checkup (read-only)", Type: "adminapi",
		AdminAPIAdminsRead: 1, AdminAPIInfo: 1, AdminAPIIntegrations: 1, AdminAPIReadLog: 1, AdminAPIReadResource: 1, AdminAPISettings: 1,
		NetworksForAPIAccess: ptr("192.0.2.0/24"), IPWhitelistEnrollPolicy: "enforce",
		Notes: "Runs the security checkup", UserAccess: "NO_USERS", UsernameNormalizationPolicy: "None",
	})

	// Administrators log in with neither SMS nor phone calls.
	account.AdminAuthMethods.SMSEnabled, account.AdminAuthMethods.VoiceEnabled = false, false

	s := &account.Settings
	if s.LockoutThreshold < 1 || s.LockoutThreshold > hardenedMaxLockout {
		s.LockoutThreshold = hardenedMaxLockout
	}
	s.FraudEmailEnabled = true
	if s.InactiveUserExpiration == 0 {
		s.InactiveUserExpiration = 90
	}
	account.TelephonyCreditsRemaining = max(account.TelephonyCreditsRemaining, hardenedMinTelephonyCredit)
	account.Logs = hardenLogs(account.Logs)
	return hardenedUsers, account
}

// hardenUser returns u as Harden leaves it, its slices copied.
func hardenUser(u User, lastLogin int64) User {
	if u.Status == "bypass" {
		u.Status = "active"
	}
	u.Phones = slices.Clone(u.Phones)
	for i := range u.Phones {
		untamper(&u.Phones[i])
	}
	if u.Status != "active" {
		return u
	}
	u.IsEnrolled = true
	u.LastLogin = ptr(lastLogin)
	if len(u.Phones) == 0 {
		u.Phones = []Phone{{
			PhoneID: "DPH" + u.UserID[3:], Number: "", Name: "Duo Mobile", Type: "Mobile", Platform: "Apple iOS", Model: "iPhone",
			Encrypted: "Encrypted", Fingerprint: "Configured", Screenlock: "Locked", Tampered: "Not tampered",
		}}
	}
	p := &u.Phones[0]
	p.Activated = true
	if !slices.Contains(p.Capabilities, "push") {
		p.Capabilities = append(slices.Clone(p.Capabilities), "push")
	}
	return u
}

func untamper(p *Phone) {
	if p.Tampered == "Tampered" {
		p.Tampered = "Not tampered"
	}
}

// hardenSections returns a policy's sections as Harden leaves them, the
// sections it changes copied.
func hardenSections(sections map[string]any, global bool) map[string]any {
	sections = maps.Clone(sections)
	if sections == nil {
		sections = map[string]any{}
	}
	// set sets key of the section name to value, if the policy holds the
	// section or is the global policy, which holds every section.
	set := func(name, key string, value any) {
		section, ok := sections[name].(map[string]any)
		if !ok && !global {
			return
		}
		section = maps.Clone(section)
		if section == nil {
			section = map[string]any{}
		}
		section[key] = value
		sections[name] = section
	}
	section := func(name string) map[string]any {
		s, _ := sections[name].(map[string]any)
		return s
	}
	if s := section("new_user"); s != nil && s["new_user_behavior"] == "allow" {
		set("new_user", "new_user_behavior", "enroll")
	}
	if s := section("authentication_policy"); s != nil && s["user_auth_behavior"] == "bypass" {
		set("authentication_policy", "user_auth_behavior", "enforce")
	}
	if s := section("authorized_networks"); s != nil {
		set("authorized_networks", "no_2fa_required", map[string]any{"ip_list": []any{}, "require_enrollment": true})
	}
	if s := section("authentication_methods"); s != nil {
		allowed, _ := s["allowed_auth_list"].([]any)
		set("authentication_methods", "allowed_auth_list", slices.DeleteFunc(slices.Clone(allowed), func(m any) bool { return m == "sms" || m == "phonecall" }))
		set("authentication_methods", "require_verified_push", true)
	}
	set("tampered_devices", "block_tampered_devices", true)
	set("screen_lock", "require_screen_lock", true)
	if s := section("remembered_devices"); s != nil {
		if apps, ok := s["browser_apps"].(map[string]any); ok && apps["enabled"] == true {
			method, _ := apps["remember_method"].(string)
			if rememberedDays(apps[method]) > hardenedMaxRememberedDays {
				apps = maps.Clone(apps)
				apps[method] = map[string]any{"max_time_units": "days", "max_time_value": hardenedMaxRememberedDays}
				set("remembered_devices", "browser_apps", apps)
			}
		}
	}
	if global {
		set("trusted_endpoints", "trusted_endpoint_checking", "require-trusted")
		set("duo_desktop", "enforce_encryption", []any{"windows", "macos"})
		set("duo_desktop", "enforce_firewall", []any{"windows", "macos"})
	}
	return sections
}

// rememberedDays is how many days a remembered_devices method's
// max_time_value and max_time_units let a browser remember a device.
func rememberedDays(method any) float64 {
	m, _ := method.(map[string]any)
	value, _ := m["max_time_value"].(int)
	perDay := map[any]float64{"minutes": 24 * 60, "hours": 24, "days": 1, "weeks": 1.0 / 7}[m["max_time_units"]]
	if perDay == 0 {
		return 0
	}
	return float64(value) / perDay
}

// hardenLogs returns logs as Harden leaves them.
func hardenLogs(logs Logs) Logs {
	logs.Authentications = slices.Clone(logs.Authentications)
	for i := range logs.Authentications {
		a := &logs.Authentications[i]
		weak := a.Result == "fraud" || a.Result == "success" &&
			(a.Reason == "bypass_user" || a.Reason == "allow_unenrolled_user" || a.Factor != nil && *a.Factor == "bypass_code")
		if weak {
			a.Result, a.Reason, a.Factor = "success", "user_approved", ptr("duo_push")
		}
	}
	logs.TrustMonitor = slices.Clone(logs.TrustMonitor)
	for i := range logs.TrustMonitor {
		e := &logs.TrustMonitor[i]
		if e.State == "new" {
			e.State, e.StateUpdatedAgo = "processed", ptr(e.Ago/2)
		}
	}
	return logs
}
