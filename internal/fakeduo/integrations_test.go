package fakeduo

import (
	"fmt"
	"net/url"
	"strings"
	"testing"
)

func TestIntegrationSecrets(t *testing.T) {
	s := startServer(t, Options{})
	c := newClient(s, s.IntegrationKey(), s.SecretKey())
	sample := SampleAccount()
	listed := byField(decodeAll(t, listAt(t, c, integrationsPath, nil).Response), "integration_key")

	var secrets []string
	clientSecrets := 0
	for _, in := range sample.Integrations {
		want := strings.Repeat("*", 36) + in.SecretKey[36:]
		for what, answer := range map[string]object{"listed": listed[in.IntegrationKey], "by key": getObject(t, c, integrationsPath+"/"+in.IntegrationKey)} {
			if answer["secret_key"] != want {
				t.Errorf("%s %s: secret_key %v, want %s", what, in.IntegrationKey, answer["secret_key"], want)
			}
			if in.SSO != nil && in.SSO.OIDC != nil {
				oidc := answer["sso"].(object)["oidc"].(object)
				if wantClient := strings.Repeat("*", 36) + in.SSO.OIDC.ClientSecret[36:]; oidc["client_secret"] != wantClient {
					t.Errorf("%s %s: sso.oidc.client_secret %v, want %s", what, in.IntegrationKey, oidc["client_secret"], wantClient)
				}
			}
		}
		skey := getObject(t, c, "/admin/v1/integrations/"+in.IntegrationKey+"/skey")
		expectKeys(t, "skey answer", skey, []string{"secret_key"})
		if skey["secret_key"] != in.SecretKey {
			t.Errorf("%s/skey: %v, want the full key %s", in.IntegrationKey, skey["secret_key"], in.SecretKey)
		}
		secrets = append(secrets, in.SecretKey)
		if in.SSO != nil && in.SSO.OIDC != nil {
			secrets = append(secrets, in.SSO.OIDC.ClientSecret)
			clientSecrets++
		}
	}
	if clientSecrets == 0 {
		t.Fatal("the sample has no OIDC client secret to look for")
	}

	// No other answer holds a secret, or the part of it that masking hides.
	var paths []string
	for _, k := range kinds {
		ans := listAt(t, c, k.path, url.Values{"limit": {fmt.Sprint(k.maxLimit)}})
		paths = append(paths, k.path)
		for _, id := range ids(t, ans.Response, k.idName) {
			paths = append(paths, k.itemPrefix+"/"+id)
		}
	}
	paths = append(paths, settingsPath, summaryPath, groupsV2Path+"/"+groupVPN.GroupID+"/users")
	for _, path := range paths {
		_, body := call(t, c, path, url.Values{})
		for _, secret := range secrets {
			if strings.Contains(string(body), secret[:36]) {
				t.Errorf("GET %s holds the secret %s: %s", path, secret, body)
			}
		}
	}
	if len(paths) < 40 {
		t.Errorf("only %d answers were searched", len(paths))
	}
}

func TestIntegrationsRejected(t *testing.T) {
	for name, change := range map[string]func(*Integration){
		"short secret_key":          func(in *Integration) { in.SecretKey = in.SecretKey[1:] },
		"long client_secret":        func(in *Integration) { in.SSO = &SSO{OIDC: &OIDCClient{ClientSecret: in.SecretKey + "x"}} },
		"prompt_v4 without framing": func(in *Integration) { in.PromptV4Enabled = ptr(1) },
		"prompt_v4 with framing 0":  func(in *Integration) { in.FramelessAuthPromptEnabled, in.PromptV4Enabled = ptr(0), ptr(0) },
		"networks on Auth API":      func(in *Integration) { in.NetworksForAPIAccess = ptr("") },
	} {
		account := SampleAccount()
		vpn := &account.Integrations[2]
		change(vpn)
		if _, err := Start(Options{Account: &account}); err == nil || !strings.Contains(err.Error(), vpn.IntegrationKey) {
			t.Errorf("%s: Start gave %v, want an error naming %s", name, err, vpn.IntegrationKey)
		}
	}
}

func TestMaskedSecretKeys(t *testing.T) {
	s := startServer(t, Options{Faults: &Faults{MaskedSecretKeys: true}})
	c := newClient(s, s.IntegrationKey(), s.SecretKey())
	for _, in := range SampleAccount().Integrations {
		got := getObject(t, c, secretKeyPrefix+in.IntegrationKey+secretKeySuffix)["secret_key"]
		if want := strings.Repeat("*", 36) + in.SecretKey[36:]; got != want {
			t.Errorf("%s: /skey sent %q, want %q", in.IntegrationKey, got, want)
		}
	}
}
