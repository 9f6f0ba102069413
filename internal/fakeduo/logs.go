package fakeduo

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
)

// The logs of what happened in the account, served as Duo serves them:
//
//	path                               paging                                  page default / max
//	/admin/v2/logs/authentication      cursor ["<ms>", "<txid>"] in metadata   100 / 1000
//	/admin/v2/logs/telephony           cursor "<ms>,<telephony_id>"            100 / 1000
//	/admin/v2/logs/activity            cursor "<ms>,<activity_id>"             100 / 1000
//	/admin/v1/trust_monitor/events     offset, next_offset a string            50 / 200
//	/admin/v1/logs/administrator       mintime (seconds), oldest first         1000
//	/admin/v1/logs/offline_enrollment  mintime (seconds), oldest first         1000
//
// The v2 logs and Trust Monitor take mintime and maxtime in milliseconds,
// both required, within the last 180 days. A v2 answer that holds events
// carries the cursor of its last one, whether more follow or not, and an
// empty answer a null cursor; the activity log's total_objects is
// {"relation": "eq", "value": n}, the others' a number. Trust Monitor's last
// page has an empty metadata. Parameters Duo does not take are refused.

const (
	authLogPath              = "/admin/v2/logs/authentication"
	telephonyLogPath         = "/admin/v2/logs/telephony"
	activityLogPath          = "/admin/v2/logs/activity"
	trustMonitorPath         = "/admin/v1/trust_monitor/events"
	adminLogPath             = "/admin/v1/logs/administrator"
	offlineEnrollmentLogPath = "/admin/v1/logs/offline_enrollment"
)

// logPaths are the logs, whose requests ListRequests counts and
// LogQueries records.
var logPaths = []string{authLogPath, telephonyLogPath, activityLogPath, trustMonitorPath, adminLogPath, offlineEnrollmentLogPath}

// logRetention is how far back Duo serves logs, with the hour of slack
// the provider allows a plan's times: Duo's exact bound is not documented.
const logRetention = 180*24*time.Hour + time.Hour

// Logs is what happened in the account. Each event happened Ago before
// the fake starts, so that a window of the last days finds it whenever it
// runs; events no more recent than a few minutes stand for Duo's delay of
// about two minutes before an event is served. Events name users,
// integrations, phones and administrators by their IDs, which Start checks
// the account serves, and the fake writes their names as Duo does.
type Logs struct {
	Authentications      []Authentication
	AdministratorActions []AdministratorAction
	Telephony            []TelephonyEvent
	TrustMonitor         []TrustMonitorEvent
	Activity             []Activity
	OfflineEnrollments   []OfflineEnrollment
}

// Authentication is an event of the authentication log.
type Authentication struct {
	Ago            time.Duration
	TxID           string
	UserID         string
	IntegrationKey string
	EventType      string  // authentication or enrollment
	Result         string  // success, denied or fraud
	Reason         string  // user_approved, bypass_user, valid_passcode, denied_by_policy, ...
	Factor         *string // duo_push, bypass_code, ...; null in some events
	Alias          string  // the alias the user gave; "" for the username
	// The authentication device: a phone of the user's (PhoneID), a
	// WebAuthn credential of the user's (WebAuthnKey), or neither (a
	// bypass code or a bypass user), whose auth_device fields are null.
	PhoneID     string
	WebAuthnKey string
	// AccessDevice is the device the user logged in from, as Duo sends it.
	AccessDevice          AccessDevice
	TrustedEndpointStatus string // trusted, not trusted or unknown
	OODSoftware           *string
	// AdaptiveTrustAssessments, when set, is sent as it is.
	AdaptiveTrustAssessments any
}

// AccessDevice is the device an authentication came from, as Duo sends
// it. The health fields vary as Duo's do: IsEncryptionEnabled and its
// siblings hold a boolean or "unknown"; SecurityAgents a list of
// SecurityAgent, "unknown" or json.RawMessage("null"). Nil leaves a field
// out.
type AccessDevice struct {
	Browser             *string  `json:"browser"`
	BrowserVersion      *string  `json:"browser_version"`
	EPKey               *string  `json:"epkey,omitempty"`
	FlashVersion        *string  `json:"flash_version"`
	JavaVersion         *string  `json:"java_version"`
	Hostname            *string  `json:"hostname"`
	IP                  string   `json:"ip"`
	Location            Location `json:"location"`
	OS                  *string  `json:"os"`
	OSVersion           *string  `json:"os_version"`
	IsEncryptionEnabled any      `json:"is_encryption_enabled,omitempty"`
	IsFirewallEnabled   any      `json:"is_firewall_enabled,omitempty"`
	IsPasswordSet       any      `json:"is_password_set,omitempty"`
	SecurityAgents      any      `json:"security_agents,omitempty"`
}

