package fakeduo

import (
	"encoding/json"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"

	duoapi "github.com/duosecurity/duo_api_golang"
)

// TestAdminAPIApplicationsSign: the keys of the account's Admin API
// applications, as /skey sends them, sign requests as the fake's own do;
// the keys of other integrations do not.
func TestAdminAPIApplicationsSign(t *testing.T) {
	s := startServer(t, Options{})
	own := newClient(s, s.IntegrationKey(), s.SecretKey())
	for _, in := range SampleAccount().Integrations {
		status, body := call(t, own, secretKeyPrefix+in.IntegrationKey+secretKeySuffix, nil)
		var answer struct {
			Response secretKeyAnswer `json:"response"`
		}
		if err := json.Unmarshal(body, &answer); status != http.StatusOK || err != nil {
			t.Fatalf("%s: /skey answered HTTP %d %s (%v)", in.IntegrationKey, status, body, err)
		}
		status, body = call(t, newClient(s, in.IntegrationKey, answer.Response.SecretKey), usersPath, nil)
		if in.Type != "adminapi" {
			expectFail(t, status, body, http.StatusUnauthorized, 40102)
			continue
		}
		if status != http.StatusOK {
			t.Errorf("%s (%s): HTTP %d %s", in.IntegrationKey, in.Type, status, body)
		}
		status, body = call(t, newClient(s, in.IntegrationKey, s.SecretKey()), usersPath, nil)
		expectFail(t, status, body, http.StatusUnauthorized, 40103)
		if got := s.RequestsSignedBy(in.IntegrationKey); got != 1 {
			t.Errorf("RequestsSignedBy(%s) = %d, want 1 (the failed request is not counted)", in.IntegrationKey, got)
		}
	}
	if got, want := s.RequestsSignedBy(s.IntegrationKey()), int64(len(SampleAccount().Integrations)); got != want {
		t.Errorf("RequestsSignedBy(own key) = %d, want %d", got, want)
	}
}

// TestGrantsDecideWhatAKeyReads: a key reads what its grants allow and is
// refused the rest with 40301, as Duo refuses an Admin API application:
// the fake's own key as Options.Grants says, an application's as its
// adminapi_* flags say.
func TestGrantsDecideWhatAKeyReads(t *testing.T) {
	everyPath := map[string]func(Grants) bool{
		usersPath:                             func(g Grants) bool { return g.ReadResource },
		groupsV2Path + "/" + groupVPN.GroupID: func(g Grants) bool { return g.ReadResource },
		adminsPath:                            func(g Grants) bool { return g.Administrators || g.AdministratorsRead },
		adminAuthMethodsPath:                  func(g Grants) bool { return g.Administrators || g.AdministratorsRead },
		adminUnitsPath:                        func(g Grants) bool { return g.Administrators || g.AdministratorsRead },
		integrationsPath:                      func(g Grants) bool { return g.Applications },
		secretKeyPrefix + "DISAMPLE000000000003" + secretKeySuffix: func(g Grants) bool { return g.Applications },
		settingsPath:             func(g Grants) bool { return g.Settings },
		summaryPath:              func(g Grants) bool { return g.Information },
		telephonyCreditsPath:     func(g Grants) bool { return g.Information },
		adminLogPath:             func(g Grants) bool { return g.ReadLog },
		offlineEnrollmentLogPath: func(g Grants) bool { return g.ReadLog },
	}
	check := func(t *testing.T, s *Server, c *duoapi.DuoApi, grants Grants) {
		t.Helper()
		for path, granted := range everyPath {
			params := url.Values{}
			if strings.HasPrefix(path, "/admin/v1/logs") {
				params.Set("mintime", strconv.FormatInt(time.Now().Unix(), 10))
			}
			status, body := call(t, c, path, params)
			if !granted(grants) {
				expectFail(t, status, body, http.StatusForbidden, 40301)
			} else if status != http.StatusOK {
				t.Errorf("GET %s with %+v: HTTP %d %s", path, grants, status, body)
			}
		}
	}
	for _, grants := range []Grants{{}, {ReadResource: true, Settings: true}, {AdministratorsRead: true, ReadLog: true, Information: true}, {Administrators: true, Applications: true}, AllGrants()} {
		s := startServer(t, Options{Grants: &grants})
		check(t, s, newClient(s, s.IntegrationKey(), s.SecretKey()), grants)
	}
	s := startServer(t, Options{})
	check(t, s, newClient(s, s.IntegrationKey(), s.SecretKey()), AllGrants())
	for _, in := range SampleAccount().Integrations {
		if in.Type == "adminapi" {
			check(t, s, newClient(s, in.IntegrationKey, in.SecretKey), in.Grants())
		}
	}
	if reporting := SampleAccount().Integrations[1]; reporting.Grants().Applications || !reporting.Grants().ReadLog {
		t.Fatalf("%s's grants changed: %+v", reporting.IntegrationKey, reporting.Grants())
	}
}
