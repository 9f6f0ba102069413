package provider

import (
	"encoding/json"
	"fmt"
	"maps"
	"net/http"
	"net/url"
	"reflect"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	duoapi "github.com/duosecurity/duo_api_golang"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/idaudit/terraform-provider-duo/internal/duo"
	"github.com/idaudit/terraform-provider-duo/internal/fakeduo"
)

// Helpers shared by the tests of the log windows.

const (
	authLogPath              = "/admin/v2/logs/authentication"
	adminLogPath             = "/admin/v1/logs/administrator"
	telephonyLogPath         = "/admin/v2/logs/telephony"
	trustMonitorPath         = "/admin/v1/trust_monitor/events"
	activityLogPath          = "/admin/v2/logs/activity"
	offlineEnrollmentLogPath = "/admin/v1/logs/offline_enrollment"
)

// logsEvents is how many events of each log logsAccount holds, but Trust
// Monitor's logsTrustMonitorEvents: several pages of each, as few as will do,
// since Terraform's handling of a large state dominates these tests.
const (
	logsEvents             = 2100
	logsTrustMonitorEvents = 450
)

// logsAccount is a fake account with logsEvents events of each log over
// the last six days.
func logsAccount() fakeduo.Options {
	users := fakeduo.GeneratedUsers(300)
	account := fakeduo.GeneratedAccount(users, 30)
	account.Logs = fakeduo.GeneratedLogs(users, &account, logsEvents)
	account.Logs.TrustMonitor = account.Logs.TrustMonitor[:logsTrustMonitorEvents]
	return fakeduo.Options{Users: users, Account: &account}
}

// testWindow is a window of the last days, in whole seconds, fixed for the
// whole test.
type testWindow struct {
	mintime, maxtime time.Time
}

func lastDays(days int) testWindow {
	maxtime := time.Now().Truncate(time.Second)
	return testWindow{mintime: maxtime.Add(-time.Duration(days) * 24 * time.Hour), maxtime: maxtime}
}

// arguments writes the window as a data source's arguments.
func (w testWindow) arguments() string {
	return fmt.Sprintf("mintime = %q\n  maxtime = %q", w.mintime.Format(time.RFC3339), w.maxtime.Format(time.RFC3339))
}

// v2Params are the parameters of the first request of a v2 log or Trust
// Monitor for the window, with the filters.
func (w testWindow) v2Params(pageSize int, filters url.Values) url.Values {
	params := url.Values{
		"mintime": {strconv.FormatInt(w.mintime.UnixMilli(), 10)},
		"maxtime": {strconv.FormatInt(w.maxtime.UnixMilli(), 10)},
		"limit":   {strconv.Itoa(pageSize)},
	}
	maps.Copy(params, filters)
	return params
}

// rawAPICall is one GET through duo_api_golang, whose answer must be OK.
func (e *accEnv) rawAPICall(t *testing.T, api *duoapi.DuoApi, path string, params url.Values) []byte {
	t.Helper()
	resp, body, err := api.SignedCall(http.MethodGet, path, params, duoapi.UseTimeout)
	if err != nil || resp.StatusCode != http.StatusOK {
		t.Fatalf("GET %s %v through duo_api_golang: %v %.300s", path, params, err, body)
	}
	return body
}

// rawCursorLog reads a v2 log or Trust Monitor through duo_api_golang
// itself, as the JSON objects Duo sent: every page from params on,
// following the cursor of each answer until one has none.
func (e *accEnv) rawCursorLog(t *testing.T, path, listKey string, params url.Values) []map[string]any {
	t.Helper()
	api := e.rawAPI(t)
	cursorParam := "next_offset"
	if path == trustMonitorPath {
		cursorParam = "offset"
	}
	params = maps.Clone(params)
	events := []map[string]any{}
	for {
		var answer struct {
			Response map[string]json.RawMessage `json:"response"`
		}
		if err := json.Unmarshal(e.rawAPICall(t, api, path, params), &answer); err != nil {
			t.Fatal(err)
		}
		var page []map[string]any
		var metadata struct {
			NextOffset any `json:"next_offset"`
		}
		if json.Unmarshal(answer.Response[listKey], &page) != nil || json.Unmarshal(answer.Response["metadata"], &metadata) != nil {
			t.Fatalf("GET %s: unreadable answer %v", path, answer.Response)
		}
		events = append(events, page...)
		var cursor string
		switch next := metadata.NextOffset.(type) {
		case string:
			cursor = next
		case float64:
			cursor = strconv.FormatFloat(next, 'f', -1, 64)
		case []any:
			for i, part := range next {
				if i > 0 {
					cursor += ","
				}
				cursor += fmt.Sprint(part)
			}
		}
		if cursor == "" {
			return events
		}
		params.Set(cursorParam, cursor)
	}
}

