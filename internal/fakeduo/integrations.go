package fakeduo

import (
	"fmt"
	"net/http"
	"strings"
)

const (
	integrationsPath = "/admin/v3/integrations"
	// secretKeyPrefix and secretKeySuffix frame the integration key in the
	// path of GET /admin/v1/integrations/{integration_key}/skey.
	secretKeyPrefix = "/admin/v1/integrations/"
	secretKeySuffix = "/skey"
	secretLength    = 40
)

var integrationsListing = listing{integrationsPath, 100, 300}

// Integration is a Duo application as GET /admin/v3/integrations sends it,
// except for its secrets: SecretKey and the client secret under SSO hold
// the real values, which v3 sends masked. The 0/1 flags are ints, as Duo
// sends them.
type Integration struct {
	AdminAPIAdmins                int    `json:"adminapi_admins"`
	AdminAPIAdminsRead            int    `json:"adminapi_admins_read"`
	AdminAPIAllowToSetPermissions int    `json:"adminapi_allow_to_set_permissions"`
	AdminAPIInfo                  int    `json:"adminapi_info"`
	AdminAPIIntegrations          int    `json:"adminapi_integrations"`
	AdminAPIReadLog               int    `json:"adminapi_read_log"`
	AdminAPIReadResource          int    `json:"adminapi_read_resource"`
	AdminAPISettings              int    `json:"adminapi_settings"`
	AdminAPIWriteResource         int    `json:"adminapi_write_resource"`
	EnrollPolicy                  string `json:"enroll_policy"` // enroll, allow, deny or ""
	// FramelessAuthPromptEnabled is absent until Duo turns the frameless
	// prompt on for the application.
	FramelessAuthPromptEnabled *int     `json:"frameless_auth_prompt_enabled,omitempty"`
	Greeting                   string   `json:"greeting"`
	GroupsAllowed              []string `json:"groups_allowed"` // group_ids; [] means every group
	IntegrationKey             string   `json:"integration_key"`
	IPWhitelist                []string `json:"ip_whitelist"`
	IPWhitelistEnrollPolicy    string   `json:"ip_whitelist_enroll_policy"` // enforce or allow
	Name                       string   `json:"name"`
	// NetworksForAPIAccess is only on Admin API and Accounts API
	// applications: comma-separated networks, "" for any.
	NetworksForAPIAccess *string `json:"networks_for_api_access,omitempty"`
	Notes                string  `json:"notes"`
	PolicyKey            *string `json:"policy_key,omitempty"` // absent without a custom policy
	// PromptV4Enabled is only there when FramelessAuthPromptEnabled is 1.
	PromptV4Enabled             *int   `json:"prompt_v4_enabled,omitempty"`
	SecretKey                   string `json:"secret_key"` // 40 characters; only /skey sends it in full
	SelfServiceAllowed          int    `json:"self_service_allowed"`
	Type                        string `json:"type"`                          // adminapi, authapi, websdk, sso-oidc-generic, ...
	UserAccess                  string `json:"user_access"`                   // ALL_USERS, NO_USERS, PERMITTED_GROUPS
	UsernameNormalizationPolicy string `json:"username_normalization_policy"` // None or Simple
	SSO                         *SSO   `json:"sso,omitempty"`                 // SSO-type integrations only
}

// SSO is the sso object of an SSO-type integration. Duo does not document
// its shape, which varies with the type; this is a plausible one holding
// an OIDC client (with its secret) or a SAML service provider.
type SSO struct {
	OIDC *OIDCClient          `json:"oidc,omitempty"`
	SAML *SAMLServiceProvider `json:"saml,omitempty"`
}

// OIDCClient is an OIDC relying party's settings.
type OIDCClient struct {
	ClientID     string   `json:"client_id"`
	ClientSecret string   `json:"client_secret"` // 40 characters; sent masked like secret_key
	RedirectURIs []string `json:"redirect_uris"`
	Scopes       []string `json:"scopes"`
	GrantTypes   []string `json:"grant_types"`
	// AccessTokenLifetime is in seconds.
	AccessTokenLifetime int  `json:"access_token_lifetime"`
	PKCERequired        bool `json:"pkce_required"`
}

