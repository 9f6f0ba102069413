package fakeduo

import (
	"fmt"
	"time"
)

const (
	// generatedLogSpan is how long before Start the generated events
	// spread over, so that "the last seven days" finds them all.
	generatedLogSpan = 6 * 24 * time.Hour
	// generatedLogDelay is how recent the newest generated event is:
	// Duo serves events about two minutes after they happen.
	generatedLogDelay = 5 * time.Minute
	// generatedActionsASecond is how many administrator actions share each
	// second, so that the v1 log's pages end in the middle of one.
	generatedActionsASecond = 7
)

var (
	generatedAccessDevices = []AccessDevice{sampleLaptop, sampleDesktop, samplePhoneBrowser, sampleVPNClient}
	generatedOutcomes      = []struct{ result, reason string }{
		{"success", "user_approved"}, {"success", "user_approved"}, {"success", "valid_passcode"}, {"success", "bypass_user"},
		{"success", "remembered_device"}, {"success", "user_approved"}, {"success", "trusted_network"},
		{"denied", "denied_by_policy"}, {"denied", "invalid_passcode"}, {"fraud", "user_marked_fraud"},
	}
	generatedPhoneFactors    = []string{"duo_push", "phone_call", "sms_passcode"}
	generatedAdminActions    = []string{"admin_login", "user_update", "integration_update", "admin_create", "group_update", "bypass_create", "integration_create", "admin_update", "phone_delete"}
	generatedCallContexts    = []string{"authentication", "authentication", "enrollment", "administrator login"}
	generatedMonitorTypes    = []string{"auth", "bypass_status", "device_registration"}
	generatedMonitorStates   = []string{"new", "processed"}
	generatedActivityActions = []string{"user_update", "phone_create", "user_create", "bypass_create", "user_delete"}
	generatedOfflineActions  = []string{"o2fa_user_provisioned", "o2fa_user_reenrolled", "o2fa_user_deprovisioned"}
)

// generatedAgo spreads n events over generatedLogSpan, event 0 the oldest.
func generatedAgo(i, n int) time.Duration {
	return generatedLogDelay + time.Duration(int64(generatedLogSpan)*int64(n-1-i)/int64(max(n, 1)))
}

// generatedUUID is a UUID-shaped ID, unique for each kind and i.
func generatedUUID(kind uint16, i int) string {
	return fmt.Sprintf("%08x-%04x-4000-8000-%012x", uint32(mix64(uint64(i))), kind, i)
}

