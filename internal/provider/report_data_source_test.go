package provider

import (
	"encoding/json"
	"fmt"
	"net/url"
	"strconv"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/idaudit/terraform-provider-duo/internal/fakeduo"
)

const (
	authAttemptsPath     = "/admin/v1/info/authentication_attempts"
	userAuthAttemptsPath = "/admin/v1/info/user_authentication_attempts"
	telephonyCreditsPath = "/admin/v1/info/telephony_credits_used"
)

// rawReport reads the report at path for the window, through
// duo_api_golang itself: its counts under key, in either shape.
func (e *accEnv) rawReport(t *testing.T, path, key string, w testWindow) any {
	t.Helper()
	body := e.rawAPICall(t, e.rawAPI(t), path, url.Values{"mintime": {strconv.FormatInt(w.mintime.Unix(), 10)}, "maxtime": {strconv.FormatInt(w.maxtime.Unix(), 10)}})
	var answer struct {
		Response any `json:"response"`
	}
	if err := json.Unmarshal(body, &answer); err != nil {
		t.Fatal(err)
	}
	if nested, ok := answer.Response.(map[string]any); ok {
		if counts, ok := nested[key]; ok {
			return counts
		}
	}
	return answer.Response
}

// countsOf is a report's counts as knownvalue checks.
func countsOf(t *testing.T, counts any) knownvalue.Check {
	t.Helper()
	byResult, ok := counts.(map[string]any)
	if !ok {
		t.Fatalf("the report holds %v, not counts by result", counts)
	}
	checks := map[string]knownvalue.Check{}
	for result, count := range byResult {
		checks[result] = knownvalue.Int64Exact(int64(count.(float64)))
	}
	return knownvalue.MapExact(checks)
}

// TestAccReports_eitherShape reads the reports of the sample's week from a
// fake answering in the nested shape and from one answering in the flat
// one, the window given in RFC 3339 and in Unix seconds.
func TestAccReports_eitherShape(t *testing.T) {
	w := lastDays(7)
	for _, flat := range []bool{false, true} {
		t.Run(fmt.Sprintf("flat %v", flat), func(t *testing.T) {
			env := newAccEnv(t, fakeduo.Options{FlatReports: flat})
			attempts, credits := "data.duo_authentication_attempts.week", "data.duo_telephony_credits_used.week"
			checks := []statecheck.StateCheck{
				statecheck.ExpectKnownValue(attempts, tfjsonpath.New("attempts"), countsOf(t, env.rawReport(t, authAttemptsPath, "authentication_attempts", w))),
				statecheck.ExpectKnownValue(attempts, tfjsonpath.New("users"), countsOf(t, env.rawReport(t, userAuthAttemptsPath, "user_authentication_attempts", w))),
				statecheck.ExpectKnownValue(credits, tfjsonpath.New("telephony_credits_used"),
					knownvalue.Int64Exact(int64(env.rawReport(t, telephonyCreditsPath, "telephony_credits_used", w).(float64)))),
				// The window stays as written.
				statecheck.ExpectKnownValue(attempts, tfjsonpath.New("mintime"), knownvalue.StringExact(w.mintime.Format(time.RFC3339))),
				statecheck.ExpectKnownValue(credits, tfjsonpath.New("maxtime"), knownvalue.StringExact(strconv.FormatInt(w.maxtime.Unix(), 10))),
			}
			if env.fake != nil {
				// The sample's week: 8 successes of 5 users, 5 denials of 5
				// users, a fraud report; 10 credits.
				checks = append(checks,
					statecheck.ExpectKnownValue(attempts, tfjsonpath.New("attempts").AtMapKey("FAILURE"), knownvalue.Int64Exact(5)),
					statecheck.ExpectKnownValue(attempts, tfjsonpath.New("users").AtMapKey("SUCCESS"), knownvalue.Int64Exact(5)),
					statecheck.ExpectKnownValue(credits, tfjsonpath.New("telephony_credits_used"), knownvalue.Int64Exact(10)),
				)
			}
			resource.Test(t, resource.TestCase{
				ProtoV6ProviderFactories: testAccProviders,
				Steps: []resource.TestStep{{
					Config: env.config(fmt.Sprintf(`
data "duo_authentication_attempts" "week" {
  %s
}
data "duo_telephony_credits_used" "week" {
  mintime = %d
  maxtime = "%d"
}
`, w.arguments(), w.mintime.Unix(), w.maxtime.Unix())),
					ConfigStateChecks: checks,
				}},
			})
			if env.fake == nil {
				return
			}
			for _, path := range []string{authAttemptsPath, userAuthAttemptsPath, telephonyCreditsPath} {
				for _, query := range env.fake.LogQueries(path) {
					if query.Get("mintime") != strconv.FormatInt(w.mintime.Unix(), 10) || query.Get("maxtime") != strconv.FormatInt(w.maxtime.Unix(), 10) || len(query) != 2 {
						t.Errorf("%s was sent %v, want the window in Unix seconds", path, query)
					}
				}
			}
		})
	}
}