// Location is where Duo places an IP address; nil fields are null.
type Location struct {
	City    *string `json:"city"`
	State   *string `json:"state"`
	Country *string `json:"country"`
}

// AdministratorAction is an event of the administrator log.
type AdministratorAction struct {
	Ago time.Duration
	// AdminID is the administrator who acted; "" when Username names who
	// did ("API", "System", "AD Sync: <directory>", or "").
	AdminID  string
	Username string
	Action   string  // admin_login, admin_create, integration_update, user_update, ...
	Object   *string // what was acted on; null for some actions
	// Description is sent as a JSON object encoded in a string; nil
	// sends null.
	Description map[string]any
}

// TelephonyEvent is an event of the telephony log: an SMS or a call to a
// served phone (PhoneID), or to an administrator's phone (AdminID).
type TelephonyEvent struct {
	Ago         time.Duration
	TelephonyID string
	TxID        string
	PhoneID     string
	AdminID     string
	Context     string // authentication, enrollment, administrator login, ...
	Type        string // sms or phone
	Credits     int
}

// TrustMonitorEvent is an event that Trust Monitor surfaced Ago before
// Start.
type TrustMonitorEvent struct {
	Ago                  time.Duration
	SEKey                string
	Type                 string // auth, bypass_status or device_registration
	State                string // new or processed
	StateUpdatedAgo      *time.Duration
	TriagedAsInteresting bool
	PriorityEvent        bool
	PriorityReasons      []TrustMonitorReason
	Explanations         []TrustMonitorExplanation
	// auth: the authentication surfaced, by its txid among
	// Logs.Authentications. auth and device_registration: FromNewUser.
	SurfacedTxID       string
	FromCommonNetblock bool
	FromNewUser        bool
	LowRiskIP          bool
	// bypass_status: the administrator who put the user in bypass.
	EnabledByAdminID string
	EnabledForUserID string
}

// TrustMonitorReason is why Trust Monitor made an event a priority.
type TrustMonitorReason struct {
	Label string `json:"label"`
	Type  string `json:"type"`
}

// TrustMonitorExplanation says why Trust Monitor surfaced an event.
type TrustMonitorExplanation struct {
	Summary string `json:"summary"`
	Type    string `json:"type"`
}

// Activity is an event of the activity log: what an administrator, an
// Admin API application, a directory sync, Duo itself or a user changed.
// It is sent in either of the forms Duo's sources disagree on, as its
// fields say.
type Activity struct {
	Ago        time.Duration
	ActivityID string
	Action     string // phone_create, user_update, admin_login, ...
	// ActionDetails, when set, sends action as {"name": Action,
	// "details": ActionDetails} (Elastic's payloads) rather than as the
	// name alone (duo_client_python, duo_log_sync).
	ActionDetails map[string]any
	Actor         ActivityObject
	// Target and OldTarget (the target before the change) are absent
	// when nil.
	Target, OldTarget *ActivityObject
	// IntegrationKey names the application the change came through; no
	// application when "".
	IntegrationKey string
	// AccessDevice is where the actor was; absent when nil.
	AccessDevice *ActivityDevice
	// Result is the outcome, such as SUCCESS or FAILURE: sent as
	// outcome.result (Elastic), or with ResultAtTop as a result beside
	// the event's other fields (duo_log_sync's mapping).
	Result      string
	ResultAtTop bool
}

// ActivityObject is the actor or a target of an activity. An admin (Type
// admin), a user (user) or an Admin API application (adminapi) is named
// by its ID in Key, which must be served, and the fake writes its name;
// anything else is sent as given.
type ActivityObject struct {
	Key, Name, Type string
	// Details are sent as a JSON document inside a string; nil sends null.
	Details map[string]any
}

// ActivityDevice is the device of an activity; its IP address is sent as
// {"address": IP}, unlike the authentication log's.
type ActivityDevice struct {
	Browser, BrowserVersion, OS, OSVersion string
	IP                                     string
	Location                               Location
}

// OfflineEnrollment is an event of the offline enrollment log: a user
// enrolled, re-enrolled or lost Duo's offline access to an integration.
type OfflineEnrollment struct {
	Ago            time.Duration
	UserID         string
	IntegrationKey string // the integration, whose name object holds
	Action         string // o2fa_user_provisioned, o2fa_user_deprovisioned or o2fa_user_reenrolled
	// Description is sent as a JSON document inside a string (user_agent,
	// hostname, factor); nil sends null.
	Description map[string]any
}

