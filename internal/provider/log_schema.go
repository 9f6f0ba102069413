package provider

import (
	"github.com/idaudit/terraform-provider-duo/internal/duo"
)

// The events of Duo's logs. The authentication log's event is shared by
// duo_authentication_logs and the surfaced_auth of duo_trust_monitor_events.

// jsonTextField is a JSON document kept as its text, to read with jsondecode.
func jsonTextField[T any](name, description string, get func(*T) *duo.JSONText) field[T] {
	return stringField(name, description, func(v *T) *string { return (*string)(get(v)) })
}

// deviceHealthField is a flag that Duo sends as a boolean or as "unknown".
func deviceHealthField(name, what string, get func(*duo.AccessDevice) *duo.BoolOrString) field[duo.AccessDevice] {
	return stringField(name, "Whether "+what+", as Duo Desktop reports it: `\"true\"`, `\"false\"` or `\"unknown\"` (a string, since Duo sends a boolean or `\"unknown\"`); "+
		"null when Duo does not report it.", func(d *duo.AccessDevice) *string { return (*string)(get(d)) })
}

var locationSpec = newObjectSpec(
	stringField("city", "The city; null when Duo cannot place the address.", func(l *duo.Location) *string { return l.City }),
	stringField("state", "The state or region; null when Duo cannot place the address.", func(l *duo.Location) *string { return l.State }),
	stringField("country", "The country; null when Duo cannot place the address.", func(l *duo.Location) *string { return l.Country }),
)

var accessDeviceSpec = newObjectSpec(
	stringField("browser", "The browser, such as `Chrome`; null for applications that send no browser (an Auth API VPN).", func(d *duo.AccessDevice) *string { return d.Browser }),
	stringField("browser_version", "The browser's version.", func(d *duo.AccessDevice) *string { return d.BrowserVersion }),
	stringField("epkey", "The endpoint's key, when Duo knows the device as an endpoint.", func(d *duo.AccessDevice) *string { return d.EPKey }),
	stringField("flash_version", "The Flash plugin's version, or `uninstalled`.", func(d *duo.AccessDevice) *string { return d.FlashVersion }),
	stringField("java_version", "The Java plugin's version, or `uninstalled`.", func(d *duo.AccessDevice) *string { return d.JavaVersion }),
	stringField("hostname", "The device's host name; null, or in some of Duo's answers the string `\"null\"`, when unknown.", func(d *duo.AccessDevice) *string { return d.Hostname }),
	stringField("ip", "The IP address the authentication came from.", func(d *duo.AccessDevice) *string { return d.IP }),
	nestedObjectField("location", "Where Duo places `ip`.", locationSpec, func(d *duo.AccessDevice) *duo.Location { return d.Location }),
	stringField("os", "The operating system, such as `Mac OS X` or `Windows`.", func(d *duo.AccessDevice) *string { return d.OS }),
	stringField("os_version", "The operating system's version.", func(d *duo.AccessDevice) *string { return d.OSVersion }),
	deviceHealthField("is_encryption_enabled", "the device's disk is encrypted", func(d *duo.AccessDevice) *duo.BoolOrString { return d.IsEncryptionEnabled }),
	deviceHealthField("is_firewall_enabled", "the device's firewall is on", func(d *duo.AccessDevice) *duo.BoolOrString { return d.IsFirewallEnabled }),
	deviceHealthField("is_password_set", "the device has a password", func(d *duo.AccessDevice) *duo.BoolOrString { return d.IsPasswordSet }),
	nestedListField("security_agents", "The security agents Duo Desktop found on the device. "+
		"Null when Duo does not know them: Duo sends the string `\"unknown\"` instead of a list when Duo Desktop could not tell, and null or nothing when it did not report.",
		securityAgentSpec, func(d *duo.AccessDevice) []duo.SecurityAgent {
			if d.SecurityAgents == nil {
				return nil
			}
			return d.SecurityAgents.Agents
		}),
)

var authDeviceSpec = newObjectSpec(
	stringField("ip", "The IP address of the device that approved, such as the phone's; null when unknown.", func(d *duo.AuthDevice) *string { return d.IP }),
	stringField("key", "The device's ID: a phone's `phone_id`, or a WebAuthn credential's `webauthnkey`; null when Duo does not send it.", func(d *duo.AuthDevice) *string { return d.Key }),
	stringField("name", "The device's name, such as `My iPhone (734-555-2342)` or a phone number; null for factors without a device (bypass codes).", func(d *duo.AuthDevice) *string { return d.Name }),
	nestedObjectField("location", "Where Duo places `ip`.", locationSpec, func(d *duo.AuthDevice) *duo.Location { return d.Location }),
)