// rawAdminLog reads the administrator log of the window through
// duo_api_golang itself, with the actions if any.
func (e *accEnv) rawAdminLog(t *testing.T, w testWindow, actions ...string) []map[string]any {
	t.Helper()
	return slices.DeleteFunc(e.rawV1Log(t, adminLogPath, w), func(event map[string]any) bool {
		return len(actions) > 0 && !slices.Contains(actions, event["action"].(string))
	})
}

// rawV1Log reads the v1 log at path of the window through duo_api_golang
// itself. Unlike the provider, which holds back the events of a full
// page's last second, it asks again from that second and skips the events
// of it that it already has.
func (e *accEnv) rawV1Log(t *testing.T, path string, w testWindow) []map[string]any {
	t.Helper()
	api := e.rawAPI(t)
	var all []map[string]any
	mintime, skip := w.mintime.Unix(), 0
	for {
		var answer struct {
			Response []map[string]any `json:"response"`
		}
		if err := json.Unmarshal(e.rawAPICall(t, api, path, url.Values{"mintime": {strconv.FormatInt(mintime, 10)}}), &answer); err != nil {
			t.Fatal(err)
		}
		page := answer.Response
		if skip > len(page) {
			t.Fatalf("%s lost events of the second %d", path, mintime)
		}
		all = append(all, page[skip:]...)
		if len(page) < duo.MaxLogPageSize {
			break
		}
		last := page[len(page)-1]["timestamp"].(float64)
		skip = 0
		for _, event := range page {
			if event["timestamp"].(float64) == last {
				skip++
			}
		}
		mintime = int64(last)
	}
	return slices.DeleteFunc(all, func(event map[string]any) bool {
		ts := int64(event["timestamp"].(float64))
		return ts < w.mintime.Unix() || ts > w.maxtime.Unix()
	})
}

// asStateAuthLog turns an authentication event as Duo sent it into what
// the state holds: the device health flags as strings, security agents
// that Duo did not list as null.
func asStateAuthLog(event map[string]any) map[string]any {
	if device, ok := event["access_device"].(map[string]any); ok {
		for _, name := range []string{"is_encryption_enabled", "is_firewall_enabled", "is_password_set"} {
			if flag, ok := device[name].(bool); ok {
				device[name] = strconv.FormatBool(flag)
			}
		}
		if _, ok := device["security_agents"].(string); ok {
			device["security_agents"] = nil
		}
	}
	return event
}

// asStateTrustMonitorEvent does so for the authentication inside an event.
func asStateTrustMonitorEvent(event map[string]any) map[string]any {
	if auth, ok := event["surfaced_auth"].(map[string]any); ok {
		asStateAuthLog(auth)
	}
	return event
}

func each(events []map[string]any, adjust func(map[string]any) map[string]any) []map[string]any {
	for i := range events {
		events[i] = adjust(events[i])
	}
	return events
}

// queriesOfSteps applies the steps against env's fake and returns, for
// each, the queries of its requests to path.
func queriesOfSteps(t *testing.T, env *accEnv, path string, steps ...resource.TestStep) [][]url.Values {
	t.Helper()
	env.requireFake(t)
	queries := make([][]url.Values, len(steps))
	for i := range steps {
		var before int
		steps[i].PreConfig = func() { before = len(env.fake.LogQueries(path)) }
		steps[i].Check = func(*terraform.State) error {
			queries[i] = env.fake.LogQueries(path)[before:]
			return nil
		}
	}
	resource.Test(t, resource.TestCase{ProtoV6ProviderFactories: testAccProviders, Steps: steps})
	return queries
}

