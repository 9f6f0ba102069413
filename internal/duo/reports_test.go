package duo

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"time"
)

func TestReportsAreReadInEitherShape(t *testing.T) {
	counts := map[string]any{"SUCCESS": 12, "FAILURE": "3", "ERROR": 0, "FRAUD": 1, "NEW_RESULT": 2}
	want := ResultCounts{"SUCCESS": 12, "FAILURE": 3, "ERROR": 0, "FRAUD": 1, "NEW_RESULT": 2}
	now := time.Now().Truncate(time.Second)
	mintime, maxtime := now.Add(-30*24*time.Hour), now
	for _, nested := range []bool{true, false} {
		var queries []string
		ts := newTestServer(t, func(w http.ResponseWriter, r *http.Request) {
			queries = append(queries, r.URL.Path+"?"+r.URL.RawQuery)
			key := r.URL.Path[len("/admin/v1/info/"):]
			var response any = counts
			if key == "telephony_credits_used" {
				response = 42
			}
			if nested {
				response = map[string]any{"mintime": mintime.Unix(), "maxtime": maxtime.Unix(), key: response}
			}
			writeJSON(w, http.StatusOK, map[string]any{"stat": "OK", "response": response})
		})
		ctx := context.Background()
		attempts, err := ts.client.AuthenticationAttempts(ctx, mintime, maxtime)
		if err != nil || !reflect.DeepEqual(attempts, want) {
			t.Errorf("nested %v: attempts %v, %v", nested, attempts, err)
		}
		users, err := ts.client.UserAuthenticationAttempts(ctx, mintime, maxtime)
		if err != nil || !reflect.DeepEqual(users, want) {
			t.Errorf("nested %v: users %v, %v", nested, users, err)
		}
		credits, err := ts.client.TelephonyCreditsUsed(ctx, mintime, maxtime)
		if err != nil || credits != 42 {
			t.Errorf("nested %v: credits %d, %v", nested, credits, err)
		}
		window := "maxtime=" + strconv.FormatInt(maxtime.Unix(), 10) + "&mintime=" + strconv.FormatInt(mintime.Unix(), 10)
		if want := []string{"/admin/v1/info/authentication_attempts?" + window, "/admin/v1/info/user_authentication_attempts?" + window, "/admin/v1/info/telephony_credits_used?" + window}; !reflect.DeepEqual(queries, want) {
			t.Errorf("sent %q, want %q", queries, want)
		}
	}
}

func TestAReportThatFitsNoShapeNamesTheField(t *testing.T) {
	for _, tc := range []struct {
		read     func(json.RawMessage) error
		response string
		want     []string
	}{
		{attempts, `{"mintime": 1, "maxtime": 2, "authentication_attempts": {"SUCCESS": "many"}}`, []string{"GET /admin/v1/info/authentication_attempts", "response.authentication_attempts.SUCCESS", `a string ("many")`, "an integer"}},
		{attempts, `{"mintime": 1, "maxtime": 2, "authentication_attempts": [1, 2]}`, []string{"response.authentication_attempts", "a list", "an object of counts by result"}},
		{attempts, `{"mintime": 1, "maxtime": 2, "attempts": {"SUCCESS": 1}}`, []string{"response.attempts", "an integer"}},
		{attempts, `{"mintime": 1, "maxtime": 2}`, []string{"response.authentication_attempts", "Duo sent nothing", "an object of counts by result"}},
		{attempts, `{"SUCCESS": true}`, []string{"response.SUCCESS", "a boolean"}},
		{attempts, `[{"SUCCESS": 1}]`, []string{"the answer's response", "a list"}},
		{credits, `{"mintime": 1, "maxtime": 2, "credits": 5}`, []string{"GET /admin/v1/info/telephony_credits_used", "response.telephony_credits_used", "Duo sent nothing", "an integer"}},
		{credits, `"five"`, []string{"the answer's response", `a string ("five")`, "a count, or an object holding telephony_credits_used"}},
	} {
		err := tc.read(json.RawMessage(tc.response))
		for _, part := range append(tc.want, "please report") {
			if err == nil || !strings.Contains(err.Error(), part) {
				t.Errorf("%s: got %v, want it to hold %q", tc.response, err, part)
			}
		}
	}
}

func attempts(response json.RawMessage) error {
	_, err := authenticationAttemptsReport.counts(response)
	return err
}

func credits(response json.RawMessage) error {
	_, err := telephonyCreditsUsedReport.count(response)
	return err
}

func TestReportsNeedTheReadInformationPermissionAndAWindowOfDuos(t *testing.T) {
	ts := newTestServer(t, func(w http.ResponseWriter, _ *http.Request) {
		writeJSON(w, http.StatusForbidden, failBody(40301, "Access forbidden"))
	})
	now := time.Now()
	_, err := ts.client.AuthenticationAttempts(context.Background(), now.Add(-time.Hour), now)
	if !strings.Contains(fmt.Sprint(err), `grant it "Grant read information"`) {
		t.Errorf("got %v", err)
	}
	_, err = ts.client.TelephonyCreditsUsed(context.Background(), now.Add(-200*24*time.Hour), now)
	if err == nil || !strings.Contains(err.Error(), "starts 200 days ago") || ts.requests.Load() != 1 {
		t.Errorf("got %v after %d requests", err, ts.requests.Load())
	}
}