// TestAccReports_defaultWindow reads the last 30 days when no window is
// given, and holds the window as read.
func TestAccReports_defaultWindow(t *testing.T) {
	env := newAccEnv(t, fakeduo.Options{})
	before := time.Now().Truncate(time.Second)
	var checks []statecheck.StateCheck
	if env.fake != nil {
		// The sample's month of telephony: 22 credits.
		checks = append(checks, statecheck.ExpectKnownValue("data.duo_telephony_credits_used.month", tfjsonpath.New("telephony_credits_used"), knownvalue.Int64Exact(22)))
	}
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		Steps: []resource.TestStep{{
			Config: env.config(`data "duo_telephony_credits_used" "month" {}`),
			ConfigStateChecks: append(checks, attributeValuesCheck{address: "data.duo_telephony_credits_used.month", check: func(values map[string]any) error {
				mintime, errMin := time.Parse(time.RFC3339, fmt.Sprint(values["mintime"]))
				maxtime, errMax := time.Parse(time.RFC3339, fmt.Sprint(values["maxtime"]))
				after := time.Now()
				switch {
				case errMin != nil || errMax != nil:
					return fmt.Errorf("the window as read is %v to %v, not RFC 3339 times", values["mintime"], values["maxtime"])
				case maxtime.Before(before) || maxtime.After(after):
					return fmt.Errorf("maxtime %s is not the time of the read (between %s and %s)", maxtime, before, after)
				case maxtime.Sub(mintime) != 30*24*time.Hour:
					return fmt.Errorf("the window is %s long, want 30 days", maxtime.Sub(mintime))
				}
				return nil
			}}),
		}},
	})
}

func TestAccReports_errors(t *testing.T) {
	env := newAccEnv(t, fakeduo.Options{})
	denied := newAccEnv(t, fakeduo.Options{Grants: &fakeduo.Grants{ReadResource: true, ReadLog: true}})
	unreadable := newAccEnv(t, fakeduo.Options{Answers: []fakeduo.Answer{{
		Path: authAttemptsPath, Body: []byte(`{"stat":"OK","response":{"mintime":1,"maxtime":2,"authentication_attempts":{"SUCCESS":"many"}}}`),
	}}})
	env.requireFake(t)
	now := time.Now().Truncate(time.Second)
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		Steps: []resource.TestStep{
			{
				Config:      env.config(fmt.Sprintf(`data "duo_authentication_attempts" "x" { mintime = %q }`, now.Add(-200*24*time.Hour).Format(time.RFC3339))),
				ExpectError: errorText(`(?s)Invalid time window.*mintime.*The window starts 200 days ago`),
			},
			{
				Config:      env.config(fmt.Sprintf(`data "duo_telephony_credits_used" "x" { maxtime = %q }`, "yesterday")),
				ExpectError: errorText(`(?s)Invalid time.*maxtime must be an RFC 3339 time.*or Unix seconds.*not "yesterday"`),
			},
			{
				Config:      denied.config(`data "duo_telephony_credits_used" "x" {}`),
				ExpectError: errorText(`(?s)Unable to read Duo's telephony credits report.*GET /admin/v1/info/telephony_credits_used with HTTP 403, code 40301.*grant it "Grant read information"`),
			},
			{
				Config:      unreadable.config(`data "duo_authentication_attempts" "x" {}`),
				ExpectError: errorText(`(?s)Unable to read Duo's authentication attempts report.*GET /admin/v1/info/authentication_attempts.*response.authentication_attempts.SUCCESS.*a string \("many"\)`),
			},
		},
	})
	for _, path := range []string{authAttemptsPath, telephonyCreditsPath} {
		if queries := env.fake.LogQueries(path); len(queries) > 0 {
			t.Errorf("a bad window reached Duo: %s %v", path, queries)
		}
	}
}
