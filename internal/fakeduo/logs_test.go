package fakeduo

import (
	"encoding/json"
	"maps"
	"net/http"
	"net/url"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
)

// v2Page is an answer of a v2 log or of Trust Monitor.
type v2Page struct {
	Stat     string `json:"stat"`
	Response struct {
		Authlogs []map[string]any `json:"authlogs"`
		Items    []map[string]any `json:"items"`
		Events   []map[string]any `json:"events"`
		Metadata map[string]any   `json:"metadata"`
	} `json:"response"`
}

// lastWeek is the window of the last seven days, with more parameters.
func lastWeek(more ...url.Values) url.Values {
	now := time.Now()
	params := url.Values{
		"mintime": {strconv.FormatInt(now.Add(-7*24*time.Hour).UnixMilli(), 10)},
		"maxtime": {strconv.FormatInt(now.UnixMilli(), 10)},
	}
	for _, values := range more {
		maps.Copy(params, values)
	}
	return params
}

func readPage(t *testing.T, s *Server, path string, params url.Values) v2Page {
	t.Helper()
	status, body := call(t, newClient(s, s.IntegrationKey(), s.SecretKey()), path, params)
	if status != http.StatusOK {
		t.Fatalf("GET %s %v: HTTP %d %s", path, params, status, body)
	}
	var page v2Page
	if err := json.Unmarshal(body, &page); err != nil || page.Stat != "OK" {
		t.Fatalf("GET %s: %v %s", path, err, body)
	}
	return page
}

func txids(events []map[string]any) []string {
	var ids []string
	for _, e := range events {
		ids = append(ids, strings.TrimPrefix(e["txid"].(string), "a0000000-0000-4000-8000-0000000000"))
	}
	return ids
}

func TestSampleAuthenticationLogFiltersAsDuoDoes(t *testing.T) {
	s := startServer(t, Options{})
	for _, tc := range []struct {
		filters url.Values
		want    []string // oldest first
	}{
		{nil, []string{"14", "13", "12", "11", "10", "09", "07", "08", "06", "05", "04", "03", "02", "01"}},
		{url.Values{"factors": {"bypass_code"}}, []string{"11", "05"}},
		{url.Values{"reasons": {"bypass_user"}}, []string{"14", "03"}},
		{url.Values{"results": {"fraud"}}, []string{"07"}},
		{url.Values{"results": {"denied"}, "reasons": {"denied_by_policy"}, "applications": {"DISAMPLE000000000005"}}, []string{"12", "09"}},
		// A list matches any of its values; the group is given by its ID,
		// which the events do not show (they show the names).
		{url.Values{"users": {"DUSAMPLE000000000004", "DUSAMPLE000000000002"}}, []string{"14", "07", "08", "03"}},
		{url.Values{"groups": {groupFinance.GroupID}}, []string{"11", "09", "06", "04"}},
		{url.Values{"phone_numbers": {"+15555550100"}}, []string{"01"}},
		{url.Values{"tokens": {"WASAMPLE000000000002"}}, []string{"02"}},
		{url.Values{"event_types": {"enrollment"}}, nil},
	} {
		page := readPage(t, s, authLogPath, lastWeek(url.Values{"sort": {"ts:asc"}, "limit": {"1000"}}, tc.filters))
		if got := txids(page.Response.Authlogs); !slices.Equal(got, tc.want) {
			t.Errorf("%v: got %v, want %v", tc.filters, got, tc.want)
		}
		if total := page.Response.Metadata["total_objects"]; total != float64(len(tc.want)) {
			t.Errorf("%v: total_objects %v, want %d", tc.filters, total, len(tc.want))
		}
	}
}