// queriesOfWeekOfLog plans a week of the log data source name (its
// events, up to 5000) and checks that it holds want, as Duo sends them. On a
// real account that is all, and ok is false. Against the fake it checks
// that the week holds logsEvents events, and returns the queries of the
// plan's requests to path.
func queriesOfWeekOfLog(t *testing.T, env *accEnv, name, path string, w testWindow, want []map[string]any) (queries []url.Values, ok bool) {
	t.Helper()
	step := resource.TestStep{
		Config:            env.config(fmt.Sprintf("data \"duo_%s\" \"week\" {\n  %s\n  max_events = 5000\n}\n", name, w.arguments())),
		ConfigStateChecks: []statecheck.StateCheck{expectObjects("data.duo_"+name+".week", name, want)},
	}
	if env.fake == nil {
		resource.Test(t, resource.TestCase{ProtoV6ProviderFactories: testAccProviders, Steps: []resource.TestStep{step}})
		return nil, false
	}
	if len(want) != logsEvents {
		t.Fatalf("the fake's week holds %d events of %s, want %d", len(want), name, logsEvents)
	}
	return queriesOfSteps(t, env, path, step)[0], true
}

// firstReadOf returns the requests of the first read among queries: those
// up to the next request without a cursor.
func firstReadOf(queries []url.Values, cursorParam string) []url.Values {
	for i := 1; i < len(queries); i++ {
		if !queries[i].Has(cursorParam) {
			return queries[:i]
		}
	}
	return queries
}

// expectQuery fails unless query holds exactly the parameters of want, each
// with the same values in any order, and cursorParam besides when the
// request is not the first.
func expectQuery(t *testing.T, what string, query, want url.Values, cursorParam string) {
	t.Helper()
	got := maps.Clone(query)
	delete(got, cursorParam)
	for _, values := range got {
		slices.Sort(values)
	}
	want = maps.Clone(want)
	for name, values := range want {
		want[name] = slices.Sorted(slices.Values(values))
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("%s sent %v, want %v", what, query, want)
	}
}

// errorText is a pattern of an error message, as Terraform wraps its lines.
func errorText(format string, args ...any) *regexp.Regexp {
	return regexp.MustCompile(strings.ReplaceAll(fmt.Sprintf(format, args...), " ", `\s+`))
}

func TestAccLogWindows_badWindow(t *testing.T) {
	env := newAccEnv(t, fakeduo.Options{})
	now := time.Now().Truncate(time.Second)
	config := func(dataSource, mintime, maxtime string) string {
		return env.config(fmt.Sprintf("data %q \"x\" {\n  mintime = %q\n  maxtime = %q\n}\n", dataSource, mintime, maxtime))
	}
	steps := []resource.TestStep{
		{
			Config:      config("duo_authentication_logs", now.Format(time.RFC3339), now.Add(-time.Hour).Format(time.RFC3339)),
			ExpectError: errorText(`(?s)Invalid time window.*with data.duo_authentication_logs.x.*maxtime.*The window ends \(%s\) before it starts \(%s\): mintime must be before maxtime`, now.Add(-time.Hour).Format(time.RFC3339), now.Format(time.RFC3339)),
		},
		{
			Config:      config("duo_administrator_logs", now.Add(-200*24*time.Hour).Format(time.RFC3339), now.Format(time.RFC3339)),
			ExpectError: errorText(`(?s)Invalid time window.*mintime.*The window starts 200 days ago.*Duo serves logs of the last 180 days only.*timeadd\(plantimestamp\(\), "-168h"\)`),
		},
		{
			Config:      config("duo_telephony_logs", "last week", now.Format(time.RFC3339)),
			ExpectError: errorText(`(?s)Invalid time.*mintime must be an RFC 3339 time.*or Unix seconds.*not "last week"`),
		},
		{
			Config:      config("duo_trust_monitor_events", now.Format(time.RFC3339), now.Format(time.RFC3339)),
			ExpectError: errorText(`(?s)Invalid time window.*mintime must be before maxtime`),
		},
		{
			// Unix seconds, checked as RFC 3339 times are.
			Config:      config("duo_activity_logs", fmt.Sprint(now.Unix()), fmt.Sprint(now.Add(-time.Hour).Unix())),
			ExpectError: errorText(`(?s)Invalid time window.*with data.duo_activity_logs.x.*maxtime.*The window ends \(%s\) before it starts \(%s\)`, now.Add(-time.Hour).UTC().Format(time.RFC3339), now.UTC().Format(time.RFC3339)),
		},
		{
			Config:      config("duo_offline_enrollment_logs", now.Add(-time.Hour).Format(time.RFC3339), "+1717200000"),
			ExpectError: errorText(`(?s)Invalid time.*maxtime must be an RFC 3339 time.*not "\+1717200000"`),
		},
	}
	resource.Test(t, resource.TestCase{ProtoV6ProviderFactories: testAccProviders, Steps: steps})
	if env.fake == nil {
		return
	}
	for _, path := range []string{authLogPath, adminLogPath, telephonyLogPath, trustMonitorPath, activityLogPath, offlineEnrollmentLogPath} {
		if queries := env.fake.LogQueries(path); len(queries) > 0 {
			t.Errorf("a bad window reached Duo: %s %v", path, queries)
		}
	}
}