// GeneratedLogs returns n events of each log, for paging tests and
// benchmarks, spread over the six days before Start: authentications of
// users by the account's integrations with their phones and WebAuthn
// credentials, administrator actions by the account's admins
// (generatedActionsASecond a second), SMS and calls to the users' phones,
// Trust Monitor events of each type, the admins' changes to users (the
// activity log) and the users' offline enrollments (generatedActionsASecond
// a second). Results, reasons, factors, the access devices' forms, the
// forms of the activity log's action and result, and who acted vary with
// the index. Logs that need
// what the account lacks (integrations, admins, phones) stay empty.
func GeneratedLogs(users []User, account *Account, n int) Logs {
	var logs Logs
	var phones []string
	for i := range users {
		for _, p := range users[i].Phones {
			phones = append(phones, p.PhoneID)
		}
	}
	if len(users) > 0 && len(account.Integrations) > 0 {
		for i := range n {
			logs.Authentications = append(logs.Authentications, generatedAuthentication(i, n, &users[i%len(users)], account))
		}
	}
	if len(account.Admins) > 0 {
		seconds := (n + generatedActionsASecond - 1) / generatedActionsASecond
		for i := range n {
			logs.AdministratorActions = append(logs.AdministratorActions, generatedAdministratorAction(i, generatedAgo(i/generatedActionsASecond, seconds), account))
		}
	}
	if len(phones) > 0 {
		for i := range n {
			logs.Telephony = append(logs.Telephony, TelephonyEvent{
				Ago: generatedAgo(i, n), TelephonyID: generatedUUID(2, i), TxID: generatedUUID(3, i), PhoneID: phones[i%len(phones)],
				Context: generatedCallContexts[i%len(generatedCallContexts)], Type: []string{"sms", "phone"}[i%2], Credits: 1 + i%3,
			})
		}
	}
	if len(logs.Authentications) > 0 && len(account.Admins) > 0 {
		for i := range n {
			logs.TrustMonitor = append(logs.TrustMonitor, generatedMonitorEvent(i, n, users, account, logs.Authentications))
		}
	}
	if len(users) > 0 && len(account.Admins) > 0 {
		for i := range n {
			logs.Activity = append(logs.Activity, generatedActivity(i, n, &users[i%len(users)], account))
		}
	}
	if len(users) > 0 && len(account.Integrations) > 0 {
		seconds := (n + generatedActionsASecond - 1) / generatedActionsASecond
		for i := range n {
			logs.OfflineEnrollments = append(logs.OfflineEnrollments, OfflineEnrollment{
				Ago: generatedAgo(i/generatedActionsASecond, seconds), UserID: users[i%len(users)].UserID,
				IntegrationKey: account.Integrations[i%len(account.Integrations)].IntegrationKey,
				Action:         generatedOfflineActions[i%len(generatedOfflineActions)],
				Description:    map[string]any{"user_agent": "Duo Authentication for Windows Logon 4.3.0", "hostname": fmt.Sprintf("HOST%05d", i), "factor": "duo_otp"},
			})
		}
	}
	return logs
}

// generatedActivity is an administrator's change to a user, in the forms
// that Duo's sources disagree on by turns: the action as a string or an
// object, the result as outcome.result or beside the event.
func generatedActivity(i, n int, user *User, account *Account) Activity {
	admin := account.Admins[i%len(account.Admins)]
	a := Activity{
		Ago: generatedAgo(i, n), ActivityID: generatedUUID(4, i), Action: generatedActivityActions[i%len(generatedActivityActions)],
		Actor:  ActivityObject{Key: admin.AdminID, Type: "admin", Details: map[string]any{"status": admin.Status}},
		Target: &ActivityObject{Key: user.UserID, Type: "user", Details: map[string]any{"status": user.Status}},
		Result: []string{"SUCCESS", "SUCCESS", "FAILURE"}[i%3],
	}
	if i%2 == 1 {
		a.ActionDetails = map[string]any{"index": i}
	}
	if i%5 < 2 {
		a.ResultAtTop = true
	}
	if i%4 == 0 {
		a.AccessDevice = &ActivityDevice{Browser: "Chrome", BrowserVersion: "124.0", OS: "Windows", OSVersion: "11", IP: fmt.Sprintf("192.0.2.%d", i%250)}
	}
	if i%7 == 3 {
		a.OldTarget = &ActivityObject{Key: user.UserID, Type: "user", Details: map[string]any{"status": "active"}}
	}
	return a
}

