package provider

import (
	"context"
	"errors"
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/idaudit/terraform-provider-duo/internal/duo"
	"github.com/idaudit/terraform-provider-duo/internal/fakeduo"
)

func TestAccIntegrationDataSource_secretKeyOnlyWhenAsked(t *testing.T) {
	env := newAccEnv(t, fakeduo.Options{})
	integrations := env.rawList(t, "/admin/v3/integrations", duo.MaxIntegrationPageSize, nil)
	if len(integrations) == 0 {
		t.Skip("the account has no integrations")
	}
	key := integrations[len(integrations)-1]["integration_key"].(string)
	raw := env.rawObject(t, "/admin/v3/integrations/"+key)
	secretKey := env.rawObject(t, "/admin/v1/integrations/"+key+"/skey")["secret_key"].(string)
	masked := raw["secret_key"].(string)
	if secretKey == masked || len(secretKey) != 40 {
		t.Fatalf("Duo's /skey sent no full key (%d characters)", len(secretKey))
	}
	want := asStateIntegration(raw)
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		Steps: []resource.TestStep{{
			Config: env.config(fmt.Sprintf(`
data "duo_integration" "without_key" {
  integration_key = %[1]q
}
data "duo_integration" "with_key" {
  integration_key    = %[1]q
  include_secret_key = true
}
`, key)),
			ConfigStateChecks: []statecheck.StateCheck{
				expectUser("data.duo_integration.without_key", with(want, map[string]any{"include_secret_key": nil, "secret_key": nil})),
				noSecretsIn("data.duo_integration.without_key", secretKey, masked),
				expectUser("data.duo_integration.with_key", with(want, map[string]any{"include_secret_key": true, "secret_key": secretKey})),
				statecheck.ExpectSensitiveValue("data.duo_integration.with_key", tfjsonpath.New("secret_key")),
				// The check above finds a secret where there is one.
				expectCheckFails(noSecretsIn("data.duo_integration.with_key", secretKey)),
			},
		}},
	})
}

func TestAccIntegrationDataSource_notFound(t *testing.T) {
	env := newAccEnv(t, fakeduo.Options{})
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		Steps: []resource.TestStep{
			{
				Config:      env.config(`data "duo_integration" "x" { integration_key = "DINOSUCHINTEGRATION0" }`),
				ExpectError: regexp.MustCompile(`(?s)Duo integration not found.*No Duo integration has the integration key\s+"DINOSUCHINTEGRATION0".*duo_integrations`),
			},
			{
				Config:      env.config(`data "duo_integration" "x" {}`),
				ExpectError: regexp.MustCompile(`(?s)The argument "integration_key" is required`),
			},
		},
	})
}

// TestAccIntegrationDataSource_secretKeyNeverLogged reads a secret key with
// trace logging on and looks for it in the log.
func TestAccIntegrationDataSource_secretKeyNeverLogged(t *testing.T) {
	env := newSerialAccEnv(t, fakeduo.Options{})
	env.requireFake(t)
	integration := fakeduo.SampleAccount().Integrations[0]
	log := traceLog(t, env, fmt.Sprintf(`
data "duo_integration" "x" {
  integration_key    = %q
  include_secret_key = true
}
`, integration.IntegrationKey))
	if !strings.Contains(log, "/skey") {
		t.Fatal("the log does not show the secret key being read, so it proves nothing")
	}
	for _, secret := range []string{integration.SecretKey, integration.SecretKey[:20], integration.SecretKey[20:]} {
		if strings.Contains(log, secret) {
			t.Fatalf("the log holds the integration's secret key (or half of it)")
		}
	}
}

// expectCheckFails passes when check fails, to prove that a check can fail.
func expectCheckFails(check statecheck.StateCheck) statecheck.StateCheck {
	return failingCheck{check}
}

type failingCheck struct {
	check statecheck.StateCheck
}

func (c failingCheck) CheckState(ctx context.Context, req statecheck.CheckStateRequest, resp *statecheck.CheckStateResponse) {
	c.check.CheckState(ctx, req, resp)
	if resp.Error == nil {
		resp.Error = errors.New("the check passed where it must fail")
		return
	}
	resp.Error = nil
}
