package provider

import (
	"fmt"
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

func TestAccOfflineEnrollmentLogsDataSource_boundarySecondsAcrossPages(t *testing.T) {
	env := newAccEnv(t, logsAccount())
	w := lastDays(7)
	want := env.rawV1Log(t, offlineEnrollmentLogPath, w)
	queries, onFake := queriesOfWeekOfLog(t, env, "offline_enrollment_logs", offlineEnrollmentLogPath, w, want)
	if !onFake {
		return
	}
	// Seven events a second: the first page of 1000 ends within a second,
	// which the next request starts from.
	boundary := int64(want[duo.MaxLogPageSize-1]["timestamp"].(float64))
	var mintimes []int64
	for _, query := range queries {
		if len(query) != 1 || !query.Has("mintime") {
			t.Errorf("sent %v: Duo takes mintime alone", query)
		}
		mintime, _ := strconv.ParseInt(query.Get("mintime"), 10, 64)
		mintimes = append(mintimes, mintime)
	}
	if len(mintimes) < 3 || mintimes[0] != w.mintime.Unix() || mintimes[1] != boundary {
		t.Errorf("a read asked for mintimes %v, want %d, then %d", mintimes, w.mintime.Unix(), boundary)
	}
}

func TestAccOfflineEnrollmentLogsDataSource_sampleValues(t *testing.T) {
	env := newAccEnv(t, fakeduo.Options{})
	w := lastDays(30)
	logs := "data.duo_offline_enrollment_logs.month"
	step := resource.TestStep{
		Config: env.config(fmt.Sprintf(`
data "duo_offline_enrollment_logs" "month" {
  %s
}
output "hosts" {
  value = [for e in data.duo_offline_enrollment_logs.month.offline_enrollment_logs : jsondecode(e.description).hostname if e.description != null]
}
`, w.arguments())),
		ConfigStateChecks: []statecheck.StateCheck{expectObjects(logs, "offline_enrollment_logs", env.rawV1Log(t, offlineEnrollmentLogPath, w))},
	}
	if env.fake != nil {
		step.ConfigStateChecks = append(step.ConfigStateChecks,
			statecheck.ExpectKnownValue(logs, tfjsonpath.New("offline_enrollment_logs"), knownvalue.ListSizeExact(3)),
			statecheck.ExpectKnownValue(logs, itemAt("offline_enrollment_logs", 0, "action"), knownvalue.StringExact("o2fa_user_deprovisioned")),
			statecheck.ExpectKnownValue(logs, itemAt("offline_enrollment_logs", 0, "object"), knownvalue.StringExact("VPN (Auth API)")),
			statecheck.ExpectKnownValue(logs, itemAt("offline_enrollment_logs", 0, "description"), knownvalue.Null()),
			statecheck.ExpectKnownOutputValue("hosts", knownvalue.ListExact([]knownvalue.Check{knownvalue.StringExact("ada-mbp"), knownvalue.StringExact("JSMITH-LAPTOP")})),
		)
	}
	resource.Test(t, resource.TestCase{ProtoV6ProviderFactories: testAccProviders, Steps: []resource.TestStep{step}})
	if env.fake == nil {
		return
	}
	for _, query := range env.fake.LogQueries(offlineEnrollmentLogPath) {
		if !slices.Equal(query["mintime"], []string{strconv.FormatInt(w.mintime.Unix(), 10)}) || len(query) != 1 {
			t.Errorf("sent %v, want the window's start alone", query)
		}
	}
}
