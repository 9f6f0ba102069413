package provider

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/idaudit/terraform-provider-duo/internal/duo"
	"github.com/idaudit/terraform-provider-duo/internal/fakeduo"
)

func TestAccBypassCodesDataSource_everyCodeWithItsHolder(t *testing.T) {
	env := newAccEnv(t, largeAccount())
	testListing(t, env, "bypass_codes", "/admin/v1/bypass_codes", duo.MaxBypassCodePageSize, nil)
}

func TestAccBypassCodesDataSource_sampleAccount(t *testing.T) {
	env := newAccEnv(t, fakeduo.Options{})
	env.requireFake(t)
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		Steps: []resource.TestStep{{
			Config: env.config(`data "duo_bypass_codes" "all" {}`),
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue("data.duo_bypass_codes.all", tfjsonpath.New("bypass_codes"), knownvalue.ListSizeExact(4)),
				statecheck.ExpectKnownValue("data.duo_bypass_codes.all", itemAt("bypass_codes", 1, "expiration"), knownvalue.Null()),
				statecheck.ExpectKnownValue("data.duo_bypass_codes.all", itemAt("bypass_codes", 1, "reuse_count"), knownvalue.Int64Exact(0)),
				statecheck.ExpectKnownValue("data.duo_bypass_codes.all", itemAt("bypass_codes", 1, "user").AtMapKey("username"), knownvalue.StringExact("zoe.nunez")),
				statecheck.ExpectKnownValue("data.duo_bypass_codes.all", itemAt("bypass_codes", 2, "admin_email"), knownvalue.StringExact("")),
				statecheck.ExpectKnownValue("data.duo_bypass_codes.all", itemAt("bypass_codes", 3, "user").AtMapKey("user_id"), knownvalue.StringExact("DUSAMPLE000000000001")),
			},
		}},
	})
}