var authLogSpec = newObjectSpec(
	stringField("txid", "The authentication's transaction ID.", func(e *duo.AuthLog) *string { return e.TxID }),
	int64Field("timestamp", "When it happened, in Unix seconds (`provider::duo::unix_to_rfc3339` turns it into RFC 3339).", func(e *duo.AuthLog) *duo.Int { return e.Timestamp }),
	stringField("isotimestamp", "When it happened, as an ISO 8601 time with microseconds, such as `2020-08-17T13:43:58.335969+00:00`.", func(e *duo.AuthLog) *string { return e.ISOTimestamp }),
	stringField("event_type", "`authentication` or `enrollment`.", func(e *duo.AuthLog) *string { return e.EventType }),
	stringField("result", "`success`, `denied` or `fraud` (the user reported the request as fraudulent).", func(e *duo.AuthLog) *string { return e.Result }),
	stringField("reason", "Why it ended so, such as `user_approved`, `valid_passcode`, `bypass_user` (a user in bypass), `denied_by_policy`, `user_marked_fraud`, `locked_out` or `no_response`.", func(e *duo.AuthLog) *string { return e.Reason }),
	stringField("factor", "The factor used, such as `duo_push`, `phone_call`, `sms_passcode`, `bypass_code`, `hardware_token` or `WebAuthn Security Key`; null when none was.", func(e *duo.AuthLog) *string { return e.Factor }),
	nestedObjectField("user", "The user.", newObjectSpec(
		stringField("key", "The user's ID.", func(u *duo.AuthLogUser) *string { return u.Key }),
		stringField("name", "The user's username.", func(u *duo.AuthLogUser) *string { return u.Name }),
		stringListField("groups", "The names (not IDs) of the user's groups.", func(u *duo.AuthLogUser) []string { return u.Groups }),
	), func(e *duo.AuthLog) *duo.AuthLogUser { return e.User }),
	stringField("alias", "The username alias the user gave; empty when they gave their username.", func(e *duo.AuthLog) *string { return e.Alias }),
	stringField("email", "The user's email address; may be empty.", func(e *duo.AuthLog) *string { return e.Email }),
	nestedObjectField("application", "The application (integration) the user logged in to.", newObjectSpec(
		stringField("key", "Its integration key.", func(a *duo.AuthLogApp) *string { return a.Key }),
		stringField("name", "Its name.", func(a *duo.AuthLogApp) *string { return a.Name }),
		stringField("destination_name", "The destination the user went to through it, when Duo sends one.", func(a *duo.AuthLogApp) *string { return a.DestinationName }),
	), func(e *duo.AuthLog) *duo.AuthLogApp { return e.Application }),
	nestedObjectField("access_device", "The device the user logged in from.", accessDeviceSpec, func(e *duo.AuthLog) *duo.AccessDevice { return e.AccessDevice }),
	nestedObjectField("auth_device", "The device that approved the authentication, such as a phone.", authDeviceSpec, func(e *duo.AuthLog) *duo.AuthDevice { return e.AuthDevice }),
	stringField("trusted_endpoint_status", "Whether the access device is a trusted endpoint: `trusted`, `not trusted` or `unknown`.", func(e *duo.AuthLog) *string { return e.TrustedEndpointStatus }),
	stringField("ood_software", "The out-of-date software that made a policy deny the authentication, such as `Chrome`; null or empty otherwise.", func(e *duo.AuthLog) *string { return e.OODSoftware }),
	jsonTextField("adaptive_trust_assessments", "Risk-based assessments of the authentication (editions with risk-based authentication), as JSON to read with `jsondecode`; null when Duo sends none.", func(e *duo.AuthLog) *duo.JSONText { return e.AdaptiveTrustAssessments }),
	jsonTextField("passport_assessment", "Duo Passport's assessment, as JSON to read with `jsondecode`; null when Duo sends none.", func(e *duo.AuthLog) *duo.JSONText { return e.PassportAssessment }),
	jsonTextField("rbfs_triggered_attacks", "The attacks that risk-based factor selection detected, as JSON to read with `jsondecode`; null when Duo sends none.", func(e *duo.AuthLog) *duo.JSONText { return e.RBFSTriggeredAttacks }),
	jsonTextField("trusted_session_info", "The trusted session the authentication belongs to, as JSON to read with `jsondecode`; null when Duo sends none.", func(e *duo.AuthLog) *duo.JSONText { return e.TrustedSessionInfo }),
)

