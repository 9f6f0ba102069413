package duo

import "context"

// AuthLog is an event of the v2 authentication log, as Duo sends it there
// and inside a Trust Monitor event.
type AuthLog struct {
	TxID                  *string       `json:"txid"`
	Timestamp             *Int          `json:"timestamp"`
	ISOTimestamp          *string       `json:"isotimestamp"`
	EventType             *string       `json:"event_type"`
	Result                *string       `json:"result"`
	Reason                *string       `json:"reason"`
	Factor                *string       `json:"factor"`
	User                  *AuthLogUser  `json:"user"`
	Alias                 *string       `json:"alias"`
	Email                 *string       `json:"email"`
	Application           *AuthLogApp   `json:"application"`
	AccessDevice          *AccessDevice `json:"access_device"`
	AuthDevice            *AuthDevice   `json:"auth_device"`
	TrustedEndpointStatus *string       `json:"trusted_endpoint_status"`
	OODSoftware           *string       `json:"ood_software"`
	// The risk assessments of editions with risk-based features, whose
	// shapes Duo does not document.
	AdaptiveTrustAssessments *JSONText `json:"adaptive_trust_assessments"`
	PassportAssessment       *JSONText `json:"passport_assessment"`
	RBFSTriggeredAttacks     *JSONText `json:"rbfs_triggered_attacks"`
	TrustedSessionInfo       *JSONText `json:"trusted_session_info"`
}

// AuthLogUser is the user of an authentication; Groups are group names.
type AuthLogUser struct {
	Key    *string  `json:"key"`
	Name   *string  `json:"name"`
	Groups []string `json:"groups"`
}

// AuthLogApp is the application (integration) of an authentication.
type AuthLogApp struct {
	Key             *string `json:"key"`
	Name            *string `json:"name"`
	DestinationName *string `json:"destination_name"`
}

// Location is where Duo places an IP address.
type Location struct {
	City    *string `json:"city"`
	State   *string `json:"state"`
	Country *string `json:"country"`
}

// AccessDevice is the device from which an authentication was asked for.
type AccessDevice struct {
	Browser             *string         `json:"browser"`
	BrowserVersion      *string         `json:"browser_version"`
	EPKey               *string         `json:"epkey"`
	FlashVersion        *string         `json:"flash_version"`
	JavaVersion         *string         `json:"java_version"`
	Hostname            *string         `json:"hostname"`
	IP                  *string         `json:"ip"`
	Location            *Location       `json:"location"`
	OS                  *string         `json:"os"`
	OSVersion           *string         `json:"os_version"`
	IsEncryptionEnabled *BoolOrString   `json:"is_encryption_enabled"`
	IsFirewallEnabled   *BoolOrString   `json:"is_firewall_enabled"`
	IsPasswordSet       *BoolOrString   `json:"is_password_set"`
	SecurityAgents      *SecurityAgents `json:"security_agents"`
}

// AuthDevice is the device that approved (or denied) an authentication.
type AuthDevice struct {
	IP       *string   `json:"ip"`
	Key      *string   `json:"key"`
	Name     *string   `json:"name"`
	Location *Location `json:"location"`
}

// AdminLogEntry is an event of the v1 administrator log.
type AdminLogEntry struct {
	Action *string `json:"action"`
	// Description is a JSON object that Duo encodes in a string.
	Description  *JSONText `json:"description"`
	ISOTimestamp *string   `json:"isotimestamp"`
	Object       *string   `json:"object"`
	Timestamp    *Int      `json:"timestamp"`
	Username     *string   `json:"username"`
}

// TelephonyLogEntry is an event of the v2 telephony log.
type TelephonyLogEntry struct {
	Context     *string `json:"context"`
	Credits     *Int    `json:"credits"`
	Phone       *string `json:"phone"`
	TelephonyID *string `json:"telephony_id"`
	TS          *string `json:"ts"`
	TxID        *string `json:"txid"`
	Type        *string `json:"type"`
}

