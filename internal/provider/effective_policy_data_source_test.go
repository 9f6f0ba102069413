package provider

import (
	"fmt"
	"net/url"
	"regexp"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/idaudit/terraform-provider-duo/internal/duo"
	"github.com/idaudit/terraform-provider-duo/internal/fakeduo"
)

// TestAccEffectivePolicyDataSource_asDuoCalculates reads the policy of the
// first user in the first integration, by username and by user ID, as
// Duo's calculate answers it.
func TestAccEffectivePolicyDataSource_asDuoCalculates(t *testing.T) {
	env := newAccEnv(t, fakeduo.Options{})
	users := env.rawUsers(t, nil)
	integrations := env.rawList(t, "/admin/v3/integrations", duo.MaxIntegrationPageSize, nil)
	if len(users) == 0 || len(integrations) == 0 {
		t.Skip("the account needs a user and an integration")
	}
	user, integrationKey := users[0], integrations[0]["integration_key"].(string)
	calculated := env.rawObjectWith(t, "/admin/v2/policies/calculate", url.Values{"integration_key": {integrationKey}, "user_id": {user["user_id"].(string)}})
	want := map[string]any{
		"user_id": user["user_id"], "username": user["username"], "integration_key": integrationKey,
		"sections": calculated["sections"], "sections_json": sectionsJSON(t, calculated["sections"]), "policy_elements": calculated["policy_elements"],
	}
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		Steps: []resource.TestStep{{
			Config: env.config(fmt.Sprintf(`
data "duo_effective_policy" "by_username" {
  username        = %[1]q
  integration_key = %[3]q
}
data "duo_effective_policy" "by_user_id" {
  user_id         = %[2]q
  integration_key = %[3]q
}
`, user["username"], user["user_id"], integrationKey)),
			ConfigStateChecks: []statecheck.StateCheck{
				expectUser("data.duo_effective_policy.by_username", want),
				expectUser("data.duo_effective_policy.by_user_id", want),
			},
		}},
	})
}

// TestAccEffectivePolicyDataSource_sampleAccount: a custom policy's
// sections replace the global policy's section by section, and a policy
// applied to a group within the application comes before the
// application's own.
func TestAccEffectivePolicyDataSource_sampleAccount(t *testing.T) {
	env := newAccEnv(t, fakeduo.Options{})
	env.requireFake(t)
	sections := tfjsonpath.New("sections")
	elements := tfjsonpath.New("policy_elements")
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		Steps: []resource.TestStep{{
			Config: env.config(`
# VPN (Auth API): its own policy, "VPN – strict".
data "duo_effective_policy" "jsmith_vpn" {
  user_id         = "DUSAMPLE000000000001"
  integration_key = "DISAMPLE000000000003"
}
# svc-backup is in Break-glass, whose policy applies within the VPN.
data "duo_effective_policy" "svc_backup_vpn" {
  username        = "svc-backup"
  integration_key = "DISAMPLE000000000003"
}
# Expense Portal follows the global policy.
data "duo_effective_policy" "jsmith_expenses" {
  username        = "john.smith" # an alias of jsmith
  integration_key = "DISAMPLE000000000005"
}
`),
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue("data.duo_effective_policy.jsmith_vpn", tfjsonpath.New("username"), knownvalue.StringExact("jsmith")),
				statecheck.ExpectKnownValue("data.duo_effective_policy.jsmith_vpn", sections, knownvalue.MapSizeExact(18)),
				statecheck.ExpectKnownValue("data.duo_effective_policy.jsmith_vpn", sections.AtMapKey("authentication_methods").AtMapKey("blocked_auth_list"),
					knownvalue.ListExact([]knownvalue.Check{knownvalue.StringExact("phonecall"), knownvalue.StringExact("sms")})),
				statecheck.ExpectKnownValue("data.duo_effective_policy.jsmith_vpn", sections.AtMapKey("new_user").AtMapKey("new_user_behavior"), knownvalue.StringExact("allow")),
				statecheck.ExpectKnownValue("data.duo_effective_policy.jsmith_vpn", elements.AtMapKey("authentication_methods").AtMapKey("policy_key"), knownvalue.StringExact("POSAMPLE000000000001")),
				statecheck.ExpectKnownValue("data.duo_effective_policy.jsmith_vpn", elements.AtMapKey("new_user").AtMapKey("policy_key"), knownvalue.StringExact("POSAMPLE000000000000")),
				statecheck.ExpectKnownValue("data.duo_effective_policy.svc_backup_vpn", tfjsonpath.New("user_id"), knownvalue.StringExact("DUSAMPLE000000000007")),
				statecheck.ExpectKnownValue("data.duo_effective_policy.svc_backup_vpn", sections.AtMapKey("authentication_policy").AtMapKey("user_auth_behavior"), knownvalue.StringExact("bypass")),
				statecheck.ExpectKnownValue("data.duo_effective_policy.svc_backup_vpn", sections.AtMapKey("authentication_methods").AtMapKey("blocked_auth_list"), knownvalue.ListSizeExact(0)),
				statecheck.ExpectKnownValue("data.duo_effective_policy.jsmith_expenses", tfjsonpath.New("username"), knownvalue.StringExact("jsmith")),
				statecheck.ExpectKnownValue("data.duo_effective_policy.jsmith_expenses", sections.AtMapKey("tampered_devices").AtMapKey("block_tampered_devices"), knownvalue.Bool(false)),
				statecheck.ExpectKnownValue("data.duo_effective_policy.jsmith_expenses", elements.AtMapKey("tampered_devices").AtMapKey("policy_name"), knownvalue.StringExact("Global Policy")),
			},
		}},
	})
}

func TestAccEffectivePolicyDataSource_notFound(t *testing.T) {
	env := newAccEnv(t, fakeduo.Options{})
	env.requireFake(t)
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		Steps: []resource.TestStep{
			{
				Config: env.config(`data "duo_effective_policy" "x" {
  username        = "nobody.here"
  integration_key = "DISAMPLE000000000003"
}`),
				ExpectError: regexp.MustCompile(`(?s)Duo user's policy not found.*username.*No Duo user has the username or alias\s+"nobody.here"`),
			},
			{
				Config: env.config(`data "duo_effective_policy" "x" {
  user_id         = "DUNOSUCHUSER00000000"
  integration_key = "DISAMPLE000000000003"
}`),
				ExpectError: regexp.MustCompile(`(?s)user_id.*No Duo user has the ID\s+"DUNOSUCHUSER00000000"`),
			},
			{
				Config: env.config(`data "duo_effective_policy" "x" {
  username        = "jsmith"
  integration_key = "DINOSUCHINTEGRATION0"
}`),
				ExpectError: regexp.MustCompile(`(?s)Duo integration not found.*integration_key.*no application with the integration key\s+"DINOSUCHINTEGRATION0".*duo_integrations`),
			},
			{
				Config:      env.config(`data "duo_effective_policy" "x" { username = "jsmith" }`),
				ExpectError: regexp.MustCompile(`(?s)The argument "integration_key" is required`),
			},
		},
	})
}
