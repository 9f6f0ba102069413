package duo

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// answerDecoder decodes a whole answer of one endpoint, as the client does.
type answerDecoder struct {
	path   string
	decode func(path string, status int, body []byte) (stat string, err error)
}

func pageOf[T any](path string) answerDecoder {
	return answerDecoder{path, func(path string, status int, body []byte) (string, error) {
		var page envelope[[]T]
		_, err := classify(context.Background(), http.MethodGet, path, status, body, nil, &page)
		return page.Stat, err
	}}
}

func objectOf[T any](path string) answerDecoder {
	return answerDecoder{path, func(path string, status int, body []byte) (string, error) {
		var answer envelope[*T]
		_, err := classify(context.Background(), http.MethodGet, path, status, body, nil, &answer)
		return answer.Stat, err
	}}
}

// answerDecoders are the answers of every endpoint the client reads.
var answerDecoders = []answerDecoder{
	pageOf[User](usersAPI.path),
	objectOf[User](usersAPI.path + "/DU1"),
	pageOf[Group](groupsAPI.path),
	objectOf[Group](groupsV2API.path + "/DG1"),
	pageOf[GroupMember](groupsV2API.path + "/DG1/users"),
	pageOf[Admin](adminsAPI.path),
	pageOf[AdministrativeUnit](administrativeUnitsAPI.path),
	pageOf[Integration](integrationsAPI.path),
	objectOf[Integration](integrationsAPI.path + "/DI1"),
	pageOf[ListedPhone](phonesAPI.path),
	pageOf[ListedToken](tokensAPI.path),
	pageOf[BypassCode](bypassCodesAPI.path),
	pageOf[ListedWebAuthnCredential](webAuthnCredentialsAPI.path),
	pageOf[Endpoint](endpointsAPI.path),
	pageOf[DesktopAuthenticator](desktopAuthenticatorsAPI.path),
	objectOf[cursorPage[AuthLog]](authenticationLogAPI.path),
	pageOf[AdminLogEntry](administratorLogAPI.path),
	objectOf[cursorPage[TelephonyLogEntry]](telephonyLogAPI.path),
	objectOf[cursorPage[TrustMonitorEvent]](trustMonitorAPI.path),
	objectOf[cursorPage[ActivityLog]](activityLogAPI.path),
	pageOf[OfflineEnrollmentEntry](offlineEnrollmentLogAPI.path),
	objectOf[AdminAuthMethods](adminAuthMethodsPath),
	objectOf[Settings]("/admin/v1/settings"),
	objectOf[AccountSummary]("/admin/v1/info/summary"),
	reportOf(authenticationAttemptsReport, authenticationAttemptsReport.counts),
	reportOf(userAuthenticationAttemptsReport, userAuthenticationAttemptsReport.counts),
	reportOf(telephonyCreditsUsedReport, telephonyCreditsUsedReport.count),
}

// reportOf decodes the answer of a report, in either of its shapes.
func reportOf[T any](r report, read func(json.RawMessage) (T, error)) answerDecoder {
	return answerDecoder{r.path, func(path string, status int, body []byte) (string, error) {
		var answer envelope[json.RawMessage]
		if _, err := classify(context.Background(), http.MethodGet, path, status, body, nil, &answer); err != nil {
			return answer.Stat, err
		}
		_, err := read(answer.Response)
		return answer.Stat, err
	}}
}

// FuzzDecodeAnswer feeds arbitrary answers to the decoder of every
// endpoint: it must never panic, it may only report success for a body
// that says "stat": "OK" with a 2xx status, and an answer that is Duo's
// JSON with "stat": "OK" is either read or refused with an error that
// names the value it cannot read. The seeds include every answer in
// ../shared/duo-payloads, when it is there.
func FuzzDecodeAnswer(f *testing.F) {
	for _, seed := range []string{
		`{"stat":"OK","response":[{"user_id":"DU1","username":"a","is_enrolled":1,"last_login":"1343921403","phones":[{"capabilities":["push"],"activated":"true"}]}],"metadata":{"total_objects":1}}`,
		`{"stat":"OK","response":[],"metadata":{"total_objects":"0","next_offset":"300"}}`,
		`{"stat":"OK","response":[],"metadata":{"total_objects":{"relation":"eq","value":4},"next_offset":["1532951895000","af0b"]}}`,
		`{"stat":"OK","response":{"admin_count":"3","user_count":8,"edition":null}}`,
		`{"stat":"FAIL","code":"40103","message":"Invalid signature","message_detail":null}`,
		`{"stat":"FAIL","code":40301}`,
		`<html>Bad gateway</html>`,
		`{"stat":"OK","response":[{"user_id":`,
		``,
		`null`,
		`{"stat":"OK","response":null,"metadata":{"next_offset":1e3}}`,
		`{"stat":"OK","response":{"mintime":1,"maxtime":2,"authentication_attempts":{"SUCCESS":3,"FAILURE":"1"}}}`,
		`{"stat":"OK","response":{"ERROR":0,"FAILURE":1,"FRAUD":0,"SUCCESS":"12"}}`,
		`{"stat":"OK","response":42}`,
		`{"stat":"OK","response":{"items":[{"action":{"name":"x","details":{}},"access_device":{"ip":{"address":"1.2.3.4"}},"result":"SUCCESS"}],"metadata":{"total_objects":{"relation":"eq","value":1}}}}`,
	} {
		f.Add(200, []byte(seed))
	}
	payloads, _ := filepath.Glob(filepath.Join("..", "..", "..", "shared", "duo-payloads", "*.json"))
	for _, file := range payloads {
		if body, err := os.ReadFile(file); err == nil {
			f.Add(200, body)
		}
	}
	f.Fuzz(func(t *testing.T, status int, body []byte) {
		var head struct {
			Stat string `json:"stat"`
		}
		readable := json.Valid(body) && json.Unmarshal(body, &head) == nil && head.Stat == "OK" && status >= 200 && status < 300
		for _, d := range answerDecoders {
			stat, err := d.decode(d.path, status, body)
			if err == nil && (stat != "OK" || status >= 300) {
				t.Fatalf("%s: accepted an answer with stat %q and status %d", d.path, stat, status)
			}
			if err != nil && err.Error() == "" {
				t.Fatalf("%s: an error without a message", d.path)
			}
			var unreadable *unreadableError
			if readable && err != nil && (!errors.As(err, &unreadable) || unreadable.field == "" || !strings.Contains(err.Error(), unreadable.field)) {
				t.Fatalf("%s: Duo's JSON was refused without naming the value that cannot be read: %v", d.path, err)
			}
		}
	})
}