// TrustMonitorEvent is an event that Trust Monitor surfaced: an
// authentication (type auth), a user put in bypass (bypass_status) or a
// device registration (device_registration). Fields of the other types
// are null.
type TrustMonitorEvent struct {
	SEKey                 *string               `json:"sekey"`
	Type                  *string               `json:"type"`
	State                 *string               `json:"state"`
	StateUpdatedTimestamp *Int                  `json:"state_updated_timestamp"`
	SurfacedTimestamp     *Int                  `json:"surfaced_timestamp"`
	TriagedAsInteresting  *Bool                 `json:"triaged_as_interesting"`
	PriorityEvent         *Bool                 `json:"priority_event"`
	PriorityReasons       []TrustMonitorReason  `json:"priority_reasons"`
	Explanations          []TrustMonitorSummary `json:"explanations"`
	FromCommonNetblock    *Bool                 `json:"from_common_netblock"`
	FromNewUser           *Bool                 `json:"from_new_user"`
	LowRiskIP             *Bool                 `json:"low_risk_ip"`
	TriageEventURI        *string               `json:"triage_event_uri"`
	SurfacedAuth          *AuthLog              `json:"surfaced_auth"`
	BypassStatusEnabled   *Int                  `json:"bypass_status_enabled"`
	EnabledBy             *TrustMonitorActor    `json:"enabled_by"`
	EnabledFor            *TrustMonitorActor    `json:"enabled_for"`
}

// TrustMonitorReason is why Trust Monitor made an event a priority.
type TrustMonitorReason struct {
	Label *string `json:"label"`
	Type  *string `json:"type"`
}

// TrustMonitorSummary explains why Trust Monitor surfaced an event.
type TrustMonitorSummary struct {
	Summary *string `json:"summary"`
	Type    *string `json:"type"`
}

// TrustMonitorActor is the administrator who put a user in bypass, or that
// user.
type TrustMonitorActor struct {
	Key  *string `json:"key"`
	Name *string `json:"name"`
}

// ActivityLog is an event of the v2 activity log: what an administrator,
// an application, a directory sync, Duo itself or a user changed. Duo's
// sources disagree on two of its fields, and both forms are read: action
// (see ActivityAction), and the result, sent in outcome or beside the
// other fields (see Outcome).
type ActivityLog struct {
	ActivityID   *string               `json:"activity_id"`
	TS           *string               `json:"ts"`
	Akey         *string               `json:"akey"`
	Action       *ActivityAction       `json:"action"`
	Actor        *ActivityObject       `json:"actor"`
	Target       *ActivityObject       `json:"target"`
	OldTarget    *ActivityObject       `json:"old_target"`
	Application  *ActivityApplication  `json:"application"`
	AccessDevice *ActivityAccessDevice `json:"access_device"`
	// The result as Elastic's payloads send it, in outcome, and as
	// duo_log_sync's mapping places it, beside the other fields.
	OutcomeSent *ActivityOutcome `json:"outcome"`
	Result      *string          `json:"result"`
}

// Outcome is the event's outcome in either of its forms; nil when Duo
// sends neither.
func (e *ActivityLog) Outcome() *ActivityOutcome {
	if e.OutcomeSent != nil && e.OutcomeSent.Result != nil || e.Result == nil {
		return e.OutcomeSent
	}
	return &ActivityOutcome{Result: e.Result}
}

// ActivityObject is the actor or a target of an activity; Details is a
// JSON document that Duo sends inside a string.
type ActivityObject struct {
	Key     *string   `json:"key"`
	Name    *string   `json:"name"`
	Type    *string   `json:"type"`
	Details *JSONText `json:"details"`
}

// ActivityApplication is the application an activity came through.
type ActivityApplication struct {
	Key  *string `json:"key"`
	Name *string `json:"name"`
	Type *string `json:"type"`
}

// ActivityAccessDevice is the device an activity came from.
type ActivityAccessDevice struct {
	Browser        *string   `json:"browser"`
	BrowserVersion *string   `json:"browser_version"`
	EPKey          *string   `json:"epkey"`
	IP             *Address  `json:"ip"`
	Location       *Location `json:"location"`
	OS             *string   `json:"os"`
	OSVersion      *string   `json:"os_version"`
}

// ActivityOutcome is how an activity ended.
type ActivityOutcome struct {
	Result *string `json:"result"`
}

// OfflineEnrollmentEntry is an event of the v1 offline enrollment log.
type OfflineEnrollmentEntry struct {
	Action *string `json:"action"`
	// Description is a JSON object that Duo encodes in a string.
	Description  *JSONText `json:"description"`
	ISOTimestamp *string   `json:"isotimestamp"`
	Object       *string   `json:"object"`
	Timestamp    *Int      `json:"timestamp"`
	Username     *string   `json:"username"`
}

