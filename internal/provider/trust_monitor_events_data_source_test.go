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

func (e *accEnv) rawTrustMonitor(t *testing.T, w testWindow, filters url.Values) []map[string]any {
	t.Helper()
	return each(e.rawCursorLog(t, trustMonitorPath, "events", w.v2Params(duo.MaxTrustMonitorPageSize, filters)), asStateTrustMonitorEvent)
}

func TestAccTrustMonitorEventsDataSource_everyEventOnEveryPage(t *testing.T) {
	env := newAccEnv(t, logsAccount())
	w := lastDays(7)
	want := env.rawTrustMonitor(t, w, nil)
	bypass := env.rawTrustMonitor(t, w, url.Values{"type": {"bypass_status"}})
	step := resource.TestStep{
		Config: env.config(fmt.Sprintf(`
data "duo_trust_monitor_events" "week" {
  %s
  max_events = 5000
}
data "duo_trust_monitor_events" "bypass" {
  %s
  type = "bypass_status"
}
`, w.arguments(), w.arguments())),
		ConfigStateChecks: []statecheck.StateCheck{
			expectObjects("data.duo_trust_monitor_events.week", "trust_monitor_events", want),
			expectObjects("data.duo_trust_monitor_events.bypass", "trust_monitor_events", bypass),
		},
	}
	if env.fake == nil {
		resource.Test(t, resource.TestCase{ProtoV6ProviderFactories: testAccProviders, Steps: []resource.TestStep{step}})
		return
	}
	if len(want) != logsTrustMonitorEvents || len(bypass) != logsTrustMonitorEvents/3 {
		t.Fatalf("the fake's week holds %d Trust Monitor events, %d of them bypass_status, want %d and %d", len(want), len(bypass), logsTrustMonitorEvents, logsTrustMonitorEvents/3)
	}
	queries := queriesOfSteps(t, env, trustMonitorPath, step)[0]
	// The read of every event (the other data source's requests, with
	// type, come in between): the offsets Duo sent, each a string.
	var unfiltered []url.Values
	for _, query := range queries {
		if !query.Has("type") {
			unfiltered = append(unfiltered, query)
		}
	}
	read := firstReadOf(unfiltered, "offset")
	var offsets []string
	for _, query := range read[1:] {
		expectQuery(t, "a request", query, w.v2Params(duo.MaxTrustMonitorPageSize, nil), "offset")
		offsets = append(offsets, query.Get("offset"))
	}
	var want200s []string
	for offset := duo.MaxTrustMonitorPageSize; offset < logsTrustMonitorEvents; offset += duo.MaxTrustMonitorPageSize {
		want200s = append(want200s, strconv.Itoa(offset))
	}
	if !slices.Equal(offsets, want200s) {
		t.Errorf("a read sent the offsets %v, want %v", offsets, want200s)
	}
	if !slices.ContainsFunc(queries, func(q url.Values) bool { return q.Get("type") == "bypass_status" && !q.Has("offset") }) {
		t.Errorf("no request sent type=bypass_status: %v", queries)
	}
}

func TestAccTrustMonitorEventsDataSource_sampleEvents(t *testing.T) {
	env := newAccEnv(t, fakeduo.Options{})
	env.requireFake(t)
	w := lastDays(7)
	events := "data.duo_trust_monitor_events.week"
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		Steps: []resource.TestStep{{
			Config: env.config(fmt.Sprintf(`
data "duo_trust_monitor_events" "week" {
  %s
}
output "untriaged" {
  value = [for e in data.duo_trust_monitor_events.week.trust_monitor_events : e.sekey if e.priority_event && e.state == "new"]
}
`, w.arguments())),
			ConfigStateChecks: []statecheck.StateCheck{
				expectObjects(events, "trust_monitor_events", env.rawTrustMonitor(t, w, nil)),
				statecheck.ExpectKnownOutputValue("untriaged", knownvalue.ListExact([]knownvalue.Check{
					knownvalue.StringExact("SESAMPLE000000000002"), knownvalue.StringExact("SESAMPLE000000000001"),
				})),
				// Each type's own fields; the others' are null.
				statecheck.ExpectKnownValue(events, itemAt("trust_monitor_events", 0, "type"), knownvalue.StringExact("device_registration")),
				statecheck.ExpectKnownValue(events, itemAt("trust_monitor_events", 0, "from_new_user"), knownvalue.Bool(true)),
				statecheck.ExpectKnownValue(events, itemAt("trust_monitor_events", 0, "surfaced_auth"), knownvalue.Null()),
				statecheck.ExpectKnownValue(events, itemAt("trust_monitor_events", 1, "enabled_for").AtMapKey("name"), knownvalue.StringExact("zoe.nunez")),
				statecheck.ExpectKnownValue(events, itemAt("trust_monitor_events", 1, "enabled_by").AtMapKey("key"), knownvalue.StringExact("DESAMPLE000000000003")),
				statecheck.ExpectKnownValue(events, itemAt("trust_monitor_events", 1, "low_risk_ip"), knownvalue.Null()),
				statecheck.ExpectKnownValue(events, itemAt("trust_monitor_events", 2, "surfaced_auth").AtMapKey("user").AtMapKey("name"), knownvalue.StringExact("rocket.rider")),
				statecheck.ExpectKnownValue(events, itemAt("trust_monitor_events", 2, "surfaced_auth").AtMapKey("access_device").AtMapKey("is_encryption_enabled"), knownvalue.StringExact("unknown")),
				statecheck.ExpectKnownValue(events, itemAt("trust_monitor_events", 2, "priority_reasons").AtSliceIndex(0).AtMapKey("label"), knownvalue.StringExact("Japan")),
				statecheck.ExpectKnownValue(events, itemAt("trust_monitor_events", 2, "bypass_status_enabled"), knownvalue.Null()),
				statecheck.ExpectKnownValue(events, itemAt("trust_monitor_events", 3, "priority_reasons"), knownvalue.ListSizeExact(0)),
				statecheck.ExpectKnownValue(events, tfjsonpath.New("trust_monitor_events"), knownvalue.ListSizeExact(4)),
			},
		}},
	})
}
