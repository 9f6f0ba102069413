package duo

import (
	"context"
	"encoding/json"
	"fmt"
	"net/url"
	"strings"
)

// Integration is a Duo integration (an application Duo protects) as the
// Admin API's v3 handlers return it, without its secrets: Duo sends a
// masked secret_key, which is not decoded, and the client secrets inside
// sso are removed. SecretKey reads the full key when a caller asks.
type Integration struct {
	IntegrationKey                *string      `json:"integration_key"`
	Name                          *string      `json:"name"`
	Type                          *string      `json:"type"`
	Notes                         *string      `json:"notes"`
	Greeting                      *string      `json:"greeting"`
	EnrollPolicy                  *string      `json:"enroll_policy"`
	UserAccess                    *string      `json:"user_access"`
	GroupsAllowed                 []string     `json:"groups_allowed"`
	IPWhitelist                   []string     `json:"ip_whitelist"`
	IPWhitelistEnrollPolicy       *string      `json:"ip_whitelist_enroll_policy"`
	NetworksForAPIAccess          *string      `json:"networks_for_api_access"`
	PolicyKey                     *string      `json:"policy_key"`
	UsernameNormalizationPolicy   *string      `json:"username_normalization_policy"`
	SelfServiceAllowed            *FlexInt     `json:"self_service_allowed"`
	FramelessAuthPromptEnabled    *FlexInt     `json:"frameless_auth_prompt_enabled"`
	PromptV4Enabled               *FlexInt     `json:"prompt_v4_enabled"`
	TrustedDeviceDays             *FlexInt     `json:"trusted_device_days"`
	WebReferersEnabled            *FlexInt     `json:"web_referers_enabled"`
	MissingWebRefererPolicy       *string      `json:"missing_web_referer_policy"`
	AdminAPIAdmins                *FlexInt     `json:"adminapi_admins"`
	AdminAPIAdminsRead            *FlexInt     `json:"adminapi_admins_read"`
	AdminAPIAllowToSetPermissions *FlexInt     `json:"adminapi_allow_to_set_permissions"`
	AdminAPIInfo                  *FlexInt     `json:"adminapi_info"`
	AdminAPIIntegrations          *FlexInt     `json:"adminapi_integrations"`
	AdminAPIReadLog               *FlexInt     `json:"adminapi_read_log"`
	AdminAPIReadResource          *FlexInt     `json:"adminapi_read_resource"`
	AdminAPISettings              *FlexInt     `json:"adminapi_settings"`
	AdminAPIWriteResource         *FlexInt     `json:"adminapi_write_resource"`
	SSO                           *SSOSettings `json:"sso"`
}

// SSOSettings are an SSO integration's settings as JSON, whose shape
// depends on the kind of SSO, with every secret in them removed.
type SSOSettings struct {
	JSON string
}

func (s *SSOSettings) UnmarshalJSON(data []byte) error {
	var settings any
	if err := json.Unmarshal(data, &settings); err != nil {
		return err
	}
	cleaned, err := json.Marshal(withoutSecrets(settings))
	if err != nil {
		return err
	}
	s.JSON = string(cleaned)
	return nil
}

// withoutSecrets returns v without the members whose names say they hold a
// secret (client_secret, secret_key, ...), at any depth.
func withoutSecrets(v any) any {
	switch v := v.(type) {
	case map[string]any:
		for name, member := range v {
			if strings.Contains(strings.ToLower(name), "secret") {
				delete(v, name)
				continue
			}
			v[name] = withoutSecrets(member)
		}
	case []any:
		for i := range v {
			v[i] = withoutSecrets(v[i])
		}
	}
	return v
}

// MaxIntegrationPageSize is the largest page of integrations the Admin API
// serves, as recalled from Duo's documentation; the listing adapts to
// smaller pages.
const MaxIntegrationPageSize = 300

var integrationsAPI = endpoint[Integration]{
	path: "/admin/v3/integrations", what: "integrations", pageSize: MaxIntegrationPageSize,
	permission: permissionApplications, id: func(i *Integration) *string { return i.IntegrationKey },
}

// StreamIntegrations sends every integration, in Duo's order, to sink.
func (c *Client) StreamIntegrations(ctx context.Context, sink PageSink[Integration]) error {
	return integrationsAPI.stream(ctx, c, nil, sink)
}

// GetIntegration returns the integration with the given integration key;
// IsNotFound(err) tells when there is none.
func (c *Client) GetIntegration(ctx context.Context, integrationKey string) (*Integration, error) {
	return integrationsAPI.get(ctx, c, integrationKey)
}

// SecretKey returns the full secret key of the integration with the given
// integration key, which only Duo's "Retrieve Secret Key" endpoint sends.
// It is a secret: callers must keep it out of logs and errors.
func (c *Client) SecretKey(ctx context.Context, integrationKey string) (string, error) {
	path := "/admin/v1/integrations/" + url.PathEscape(integrationKey) + "/skey"
	answer, err := getObject[struct {
		SecretKey *string `json:"secret_key"`
	}](ctx, c, path, permissionApplications)
	if err != nil {
		return "", err
	}
	if answer.SecretKey == nil || *answer.SecretKey == "" || strings.Contains(*answer.SecretKey, "*") {
		return "", fmt.Errorf("Duo answered GET %s without a full secret key", path)
	}
	return *answer.SecretKey, nil
}
