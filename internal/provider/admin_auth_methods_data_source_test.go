package provider

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/idaudit/terraform-provider-duo/internal/fakeduo"
)

const adminAuthMethodsPath = "/admin/v1/admins/allowed_auth_methods"

// TestAccAdminAuthMethodsDataSource reads the login methods as Duo sends
// them; the sample sends the flags in every form Duo's sources show (true,
// 1, "True" and their opposites), the generated account as booleans.
func TestAccAdminAuthMethodsDataSource(t *testing.T) {
	env := newAccEnv(t, fakeduo.Options{})
	config := `
data "duo_admin_auth_methods" "admins" {}
output "phishable" {
  value = data.duo_admin_auth_methods.admins.sms_enabled || data.duo_admin_auth_methods.admins.voice_enabled
}
`
	address := "data.duo_admin_auth_methods.admins"
	checks := []statecheck.StateCheck{expectUser(address, env.rawObject(t, adminAuthMethodsPath))}
	if env.fake == nil {
		resource.Test(t, resource.TestCase{ProtoV6ProviderFactories: testAccProviders, Steps: []resource.TestStep{{Config: env.config(config), ConfigStateChecks: checks}}})
		return
	}
	generated := newAccEnv(t, fakeduo.Options{Users: fakeduo.GeneratedUsers(10)})
	flag := func(name string, want bool) statecheck.StateCheck {
		return statecheck.ExpectKnownValue(address, tfjsonpath.New(name), knownvalue.Bool(want))
	}
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		Steps: []resource.TestStep{
			{
				Config: env.config(config),
				ConfigStateChecks: append(checks,
					flag("push_enabled", true), flag("sms_enabled", true), flag("voice_enabled", false), flag("mobile_otp_enabled", true),
					flag("yubikey_enabled", false), flag("hardware_token_enabled", false), flag("webauthn_enabled", true), flag("verified_push_enabled", true),
					statecheck.ExpectKnownValue(address, tfjsonpath.New("verified_push_length"), knownvalue.Int64Exact(6)),
					statecheck.ExpectKnownOutputValue("phishable", knownvalue.Bool(true)),
				),
			},
			{
				Config: generated.config(config),
				ConfigStateChecks: []statecheck.StateCheck{
					expectUser(address, generated.rawObject(t, adminAuthMethodsPath)),
					flag("sms_enabled", false), flag("yubikey_enabled", true),
					statecheck.ExpectKnownOutputValue("phishable", knownvalue.Bool(false)),
				},
			},
		},
	})
}

func TestAccAdminAuthMethodsDataSource_missingPermission(t *testing.T) {
	env := newAccEnv(t, fakeduo.Options{Grants: &fakeduo.Grants{ReadResource: true, ReadLog: true}})
	env.requireFake(t)
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		Steps: []resource.TestStep{{
			Config:      env.config(`data "duo_admin_auth_methods" "admins" {}`),
			ExpectError: errorText(`(?s)Unable to read the Duo administrators' login methods.*GET /admin/v1/admins/allowed_auth_methods with HTTP 403, code 40301.*grant it "Grant administrators - Read"`),
		}},
	})
}
