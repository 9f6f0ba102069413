package provider

import (
	"fmt"
	"regexp"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"

	"github.com/idaudit/terraform-provider-duo/internal/duo"
	"github.com/idaudit/terraform-provider-duo/internal/fakeduo"
)

func (e *accEnv) rawTelephonyLog(t *testing.T, w testWindow) []map[string]any {
	t.Helper()
	params := w.v2Params(duo.MaxLogPageSize, nil)
	params.Set("sort", "ts:asc")
	return e.rawCursorLog(t, telephonyLogPath, "items", params)
}

func TestAccTelephonyLogsDataSource_everyEventOnEveryPage(t *testing.T) {
	env := newAccEnv(t, logsAccount())
	w := lastDays(7)
	want := env.rawTelephonyLog(t, w)
	queries, onFake := queriesOfWeekOfLog(t, env, "telephony_logs", telephonyLogPath, w, want)
	if !onFake {
		return
	}
	read := firstReadOf(queries, "next_offset")
	if len(read) != 4 {
		t.Fatalf("a read sent %d requests, want 4: %v", len(read), read)
	}
	for i, query := range read[1:] {
		// One string, "<ms>,<telephony_id>", sent back as it came.
		last := want[min((i+1)*duo.MaxLogPageSize, len(want))-1]
		if cursor := query.Get("next_offset"); !regexp.MustCompile(`^[0-9]{13},` + last["telephony_id"].(string) + `$`).MatchString(cursor) {
			t.Errorf("request %d sent next_offset %q, want the milliseconds and telephony_id of %v", i+2, cursor, last["telephony_id"])
		}
	}
}

func TestAccTelephonyLogsDataSource_sampleCredits(t *testing.T) {
	env := newAccEnv(t, fakeduo.Options{})
	env.requireFake(t)
	w := lastDays(7)
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		Steps: []resource.TestStep{{
			Config: env.config(fmt.Sprintf(`
data "duo_telephony_logs" "week" {
  %s
}
output "credits" {
  value = sum(data.duo_telephony_logs.week.telephony_logs[*].credits)
}
`, w.arguments())),
			ConfigStateChecks: []statecheck.StateCheck{
				expectObjects("data.duo_telephony_logs.week", "telephony_logs", env.rawTelephonyLog(t, w)),
				statecheck.ExpectKnownOutputValue("credits", knownvalue.Int64Exact(10)),
				statecheck.ExpectKnownValue("data.duo_telephony_logs.week", itemAt("telephony_logs", 0, "context"), knownvalue.StringExact("administrator login")),
				statecheck.ExpectKnownValue("data.duo_telephony_logs.week", itemAt("telephony_logs", 0, "phone"), knownvalue.StringExact("+15555550150")),
				statecheck.ExpectKnownValue("data.duo_telephony_logs.week", itemAt("telephony_logs", 4, "type"), knownvalue.StringExact("sms")),
			},
		}},
	})
}
