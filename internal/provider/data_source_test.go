package provider

import (
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"

	"github.com/idaudit/terraform-provider-duo/internal/fakeduo"
)

// TestAccDataSources_missingPermission reads each data source from an
// Admin API application that lacks its permission: the diagnostic names
// the permission to grant, not only Duo's status code.
func TestAccDataSources_missingPermission(t *testing.T) {
	runInParallel(t)
	for _, tc := range []struct {
		denied, config, summary, permission string
	}{
		{"/admin/v1/users", `data "duo_users" "x" {}`, `Unable to list Duo users`, `"Grant read resource"`},
		{"/admin/v1/users", `data "duo_user" "x" { username = "jsmith" }`, `Unable to read the Duo user`, `"Grant read resource"`},
		{"/admin/v1/groups", `data "duo_groups" "x" {}`, `Unable to list Duo groups`, `"Grant read resource"`},
		{"/admin/v1/admins", `data "duo_admins" "x" {}`, `Unable to list Duo administrators`, `"Grant administrators - Read"`},
		{"/admin/v1/admins", `data "duo_admin" "x" { admin_id = "DESAMPLE000000000001" }`, `Unable to read the Duo administrator`, `"Grant administrators - Read"`},
		{"/admin/v1/administrative_units", `data "duo_administrative_units" "x" {}`, `Unable to list Duo administrative units`, `"Grant administrators - Read"`},
		{"/admin/v3/integrations", `data "duo_integrations" "x" {}`, `Unable to list Duo integrations`, `"Grant applications"`},
		{"/admin/v1/integrations", `data "duo_integration" "x" {
  integration_key    = "DISAMPLE000000000001"
  include_secret_key = true
}`, `Unable to read the Duo integration`, `"Grant applications"`},
		{"/admin/v1/phones", `data "duo_phones" "x" {}`, `Unable to list Duo phones`, `"Grant read resource"`},
		{"/admin/v1/tokens", `data "duo_tokens" "x" {}`, `Unable to list Duo hardware tokens`, `"Grant read resource"`},
		{"/admin/v1/bypass_codes", `data "duo_bypass_codes" "x" {}`, `Unable to list Duo bypass codes`, `"Grant read resource"`},
		{"/admin/v1/webauthncredentials", `data "duo_webauthn_credentials" "x" {}`, `Unable to list Duo WebAuthn credentials`, `"Grant read resource"`},
		{"/admin/v1/endpoints", `data "duo_endpoints" "x" {}`, `Unable to list Duo endpoints`, `"Grant read resource"`},
		{"/admin/v1/desktop_authenticators", `data "duo_desktop_authenticators" "x" {}`, `Unable to list Duo desktop authenticators`, `"Grant read resource"`},
		{"/admin/v1/settings", `data "duo_settings" "x" {}`, `Unable to read the Duo account settings`, `"Grant settings"`},
		{"/admin/v1/info/summary", `data "duo_account_summary" "x" {}`, `Unable to read the Duo account summary`, `"Grant read information"`},
		{"/admin/v2/policies", `data "duo_policies" "x" {}`, `Unable to list Duo policies`, `"Grant read resource"`},
		{"/admin/v2/policies", `data "duo_policy" "x" { global = true }`, `Unable to read the Duo policy`, `"Grant read resource"`},
		{"/admin/v2/policies/summary", `data "duo_policy" "x" { policy_key = "POSAMPLE000000000001" }`, `Unable to read the Duo policy`, `"Grant read resource"`},
		{"/admin/v2/policies/calculate", `data "duo_effective_policy" "x" {
  username        = "jsmith"
  integration_key = "DISAMPLE000000000003"
}`, `Unable to read the Duo user's policy`, `"Grant read resource"`},
	} {
		t.Run(strings.Fields(tc.config)[1], func(t *testing.T) {
			env := newAccEnv(t, fakeduo.Options{Denied: []string{tc.denied}})
			env.requireFake(t)
			resource.Test(t, resource.TestCase{
				ProtoV6ProviderFactories: testAccProviders,
				Steps: []resource.TestStep{{
					Config: env.config(tc.config),
					// Terraform wraps the diagnostic's lines where it likes.
					ExpectError: regexp.MustCompile(strings.ReplaceAll(fmt.Sprintf(`(?s)%s.*HTTP 403, code 40301.*Duo Admin Panel.*grant it %s`, tc.summary, tc.permission), " ", `\s+`)),
				}},
			})
		})
	}
}