func TestAuthenticationLogPagesWithItsCursor(t *testing.T) {
	s := startServer(t, Options{})
	// Duo's default order is the newest first.
	page := readPage(t, s, authLogPath, lastWeek(url.Values{"limit": {"5"}}))
	if got := txids(page.Response.Authlogs); !slices.Equal(got, []string{"01", "02", "03", "04", "05"}) {
		t.Fatalf("newest first: got %v", got)
	}
	var all []string
	params := lastWeek(url.Values{"limit": {"4"}, "sort": {"ts:asc"}})
	for range 10 {
		page := readPage(t, s, authLogPath, params)
		all = append(all, txids(page.Response.Authlogs)...)
		cursor, ok := page.Response.Metadata["next_offset"].([]any)
		if !ok {
			if page.Response.Metadata["next_offset"] != nil || len(page.Response.Authlogs) != 0 {
				t.Fatalf("an answer without a cursor: %v", page.Response.Metadata)
			}
			break
		}
		last := page.Response.Authlogs[len(page.Response.Authlogs)-1]
		if want := []any{strconv.FormatInt(int64(last["timestamp"].(float64)), 10), last["txid"]}; cursor[1] != want[1] || !strings.HasPrefix(cursor[0].(string), want[0].(string)) || len(cursor[0].(string)) != 13 {
			t.Fatalf("cursor %v, want the ms and txid of %v", cursor, want)
		}
		params.Set("next_offset", cursor[0].(string)+","+cursor[1].(string))
	}
	if want := []string{"14", "13", "12", "11", "10", "09", "07", "08", "06", "05", "04", "03", "02", "01"}; !slices.Equal(all, want) {
		t.Errorf("paged %v, want %v", all, want)
	}
	if got := len(s.LogQueries(authLogPath)); got != 6 || s.ListRequests(authLogPath) != 6 {
		t.Errorf("recorded %d queries and counted %d requests, want 6 (a first page, four pages of 4 and less, the empty last)", got, s.ListRequests(authLogPath))
	}
}

func TestLogsRefuseWhatDuoRefuses(t *testing.T) {
	s := startServer(t, Options{})
	c := newClient(s, s.IntegrationKey(), s.SecretKey())
	now := time.Now()
	for _, tc := range []struct {
		path   string
		params url.Values
		detail string
	}{
		{authLogPath, url.Values{"maxtime": {strconv.FormatInt(now.UnixMilli(), 10)}}, "mintime"},
		{authLogPath, lastWeek(url.Values{"maxtime": {strconv.FormatInt(now.Unix(), 10)}}), "maxtime"},
		{authLogPath, lastWeek(url.Values{"mintime": {strconv.FormatInt(now.Add(time.Hour).UnixMilli(), 10)}}), "mintime"},
		{authLogPath, lastWeek(url.Values{"mintime": {strconv.FormatInt(now.Add(-200*24*time.Hour).UnixMilli(), 10)}}), "mintime"},
		{authLogPath, lastWeek(url.Values{"results": {"success", "maybe"}}), "results"},
		{authLogPath, lastWeek(url.Values{"user": {"DUSAMPLE000000000001"}}), "user"},
		{authLogPath, lastWeek(url.Values{"sort": {"ts"}}), "sort"},
		{authLogPath, lastWeek(url.Values{"next_offset": {"x"}}), "next_offset"},
		{telephonyLogPath, lastWeek(url.Values{"users": {"DUSAMPLE000000000001"}}), "users"},
		{trustMonitorPath, lastWeek(url.Values{"type": {"device_registration"}}), "type"},
		{trustMonitorPath, lastWeek(url.Values{"offset": {"-1"}}), "offset"},
		{adminLogPath, url.Values{"mintime": {"0"}, "maxtime": {"1"}}, "maxtime"},
	} {
		status, body := call(t, c, tc.path, tc.params)
		if ans := expectFail(t, status, body, http.StatusBadRequest, 40002); ans.MessageDetail != tc.detail {
			t.Errorf("%s %v: message_detail %q, want %q", tc.path, tc.params, ans.MessageDetail, tc.detail)
		}
	}
}

func TestTelephonyLogCursorIsOneString(t *testing.T) {
	s := startServer(t, Options{})
	page := readPage(t, s, telephonyLogPath, lastWeek(url.Values{"sort": {"ts:asc"}, "limit": {"3"}}))
	items := page.Response.Items
	if len(items) != 3 || items[0]["credits"] != 1.0 || items[0]["phone"] != "+15555550150" || items[0]["context"] != "administrator login" {
		t.Fatalf("items %v", items)
	}
	cursor, ok := page.Response.Metadata["next_offset"].(string)
	if want := items[2]["telephony_id"].(string); !ok || !strings.HasSuffix(cursor, ","+want) {
		t.Fatalf("cursor %v, want \"<ms>,%s\"", page.Response.Metadata["next_offset"], want)
	}
	credits := 0.0
	for _, item := range readPage(t, s, telephonyLogPath, lastWeek(nil)).Response.Items {
		credits += item["credits"].(float64)
	}
	if credits != 10 {
		t.Errorf("the last week's credits are %v, want 10", credits)
	}
}

