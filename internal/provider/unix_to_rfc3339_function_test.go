package provider

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfversion"

	"github.com/idaudit/terraform-provider-duo/internal/fakeduo"
)

func TestAccUnixToRFC3339Function(t *testing.T) {
	env := newAccEnv(t, fakeduo.Options{})
	env.requireFake(t)
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		TerraformVersionChecks:   []tfversion.TerraformVersionCheck{skipWithout(providerFunctions)},
		Steps: []resource.TestStep{{
			Config: env.config(`
data "duo_user" "jsmith" {
  username = "jsmith"
}
data "duo_user" "never_logged_in" {
  username = "svc-backup"
}
output "epoch" {
  value = provider::duo::unix_to_rfc3339(0)
}
output "before_the_epoch" {
  value = provider::duo::unix_to_rfc3339(-1)
}
output "last_login" {
  value = provider::duo::unix_to_rfc3339(data.duo_user.jsmith.last_login)
}
output "never" {
  value = provider::duo::unix_to_rfc3339(data.duo_user.never_logged_in.last_login) == null
}
output "comparable" {
  value = timecmp(provider::duo::unix_to_rfc3339(data.duo_user.jsmith.last_login), "2024-01-01T00:00:00Z")
}
output "formatted" {
  value = formatdate("D MMM YYYY", provider::duo::unix_to_rfc3339(data.duo_user.jsmith.created))
}
`),
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownOutputValue("epoch", knownvalue.StringExact("1970-01-01T00:00:00Z")),
				statecheck.ExpectKnownOutputValue("before_the_epoch", knownvalue.StringExact("1969-12-31T23:59:59Z")),
				statecheck.ExpectKnownOutputValue("last_login", knownvalue.StringExact("2024-06-01T12:00:00Z")),
				statecheck.ExpectKnownOutputValue("never", knownvalue.Bool(true)),
				statecheck.ExpectKnownOutputValue("comparable", knownvalue.Int64Exact(1)),
				statecheck.ExpectKnownOutputValue("formatted", knownvalue.StringExact("1 Jan 2020")),
			},
		}},
	})
}