// logEvent is an event encoded once, with its time, its ID and the
// values of its fields that the log's filters look at.
type logEvent struct {
	ms   int64
	id   string
	json []byte
	keys url.Values
	// credits are a telephony event's, for the report of credits used.
	credits int
}

// before orders events by time, then ID, as Duo's cursors do.
func (e *logEvent) before(ms int64, id string) bool {
	return e.ms < ms || e.ms == ms && e.id < id
}

// logIndex is every event of the logs, each log in time order.
type logIndex struct {
	auth, telephony, trustMonitor, admin, activity, offline []logEvent
}

// accountRefs finds what events refer to.
type accountRefs struct {
	users        map[string]*User
	integrations map[string]*Integration
	admins       map[string]*Admin
	phones       map[string]*Phone
}

func newAccountRefs(users []User, account *Account) accountRefs {
	refs := accountRefs{users: map[string]*User{}, integrations: map[string]*Integration{}, admins: map[string]*Admin{}, phones: map[string]*Phone{}}
	for i := range users {
		refs.users[users[i].UserID] = &users[i]
		for j := range users[i].Phones {
			refs.phones[users[i].Phones[j].PhoneID] = &users[i].Phones[j]
		}
	}
	for i := range account.Phones {
		refs.phones[account.Phones[i].PhoneID] = &account.Phones[i]
	}
	for i := range account.Integrations {
		refs.integrations[account.Integrations[i].IntegrationKey] = &account.Integrations[i]
	}
	for i := range account.Admins {
		refs.admins[account.Admins[i].AdminID] = &account.Admins[i]
	}
	return refs
}

// refError names what an event refers to that the account does not serve.
func refError(kind, id, field, value string) error {
	return fmt.Errorf("fakeduo: %s %q: %s %q is not in the account", kind, id, field, value)
}

// newLogIndex encodes logs as of start, checking that every event refers
// to what users and account serve.
func newLogIndex(start time.Time, users []User, account *Account) (*logIndex, error) {
	refs := newAccountRefs(users, account)
	logs := &account.Logs
	index := &logIndex{}
	at := func(ago time.Duration) time.Time { return start.Add(-ago).Truncate(time.Millisecond) }

	byTxID := map[string][]byte{}
	for _, a := range logs.Authentications {
		event, err := refs.authentication(a, at(a.Ago))
		if err != nil {
			return nil, err
		}
		if _, dup := byTxID[a.TxID]; dup {
			return nil, fmt.Errorf("fakeduo: duplicate authentication txid %q", a.TxID)
		}
		byTxID[a.TxID] = event.json
		index.auth = append(index.auth, event)
	}
	for _, t := range logs.Telephony {
		event, err := refs.telephony(t, at(t.Ago))
		if err != nil {
			return nil, err
		}
		index.telephony = append(index.telephony, event)
	}
	for _, e := range logs.TrustMonitor {
		event, err := refs.trustMonitor(e, at, byTxID)
		if err != nil {
			return nil, err
		}
		index.trustMonitor = append(index.trustMonitor, event)
	}
	for _, a := range logs.AdministratorActions {
		event, err := refs.administratorAction(a, at(a.Ago))
		if err != nil {
			return nil, err
		}
		index.admin = append(index.admin, event)
	}
	for _, a := range logs.Activity {
		event, err := refs.activity(a, at(a.Ago))
		if err != nil {
			return nil, err
		}
		index.activity = append(index.activity, event)
	}
	for _, o := range logs.OfflineEnrollments {
		event, err := refs.offlineEnrollment(o, at(o.Ago))
		if err != nil {
			return nil, err
		}
		index.offline = append(index.offline, event)
	}
	for _, events := range [][]logEvent{index.auth, index.telephony, index.trustMonitor, index.activity} {
		slices.SortStableFunc(events, func(a, b logEvent) int {
			if a.before(b.ms, b.id) {
				return -1
			}
			if b.before(a.ms, a.id) {
				return 1
			}
			return 0
		})
	}
	// The v1 logs have seconds only; events of one second stay in the order
	// they were given.
	for _, events := range [][]logEvent{index.admin, index.offline} {
		slices.SortStableFunc(events, func(a, b logEvent) int { return int(a.ms/1000 - b.ms/1000) })
	}
	return index, nil
}

// isoTime writes t as Duo's logs do: 2020-08-17T13:43:58.335969+00:00.
func isoTime(t time.Time) string { return t.UTC().Format("2006-01-02T15:04:05.000000-07:00") }