var adminLogSpec = newObjectSpec(
	stringField("action", "What the administrator did, such as `admin_login`, `admin_create`, `admin_update`, `integration_create`, `integration_update`, `user_update`, `group_update`, `bypass_create` or `phone_delete`.", func(e *duo.AdminLogEntry) *string { return e.Action }),
	jsonTextField("description", "What changed, as JSON to read with `jsondecode`, such as `{\"realname\": \"Joe Smith\"}` (Duo sends a JSON object encoded in a string); null for some actions.", func(e *duo.AdminLogEntry) *duo.JSONText { return e.Description }),
	stringField("isotimestamp", "When it happened, as an ISO 8601 time; null when Duo does not send it.", func(e *duo.AdminLogEntry) *string { return e.ISOTimestamp }),
	stringField("object", "What was acted on, such as a username, an integration's name or an administrator's email; null for some actions.", func(e *duo.AdminLogEntry) *string { return e.Object }),
	int64Field("timestamp", "When it happened, in Unix seconds.", func(e *duo.AdminLogEntry) *duo.Int { return e.Timestamp }),
	stringField("username", "Who did it: the administrator's name, `API` (an Admin API application), `System`, `AD Sync: <directory>`, or empty (a failed login).", func(e *duo.AdminLogEntry) *string { return e.Username }),
)

var telephonyLogSpec = newObjectSpec(
	stringField("context", "Why Duo called or texted: `authentication`, `enrollment`, `administrator login`, and others.", func(e *duo.TelephonyLogEntry) *string { return e.Context }),
	int64Field("credits", "The telephony credits it cost.", func(e *duo.TelephonyLogEntry) *duo.Int { return e.Credits }),
	stringField("phone", "The phone number called or texted, such as `+15555550100`.", func(e *duo.TelephonyLogEntry) *string { return e.Phone }),
	stringField("telephony_id", "The event's ID.", func(e *duo.TelephonyLogEntry) *string { return e.TelephonyID }),
	stringField("ts", "When it happened, as an ISO 8601 time.", func(e *duo.TelephonyLogEntry) *string { return e.TS }),
	stringField("txid", "The transaction ID of the authentication or enrollment it was for.", func(e *duo.TelephonyLogEntry) *string { return e.TxID }),
	stringField("type", "`sms` or `phone`.", func(e *duo.TelephonyLogEntry) *string { return e.Type }),
)

// trustMonitorActorSpec is who put a user in bypass, or that user.
func trustMonitorActorSpec(who string) objectSpec[duo.TrustMonitorActor] {
	return newObjectSpec(
		stringField("key", "The "+who+"'s ID.", func(a *duo.TrustMonitorActor) *string { return a.Key }),
		stringField("name", "The "+who+"'s name.", func(a *duo.TrustMonitorActor) *string { return a.Name }),
	)
}

