package provider

import (
	"fmt"
	"maps"
	"net/url"
	"slices"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/idaudit/terraform-provider-duo/internal/duo"
	"github.com/idaudit/terraform-provider-duo/internal/fakeduo"
)

// rawAuthLog reads the authentication log of the window, with the
// filters, through duo_api_golang, oldest first.
func (e *accEnv) rawAuthLog(t *testing.T, w testWindow, filters url.Values) []map[string]any {
	t.Helper()
	params := w.v2Params(duo.MaxLogPageSize, filters)
	params.Set("sort", "ts:asc")
	return each(e.rawCursorLog(t, authLogPath, "authlogs", params), asStateAuthLog)
}

func TestAccAuthenticationLogsDataSource_everyEventOnEveryPage(t *testing.T) {
	env := newAccEnv(t, logsAccount())
	w := lastDays(7)
	want := env.rawAuthLog(t, w, nil)
	queries, onFake := queriesOfWeekOfLog(t, env, "authentication_logs", authLogPath, w, want)
	if !onFake {
		return
	}
	read := firstReadOf(queries, "next_offset")
	// Three full pages, and the empty answer to the last page's cursor.
	if len(read) != 4 {
		t.Fatalf("a read sent %d requests, want 4: %v", len(read), read)
	}
	first := w.v2Params(duo.MaxLogPageSize, url.Values{"sort": {"ts:asc"}})
	for i, query := range read {
		expectQuery(t, fmt.Sprintf("request %d", i+1), query, first, "next_offset")
		if i == 0 {
			continue
		}
		// The cursor is the last event's time in milliseconds and txid.
		last := want[min(i*duo.MaxLogPageSize, len(want))-1]
		if cursor := query.Get("next_offset"); !strings.HasSuffix(cursor, ","+last["txid"].(string)) || !strings.HasPrefix(cursor, fmt.Sprint(int64(last["timestamp"].(float64)))) {
			t.Errorf("request %d sent next_offset %q, want the milliseconds and txid of %v", i+1, cursor, last["txid"])
		}
	}
}

func TestAccAuthenticationLogsDataSource_filtersAsDuoTakesThem(t *testing.T) {
	env := newAccEnv(t, fakeduo.Options{})
	w := lastDays(30)
	filters := []struct {
		name   string
		filter url.Values
		hcl    string
	}{
		{"users", url.Values{"users": {"DUSAMPLE000000000004", "DUSAMPLE000000000002"}}, `users = ["DUSAMPLE000000000004", "DUSAMPLE000000000002"]`},
		{"groups", url.Values{"groups": {"DGSAMPLE000000000003"}}, `groups = ["DGSAMPLE000000000003"]`},
		{"denied_by_policy", url.Values{"applications": {"DISAMPLE000000000005"}, "reasons": {"denied_by_policy"}}, "applications = [\"DISAMPLE000000000005\"]\n  reasons = [\"denied_by_policy\"]"},
		{"results", url.Values{"results": {"fraud", "denied"}}, `results = ["fraud", "denied"]`},
		{"factors", url.Values{"factors": {"bypass_code"}}, `factors = ["bypass_code"]`},
		{"event_types", url.Values{"event_types": {"enrollment"}}, `event_types = ["enrollment"]`},
		{"phone_numbers", url.Values{"phone_numbers": {"+15555550100"}}, `phone_numbers = ["+15555550100"]`},
		{"tokens", url.Values{"tokens": {"WASAMPLE000000000002", "WASAMPLE000000000003"}}, `tokens = ["WASAMPLE000000000002", "WASAMPLE000000000003"]`},
	}
	var config strings.Builder
	var checks []statecheck.StateCheck
	for _, f := range filters {
		fmt.Fprintf(&config, "data \"duo_authentication_logs\" %q {\n  %s\n  %s\n}\n", f.name, w.arguments(), f.hcl)
		checks = append(checks, expectObjects("data.duo_authentication_logs."+f.name, "authentication_logs", env.rawAuthLog(t, w, f.filter)))
	}
	step := resource.TestStep{Config: env.config(config.String()), ConfigStateChecks: checks}
	if env.fake == nil {
		resource.Test(t, resource.TestCase{ProtoV6ProviderFactories: testAccProviders, Steps: []resource.TestStep{step}})
		return
	}
	// Written out, so that a filter that the fake and the provider both
	// ignored could not pass unseen.
	step.ConfigStateChecks = append(step.ConfigStateChecks,
		statecheck.ExpectKnownValue("data.duo_authentication_logs.results", itemAt("authentication_logs", 0, "result"), knownvalue.StringExact("fraud")),
		statecheck.ExpectKnownValue("data.duo_authentication_logs.factors", itemAt("authentication_logs", 1, "user").AtMapKey("name"), knownvalue.StringExact("jsmith")),
		statecheck.ExpectKnownValue("data.duo_authentication_logs.factors", tfjsonpath.New("authentication_logs"), knownvalue.ListSizeExact(4)),
		statecheck.ExpectKnownValue("data.duo_authentication_logs.denied_by_policy", tfjsonpath.New("authentication_logs"), knownvalue.ListSizeExact(2)),
		statecheck.ExpectKnownValue("data.duo_authentication_logs.event_types", itemAt("authentication_logs", 0, "event_type"), knownvalue.StringExact("enrollment")),
	)
	queries := queriesOfSteps(t, env, authLogPath, step)[0]
	for _, f := range filters {
		want := w.v2Params(duo.MaxLogPageSize, f.filter)
		want.Set("sort", "ts:asc")
		// The first request of this data source's read: the one with its filters.
		i := slices.IndexFunc(queries, func(query url.Values) bool {
			return !query.Has("next_offset") && slices.Equal(slices.Sorted(maps.Keys(query)), slices.Sorted(maps.Keys(want)))
		})
		if i < 0 {
			t.Errorf("no request sent the filter %v: %v", f.filter, queries)
			continue
		}
		expectQuery(t, f.name, queries[i], want, "next_offset")
	}
}

