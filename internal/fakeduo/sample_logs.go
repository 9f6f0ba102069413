package fakeduo

import (
	"encoding/json"
	"time"
)

// ago is d days and h hours.
func ago(d, h int) time.Duration {
	return time.Duration(d)*24*time.Hour + time.Duration(h)*time.Hour
}

// The devices the sample users log in from, covering every form of the
// fields whose type varies.
var (
	sampleLaptop = AccessDevice{
		Browser: ptr("Chrome"), BrowserVersion: ptr("124.0.6367.91"), EPKey: ptr("EPSAMPLE000000000001"),
		FlashVersion: ptr("uninstalled"), JavaVersion: ptr("uninstalled"), Hostname: ptr("jsmith-mbp"),
		IP: "198.51.100.23", Location: Location{City: ptr("Boston"), State: ptr("Massachusetts"), Country: ptr("United States")},
		OS: ptr("Mac OS X"), OSVersion: ptr("14.4.1"),
		IsEncryptionEnabled: true, IsFirewallEnabled: false, IsPasswordSet: true,
		SecurityAgents: []SecurityAgent{{SecurityAgent: "CrowdStrike Falcon", Version: "7.11.18110"}},
	}
	sampleDesktop = AccessDevice{
		Browser: ptr("Edge Chromium"), BrowserVersion: ptr("123.0.2420.97"),
		FlashVersion: ptr("uninstalled"), JavaVersion: ptr("uninstalled"),
		IP: "203.0.113.40", Location: Location{City: ptr("Tokyo"), State: ptr("Tokyo"), Country: ptr("Japan")},
		OS: ptr("Windows"), OSVersion: ptr("10"),
		IsEncryptionEnabled: "unknown", IsFirewallEnabled: "unknown", IsPasswordSet: "unknown", SecurityAgents: "unknown",
	}
	samplePhoneBrowser = AccessDevice{
		Browser: ptr("Mobile Safari"), BrowserVersion: ptr("17.4"),
		IP: "192.0.2.77", Location: Location{City: ptr("Madrid"), State: ptr("Madrid"), Country: ptr("Spain")},
		OS: ptr("iOS"), OSVersion: ptr("17.4.1"), SecurityAgents: json.RawMessage("null"),
	}
	// The VPN's Auth API sends an address only; "null" is a string, as in
	// Duo's own example.
	sampleVPNClient = AccessDevice{
		Hostname: ptr("null"),
		IP:       "198.51.100.200", Location: Location{City: ptr("London"), State: ptr("England"), Country: ptr("United Kingdom")},
	}
)