type authLogJSON struct {
	AccessDevice             AccessDevice   `json:"access_device"`
	AdaptiveTrustAssessments any            `json:"adaptive_trust_assessments,omitempty"`
	Alias                    string         `json:"alias"`
	Application              logApplication `json:"application"`
	AuthDevice               authDeviceJSON `json:"auth_device"`
	Email                    string         `json:"email"`
	EventType                string         `json:"event_type"`
	Factor                   *string        `json:"factor"`
	ISOTimestamp             string         `json:"isotimestamp"`
	OODSoftware              *string        `json:"ood_software"`
	Reason                   string         `json:"reason"`
	Result                   string         `json:"result"`
	Timestamp                int64          `json:"timestamp"`
	TrustedEndpointStatus    string         `json:"trusted_endpoint_status"`
	TxID                     string         `json:"txid"`
	User                     logUser        `json:"user"`
}

type logApplication struct {
	Key  string `json:"key"`
	Name string `json:"name"`
}

type logUser struct {
	Groups []string `json:"groups"`
	Key    string   `json:"key"`
	Name   string   `json:"name"`
}

type authDeviceJSON struct {
	IP       *string  `json:"ip"`
	Key      *string  `json:"key"`
	Location Location `json:"location"`
	Name     *string  `json:"name"`
}

func (refs accountRefs) authentication(a Authentication, t time.Time) (logEvent, error) {
	user, ok := refs.users[a.UserID]
	if !ok {
		return logEvent{}, refError("authentication", a.TxID, "user_id", a.UserID)
	}
	integration, ok := refs.integrations[a.IntegrationKey]
	if !ok {
		return logEvent{}, refError("authentication", a.TxID, "integration_key", a.IntegrationKey)
	}
	keys := url.Values{
		"users": {a.UserID}, "applications": {a.IntegrationKey}, "results": {a.Result},
		"reasons": {a.Reason}, "event_types": {a.EventType},
	}
	if a.Factor != nil {
		keys.Set("factors", *a.Factor)
	}
	groups := []string{}
	for _, g := range user.Groups {
		groups = append(groups, g.Name)
		keys.Add("groups", g.GroupID)
	}
	var device authDeviceJSON
	switch {
	case a.PhoneID != "":
		phone := refs.phoneOf(user, a.PhoneID)
		if phone == nil {
			return logEvent{}, refError("authentication", a.TxID, "phone_id of the user's", a.PhoneID)
		}
		name := phone.Number
		if phone.Name != "" {
			name = phone.Name + " (" + phone.Number + ")"
		}
		device = authDeviceJSON{IP: ptr(a.AccessDevice.IP), Key: ptr(phone.PhoneID), Location: a.AccessDevice.Location, Name: ptr(name)}
		keys.Set("phone_numbers", phone.Number)
	case a.WebAuthnKey != "":
		i := slices.IndexFunc(user.WebAuthnCreds, func(c WebAuthnCred) bool { return c.WebAuthnKey == a.WebAuthnKey })
		if i < 0 {
			return logEvent{}, refError("authentication", a.TxID, "webauthnkey of the user's", a.WebAuthnKey)
		}
		device = authDeviceJSON{Key: ptr(a.WebAuthnKey), Name: ptr(user.WebAuthnCreds[i].CredentialName)}
		keys.Set("tokens", a.WebAuthnKey)
	}
	encoded, err := json.Marshal(authLogJSON{
		AccessDevice: a.AccessDevice, AdaptiveTrustAssessments: a.AdaptiveTrustAssessments, Alias: a.Alias,
		Application: logApplication{Key: integration.IntegrationKey, Name: integration.Name}, AuthDevice: device,
		Email: user.Email, EventType: a.EventType, Factor: a.Factor, ISOTimestamp: isoTime(t), OODSoftware: a.OODSoftware,
		Reason: a.Reason, Result: a.Result, Timestamp: t.Unix(), TrustedEndpointStatus: a.TrustedEndpointStatus, TxID: a.TxID,
		User: logUser{Groups: groups, Key: user.UserID, Name: user.Username},
	})
	return logEvent{ms: t.UnixMilli(), id: a.TxID, json: encoded, keys: keys}, err
}

func (refs accountRefs) phoneOf(user *User, phoneID string) *Phone {
	for i := range user.Phones {
		if user.Phones[i].PhoneID == phoneID {
			return &user.Phones[i]
		}
	}
	return nil
}

type telephonyJSON struct {
	Context     string `json:"context"`
	Credits     int    `json:"credits"`
	Phone       string `json:"phone"`
	TelephonyID string `json:"telephony_id"`
	TS          string `json:"ts"`
	TxID        string `json:"txid"`
	Type        string `json:"type"`
}

