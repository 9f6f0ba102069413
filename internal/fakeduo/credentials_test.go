package fakeduo

import (
	"encoding/json"
	"net/http"
	"testing"
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