func TestAccAuthenticationLogsDataSource_sampleValues(t *testing.T) {
	env := newAccEnv(t, fakeduo.Options{})
	env.requireFake(t)
	w := lastDays(30)
	logs := "data.duo_authentication_logs.month"
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		Steps: []resource.TestStep{{
			Config: env.config(fmt.Sprintf(`
data "duo_authentication_logs" "month" {
  %s
}
output "trust_level" {
  value = jsondecode(data.duo_authentication_logs.month.authentication_logs[0].adaptive_trust_assessments).more_secure_auth.trust_level
}
`, w.arguments())),
			ConfigStateChecks: []statecheck.StateCheck{
				expectObjects(logs, "authentication_logs", env.rawAuthLog(t, w, nil)),
				// Oldest first: event 24 of the sample, then 23 ... 01.
				statecheck.ExpectKnownValue(logs, tfjsonpath.New("authentication_logs"), knownvalue.ListSizeExact(24)),
				statecheck.ExpectKnownOutputValue("trust_level", knownvalue.StringExact("NORMAL")),
				statecheck.ExpectKnownValue(logs, itemAt("authentication_logs", 1, "passport_assessment"), knownvalue.Null()),
				// The laptop: every health flag as a string, a list of agents.
				statecheck.ExpectKnownValue(logs, itemAt("authentication_logs", 23, "access_device").AtMapKey("is_encryption_enabled"), knownvalue.StringExact("true")),
				statecheck.ExpectKnownValue(logs, itemAt("authentication_logs", 23, "access_device").AtMapKey("is_firewall_enabled"), knownvalue.StringExact("false")),
				statecheck.ExpectKnownValue(logs, itemAt("authentication_logs", 23, "access_device").AtMapKey("security_agents").AtSliceIndex(0).AtMapKey("security_agent"), knownvalue.StringExact("CrowdStrike Falcon")),
				statecheck.ExpectKnownValue(logs, itemAt("authentication_logs", 23, "auth_device").AtMapKey("name"), knownvalue.StringExact("Work iPhone (+15555550100)")),
				statecheck.ExpectKnownValue(logs, itemAt("authentication_logs", 23, "user").AtMapKey("groups"), knownvalue.ListExact([]knownvalue.Check{knownvalue.StringExact("Engineering"), knownvalue.StringExact("VPN Users")})),
				// The desktop: "unknown" for each.
				statecheck.ExpectKnownValue(logs, itemAt("authentication_logs", 22, "access_device").AtMapKey("is_password_set"), knownvalue.StringExact("unknown")),
				statecheck.ExpectKnownValue(logs, itemAt("authentication_logs", 22, "access_device").AtMapKey("security_agents"), knownvalue.Null()),
				statecheck.ExpectKnownValue(logs, itemAt("authentication_logs", 22, "auth_device").AtMapKey("key"), knownvalue.StringExact("WASAMPLE000000000002")),
				// The VPN client (event 05): the hostname "null", a bypass code without a device.
				statecheck.ExpectKnownValue(logs, itemAt("authentication_logs", 19, "factor"), knownvalue.StringExact("bypass_code")),
				statecheck.ExpectKnownValue(logs, itemAt("authentication_logs", 19, "access_device").AtMapKey("hostname"), knownvalue.StringExact("null")),
				statecheck.ExpectKnownValue(logs, itemAt("authentication_logs", 19, "access_device").AtMapKey("browser"), knownvalue.Null()),
				statecheck.ExpectKnownValue(logs, itemAt("authentication_logs", 19, "auth_device").AtMapKey("name"), knownvalue.Null()),
				// Event 10: an alias; event 06: a denial without a factor.
				statecheck.ExpectKnownValue(logs, itemAt("authentication_logs", 14, "alias"), knownvalue.StringExact("john.smith")),
				statecheck.ExpectKnownValue(logs, itemAt("authentication_logs", 14, "email"), knownvalue.StringExact("john.smith@example.com")),
				statecheck.ExpectKnownValue(logs, itemAt("authentication_logs", 18, "factor"), knownvalue.Null()),
				statecheck.ExpectKnownValue(logs, itemAt("authentication_logs", 18, "reason"), knownvalue.StringExact("user_disabled")),
			},
		}},
	})
}

