package fakeduo

import (
	"encoding/json"
	"net/http"
	"net/url"
	"reflect"
	"strconv"
	"testing"
	"time"
)

// TestReportsCountTheLogsInBothShapes: the sample's last week, counted
// from its logs, nested by default and flat under FlatReports.
func TestReportsCountTheLogsInBothShapes(t *testing.T) {
	now := time.Now()
	week := url.Values{"mintime": {strconv.FormatInt(now.Add(-7*24*time.Hour).Unix(), 10)}, "maxtime": {strconv.FormatInt(now.Unix(), 10)}}
	// Authentications 01 to 14: 8 successes (of 5 users), 5 denials (of 5
	// users) and a fraud report.
	attempts := map[string]any{"SUCCESS": 8.0, "FAILURE": 5.0, "ERROR": 0.0, "FRAUD": 1.0}
	users := map[string]any{"SUCCESS": 5.0, "FAILURE": 5.0, "ERROR": 0.0, "FRAUD": 1.0}
	for _, flat := range []bool{false, true} {
		s := startServer(t, Options{FlatReports: flat})
		c := newClient(s, s.IntegrationKey(), s.SecretKey())
		for path, want := range map[string]any{authAttemptsPath: attempts, userAuthAttemptsPath: users, telephonyCreditsPath: 10.0} {
			status, body := call(t, c, path, week)
			var answer struct {
				Response any `json:"response"`
			}
			if status != http.StatusOK || json.Unmarshal(body, &answer) != nil {
				t.Fatalf("GET %s: HTTP %d %s", path, status, body)
			}
			got := answer.Response
			if !flat {
				nested, _ := got.(map[string]any)
				if nested["mintime"] != mustFloat(week.Get("mintime")) || nested["maxtime"] != mustFloat(week.Get("maxtime")) {
					t.Errorf("GET %s: the window is %v", path, nested)
				}
				got = nested[path[len(infoPath)+1:]]
			}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("GET %s (flat %v): %v, want %v", path, flat, got, want)
			}
		}
	}
	// The default window is the last 30 days; a bad one is refused.
	s := startServer(t, Options{})
	c := newClient(s, s.IntegrationKey(), s.SecretKey())
	status, body := call(t, c, telephonyCreditsPath, nil)
	var answer struct {
		Response map[string]any `json:"response"`
	}
	if status != http.StatusOK || json.Unmarshal(body, &answer) != nil || answer.Response[telephonyCreditsUsedKey] != 22.0 {
		t.Errorf("the last 30 days: HTTP %d %s, want 22 credits", status, body)
	}
	for _, bad := range []url.Values{
		{"mintime": {week.Get("maxtime")}, "maxtime": {week.Get("mintime")}},
		{"mintime": {strconv.FormatInt(now.Add(-200*24*time.Hour).Unix(), 10)}},
		{"mintime": {"yesterday"}},
		{"limit": {"1"}},
	} {
		status, body := call(t, c, authAttemptsPath, bad)
		expectFail(t, status, body, http.StatusBadRequest, 40002)
	}
}

func mustFloat(s string) float64 {
	f, err := strconv.ParseFloat(s, 64)
	if err != nil {
		panic(err)
	}
	return f
}