func (refs accountRefs) telephony(e TelephonyEvent, t time.Time) (logEvent, error) {
	var number string
	if phone, ok := refs.phones[e.PhoneID]; ok {
		number = phone.Number
	} else if admin, ok := refs.admins[e.AdminID]; ok && admin.Phone != nil {
		number = *admin.Phone
	} else {
		return logEvent{}, refError("telephony event", e.TelephonyID, "phone_id or admin_id with a phone", e.PhoneID+e.AdminID)
	}
	encoded, err := json.Marshal(telephonyJSON{Context: e.Context, Credits: e.Credits, Phone: number, TelephonyID: e.TelephonyID, TS: isoTime(t), TxID: e.TxID, Type: e.Type})
	return logEvent{ms: t.UnixMilli(), id: e.TelephonyID, json: encoded, credits: e.Credits}, err
}

func (refs accountRefs) trustMonitor(e TrustMonitorEvent, at func(time.Duration) time.Time, auths map[string][]byte) (logEvent, error) {
	t := at(e.Ago)
	event := map[string]any{
		"sekey": e.SEKey, "type": e.Type, "state": e.State, "state_updated_timestamp": nil,
		"surfaced_timestamp": t.UnixMilli(), "triaged_as_interesting": e.TriagedAsInteresting,
		"priority_event": e.PriorityEvent, "priority_reasons": orEmpty(e.PriorityReasons), "explanations": orEmpty(e.Explanations),
	}
	if e.StateUpdatedAgo != nil {
		event["state_updated_timestamp"] = at(*e.StateUpdatedAgo).UnixMilli()
	}
	switch e.Type {
	case "auth":
		surfaced, ok := auths[e.SurfacedTxID]
		if !ok {
			return logEvent{}, refError("Trust Monitor event", e.SEKey, "surfaced txid", e.SurfacedTxID)
		}
		event["surfaced_auth"] = json.RawMessage(surfaced)
		event["from_common_netblock"], event["from_new_user"], event["low_risk_ip"] = e.FromCommonNetblock, e.FromNewUser, e.LowRiskIP
		event["triage_event_uri"] = "https://admin-fake.duosecurity.com/trust-monitor?sekey=" + e.SEKey
	case "bypass_status":
		admin, ok := refs.admins[e.EnabledByAdminID]
		if !ok {
			return logEvent{}, refError("Trust Monitor event", e.SEKey, "admin_id", e.EnabledByAdminID)
		}
		user, ok := refs.users[e.EnabledForUserID]
		if !ok {
			return logEvent{}, refError("Trust Monitor event", e.SEKey, "user_id", e.EnabledForUserID)
		}
		event["bypass_status_enabled"] = t.Add(-time.Minute).UnixMilli()
		event["enabled_by"] = map[string]string{"key": admin.AdminID, "name": admin.Name}
		event["enabled_for"] = map[string]string{"key": user.UserID, "name": user.Username}
	case "device_registration":
		event["from_new_user"] = e.FromNewUser
	default:
		return logEvent{}, fmt.Errorf("fakeduo: Trust Monitor event %q: type %q is none of auth, bypass_status and device_registration", e.SEKey, e.Type)
	}
	encoded, err := json.Marshal(event)
	return logEvent{ms: t.UnixMilli(), id: e.SEKey, json: encoded, keys: url.Values{"type": {e.Type}}}, err
}

// orEmpty is items, or [] for nil: Duo sends empty lists.
func orEmpty[T any](items []T) []T {
	if items == nil {
		return []T{}
	}
	return items
}

type adminLogJSON struct {
	Action       string  `json:"action"`
	Description  *string `json:"description"`
	ISOTimestamp string  `json:"isotimestamp"`
	Object       *string `json:"object"`
	Timestamp    int64   `json:"timestamp"`
	Username     string  `json:"username"`
}

func (refs accountRefs) administratorAction(a AdministratorAction, t time.Time) (logEvent, error) {
	username := a.Username
	if a.AdminID != "" {
		admin, ok := refs.admins[a.AdminID]
		if !ok {
			return logEvent{}, refError("administrator action", a.Action, "admin_id", a.AdminID)
		}
		username = admin.Name
	}
	description, err := jsonInString(a.Description)
	if err != nil {
		return logEvent{}, err
	}
	t = t.Truncate(time.Second)
	encoded, err := json.Marshal(adminLogJSON{
		Action: a.Action, Description: description, ISOTimestamp: t.UTC().Format("2006-01-02T15:04:05-07:00"),
		Object: a.Object, Timestamp: t.Unix(), Username: username,
	})
	return logEvent{ms: t.UnixMilli(), json: encoded}, err
}

// jsonInString encodes details as Duo sends them: a JSON document inside
// a string, or null for nil.
func jsonInString(details map[string]any) (*string, error) {
	if details == nil {
		return nil, nil
	}
	text, err := json.Marshal(details)
	if err != nil {
		return nil, err
	}
	return ptr(string(text)), nil
}