// sampleLogs is the sample account's last four weeks. Times are before
// Start, as days and hours (1d2h). Applications: VPN is DISAMPLE000000000003,
// Intranet DISAMPLE000000000004, Expense Portal DISAMPLE000000000005.
//
// Authentication log (txid a0000000-0000-4000-8000-0000000000NN, NN below):
//
//	NN  ago    user          application     result   reason             factor                 device
//	01  2h     jsmith        Intranet        success  user_approved      duo_push               DPSAMPLE000000000001, laptop
//	02  5h     ada.lovelace  Intranet        success  user_approved      WebAuthn Security Key  WASAMPLE000000000002, desktop
//	03  1d3h   zoe.nunez     Intranet        success  bypass_user        not_available          -, phone browser
//	04  1d6h   mary.major    Expense Portal  success  user_approved      phone_call             DPSAMPLE000000000006, desktop
//	05  2d1h   jsmith        VPN             success  valid_passcode     bypass_code            -, VPN client
//	06  2d4h   yamada.taro   Intranet        denied   user_disabled      null                   -, desktop
//	07  3d2h   rocket.rider  VPN             fraud    user_marked_fraud  duo_push               DPSAMPLE000000000005, desktop
//	08  3d1h   rocket.rider  VPN             denied   locked_out         null                   -, desktop
//	09  4d     mary.major    Expense Portal  denied   denied_by_policy   null                   -, desktop
//	10  4d8h   jsmith        Intranet        success  remembered_device  remembered_device      -, laptop; alias john.smith
//	11  5d2h   svc-backup    Intranet        success  valid_passcode     bypass_code            -, desktop
//	12  5d3h   ada.lovelace  Expense Portal  denied   denied_by_policy   null                   -, laptop
//	13  6d     jsmith        Intranet        denied   denied_by_policy   null                   -, phone browser; ood_software
//	14  6d5h   zoe.nunez     VPN             success  bypass_user        not_available          -, VPN client
//	15  8d     mary.major    Intranet        success  user_approved      sms_passcode           DPSAMPLE000000000006, laptop
//	16  9d     rocket.rider  VPN             denied   invalid_passcode   sms_passcode           DPSAMPLE000000000005, VPN client
//	17  10d    jsmith        VPN             success  valid_passcode     bypass_code            -, VPN client
//	18  12d    yamada.taro   Expense Portal  success  user_approved      duo_push               DPSAMPLE000000000004, desktop
//	19  14d    svc-backup    Intranet        success  valid_passcode     bypass_code            -, desktop
//	20  15d    mary.major    Expense Portal  fraud    user_marked_fraud  phone_call             DPSAMPLE000000000006, desktop
//	21  18d    ada.lovelace  Intranet        success  user_approved      WebAuthn Security Key  WASAMPLE000000000003, laptop
//	22  20d    zoe.nunez     Intranet        success  bypass_user        not_available          -, phone browser
//	23  25d    mary.major    Intranet        success  user_approved      duo_push               DPSAMPLE000000000006, laptop; enrollment
//	24  27d    jsmith        Intranet        success  user_approved      duo_push               DPSAMPLE000000000001, laptop; adaptive_trust_assessments
//
// The laptop sends every device health field (booleans, a list of security
// agents), the desktop "unknown" for each, the phone browser none but a
// null security_agents, the VPN client an address and the hostname "null".
//
// Administrator log:
//
//	ago    username                 action              object
//	1h     Olivia Ortega            admin_login         null
//	1d2h   API                      user_update         svc-backup
//	2d3h   Olivia Ortega            integration_update  Expense Portal
//	3d     Björn Ødegård            admin_create        nina.patel@example.com
//	4d     Harper Hughes            bypass_create       jsmith
//	5d     Harper Hughes            user_update         zoe.nunez (status Bypass)
//	5d1h   Olivia Ortega            admin_update        dana.kim@example.com
//	6d     Björn Ødegård            integration_create  Zeiterfassung – Büro 東京
//	6d2h   AD Sync: Corp Directory  group_update        Finance (AD sync)
//	9d     Olivia Ortega            integration_update  Terraform (read/write)
//	20d    ""                       admin_login_error   null
//	25d    System                   admin_update        evan.wright@example.com; description null
//
// Telephony log (credits): 2h jsmith sms 1; 1d mary.major phone 2; 3d and
// 3d1h rocket.rider sms 3 each; 4d Olivia Ortega's phone, administrator
// login, sms 1; 9d yamada.taro phone 9; 15d mary.major phone 2; 25d
// mary.major enrollment sms 1: 10 credits in the last seven days.
//
// Activity log (activity_id e0000000-0000-4000-8000-0000000000NN; the
// forms Duo's sources disagree on vary: action as a string or as {name,
// details}, the result as outcome.result or beside the event):
//
//	NN  ago   actor (type)                      action              target                       forms
//	01  1h    Olivia Ortega (admin)             admin_login         -                            string, outcome SUCCESS, a device
//	02  1d2h  Reporting (read-only) (adminapi)  user_update         svc-backup, old_target       object, result at top, application
//	03  2d3h  Olivia Ortega (admin)             integration_update  Expense Portal (integration) string, outcome SUCCESS
//	04  3d    Björn Ødegård (admin)             admin_create        Nina Patel (admin)           object, outcome SUCCESS
//	05  5d    Harper Hughes (admin)             user_update         zoe.nunez, old_target        string, result at top
//	06  5d1h  jsmith (user)                     phone_create        +15555550100 (phone)         string, outcome, a device
//	07  6d2h  Corp Directory (admin_sync)       group_update        Finance (AD sync) (group)    object, outcome SUCCESS
//	08  9d    Olivia Ortega (admin)             integration_update  Terraform (read/write)       string, outcome SUCCESS
//	09  20d   Olivia Ortega (admin)             admin_login         -                            string, outcome FAILURE
//	10  25d   System (system)                   user_update         rocket.rider                 string, result at top
//
// Offline enrollment log: 2d jsmith o2fa_user_provisioned and 8d
// ada.lovelace o2fa_user_reenrolled on Intranet (OIDC); 12d yamada.taro
// o2fa_user_deprovisioned on VPN (Auth API), without a description.
//
// Trust Monitor:
//
//	sekey                 ago  type                 priority  state      surfaced or about
//	SESAMPLE000000000001  3d2h auth                 yes       new        authentication 07 (fraud, from Tokyo)
//	SESAMPLE000000000002  5d   bypass_status        yes       new        zoe.nunez, by Harper Hughes
//	SESAMPLE000000000003  6d   device_registration  no        processed  from a new user
//	SESAMPLE000000000004  14d  auth                 yes       processed  authentication 19, triaged as interesting
//	SESAMPLE000000000005  5h   auth                 no        new        authentication 02, low-risk IP
func sampleLogs() Logs {
	factor := func(f string) *string { return &f }
	auth := func(n string, ago time.Duration, userID, ikey, result, reason string, f *string, device AccessDevice) Authentication {
		status := "not trusted"
		if device.EPKey != nil {
			status = "trusted"
		}
		return Authentication{
			Ago: ago, TxID: "a0000000-0000-4000-8000-0000000000" + n, UserID: userID, IntegrationKey: ikey,
			EventType: "authentication", Result: result, Reason: reason, Factor: f, AccessDevice: device, TrustedEndpointStatus: status,
		}
	}
	const (
		jsmith, zoe, yamada, rocket = "DUSAMPLE000000000001", "DUSAMPLE000000000002", "DUSAMPLE000000000003", "DUSAMPLE000000000004"
		ada, backup, mary           = "DUSAMPLE000000000006", "DUSAMPLE000000000007", "DUSAMPLE000000000008"
		vpn, intranet, expenses     = "DISAMPLE000000000003", "DISAMPLE000000000004", "DISAMPLE000000000005"
		olivia, bjorn, harper       = "DESAMPLE000000000001", "DESAMPLE000000000002", "DESAMPLE000000000003"
	)
	withPhone := func(a Authentication, phoneID string) Authentication { a.PhoneID = phoneID; return a }
	withKey := func(a Authentication, key string) Authentication { a.WebAuthnKey = key; return a }

	alias := auth("10", ago(4, 8), jsmith, intranet, "success", "remembered_device", factor("remembered_device"), sampleLaptop)
	alias.Alias = "john.smith"
	outOfDate := auth("13", ago(6, 0), jsmith, intranet, "denied", "denied_by_policy", nil, samplePhoneBrowser)
	outOfDate.OODSoftware = ptr("Mobile Safari")
	enrollment := withPhone(auth("23", ago(25, 0), mary, intranet, "success", "user_approved", factor("duo_push"), sampleLaptop), "DPSAMPLE000000000006")
	enrollment.EventType = "enrollment"
	assessed := withPhone(auth("24", ago(27, 0), jsmith, intranet, "success", "user_approved", factor("duo_push"), sampleLaptop), "DPSAMPLE000000000001")
	assessed.AdaptiveTrustAssessments = map[string]any{
		"more_secure_auth": map[string]any{"features_version": "3.0", "model_version": "2022.07.19.001", "policy_enabled": false, "reason": "Normal level of trust; no detection of known attack pattern", "trust_level": "NORMAL"},
	}

	authentications := []Authentication{
		withPhone(auth("01", ago(0, 2), jsmith, intranet, "success", "user_approved", factor("duo_push"), sampleLaptop), "DPSAMPLE000000000001"),
		withKey(auth("02", ago(0, 5), ada, intranet, "success", "user_approved", factor("WebAuthn Security Key"), sampleDesktop), "WASAMPLE000000000002"),
		auth("03", ago(1, 3), zoe, intranet, "success", "bypass_user", factor("not_available"), samplePhoneBrowser),
		withPhone(auth("04", ago(1, 6), mary, expenses, "success", "user_approved", factor("phone_call"), sampleDesktop), "DPSAMPLE000000000006"),
		auth("05", ago(2, 1), jsmith, vpn, "success", "valid_passcode", factor("bypass_code"), sampleVPNClient),
		auth("06", ago(2, 4), yamada, intranet, "denied", "user_disabled", nil, sampleDesktop),
		withPhone(auth("07", ago(3, 2), rocket, vpn, "fraud", "user_marked_fraud", factor("duo_push"), sampleDesktop), "DPSAMPLE000000000005"),
		auth("08", ago(3, 1), rocket, vpn, "denied", "locked_out", nil, sampleDesktop),
		auth("09", ago(4, 0), mary, expenses, "denied", "denied_by_policy", nil, sampleDesktop),
		alias,
		auth("11", ago(5, 2), backup, intranet, "success", "valid_passcode", factor("bypass_code"), sampleDesktop),
		auth("12", ago(5, 3), ada, expenses, "denied", "denied_by_policy", nil, sampleLaptop),
		outOfDate,
		auth("14", ago(6, 5), zoe, vpn, "success", "bypass_user", factor("not_available"), sampleVPNClient),
		withPhone(auth("15", ago(8, 0), mary, intranet, "success", "user_approved", factor("sms_passcode"), sampleLaptop), "DPSAMPLE000000000006"),
		withPhone(auth("16", ago(9, 0), rocket, vpn, "denied", "invalid_passcode", factor("sms_passcode"), sampleVPNClient), "DPSAMPLE000000000005"),
		auth("17", ago(10, 0), jsmith, vpn, "success", "valid_passcode", factor("bypass_code"), sampleVPNClient),
		withPhone(auth("18", ago(12, 0), yamada, expenses, "success", "user_approved", factor("duo_push"), sampleDesktop), "DPSAMPLE000000000004"),
		auth("19", ago(14, 0), backup, intranet, "success", "valid_passcode", factor("bypass_code"), sampleDesktop),
		withPhone(auth("20", ago(15, 0), mary, expenses, "fraud", "user_marked_fraud", factor("phone_call"), sampleDesktop), "DPSAMPLE000000000006"),
		withKey(auth("21", ago(18, 0), ada, intranet, "success", "user_approved", factor("WebAuthn Security Key"), sampleLaptop), "WASAMPLE000000000003"),
		auth("22", ago(20, 0), zoe, intranet, "success", "bypass_user", factor("not_available"), samplePhoneBrowser),
		enrollment,
		assessed,
	}

	action := func(ago time.Duration, adminID, username, action string, object *string, description map[string]any) AdministratorAction {
		return AdministratorAction{Ago: ago, AdminID: adminID, Username: username, Action: action, Object: object, Description: description}
	}
	actions := []AdministratorAction{
		action(ago(0, 1), olivia, "", "admin_login", nil, map[string]any{"ip_address": "198.51.100.23", "device": "+15555550150", "primary_auth_method": "Password", "factor": "push"}),
		action(ago(1, 2), "", "API", "user_update", ptr("svc-backup"), map[string]any{"notes": "Service account \"backup\""}),
		action(ago(2, 3), olivia, "", "integration_update", ptr("Expense Portal"), map[string]any{"user_access": "PERMITTED_GROUPS", "groups_allowed": "Finance (AD sync)"}),
		action(ago(3, 0), bjorn, "", "admin_create", ptr("nina.patel@example.com"), map[string]any{"name": "Nina Patel", "email": "nina.patel@example.com", "role": "User Manager"}),
		action(ago(4, 0), harper, "", "bypass_create", ptr("jsmith"), map[string]any{"bypass": "", "count": 1, "remaining_uses": 1, "user_id": jsmith}),
		action(ago(5, 0), harper, "", "user_update", ptr("zoe.nunez"), map[string]any{"status": "Bypass"}),
		action(ago(5, 1), olivia, "", "admin_update", ptr("dana.kim@example.com"), map[string]any{"status": "Disabled"}),
		action(ago(6, 0), bjorn, "", "integration_create", ptr("Zeiterfassung – Büro 東京"), map[string]any{"type": "sso-generic"}),
		action(ago(6, 2), "", "AD Sync: Corp Directory", "group_update", ptr("Finance (AD sync)"), map[string]any{"desc": "Synced from Active Directory"}),
		action(ago(9, 0), olivia, "", "integration_update", ptr("Terraform (read/write)"), map[string]any{"adminapi_write_resource": "1"}),
		action(ago(20, 0), "", "", "admin_login_error", nil, map[string]any{"ip_address": "203.0.113.99", "error": "Invalid password", "email": "olivia.ortega@example.com"}),
		action(ago(25, 0), "", "System", "admin_update", ptr("evan.wright@example.com"), nil),
	}

	call := func(n string, ago time.Duration, phoneID, adminID, context, typ string, credits int) TelephonyEvent {
		return TelephonyEvent{
			Ago: ago, TelephonyID: "b0000000-0000-4000-8000-0000000000" + n, TxID: "c0000000-0000-4000-8000-0000000000" + n,
			PhoneID: phoneID, AdminID: adminID, Context: context, Type: typ, Credits: credits,
		}
	}
	telephony := []TelephonyEvent{
		call("01", ago(0, 2), "DPSAMPLE000000000001", "", "authentication", "sms", 1),
		call("02", ago(1, 0), "DPSAMPLE000000000006", "", "authentication", "phone", 2),
		call("03", ago(3, 1), "DPSAMPLE000000000005", "", "authentication", "sms", 3),
		call("04", ago(3, 0), "DPSAMPLE000000000005", "", "authentication", "sms", 3),
		call("05", ago(4, 0), "", olivia, "administrator login", "sms", 1),
		call("06", ago(9, 0), "DPSAMPLE000000000004", "", "authentication", "phone", 9),
		call("07", ago(15, 0), "DPSAMPLE000000000006", "", "authentication", "phone", 2),
		call("08", ago(25, 0), "DPSAMPLE000000000006", "", "enrollment", "sms", 1),
	}

	triagedAgo := ago(13, 0)
	processedAgo := ago(5, 0)
	trustMonitor := []TrustMonitorEvent{
		{
			Ago: ago(3, 2), SEKey: "SESAMPLE000000000001", Type: "auth", State: "new", PriorityEvent: true,
			SurfacedTxID:    "a0000000-0000-4000-8000-000000000007",
			PriorityReasons: []TrustMonitorReason{{Label: "Japan", Type: "country"}},
			Explanations: []TrustMonitorExplanation{
				{Summary: "rocket.rider has not logged in from this country recently.", Type: "NEW_COUNTRY"},
				{Summary: "rocket.rider has not logged in from this IP recently.", Type: "NEW_NETBLOCK"},
			},
		},
		{
			Ago: ago(5, 0), SEKey: "SESAMPLE000000000002", Type: "bypass_status", State: "new", PriorityEvent: true,
			EnabledByAdminID: harper, EnabledForUserID: zoe,
			PriorityReasons: []TrustMonitorReason{{Label: "Bypass status enabled", Type: "bypass_status_enabled"}},
			Explanations:    []TrustMonitorExplanation{{Summary: "Harper Hughes put zoe.nunez in bypass: zoe.nunez logs in without a second factor.", Type: "BYPASS_STATUS_ENABLED"}},
		},
		{
			Ago: ago(6, 0), SEKey: "SESAMPLE000000000003", Type: "device_registration", State: "processed", StateUpdatedAgo: &processedAgo,
			FromNewUser:  true,
			Explanations: []TrustMonitorExplanation{{Summary: "A device was registered by a user who enrolled recently.", Type: "NEW_USER"}},
		},
		{
			Ago: ago(14, 0), SEKey: "SESAMPLE000000000004", Type: "auth", State: "processed", StateUpdatedAgo: &triagedAgo,
			TriagedAsInteresting: true, PriorityEvent: true, SurfacedTxID: "a0000000-0000-4000-8000-000000000019", FromCommonNetblock: true,
			PriorityReasons: []TrustMonitorReason{{Label: "Bypass code", Type: "factor"}},
			Explanations:    []TrustMonitorExplanation{{Summary: "svc-backup logged in with a bypass code.", Type: "BYPASS_CODE"}},
		},
		{
			Ago: ago(0, 5), SEKey: "SESAMPLE000000000005", Type: "auth", State: "new",
			SurfacedTxID: "a0000000-0000-4000-8000-000000000002", LowRiskIP: true,
			Explanations: []TrustMonitorExplanation{{Summary: "ada.lovelace has rarely used this IP.", Type: "UNUSUAL_NETBLOCK"}},
		},
	}
	activity := func(n string, ago time.Duration, actor ActivityObject, action string, target *ActivityObject, result string) Activity {
		return Activity{Ago: ago, ActivityID: "e0000000-0000-4000-8000-0000000000" + n, Actor: actor, Action: action, Target: target, Result: result}
	}
	admin := func(id string) ActivityObject { return ActivityObject{Key: id, Type: "admin"} }
	user := func(id string, details map[string]any) *ActivityObject {
		return &ActivityObject{Key: id, Type: "user", Details: details}
	}
	withDetails := func(a Activity, details map[string]any) Activity { a.ActionDetails = details; return a }
	atTop := func(a Activity) Activity { a.ResultAtTop = true; return a }
	login := activity("01", ago(0, 1), admin(olivia), "admin_login", nil, "SUCCESS")
	login.AccessDevice = &ActivityDevice{Browser: "Chrome", BrowserVersion: "124.0.6367.91", OS: "Mac OS X", OSVersion: "14.4.1", IP: "198.51.100.23",
		Location: Location{City: ptr("Boston"), State: ptr("Massachusetts"), Country: ptr("United States")}}
	throughAPI := atTop(withDetails(activity("02", ago(1, 2), ActivityObject{Key: "DISAMPLE000000000002", Type: "adminapi"}, "user_update",
		user(backup, map[string]any{"notes": "Service account \"backup\""}), "SUCCESS"), map[string]any{"fields": []string{"notes"}}))
	throughAPI.OldTarget = user(backup, map[string]any{"notes": ""})
	throughAPI.IntegrationKey = "DISAMPLE000000000002"
	toBypass := atTop(activity("05", ago(5, 0), admin(harper), "user_update", user(zoe, map[string]any{"status": "Bypass"}), "SUCCESS"))
	toBypass.OldTarget = user(zoe, map[string]any{"status": "Active"})
	phone := activity("06", ago(5, 1), ActivityObject{Key: jsmith, Type: "user"}, "phone_create",
		&ActivityObject{Key: "DPSAMPLE000000000001", Name: "+15555550100", Type: "phone", Details: map[string]any{"number": "+15555550100", "extension": ""}}, "SUCCESS")
	phone.AccessDevice = &ActivityDevice{Browser: "Mobile Safari", BrowserVersion: "17.4", OS: "iOS", OSVersion: "17.4.1", IP: "192.0.2.77",
		Location: Location{City: ptr("Madrid"), State: ptr("Madrid"), Country: ptr("Spain")}}
	activities := []Activity{
		login,
		throughAPI,
		activity("03", ago(2, 3), admin(olivia), "integration_update",
			&ActivityObject{Key: expenses, Name: "Expense Portal", Type: "integration", Details: map[string]any{"user_access": "PERMITTED_GROUPS"}}, "SUCCESS"),
		withDetails(activity("04", ago(3, 0), admin(bjorn), "admin_create", &ActivityObject{Key: "DESAMPLE000000000006", Type: "admin", Details: map[string]any{"role": "User Manager"}}, "SUCCESS"),
			map[string]any{"role": "User Manager"}),
		toBypass,
		phone,
		withDetails(activity("07", ago(6, 2), ActivityObject{Key: "DCSAMPLE000000000001", Name: "Corp Directory", Type: "admin_sync"}, "group_update",
			&ActivityObject{Key: "DGSAMPLE000000000003", Name: "Finance (AD sync)", Type: "group"}, "SUCCESS"), map[string]any{"synced_users": 2}),
		activity("08", ago(9, 0), admin(olivia), "integration_update",
			&ActivityObject{Key: "DISAMPLE000000000001", Type: "adminapi", Details: map[string]any{"adminapi_write_resource": 1}}, "SUCCESS"),
		activity("09", ago(20, 0), admin(olivia), "admin_login", nil, "FAILURE"),
		atTop(activity("10", ago(25, 0), ActivityObject{Name: "System", Type: "system"}, "user_update", user(rocket, map[string]any{"status": "Locked Out"}), "SUCCESS")),
	}

	offline := []OfflineEnrollment{
		{Ago: ago(2, 0), UserID: jsmith, IntegrationKey: intranet, Action: "o2fa_user_provisioned",
			Description: map[string]any{"user_agent": "Duo Authentication for Windows Logon 4.3.0", "hostname": "JSMITH-LAPTOP", "factor": "duo_otp"}},
		{Ago: ago(8, 0), UserID: ada, IntegrationKey: intranet, Action: "o2fa_user_reenrolled",
			Description: map[string]any{"user_agent": "Duo Authentication for macOS 2.0.1", "hostname": "ada-mbp", "factor": "security_key"}},
		{Ago: ago(12, 0), UserID: yamada, IntegrationKey: vpn, Action: "o2fa_user_deprovisioned"},
	}
	return Logs{
		Authentications: authentications, AdministratorActions: actions, Telephony: telephony, TrustMonitor: trustMonitor,
		Activity: activities, OfflineEnrollments: offline,
	}
}
