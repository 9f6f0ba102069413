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
