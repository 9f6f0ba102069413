package provider

import (
	"fmt"
	"net/url"
	"slices"
	"strconv"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/idaudit/terraform-provider-duo/internal/duo"
	"github.com/idaudit/terraform-provider-duo/internal/fakeduo"
)

func TestAccAdministratorLogsDataSource_boundarySecondsAcrossPages(t *testing.T) {
	env := newAccEnv(t, logsAccount())
	w := lastDays(7)
	want := env.rawAdminLog(t, w)
	queries, onFake := queriesOfWeekOfLog(t, env, "administrator_logs", adminLogPath, w, want)
	if !onFake {
		return
	}
	// The fake's actions come seven a second: the first page of 1000
	// ends with six of the seven of its last second, which the next page
	// starts with.
	boundary := want[duo.MaxLogPageSize-1]["timestamp"].(float64)
	if want[duo.MaxLogPageSize]["timestamp"].(float64) != boundary {
		t.Fatalf("the fake's first page does not end within a second")
	}
	var mintimes []int64
	for _, query := range queries {
		if len(query) != 1 || !query.Has("mintime") {
			t.Errorf("sent %v: Duo takes mintime alone", query)
		}
		mintime, _ := strconv.ParseInt(query.Get("mintime"), 10, 64)
		mintimes = append(mintimes, mintime)
	}
	// Each read: the window's start, then the second where a full page ended.
	end := len(mintimes)
	if next := slices.Index(mintimes[1:], w.mintime.Unix()); next >= 0 {
		end = next + 1
	}
	first := mintimes[:end]
	if len(first) != 3 || first[0] != w.mintime.Unix() || first[1] != int64(boundary) {
		t.Errorf("a read asked for mintimes %v, want %d, %d and the second where the second page ends", first, w.mintime.Unix(), int64(boundary))
	}
}

func TestAccAdministratorLogsDataSource_actionsAppliedByTheProvider(t *testing.T) {
	env := newAccEnv(t, fakeduo.Options{})
	w := lastDays(30)
	actions := []string{"admin_create", "integration_update", "no_such_action"}
	step := resource.TestStep{
		Config: env.config(fmt.Sprintf(`
data "duo_administrator_logs" "changes" {
  %s
  actions = ["admin_create", "integration_update", "no_such_action"]
}
data "duo_administrator_logs" "month" {
  %s
}
output "created" {
  value = jsondecode(data.duo_administrator_logs.changes.administrator_logs[1].description).role
}
`, w.arguments(), w.arguments())),
		ConfigStateChecks: []statecheck.StateCheck{
			expectObjects("data.duo_administrator_logs.changes", "administrator_logs", env.rawAdminLog(t, w, actions...)),
			expectObjects("data.duo_administrator_logs.month", "administrator_logs", env.rawAdminLog(t, w)),
		},
	}
	if env.fake == nil {
		step.ConfigStateChecks = nil // the output needs the sample's events
		step.Config = env.config(fmt.Sprintf("data \"duo_administrator_logs\" \"changes\" {\n  %s\n  actions = [\"admin_create\", \"integration_update\"]\n}\n", w.arguments()))
		step.ConfigStateChecks = []statecheck.StateCheck{expectObjects("data.duo_administrator_logs.changes", "administrator_logs", env.rawAdminLog(t, w, actions...))}
		resource.Test(t, resource.TestCase{ProtoV6ProviderFactories: testAccProviders, Steps: []resource.TestStep{step}})
		return
	}
	logs := "data.duo_administrator_logs.month"
	step.ConfigStateChecks = append(step.ConfigStateChecks,
		// Oldest first: the System's update 25 days ago, without a description.
		statecheck.ExpectKnownValue(logs, tfjsonpath.New("administrator_logs"), knownvalue.ListSizeExact(12)),
		statecheck.ExpectKnownValue(logs, itemAt("administrator_logs", 0, "username"), knownvalue.StringExact("System")),
		statecheck.ExpectKnownValue(logs, itemAt("administrator_logs", 0, "description"), knownvalue.Null()),
		statecheck.ExpectKnownValue(logs, itemAt("administrator_logs", 1, "username"), knownvalue.StringExact("")),
		statecheck.ExpectKnownValue(logs, itemAt("administrator_logs", 1, "object"), knownvalue.Null()),
		statecheck.ExpectKnownValue(logs, itemAt("administrator_logs", 4, "username"), knownvalue.StringExact("Björn Ødegård")),
		statecheck.ExpectKnownValue(logs, itemAt("administrator_logs", 4, "object"), knownvalue.StringExact("Zeiterfassung – Büro 東京")),
		statecheck.ExpectKnownValue("data.duo_administrator_logs.changes", tfjsonpath.New("administrator_logs"), knownvalue.ListSizeExact(3)),
		statecheck.ExpectKnownOutputValue("created", knownvalue.StringExact("User Manager")),
	)
	queries := queriesOfSteps(t, env, adminLogPath, step)[0]
	for _, query := range queries {
		if !reflectEqual(query, url.Values{"mintime": {strconv.FormatInt(w.mintime.Unix(), 10)}}) {
			t.Errorf("sent %v: actions are the provider's to apply", query)
		}
	}
}

func reflectEqual(a, b url.Values) bool {
	return a.Encode() == b.Encode()
}

func TestAccAdministratorLogsDataSource_maxEventsCountsWhatMatches(t *testing.T) {
	env := newAccEnv(t, fakeduo.Options{})
	env.requireFake(t)
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		Steps: []resource.TestStep{{
			Config: env.config(fmt.Sprintf(`
data "duo_administrator_logs" "logins" {
  %s
  actions    = ["admin_login", "admin_update"]
  max_events = 2
}
`, lastDays(30).arguments())),
			ExpectError: errorText(`(?s)Too many Duo administrator log events.*More than 2 administrator log events match \(the read stopped after 3 of them\), more than max_events \(2\)`),
		}},
	})
}