func TestTrustMonitorPagesByOffset(t *testing.T) {
	users := GeneratedUsers(50)
	account := GeneratedAccount(users, 10)
	account.Logs = GeneratedLogs(users, &account, 450)
	s := startServer(t, Options{Users: users, Account: &account})
	var offsets []any
	seen := map[string]bool{}
	types := map[string]int{}
	params := lastWeek(url.Values{"limit": {"500"}})
	for {
		page := readPage(t, s, trustMonitorPath, params)
		for _, e := range page.Response.Events {
			seen[e["sekey"].(string)] = true
			types[e["type"].(string)]++
		}
		next, ok := page.Response.Metadata["next_offset"]
		if !ok {
			if len(page.Response.Metadata) != 0 {
				t.Fatalf("last page metadata %v, want {}", page.Response.Metadata)
			}
			break
		}
		offsets = append(offsets, next)
		params.Set("offset", next.(string))
	}
	if !reflect.DeepEqual(offsets, []any{"200", "400"}) || len(seen) != 450 || types["auth"] != 150 || types["bypass_status"] != 150 || types["device_registration"] != 150 {
		t.Errorf("offsets %v, %d events, types %v", offsets, len(seen), types)
	}
	bypass := readPage(t, s, trustMonitorPath, lastWeek(url.Values{"type": {"bypass_status"}, "limit": {"200"}}))
	if len(bypass.Response.Events) != 150 || bypass.Response.Events[0]["enabled_for"].(map[string]any)["key"] != users[1].UserID {
		t.Errorf("bypass_status events: %d, first %v", len(bypass.Response.Events), bypass.Response.Events[0])
	}
}

func TestSampleTrustMonitorEventsCarryWhatTheyRefer(t *testing.T) {
	s := startServer(t, Options{})
	events := readPage(t, s, trustMonitorPath, lastWeek(nil)).Response.Events
	var keys []string
	for _, e := range events {
		keys = append(keys, e["sekey"].(string))
	}
	if want := []string{"SESAMPLE000000000003", "SESAMPLE000000000002", "SESAMPLE000000000001", "SESAMPLE000000000005"}; !slices.Equal(keys, want) {
		t.Fatalf("events %v, want %v", keys, want)
	}
	fraud := events[2]
	surfaced := fraud["surfaced_auth"].(map[string]any)
	if surfaced["result"] != "fraud" || surfaced["user"].(map[string]any)["name"] != "rocket.rider" || fraud["priority_event"] != true || fraud["state"] != "new" {
		t.Errorf("auth event %v", fraud)
	}
	bypass := events[1]
	if bypass["enabled_by"].(map[string]any)["name"] != "Harper Hughes" || bypass["enabled_for"].(map[string]any)["name"] != "zoe.nunez" {
		t.Errorf("bypass_status event %v", bypass)
	}
	if events[0]["state_updated_timestamp"] == nil || events[3]["state_updated_timestamp"] != nil {
		t.Errorf("state_updated_timestamp: %v, %v", events[0]["state_updated_timestamp"], events[3]["state_updated_timestamp"])
	}
}