// The window of the seven days before the plan, as the docs write it: under
// Terraform 1.5, plantimestamp() is the year 1 while a configuration is
// validated, which must not fail the plan.
func TestAccLogWindows_plantimestamp(t *testing.T) {
	env := newAccEnv(t, fakeduo.Options{})
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		Steps: []resource.TestStep{{
			Config: env.config(`
data "duo_telephony_logs" "week" {
  mintime = timeadd(plantimestamp(), "-168h")
  maxtime = plantimestamp()
}
`),
			ConfigStateChecks: []statecheck.StateCheck{
				expectObjects("data.duo_telephony_logs.week", "telephony_logs", env.rawTelephonyLog(t, lastDays(7))),
			},
		}},
	})
}

// A window in Unix seconds, as Duo writes its times: a string, or a number
// that Terraform turns into one.
func TestAccLogWindows_unixSeconds(t *testing.T) {
	env := newAccEnv(t, fakeduo.Options{})
	w := lastDays(7)
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		Steps: []resource.TestStep{{
			Config: env.config(fmt.Sprintf(`
data "duo_telephony_logs" "week" {
  mintime = "%d"
  maxtime = %d
}
`, w.mintime.Unix(), w.maxtime.Unix())),
			ConfigStateChecks: []statecheck.StateCheck{
				expectObjects("data.duo_telephony_logs.week", "telephony_logs", env.rawTelephonyLog(t, w)),
			},
		}},
	})
}

// A window whose times are known only at apply is checked when it is read.
func TestAccLogWindows_windowKnownAtApply(t *testing.T) {
	env := newAccEnv(t, fakeduo.Options{})
	now := time.Now().Truncate(time.Second)
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		Steps: []resource.TestStep{{
			Config: env.config(fmt.Sprintf(`
resource "terraform_data" "start" {
  input = %q
}
data "duo_telephony_logs" "x" {
  mintime = terraform_data.start.output
  maxtime = %q
}
`, now.Format(time.RFC3339), now.Add(-time.Minute).Format(time.RFC3339))),
			ExpectError: errorText(`(?s)Invalid time window.*mintime must be before maxtime`),
		}},
	})
}

func TestAccLogWindows_missingPermission(t *testing.T) {
	for _, tc := range []struct{ path, dataSource, what string }{
		{authLogPath, "duo_authentication_logs", "authentication log events"},
		{adminLogPath, "duo_administrator_logs", "administrator log events"},
		{telephonyLogPath, "duo_telephony_logs", "telephony log events"},
		{trustMonitorPath, "duo_trust_monitor_events", "Trust Monitor events"},
		{activityLogPath, "duo_activity_logs", "activity log events"},
		{offlineEnrollmentLogPath, "duo_offline_enrollment_logs", "offline enrollment log events"},
	} {
		t.Run(tc.dataSource, func(t *testing.T) {
			env := newAccEnv(t, fakeduo.Options{Denied: []string{tc.path}})
			env.requireFake(t)
			resource.Test(t, resource.TestCase{
				ProtoV6ProviderFactories: testAccProviders,
				Steps: []resource.TestStep{{
					Config:      env.config(fmt.Sprintf("data %q \"x\" {\n  %s\n}\n", tc.dataSource, lastDays(7).arguments())),
					ExpectError: errorText(`(?s)Unable to read Duo %s.*HTTP 403, code 40301.*Duo Admin Panel.*grant it "Grant read log" \(newer Admin Panels call it "Grant log - Read"\)`, tc.what),
				}},
			})
		})
	}
}