func TestAccAuthenticationLogsDataSource_windowThatMatchesNothing(t *testing.T) {
	env := newAccEnv(t, fakeduo.Options{})
	now := lastDays(0).maxtime
	empty := testWindow{mintime: now.AddDate(0, 0, -170), maxtime: now.AddDate(0, 0, -169)}
	step := resource.TestStep{
		Config: env.config(fmt.Sprintf(`
data "duo_authentication_logs" "long_ago" {
  %s
}
data "duo_authentication_logs" "nobody" {
  %s
  users = []
}
`, empty.arguments(), lastDays(7).arguments())),
		ConfigStateChecks: []statecheck.StateCheck{
			expectObjects("data.duo_authentication_logs.long_ago", "authentication_logs", env.rawAuthLog(t, empty, nil)),
			statecheck.ExpectKnownValue("data.duo_authentication_logs.nobody", tfjsonpath.New("authentication_logs"), knownvalue.ListSizeExact(0)),
		},
	}
	if env.fake == nil {
		resource.Test(t, resource.TestCase{ProtoV6ProviderFactories: testAccProviders, Steps: []resource.TestStep{step}})
		return
	}
	step.ConfigStateChecks = append(step.ConfigStateChecks,
		statecheck.ExpectKnownValue("data.duo_authentication_logs.long_ago", tfjsonpath.New("authentication_logs"), knownvalue.ListSizeExact(0)))
	// The empty set of users costs no request: each read of the window
	// long ago costs one.
	for _, query := range queriesOfSteps(t, env, authLogPath, step)[0] {
		if query.Has("users") || query.Get("mintime") != fmt.Sprint(empty.mintime.UnixMilli()) {
			t.Errorf("sent %v", query)
		}
	}
}

func TestAccAuthenticationLogsDataSource_tooManyEvents(t *testing.T) {
	env := newAccEnv(t, logsAccount())
	env.requireFake(t)
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		Steps: []resource.TestStep{{
			Config:      env.config(fmt.Sprintf("data \"duo_authentication_logs\" \"week\" {\n  %s\n}\n", lastDays(7).arguments())),
			ExpectError: errorText(`(?s)Too many Duo authentication log events.*2100 authentication log events match, more than max_events \(1000\): narrow the window`),
		}},
	})
	// Duo's total_objects on the first page tells at once.
	if got := len(env.fake.LogQueries(authLogPath)); got != 1 {
		t.Errorf("the failed read sent %d requests, want 1", got)
	}
}