// activityObject writes an actor or a target, naming what it refers to.
func (refs accountRefs) activityObject(id, field string, o ActivityObject) (map[string]any, error) {
	name := o.Name
	switch o.Type {
	case "admin":
		admin, ok := refs.admins[o.Key]
		if !ok {
			return nil, refError("activity", id, field+" admin_id", o.Key)
		}
		name = admin.Name
	case "user":
		user, ok := refs.users[o.Key]
		if !ok {
			return nil, refError("activity", id, field+" user_id", o.Key)
		}
		name = user.Username
	case "adminapi":
		integration, ok := refs.integrations[o.Key]
		if !ok {
			return nil, refError("activity", id, field+" integration_key", o.Key)
		}
		name = integration.Name
	}
	details, err := jsonInString(o.Details)
	return map[string]any{"key": o.Key, "name": name, "type": o.Type, "details": details}, err
}

func (refs accountRefs) activity(a Activity, t time.Time) (logEvent, error) {
	actor, err := refs.activityObject(a.ActivityID, "actor", a.Actor)
	if err != nil {
		return logEvent{}, err
	}
	event := map[string]any{
		"activity_id": a.ActivityID, "ts": isoTime(t), "akey": "DAFAKEDUO00000000001", "actor": actor,
		"action": a.Action,
	}
	if a.ActionDetails != nil {
		event["action"] = map[string]any{"name": a.Action, "details": a.ActionDetails}
	}
	for field, target := range map[string]*ActivityObject{"target": a.Target, "old_target": a.OldTarget} {
		if target == nil {
			continue
		}
		if event[field], err = refs.activityObject(a.ActivityID, field, *target); err != nil {
			return logEvent{}, err
		}
	}
	if a.IntegrationKey != "" {
		integration, ok := refs.integrations[a.IntegrationKey]
		if !ok {
			return logEvent{}, refError("activity", a.ActivityID, "integration_key", a.IntegrationKey)
		}
		event["application"] = map[string]any{"key": integration.IntegrationKey, "name": integration.Name, "type": integration.Type}
	}
	if d := a.AccessDevice; d != nil {
		event["access_device"] = map[string]any{
			"browser": d.Browser, "browser_version": d.BrowserVersion, "os": d.OS, "os_version": d.OSVersion,
			"ip": map[string]any{"address": d.IP}, "location": d.Location,
		}
	}
	if a.ResultAtTop {
		event["result"] = a.Result
	} else {
		event["outcome"] = map[string]any{"result": a.Result}
	}
	encoded, err := json.Marshal(event)
	return logEvent{ms: t.UnixMilli(), id: a.ActivityID, json: encoded}, err
}

type offlineEnrollmentJSON struct {
	Action       string  `json:"action"`
	Description  *string `json:"description"`
	ISOTimestamp string  `json:"isotimestamp"`
	Object       string  `json:"object"`
	Timestamp    int64   `json:"timestamp"`
	Username     string  `json:"username"`
}

func (refs accountRefs) offlineEnrollment(o OfflineEnrollment, t time.Time) (logEvent, error) {
	user, ok := refs.users[o.UserID]
	if !ok {
		return logEvent{}, refError("offline enrollment", o.Action, "user_id", o.UserID)
	}
	integration, ok := refs.integrations[o.IntegrationKey]
	if !ok {
		return logEvent{}, refError("offline enrollment", o.Action, "integration_key", o.IntegrationKey)
	}
	description, err := jsonInString(o.Description)
	if err != nil {
		return logEvent{}, err
	}
	t = t.Truncate(time.Second)
	encoded, err := json.Marshal(offlineEnrollmentJSON{
		Action: o.Action, Description: description, ISOTimestamp: t.UTC().Format("2006-01-02T15:04:05-07:00"),
		Object: integration.Name, Timestamp: t.Unix(), Username: user.Username,
	})
	return logEvent{ms: t.UnixMilli(), json: encoded}, err
}

// logQueries records the queries of the requests to each log.
type logQueries struct {
	mu      sync.Mutex
	queries map[string][]url.Values
}

func (q *logQueries) record(path string, query url.Values) {
	q.mu.Lock()
	defer q.mu.Unlock()
	if q.queries == nil {
		q.queries = map[string][]url.Values{}
	}
	q.queries[path] = append(q.queries[path], query)
}

// LogQueries returns the queries of the authenticated requests to the log
// or report at path (such as "/admin/v2/logs/authentication") so far, in
// the order they came.
func (s *Server) LogQueries(path string) []url.Values {
	s.logQueries.mu.Lock()
	defer s.logQueries.mu.Unlock()
	return slices.Clone(s.logQueries.queries[path])
}