func TestAdministratorLogServesAPageFromMintime(t *testing.T) {
	users := GeneratedUsers(20)
	account := GeneratedAccount(users, 10)
	account.Logs = GeneratedLogs(users, &account, 2100)
	s := startServer(t, Options{Users: users, Account: &account})
	c := newClient(s, s.IntegrationKey(), s.SecretKey())
	read := func(mintime int64) []map[string]any {
		status, body := call(t, c, adminLogPath, url.Values{"mintime": {strconv.FormatInt(mintime, 10)}})
		var answer struct {
			Response []map[string]any `json:"response"`
		}
		if status != http.StatusOK || json.Unmarshal(body, &answer) != nil {
			t.Fatalf("HTTP %d %s", status, body)
		}
		return answer.Response
	}
	all := read(0)
	if len(all) != 1000 {
		t.Fatalf("a page of %d events, want 1000", len(all))
	}
	// Seven events a second: the page ends with six of the seven of its last second.
	last := all[999]["timestamp"].(float64)
	sameSecond := 0
	for _, e := range all {
		if e["timestamp"].(float64) == last {
			sameSecond++
		}
	}
	next := read(int64(last))
	if sameSecond != 6 || next[6]["timestamp"].(float64) != last || next[7]["timestamp"].(float64) == last {
		t.Errorf("the boundary second has %d events on the first page; the next page starts %v", sameSecond, next[:8])
	}
	for i := 1; i < len(all); i++ {
		if all[i]["timestamp"].(float64) < all[i-1]["timestamp"].(float64) {
			t.Fatal("the page is not oldest first")
		}
	}
	var decoded map[string]any
	if description, ok := all[0]["description"].(string); !ok || json.Unmarshal([]byte(description), &decoded) != nil {
		t.Errorf("description %v is not JSON in a string", all[0]["description"])
	}
}

func TestStartRejectsLogsReferringToWhatIsNotServed(t *testing.T) {
	for name, tt := range map[string]struct {
		change func(*Logs)
		named  string
	}{
		"authentication of an unknown user":      {func(l *Logs) { l.Authentications[0].UserID = "DUNOSUCHUSER" }, "DUNOSUCHUSER"},
		"authentication by an unknown app":       {func(l *Logs) { l.Authentications[1].IntegrationKey = "DINOSUCHAPP" }, "DINOSUCHAPP"},
		"authentication with another's phone":    {func(l *Logs) { l.Authentications[0].PhoneID = "DPSAMPLE000000000006" }, "DPSAMPLE000000000006"},
		"authentication with an unknown key":     {func(l *Logs) { l.Authentications[1].WebAuthnKey = "WANOSUCHKEY" }, "WANOSUCHKEY"},
		"duplicate txid":                         {func(l *Logs) { l.Authentications[1].TxID = l.Authentications[0].TxID }, "a0000000-0000-4000-8000-000000000001"},
		"action by an unknown admin":             {func(l *Logs) { l.AdministratorActions[0].AdminID = "DENOSUCHADMIN" }, "DENOSUCHADMIN"},
		"call to an unknown phone":               {func(l *Logs) { l.Telephony[0].PhoneID = "DPNOSUCHPHONE" }, "DPNOSUCHPHONE"},
		"Trust Monitor of an unknown auth":       {func(l *Logs) { l.TrustMonitor[0].SurfacedTxID = "nosuchtx" }, "nosuchtx"},
		"bypass enabled for an unknown user":     {func(l *Logs) { l.TrustMonitor[1].EnabledForUserID = "DUNOSUCHUSER" }, "DUNOSUCHUSER"},
		"Trust Monitor event of an unknown type": {func(l *Logs) { l.TrustMonitor[2].Type = "other" }, "other"},
		"activity of an unknown admin":           {func(l *Logs) { l.Activity[0].Actor.Key = "DENOSUCHADMIN" }, "DENOSUCHADMIN"},
		"activity on an unknown user":            {func(l *Logs) { l.Activity[1].Target.Key = "DUNOSUCHUSER" }, "DUNOSUCHUSER"},
		"activity through an unknown app":        {func(l *Logs) { l.Activity[1].IntegrationKey = "DINOSUCHAPP" }, "DINOSUCHAPP"},
		"offline enrollment of an unknown user":  {func(l *Logs) { l.OfflineEnrollments[0].UserID = "DUNOSUCHUSER" }, "DUNOSUCHUSER"},
	} {
		account := SampleAccount()
		tt.change(&account.Logs)
		s, err := Start(Options{Account: &account})
		if err == nil {
			s.Close()
			t.Errorf("%s: Start accepted the account", name)
		} else if !strings.Contains(err.Error(), tt.named) {
			t.Errorf("%s: Start gave %q, which does not name %s", name, err, tt.named)
		}
	}
}

func activityIDs(events []map[string]any) []string {
	var ids []string
	for _, e := range events {
		ids = append(ids, strings.TrimPrefix(e["activity_id"].(string), "e0000000-0000-4000-8000-0000000000"))
	}
	return ids
}