var (
	authenticationLogAPI = logEndpoint[AuthLog]{
		path: "/admin/v2/logs/authentication", what: "authentication log events", paging: cursorPaging, pageSize: MaxLogPageSize,
		events: func(p *cursorPage[AuthLog]) []AuthLog { return p.Authlogs },
	}
	administratorLogAPI = logEndpoint[AdminLogEntry]{
		path: "/admin/v1/logs/administrator", what: "administrator log events", paging: mintimePaging, pageSize: MaxLogPageSize,
		timestamp:    func(e *AdminLogEntry) *Int { return e.Timestamp },
		localFilters: map[string]func(*AdminLogEntry) *string{"actions": func(e *AdminLogEntry) *string { return e.Action }},
	}
	telephonyLogAPI = logEndpoint[TelephonyLogEntry]{
		path: "/admin/v2/logs/telephony", what: "telephony log events", paging: cursorPaging, pageSize: MaxLogPageSize,
		events: func(p *cursorPage[TelephonyLogEntry]) []TelephonyLogEntry { return p.Items },
	}
	activityLogAPI = logEndpoint[ActivityLog]{
		path: "/admin/v2/logs/activity", what: "activity log events", paging: cursorPaging, pageSize: MaxLogPageSize,
		events: func(p *cursorPage[ActivityLog]) []ActivityLog { return p.Items },
	}
	offlineEnrollmentLogAPI = logEndpoint[OfflineEnrollmentEntry]{
		path: "/admin/v1/logs/offline_enrollment", what: "offline enrollment log events", paging: mintimePaging, pageSize: MaxLogPageSize,
		timestamp: func(e *OfflineEnrollmentEntry) *Int { return e.Timestamp },
	}
	trustMonitorAPI = logEndpoint[TrustMonitorEvent]{
		path: "/admin/v1/trust_monitor/events", what: "Trust Monitor events", paging: offsetPaging, pageSize: MaxTrustMonitorPageSize,
		events: func(p *cursorPage[TrustMonitorEvent]) []TrustMonitorEvent { return p.Events },
	}
)

// StreamAuthenticationLog sends the authentication log events of the
// query to sink, oldest first. Its filters are Duo's: users, groups,
// applications, results, reasons, factors, event_types, phone_numbers and
// tokens.
func (c *Client) StreamAuthenticationLog(ctx context.Context, q LogQuery, sink PageSink[AuthLog]) error {
	return authenticationLogAPI.stream(ctx, c, q, sink)
}

// StreamAdministratorLog sends the administrator log events of the query
// to sink, oldest first. Duo takes a start only, and no filter: the client
// leaves out the events after Maxtime, and applies the filter "actions".
func (c *Client) StreamAdministratorLog(ctx context.Context, q LogQuery, sink PageSink[AdminLogEntry]) error {
	return administratorLogAPI.stream(ctx, c, q, sink)
}

// StreamTelephonyLog sends the telephony log events of the query to sink,
// oldest first.
func (c *Client) StreamTelephonyLog(ctx context.Context, q LogQuery, sink PageSink[TelephonyLogEntry]) error {
	return telephonyLogAPI.stream(ctx, c, q, sink)
}

// StreamTrustMonitorEvents sends the Trust Monitor events of the query to
// sink, in Duo's order. Its filter is Duo's: type.
func (c *Client) StreamTrustMonitorEvents(ctx context.Context, q LogQuery, sink PageSink[TrustMonitorEvent]) error {
	return trustMonitorAPI.stream(ctx, c, q, sink)
}

// StreamActivityLog sends the activity log events of the query to sink,
// oldest first.
func (c *Client) StreamActivityLog(ctx context.Context, q LogQuery, sink PageSink[ActivityLog]) error {
	return activityLogAPI.stream(ctx, c, q, sink)
}

// StreamOfflineEnrollmentLog sends the offline enrollment log events of
// the query to sink, oldest first. Duo takes a start only: the client
// leaves out the events after Maxtime.
func (c *Client) StreamOfflineEnrollmentLog(ctx context.Context, q LogQuery, sink PageSink[OfflineEnrollmentEntry]) error {
	return offlineEnrollmentLogAPI.stream(ctx, c, q, sink)
}