// logEndpoint returns what answers a request to the log at path, or nil
// when path is no log.
func (s *Server) logEndpoint(w http.ResponseWriter, r *http.Request, path string) func() {
	var serve func(url.Values) ([]byte, *apiError)
	switch path {
	case authLogPath:
		serve = func(q url.Values) ([]byte, *apiError) { return serveV2Log(q, authenticationLog, s.logs.auth) }
	case telephonyLogPath:
		serve = func(q url.Values) ([]byte, *apiError) { return serveV2Log(q, telephonyLog, s.logs.telephony) }
	case trustMonitorPath:
		serve = func(q url.Values) ([]byte, *apiError) { return serveTrustMonitor(q, s.logs.trustMonitor) }
	case activityLogPath:
		serve = func(q url.Values) ([]byte, *apiError) { return serveV2Log(q, activityLog, s.logs.activity) }
	case adminLogPath:
		serve = func(q url.Values) ([]byte, *apiError) { return serveV1Log(q, s.logs.admin) }
	case offlineEnrollmentLogPath:
		serve = func(q url.Values) ([]byte, *apiError) { return serveV1Log(q, s.logs.offline) }
	default:
		return nil
	}
	return func() {
		query := r.URL.Query()
		s.logQueries.record(path, query)
		body, apiErr := serve(query)
		if apiErr != nil {
			s.writeError(w, apiErr)
			return
		}
		writeJSON(w, http.StatusOK, body)
		s.listRequests[path].Add(1)
	}
}

// v2Log is a log of the v2 style.
type v2Log struct {
	listKey string
	// filters are the names of the filters the log takes, each with the
	// values Duo documents, or nil where any value goes.
	filters map[string][]string
	// pairCursor sends the cursor as ["<ms>", "<id>"], else as "<ms>,<id>".
	pairCursor bool
	// totalAsObject sends total_objects as {"relation": "eq", "value": n}.
	totalAsObject bool
}

var (
	authenticationLog = v2Log{listKey: "authlogs", pairCursor: true, filters: map[string][]string{
		"users": nil, "groups": nil, "applications": nil, "reasons": nil, "factors": nil, "phone_numbers": nil, "tokens": nil,
		"results": {"success", "denied", "fraud"}, "event_types": {"authentication", "enrollment"},
	}}
	telephonyLog = v2Log{listKey: "items"}
	activityLog  = v2Log{listKey: "items", totalAsObject: true}
)

// windowOf reads the required mintime and maxtime in milliseconds.
func windowOf(query url.Values) (mintime, maxtime int64, apiErr *apiError) {
	for _, name := range []string{"mintime", "maxtime"} {
		values, ok := query[name]
		if !ok || len(values) != 1 {
			return 0, 0, errInvalidParam(name)
		}
		ms, err := strconv.ParseInt(values[0], 10, 64)
		if err != nil || len(values[0]) != 13 {
			return 0, 0, errInvalidParam(name)
		}
		if name == "mintime" {
			mintime = ms
		} else {
			maxtime = ms
		}
	}
	if mintime >= maxtime || mintime < time.Now().Add(-logRetention).UnixMilli() {
		return 0, 0, errInvalidParam("mintime")
	}
	return mintime, maxtime, nil
}

// unexpected returns the first parameter of query that is not allowed.
func unexpected(query url.Values, allowed ...string) *apiError {
	for name := range query {
		if !slices.Contains(allowed, name) {
			return errInvalidParam(name)
		}
	}
	return nil
}

// matches reports whether the event has, for every filter of query, one
// of its values.
func (e *logEvent) matches(filters url.Values) bool {
	for name, values := range filters {
		if !slices.ContainsFunc(e.keys[name], func(key string) bool { return slices.Contains(values, key) }) {
			return false
		}
	}
	return true
}

