package provider

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"

	"github.com/idaudit/terraform-provider-duo/internal/duo"
	"github.com/idaudit/terraform-provider-duo/internal/fakeduo"
)

// asStateIntegration is an integration as the state must hold it: without
// secret_key, and with sso as JSON without its secrets. It is written
// independently of the provider's own stripping.
func asStateIntegration(integration map[string]any) map[string]any {
	out := map[string]any{}
	for key, value := range integration {
		out[key] = value
	}
	delete(out, "secret_key")
	if sso, ok := out["sso"]; ok && sso != nil {
		var strip func(any) any
		strip = func(v any) any {
			switch v := v.(type) {
			case map[string]any:
				kept := map[string]any{}
				for key, member := range v {
					if !strings.Contains(strings.ToLower(key), "secret") {
						kept[key] = strip(member)
					}
				}
				return kept
			case []any:
				kept := make([]any, len(v))
				for i, member := range v {
					kept[i] = strip(member)
				}
				return kept
			}
			return v
		}
		out["sso"] = mustJSON(strip(sso))
	}
	return out
}

func TestAccIntegrationsDataSource_everyIntegrationWithoutSecrets(t *testing.T) {
	env := newAccEnv(t, largeAccount())
	testListing(t, env, "integrations", "/admin/v3/integrations", duo.MaxIntegrationPageSize, asStateIntegration)
}

// noSecretsIn fails when the state of the data source at address holds an
// attribute named like a secret with a value, or any of the values.
func noSecretsIn(address string, values ...string) statecheck.StateCheck {
	return attributeValuesCheck{address: address, check: func(attributes map[string]any) error {
		state := mustJSON(attributes)
		for _, value := range values {
			if value != "" && strings.Contains(state, value) {
				return fmt.Errorf("the state holds the secret ...%s", value[len(value)-4:])
			}
		}
		var walk func(path string, v any) error
		walk = func(path string, v any) error {
			switch v := v.(type) {
			case map[string]any:
				for key, member := range v {
					if strings.Contains(strings.ToLower(key), "secret") && member != nil {
						return fmt.Errorf("the state holds %s.%s", path, key)
					}
					if err := walk(path+"."+key, member); err != nil {
						return err
					}
				}
			case []any:
				for i, member := range v {
					if err := walk(fmt.Sprintf("%s[%d]", path, i), member); err != nil {
						return err
					}
				}
			case string:
				// sso is JSON in a string.
				var decoded any
				if json.Unmarshal([]byte(v), &decoded) == nil {
					return walk(path, decoded)
				}
			}
			return nil
		}
		return walk(address, attributes)
	}}
}

func TestAccIntegrationsDataSource_sampleAccount(t *testing.T) {
	env := newAccEnv(t, fakeduo.Options{})
	env.requireFake(t)
	var secrets []string
	for _, integration := range fakeduo.SampleAccount().Integrations {
		secrets = append(secrets, integration.SecretKey, strings.Repeat("*", 36)+integration.SecretKey[36:])
		if integration.SSO != nil && integration.SSO.OIDC != nil {
			secrets = append(secrets, integration.SSO.OIDC.ClientSecret)
		}
	}
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		Steps: []resource.TestStep{{
			Config: env.config(`data "duo_integrations" "all" {}`),
			ConfigStateChecks: []statecheck.StateCheck{
				noSecretsIn("data.duo_integrations.all", secrets...),
				statecheck.ExpectKnownValue("data.duo_integrations.all", itemAt("integrations", 0, "adminapi_write_resource"), knownvalue.Int64Exact(1)),
				statecheck.ExpectKnownValue("data.duo_integrations.all", itemAt("integrations", 1, "adminapi_write_resource"), knownvalue.Int64Exact(0)),
				statecheck.ExpectKnownValue("data.duo_integrations.all", itemAt("integrations", 1, "notes"), knownvalue.StringExact("")),
				statecheck.ExpectKnownValue("data.duo_integrations.all", itemAt("integrations", 2, "sso"), knownvalue.Null()),
				statecheck.ExpectKnownValue("data.duo_integrations.all", itemAt("integrations", 2, "frameless_auth_prompt_enabled"), knownvalue.Null()),
				statecheck.ExpectKnownValue("data.duo_integrations.all", itemAt("integrations", 4, "prompt_v4_enabled"), knownvalue.Null()),
				statecheck.ExpectKnownValue("data.duo_integrations.all", itemAt("integrations", 5, "name"), knownvalue.StringExact("Zeiterfassung – Büro 東京")),
			},
		}},
	})
}