func generatedAuthentication(i, n int, user *User, account *Account) Authentication {
	outcome := generatedOutcomes[i%len(generatedOutcomes)]
	a := Authentication{
		Ago: generatedAgo(i, n), TxID: generatedUUID(1, i), UserID: user.UserID,
		IntegrationKey: account.Integrations[i%len(account.Integrations)].IntegrationKey,
		EventType:      "authentication", Result: outcome.result, Reason: outcome.reason,
		AccessDevice:          generatedAccessDevices[i%len(generatedAccessDevices)],
		TrustedEndpointStatus: []string{"trusted", "not trusted", "unknown"}[i%3],
	}
	if i%17 == 0 {
		a.EventType = "enrollment"
	}
	switch {
	case outcome.reason == "bypass_user":
		a.Factor = ptr("not_available")
	case outcome.reason == "valid_passcode":
		a.Factor = ptr("bypass_code")
	case outcome.reason == "remembered_device" || outcome.reason == "trusted_network":
		a.Factor = ptr(outcome.reason)
	case outcome.reason == "denied_by_policy":
		// Denied before a factor is asked for: factor null.
	case len(user.Phones) > 0 && i%4 != 3:
		a.PhoneID = user.Phones[i%len(user.Phones)].PhoneID
		a.Factor = ptr(generatedPhoneFactors[i%len(generatedPhoneFactors)])
	case len(user.WebAuthnCreds) > 0:
		a.WebAuthnKey = user.WebAuthnCreds[i%len(user.WebAuthnCreds)].WebAuthnKey
		a.Factor = ptr("WebAuthn Security Key")
	default:
		a.Factor = ptr("duo_mobile_passcode")
	}
	if i%5 == 1 {
		a.Alias = fmt.Sprintf("alias%d", i%3)
	}
	if i%11 == 4 {
		a.OODSoftware = ptr("Chrome")
	}
	if i%13 == 6 {
		a.AdaptiveTrustAssessments = map[string]any{"more_secure_auth": map[string]any{"trust_level": []string{"NORMAL", "LOW", "HIGH"}[i%3], "policy_enabled": i%2 == 0}}
	}
	return a
}

func generatedAdministratorAction(i int, ago time.Duration, account *Account) AdministratorAction {
	admin := &account.Admins[i%len(account.Admins)]
	a := AdministratorAction{Ago: ago, AdminID: admin.AdminID, Action: generatedAdminActions[i%len(generatedAdminActions)]}
	switch i % 11 {
	case 3:
		a.AdminID, a.Username = "", "API"
	case 7:
		a.AdminID, a.Username = "", "System"
	}
	switch a.Action {
	case "admin_login":
		a.Description = map[string]any{"ip_address": fmt.Sprintf("192.0.2.%d", i%250), "primary_auth_method": "Password", "factor": "push"}
	case "integration_update", "integration_create":
		in := account.Integrations[i%max(len(account.Integrations), 1)]
		a.Object = ptr(in.Name)
		a.Description = map[string]any{"name": in.Name, "type": in.Type}
	case "admin_create", "admin_update":
		other := account.Admins[(i+1)%len(account.Admins)]
		a.Object = ptr(other.Email)
		a.Description = map[string]any{"email": other.Email, "status": other.Status}
	default:
		a.Object = ptr(fmt.Sprintf("object%d", i))
		if i%4 != 0 {
			a.Description = map[string]any{"index": i}
		}
	}
	return a
}

func generatedMonitorEvent(i, n int, users []User, account *Account, auths []Authentication) TrustMonitorEvent {
	e := TrustMonitorEvent{
		Ago: generatedAgo(i, n), SEKey: generatedID("SE", uint64(i)), Type: generatedMonitorTypes[i%len(generatedMonitorTypes)],
		State: generatedMonitorStates[i/3%2], PriorityEvent: i%4 == 0, TriagedAsInteresting: i%6 == 4,
		Explanations: []TrustMonitorExplanation{{Summary: fmt.Sprintf("Generated explanation %d.", i), Type: "NEW_NETBLOCK"}},
	}
	if e.State == "processed" {
		e.StateUpdatedAgo = ptr(e.Ago - time.Minute)
	}
	if e.PriorityEvent {
		e.PriorityReasons = []TrustMonitorReason{{Label: "Generated", Type: "country"}}
	}
	switch e.Type {
	case "auth":
		e.SurfacedTxID = auths[i%len(auths)].TxID
		e.FromCommonNetblock, e.FromNewUser, e.LowRiskIP = i%2 == 0, i%5 == 0, i%7 == 0
	case "bypass_status":
		e.EnabledByAdminID = account.Admins[i%len(account.Admins)].AdminID
		e.EnabledForUserID = users[i%len(users)].UserID
	case "device_registration":
		e.FromNewUser = i%2 == 1
	}
	return e
}