var trustMonitorEventSpec = newObjectSpec(
	stringField("sekey", "The event's ID.", func(e *duo.TrustMonitorEvent) *string { return e.SEKey }),
	stringField("type", "What Trust Monitor surfaced: `auth` (an authentication), `bypass_status` (a user put in bypass) or `device_registration` (a device registered).", func(e *duo.TrustMonitorEvent) *string { return e.Type }),
	stringField("state", "`new`, until an administrator triages the event in the Admin Panel, then `processed`.", func(e *duo.TrustMonitorEvent) *string { return e.State }),
	int64Field("state_updated_timestamp", "When `state` last changed, in Unix milliseconds; null if never.", func(e *duo.TrustMonitorEvent) *duo.Int { return e.StateUpdatedTimestamp }),
	int64Field("surfaced_timestamp", "When Trust Monitor surfaced the event, in Unix milliseconds.", func(e *duo.TrustMonitorEvent) *duo.Int { return e.SurfacedTimestamp }),
	boolField("triaged_as_interesting", "Whether the administrator who triaged the event marked it as interesting.", func(e *duo.TrustMonitorEvent) *duo.Bool { return e.TriagedAsInteresting }),
	boolField("priority_event", "Whether Trust Monitor made the event a priority.", func(e *duo.TrustMonitorEvent) *duo.Bool { return e.PriorityEvent }),
	nestedListField("priority_reasons", "Why the event is a priority.", newObjectSpec(
		stringField("label", "The reason, as the Admin Panel shows it.", func(r *duo.TrustMonitorReason) *string { return r.Label }),
		stringField("type", "The kind of reason.", func(r *duo.TrustMonitorReason) *string { return r.Type }),
	), func(e *duo.TrustMonitorEvent) []duo.TrustMonitorReason { return e.PriorityReasons }),
	nestedListField("explanations", "Why Trust Monitor surfaced the event.", newObjectSpec(
		stringField("summary", "The explanation, in words.", func(s *duo.TrustMonitorSummary) *string { return s.Summary }),
		stringField("type", "The kind of explanation, such as `NEW_NETBLOCK`.", func(s *duo.TrustMonitorSummary) *string { return s.Type }),
	), func(e *duo.TrustMonitorEvent) []duo.TrustMonitorSummary { return e.Explanations }),
	boolField("from_common_netblock", "`auth` events: whether the authentication came from a network the account's users often use.", func(e *duo.TrustMonitorEvent) *duo.Bool { return e.FromCommonNetblock }),
	boolField("from_new_user", "`auth` and `device_registration` events: whether the user enrolled recently.", func(e *duo.TrustMonitorEvent) *duo.Bool { return e.FromNewUser }),
	boolField("low_risk_ip", "`auth` events: whether the authentication came from an address Duo considers of low risk.", func(e *duo.TrustMonitorEvent) *duo.Bool { return e.LowRiskIP }),
	stringField("triage_event_uri", "`auth` events: the event's page in the Admin Panel.", func(e *duo.TrustMonitorEvent) *string { return e.TriageEventURI }),
	nestedObjectField("surfaced_auth", "`auth` events: the authentication surfaced, with the attributes of an event of `duo_authentication_logs`.", authLogSpec, func(e *duo.TrustMonitorEvent) *duo.AuthLog { return e.SurfacedAuth }),
	int64Field("bypass_status_enabled", "`bypass_status` events: when the user was put in bypass, in Unix milliseconds.", func(e *duo.TrustMonitorEvent) *duo.Int { return e.BypassStatusEnabled }),
	nestedObjectField("enabled_by", "`bypass_status` events: the administrator who put the user in bypass.", trustMonitorActorSpec("administrator"), func(e *duo.TrustMonitorEvent) *duo.TrustMonitorActor { return e.EnabledBy }),
	nestedObjectField("enabled_for", "`bypass_status` events: the user put in bypass.", trustMonitorActorSpec("user"), func(e *duo.TrustMonitorEvent) *duo.TrustMonitorActor { return e.EnabledFor }),
)

// activityObjectSpec is an actor or a target of the activity log.
func activityObjectSpec(what string) objectSpec[duo.ActivityObject] {
	return newObjectSpec(
		stringField("key", "The "+what+"'s ID, such as a user's, an administrator's or a phone's; empty for Duo itself.", func(o *duo.ActivityObject) *string { return o.Key }),
		stringField("name", "The "+what+"'s name, such as a username, an administrator's name or a phone number.", func(o *duo.ActivityObject) *string { return o.Name }),
		stringField("type", "What the "+what+" is, such as `admin`, `adminapi` (an Admin API application), `admin_sync`, `azure_sync`, `ldapsync`, `deviceapi`, `system`, `user`, `phone`, `group` or `integration`.",
			func(o *duo.ActivityObject) *string { return o.Type }),
		jsonTextField("details", "More about the "+what+", as JSON to read with `jsondecode` (Duo sends a JSON object encoded in a string); null when Duo sends none.",
			func(o *duo.ActivityObject) *duo.JSONText { return o.Details }),
	)
}

