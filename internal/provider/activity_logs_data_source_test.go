package provider

import (
	"fmt"
	"regexp"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/idaudit/terraform-provider-duo/internal/duo"
	"github.com/idaudit/terraform-provider-duo/internal/fakeduo"
)

func (e *accEnv) rawActivityLog(t *testing.T, w testWindow) []map[string]any {
	t.Helper()
	params := w.v2Params(duo.MaxLogPageSize, nil)
	params.Set("sort", "ts:asc")
	return each(e.rawCursorLog(t, activityLogPath, "items", params), asStateActivityLog)
}

// asStateActivityLog turns an activity event as Duo sent it into what the
// state holds: the action's name, its details apart; the result in
// outcome; the access device's address itself.
func asStateActivityLog(event map[string]any) map[string]any {
	if action, ok := event["action"].(map[string]any); ok {
		event["action"], event["action_details"] = action["name"], action["details"]
	}
	if result, ok := event["result"]; ok {
		if _, inOutcome := event["outcome"]; !inOutcome {
			event["outcome"] = map[string]any{"result": result}
		}
		delete(event, "result")
	}
	if device, ok := event["access_device"].(map[string]any); ok {
		if ip, ok := device["ip"].(map[string]any); ok {
			device["ip"] = ip["address"]
		}
	}
	return event
}

func TestAccActivityLogsDataSource_everyEventOnEveryPage(t *testing.T) {
	env := newAccEnv(t, logsAccount())
	w := lastDays(7)
	want := env.rawActivityLog(t, w)
	queries, onFake := queriesOfWeekOfLog(t, env, "activity_logs", activityLogPath, w, want)
	if !onFake {
		return
	}
	read := firstReadOf(queries, "next_offset")
	if len(read) != 4 {
		t.Fatalf("a read sent %d requests, want 4: %v", len(read), read)
	}
	first := w.v2Params(duo.MaxLogPageSize, nil)
	first.Set("sort", "ts:asc")
	for i, query := range read {
		expectQuery(t, fmt.Sprintf("request %d", i+1), query, first, "next_offset")
		if i == 0 {
			continue
		}
		// The cursor, one string, sent back as it came.
		last := want[min(i*duo.MaxLogPageSize, len(want))-1]
		if cursor := query.Get("next_offset"); !regexp.MustCompile(`^[0-9]{13},` + last["activity_id"].(string) + `$`).MatchString(cursor) {
			t.Errorf("request %d sent next_offset %q, want the milliseconds and activity_id of %v", i+1, cursor, last["activity_id"])
		}
	}
}

// TestAccActivityLogsDataSource_eitherFormOfWhatIsDisputed reads the
// sample's month, whose events send the action as a name or as {name,
// details} and the result in outcome or beside the event.
func TestAccActivityLogsDataSource_eitherFormOfWhatIsDisputed(t *testing.T) {
	env := newAccEnv(t, fakeduo.Options{})
	w := lastDays(30)
	logs := "data.duo_activity_logs.month"
	step := resource.TestStep{
		Config: env.config(fmt.Sprintf(`
data "duo_activity_logs" "month" {
  %s
}
output "changed_by_administrators" {
  value = [for e in data.duo_activity_logs.month.activity_logs : "${e.actor.name}: ${e.action} ${e.target.name}" if e.actor.type == "admin" && e.target != null]
}
`, w.arguments())),
		ConfigStateChecks: []statecheck.StateCheck{expectObjects(logs, "activity_logs", env.rawActivityLog(t, w))},
	}
	if env.fake != nil {
		event := func(i int, attribute string) tfjsonpath.Path { return itemAt("activity_logs", i, attribute) }
		// Oldest first: event 10 of the sample, then 09 ... 01.
		step.ConfigStateChecks = append(step.ConfigStateChecks,
			statecheck.ExpectKnownValue(logs, tfjsonpath.New("activity_logs"), knownvalue.ListSizeExact(10)),
			// 10: Duo itself, the result beside the event.
			statecheck.ExpectKnownValue(logs, event(0, "actor").AtMapKey("type"), knownvalue.StringExact("system")),
			statecheck.ExpectKnownValue(logs, event(0, "outcome").AtMapKey("result"), knownvalue.StringExact("SUCCESS")),
			statecheck.ExpectKnownValue(logs, event(0, "action_details"), knownvalue.Null()),
			// 09: a failed login, without a target.
			statecheck.ExpectKnownValue(logs, event(1, "outcome").AtMapKey("result"), knownvalue.StringExact("FAILURE")),
			statecheck.ExpectKnownValue(logs, event(1, "target"), knownvalue.Null()),
			// 07: the action as an object.
			statecheck.ExpectKnownValue(logs, event(3, "action"), knownvalue.StringExact("group_update")),
			statecheck.ExpectKnownValue(logs, event(3, "action_details"), knownvalue.StringExact(`{"synced_users":2}`)),
			// 05: the target before the change.
			statecheck.ExpectKnownValue(logs, event(5, "old_target").AtMapKey("details"), knownvalue.StringExact(`{"status":"Active"}`)),
			// 02: through an Admin API application.
			statecheck.ExpectKnownValue(logs, event(8, "application").AtMapKey("name"), knownvalue.StringExact("Reporting (read-only)")),
			statecheck.ExpectKnownValue(logs, event(8, "outcome").AtMapKey("result"), knownvalue.StringExact("SUCCESS")),
			// 01: the address of the device.
			statecheck.ExpectKnownValue(logs, event(9, "access_device").AtMapKey("ip"), knownvalue.StringExact("198.51.100.23")),
			statecheck.ExpectKnownValue(logs, event(9, "access_device").AtMapKey("location").AtMapKey("city"), knownvalue.StringExact("Boston")),
			statecheck.ExpectKnownOutputValue("changed_by_administrators", knownvalue.ListExact([]knownvalue.Check{
				knownvalue.StringExact("Olivia Ortega: integration_update Terraform (read/write)"),
				knownvalue.StringExact("Harper Hughes: user_update zoe.nunez"),
				knownvalue.StringExact("Björn Ødegård: admin_create Nina Patel"),
				knownvalue.StringExact("Olivia Ortega: integration_update Expense Portal"),
			})),
		)
	}
	resource.Test(t, resource.TestCase{ProtoV6ProviderFactories: testAccProviders, Steps: []resource.TestStep{step}})
}

func TestAccActivityLogsDataSource_tooManyEvents(t *testing.T) {
	env := newAccEnv(t, logsAccount())
	env.requireFake(t)
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		Steps: []resource.TestStep{{
			Config:      env.config(fmt.Sprintf("data \"duo_activity_logs\" \"week\" {\n  %s\n}\n", lastDays(7).arguments())),
			ExpectError: errorText(`(?s)Too many Duo activity log events.*2100 activity log events match, more than max_events \(1000\)`),
		}},
	})
	// total_objects, {"relation": "eq", "value": 2100}, tells at once.
	if got := len(env.fake.LogQueries(activityLogPath)); got != 1 {
		t.Errorf("the failed read sent %d requests, want 1", got)
	}
}