// SAMLServiceProvider is a SAML service provider's settings.
type SAMLServiceProvider struct {
	EntityID         string   `json:"entity_id"`
	ACSURLs          []string `json:"acs_urls"`
	NameIDFormat     string   `json:"nameid_format"`
	NameIDAttribute  string   `json:"nameid_attribute"`
	SignResponse     bool     `json:"sign_response"`
	SignAssertion    bool     `json:"sign_assertion"`
	SigningAlgorithm string   `json:"signing_algorithm"`
	SLOURL           string   `json:"slo_url"`
}

// masked returns a secret as Duo's v3 handlers show it: 36 "*" and its last
// 4 characters.
func masked(secret string) string {
	return strings.Repeat("*", len(secret)-4) + secret[len(secret)-4:]
}

// served returns in as v3 sends it: secrets masked, lists [] rather than
// null. The caller's SSO is not modified.
func (in Integration) served() Integration {
	in.SecretKey = masked(in.SecretKey)
	if in.GroupsAllowed == nil {
		in.GroupsAllowed = []string{}
	}
	if in.IPWhitelist == nil {
		in.IPWhitelist = []string{}
	}
	if in.SSO != nil && in.SSO.OIDC != nil {
		oidc := *in.SSO.OIDC
		oidc.ClientSecret = masked(oidc.ClientSecret)
		in.SSO = &SSO{OIDC: &oidc, SAML: in.SSO.SAML}
	}
	return in
}

// check reports what Duo would never send: secrets of the wrong length,
// fields present where the doc says they are absent.
func (in *Integration) check() error {
	fail := func(format string, args ...any) error {
		return fmt.Errorf("fakeduo: integration %q: "+format, append([]any{in.IntegrationKey}, args...)...)
	}
	if len(in.SecretKey) != secretLength {
		return fail("secret_key has %d characters, want %d", len(in.SecretKey), secretLength)
	}
	if in.SSO != nil && in.SSO.OIDC != nil && len(in.SSO.OIDC.ClientSecret) != secretLength {
		return fail("the OIDC client_secret has %d characters, want %d", len(in.SSO.OIDC.ClientSecret), secretLength)
	}
	if in.PromptV4Enabled != nil && (in.FramelessAuthPromptEnabled == nil || *in.FramelessAuthPromptEnabled != 1) {
		return fail("prompt_v4_enabled is only sent when frameless_auth_prompt_enabled is 1")
	}
	if in.NetworksForAPIAccess != nil && in.Type != "adminapi" && in.Type != "accountsapi" {
		return fail("networks_for_api_access is only sent on adminapi and accountsapi integrations, not %s", in.Type)
	}
	return nil
}

// secretKeyAnswer is the answer of GET .../skey.
type secretKeyAnswer struct {
	SecretKey string `json:"secret_key"`
}

// integrationIndex is the integrations, with each one's /skey answer, and
// that answer masked for Faults.MaskedSecretKeys.
type integrationIndex struct {
	collection
	secretKeys, maskedSecretKeys [][]byte
}

func indexIntegrations(integrations []Integration) (integrationIndex, error) {
	for i := range integrations {
		if err := integrations[i].check(); err != nil {
			return integrationIndex{}, err
		}
	}
	key := func(i int) string { return integrations[i].IntegrationKey }
	encoded, err := newCollection("integration_key", len(integrations), key,
		marshalEach(func(i int) any { return integrations[i].served() }), nil)
	if err != nil {
		return integrationIndex{}, err
	}
	secretKeys, err := encodeEach("integration_key", len(integrations), key,
		marshalEach(func(i int) any { return secretKeyAnswer{integrations[i].SecretKey} }))
	if err != nil {
		return integrationIndex{}, err
	}
	maskedSecretKeys, err := encodeEach("integration_key", len(integrations), key,
		marshalEach(func(i int) any { return secretKeyAnswer{masked(integrations[i].SecretKey)} }))
	return integrationIndex{encoded, secretKeys, maskedSecretKeys}, err
}

func (s *Server) getSecretKey(snap *snapshot, w http.ResponseWriter, ikey string) {
	i, ok := snap.integrations.byID[ikey]
	if !ok {
		s.writeError(w, errNotFound("integration_key"))
		return
	}
	if s.faults.faults.MaskedSecretKeys {
		writeObject(w, snap.integrations.maskedSecretKeys[i])
		return
	}
	writeObject(w, snap.integrations.secretKeys[i])
}