var activityLogSpec = newObjectSpec(
	stringField("activity_id", "The event's ID.", func(e *duo.ActivityLog) *string { return e.ActivityID }),
	stringField("ts", "When it happened, as an ISO 8601 time with microseconds, such as `2020-02-13T18:56:20.351346+00:00`.", func(e *duo.ActivityLog) *string { return e.TS }),
	stringField("akey", "The account's ID.", func(e *duo.ActivityLog) *string { return e.Akey }),
	stringField("action", "What was done, such as `admin_login`, `admin_create`, `user_update`, `phone_create`, `integration_update` or `group_update`. "+
		"Duo's sources show it as the name alone or as an object of the name and details: this is the name in either form.",
		func(e *duo.ActivityLog) *string {
			if e.Action == nil {
				return nil
			}
			return e.Action.Name
		}),
	jsonTextField("action_details", "The action's details, as JSON to read with `jsondecode`, when Duo sends the action as an object of its name and details; null when it sends the name alone.",
		func(e *duo.ActivityLog) *duo.JSONText {
			if e.Action == nil {
				return nil
			}
			return e.Action.Details
		}),
	nestedObjectField("actor", "Who did it.", activityObjectSpec("actor"), func(e *duo.ActivityLog) *duo.ActivityObject { return e.Actor }),
	nestedObjectField("target", "What was acted on; null for actions without one, such as a login.", activityObjectSpec("target"), func(e *duo.ActivityLog) *duo.ActivityObject { return e.Target }),
	nestedObjectField("old_target", "The target as it was before the change; null when Duo does not send it (only Elastic's payloads show it).", activityObjectSpec("target"),
		func(e *duo.ActivityLog) *duo.ActivityObject { return e.OldTarget }),
	nestedObjectField("application", "The application the change came through, such as an Admin API application; null when none.", newObjectSpec(
		stringField("key", "Its integration key.", func(a *duo.ActivityApplication) *string { return a.Key }),
		stringField("name", "Its name.", func(a *duo.ActivityApplication) *string { return a.Name }),
		stringField("type", "Its type, such as `adminapi`.", func(a *duo.ActivityApplication) *string { return a.Type }),
	), func(e *duo.ActivityLog) *duo.ActivityApplication { return e.Application }),
	nestedObjectField("access_device", "The device the actor acted from; null when Duo does not send it.", newObjectSpec(
		stringField("browser", "The browser, such as `Chrome`.", func(d *duo.ActivityAccessDevice) *string { return d.Browser }),
		stringField("browser_version", "The browser's version.", func(d *duo.ActivityAccessDevice) *string { return d.BrowserVersion }),
		stringField("epkey", "The endpoint's key, when Duo knows the device as an endpoint.", func(d *duo.ActivityAccessDevice) *string { return d.EPKey }),
		stringField("ip", "The IP address the actor acted from (Duo sends it as an object holding the address).", func(d *duo.ActivityAccessDevice) *string { return (*string)(d.IP) }),
		nestedObjectField("location", "Where Duo places `ip`.", locationSpec, func(d *duo.ActivityAccessDevice) *duo.Location { return d.Location }),
		stringField("os", "The operating system, such as `Mac OS X` or `Windows`.", func(d *duo.ActivityAccessDevice) *string { return d.OS }),
		stringField("os_version", "The operating system's version.", func(d *duo.ActivityAccessDevice) *string { return d.OSVersion }),
	), func(e *duo.ActivityLog) *duo.ActivityAccessDevice { return e.AccessDevice }),
	nestedObjectField("outcome", "How it ended. Duo's sources show the result in an `outcome` object or beside the event's other fields: this holds it in either form; null when Duo sends neither.",
		newObjectSpec(
			stringField("result", "The result, such as `SUCCESS` or `FAILURE`.", func(o *duo.ActivityOutcome) *string { return o.Result }),
		), (*duo.ActivityLog).Outcome),
)

var offlineEnrollmentLogSpec = newObjectSpec(
	int64Field("timestamp", "When it happened, in Unix seconds.", func(e *duo.OfflineEnrollmentEntry) *duo.Int { return e.Timestamp }),
	stringField("isotimestamp", "When it happened, as an ISO 8601 time.", func(e *duo.OfflineEnrollmentEntry) *string { return e.ISOTimestamp }),
	stringField("username", "The user who enrolled, re-enrolled or lost offline access.", func(e *duo.OfflineEnrollmentEntry) *string { return e.Username }),
	stringField("action", "`o2fa_user_provisioned` (the user enrolled in offline access), `o2fa_user_reenrolled` or `o2fa_user_deprovisioned` (the user lost it).",
		func(e *duo.OfflineEnrollmentEntry) *string { return e.Action }),
	stringField("object", "The integration, such as Duo Authentication for Windows Logon, by its name.", func(e *duo.OfflineEnrollmentEntry) *string { return e.Object }),
	jsonTextField("description", "More about it, as JSON to read with `jsondecode`, such as `{\"user_agent\": ..., \"hostname\": ..., \"factor\": ...}` (Duo sends a JSON object encoded in a string); null when Duo sends none.",
		func(e *duo.OfflineEnrollmentEntry) *duo.JSONText { return e.Description }),
)