func serveV2Log(query url.Values, l v2Log, events []logEvent) ([]byte, *apiError) {
	allowed := []string{"mintime", "maxtime", "limit", "sort", "next_offset"}
	filters := url.Values{}
	for name, values := range query {
		documented, ok := l.filters[name]
		if !ok {
			continue
		}
		for _, value := range values {
			if documented != nil && !slices.Contains(documented, value) {
				return nil, errInvalidParam(name)
			}
		}
		filters[name] = values
		allowed = append(allowed, name)
	}
	if apiErr := unexpected(query, allowed...); apiErr != nil {
		return nil, apiErr
	}
	mintime, maxtime, apiErr := windowOf(query)
	if apiErr != nil {
		return nil, apiErr
	}
	limit, ok := intParam(query, "limit", 100)
	if !ok || limit < 1 {
		return nil, errInvalidParam("limit")
	}
	limit = min(limit, 1000)
	ascending := false
	switch query.Get("sort") {
	case "ts:asc":
		ascending = true
	case "", "ts:desc":
	default:
		return nil, errInvalidParam("sort")
	}
	var afterMs int64
	var afterID string
	cursor := query.Get("next_offset")
	if cursor != "" {
		ms, id, found := strings.Cut(cursor, ",")
		var err error
		if afterMs, err = strconv.ParseInt(ms, 10, 64); err != nil || !found || id == "" {
			return nil, errInvalidParam("next_offset")
		}
		afterID = id
	}

	var matches []*logEvent
	for i := range events {
		if e := &events[i]; e.ms >= mintime && e.ms <= maxtime && e.matches(filters) {
			matches = append(matches, e)
		}
	}
	if !ascending {
		slices.Reverse(matches)
	}
	start := 0
	if cursor != "" {
		start = slices.IndexFunc(matches, func(e *logEvent) bool {
			if ascending {
				return !e.before(afterMs, afterID) && (e.ms != afterMs || e.id != afterID)
			}
			return e.before(afterMs, afterID)
		})
		if start < 0 {
			start = len(matches)
		}
	}
	page := matches[start:min(start+limit, len(matches))]

	var next any
	if len(page) > 0 {
		last := page[len(page)-1]
		ms := strconv.FormatInt(last.ms, 10)
		next = ms + "," + last.id
		if l.pairCursor {
			next = []string{ms, last.id}
		}
	}
	var total any = len(matches)
	if l.totalAsObject {
		total = map[string]any{"relation": "eq", "value": len(matches)}
	}
	metadata, _ := json.Marshal(map[string]any{"next_offset": next, "total_objects": total})
	var b bytes.Buffer
	b.WriteString(`{"stat":"OK","response":{"` + l.listKey + `":`)
	writeEvents(&b, page)
	b.WriteString(`,"metadata":`)
	b.Write(metadata)
	b.WriteString(`}}`)
	return b.Bytes(), nil
}

func writeEvents(b *bytes.Buffer, events []*logEvent) {
	b.WriteByte('[')
	for i, e := range events {
		if i > 0 {
			b.WriteByte(',')
		}
		b.Write(e.json)
	}
	b.WriteByte(']')
}

func serveTrustMonitor(query url.Values, events []logEvent) ([]byte, *apiError) {
	if apiErr := unexpected(query, "mintime", "maxtime", "limit", "offset", "type"); apiErr != nil {
		return nil, apiErr
	}
	mintime, maxtime, apiErr := windowOf(query)
	if apiErr != nil {
		return nil, apiErr
	}
	filters := url.Values{}
	if typ, ok := query["type"]; ok {
		if len(typ) != 1 || typ[0] != "auth" && typ[0] != "bypass_status" {
			return nil, errInvalidParam("type")
		}
		filters["type"] = typ
	}
	limit, ok := intParam(query, "limit", 50)
	if !ok || limit < 1 {
		return nil, errInvalidParam("limit")
	}
	limit = min(limit, 200)
	offset, ok := intParam(query, "offset", 0)
	if !ok || offset < 0 {
		return nil, errInvalidParam("offset")
	}
	var matches []*logEvent
	for i := range events {
		if e := &events[i]; e.ms >= mintime && e.ms <= maxtime && e.matches(filters) {
			matches = append(matches, e)
		}
	}
	start := min(offset, len(matches))
	end := min(start+limit, len(matches))
	metadata := `{}`
	if end < len(matches) {
		metadata = `{"next_offset":"` + strconv.Itoa(end) + `"}`
	}
	var b bytes.Buffer
	b.WriteString(`{"stat":"OK","response":{"events":`)
	writeEvents(&b, matches[start:end])
	b.WriteString(`,"metadata":` + metadata + `}}`)
	return b.Bytes(), nil
}

// serveV1Log serves a v1 log: the events from mintime on, in seconds,
// oldest first, at most 1000.
func serveV1Log(query url.Values, events []logEvent) ([]byte, *apiError) {
	if apiErr := unexpected(query, "mintime"); apiErr != nil {
		return nil, apiErr
	}
	mintime, ok := intParam(query, "mintime", 0)
	if !ok || mintime < 0 {
		return nil, errInvalidParam("mintime")
	}
	var page []*logEvent
	for i := range events {
		if e := &events[i]; e.ms/1000 >= int64(mintime) && len(page) < 1000 {
			page = append(page, e)
		}
	}
	var b bytes.Buffer
	b.WriteString(`{"stat":"OK","response":`)
	writeEvents(&b, page)
	b.WriteString(`}`)
	return b.Bytes(), nil
}