// TestSampleActivityLogSendsBothFormsOfWhatIsDisputed: the sample's week,
// with action as a string and as {name, details}, the result in outcome
// and beside the event, details as JSON in strings, the address as an
// object; paged by its cursor, one string, with total_objects an object.
func TestSampleActivityLogSendsBothFormsOfWhatIsDisputed(t *testing.T) {
	s := startServer(t, Options{})
	var all []map[string]any
	params := lastWeek(url.Values{"limit": {"3"}, "sort": {"ts:asc"}})
	for {
		page := readPage(t, s, activityLogPath, params)
		if total := page.Response.Metadata["total_objects"]; !reflect.DeepEqual(total, map[string]any{"relation": "eq", "value": float64(7)}) {
			t.Fatalf("total_objects %v", total)
		}
		all = append(all, page.Response.Items...)
		cursor, ok := page.Response.Metadata["next_offset"].(string)
		if !ok {
			break
		}
		params.Set("next_offset", cursor)
	}
	if got := activityIDs(all); !slices.Equal(got, []string{"07", "06", "05", "04", "03", "02", "01"}) {
		t.Fatalf("paged %v", got)
	}
	byID := map[string]map[string]any{}
	for _, e := range all {
		byID[activityIDs([]map[string]any{e})[0]] = e
	}
	if byID["01"]["action"] != "admin_login" || byID["01"]["outcome"].(map[string]any)["result"] != "SUCCESS" || byID["01"]["result"] != nil {
		t.Errorf("01: %v", byID["01"])
	}
	if ip := byID["01"]["access_device"].(map[string]any)["ip"]; !reflect.DeepEqual(ip, map[string]any{"address": "198.51.100.23"}) {
		t.Errorf("01: ip %v", ip)
	}
	action, _ := byID["02"]["action"].(map[string]any)
	if action["name"] != "user_update" || action["details"] == nil || byID["02"]["result"] != "SUCCESS" || byID["02"]["outcome"] != nil {
		t.Errorf("02: %v", byID["02"])
	}
	if byID["02"]["actor"].(map[string]any)["name"] != "Reporting (read-only)" || byID["02"]["application"].(map[string]any)["type"] != "adminapi" {
		t.Errorf("02: actor %v, application %v", byID["02"]["actor"], byID["02"]["application"])
	}
	var details map[string]any
	if text, ok := byID["05"]["old_target"].(map[string]any)["details"].(string); !ok || json.Unmarshal([]byte(text), &details) != nil || details["status"] != "Active" {
		t.Errorf("05: old_target %v", byID["05"]["old_target"])
	}
	if _, ok := byID["03"]["target"]; !ok {
		t.Errorf("03 has no target")
	}
	if _, ok := byID["01"]["target"]; ok {
		t.Errorf("01 has a target: %v", byID["01"]["target"])
	}
}

func TestOfflineEnrollmentLogServesAPageFromMintime(t *testing.T) {
	s := startServer(t, Options{})
	c := newClient(s, s.IntegrationKey(), s.SecretKey())
	status, body := call(t, c, offlineEnrollmentLogPath, url.Values{"mintime": {strconv.FormatInt(time.Now().Add(-30*24*time.Hour).Unix(), 10)}})
	var answer struct {
		Response []map[string]any `json:"response"`
	}
	if status != http.StatusOK || json.Unmarshal(body, &answer) != nil || len(answer.Response) != 3 {
		t.Fatalf("HTTP %d %s", status, body)
	}
	first, last := answer.Response[0], answer.Response[2]
	if first["username"] != "yamada.taro" || first["object"] != "VPN (Auth API)" || first["description"] != nil || last["action"] != "o2fa_user_provisioned" {
		t.Errorf("oldest %v, newest %v", first, last)
	}
	var description map[string]any
	if json.Unmarshal([]byte(last["description"].(string)), &description) != nil || description["hostname"] != "JSMITH-LAPTOP" {
		t.Errorf("description %v", last["description"])
	}
	if status, body := call(t, c, offlineEnrollmentLogPath, url.Values{"mintime": {"0"}, "maxtime": {"1"}}); status != http.StatusBadRequest {
		t.Errorf("a maxtime: HTTP %d %s", status, body)
	}
}
