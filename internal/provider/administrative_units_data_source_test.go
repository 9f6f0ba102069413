package provider

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"

	"github.com/idaudit/terraform-provider-duo/internal/duo"
	"github.com/idaudit/terraform-provider-duo/internal/fakeduo"
)

// Duo's listing leaves out each unit's administrators, groups and
// integrations: the state holds the unit as a read by ID returns it.
func TestAccAdministrativeUnitsDataSource_everyUnitWithItsMembers(t *testing.T) {
	env := newAccEnv(t, largeAccount())
	testListing(t, env, "administrative_units", "/admin/v1/administrative_units", duo.MaxAdministrativeUnitPageSize, func(unit map[string]any) map[string]any {
		return env.rawObject(t, "/admin/v1/administrative_units/"+unit["admin_unit_id"].(string))
	})
}

func TestAccAdministrativeUnitsDataSource_sampleAccount(t *testing.T) {
	env := newAccEnv(t, fakeduo.Options{})
	env.requireFake(t)
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		Steps: []resource.TestStep{{
			Config: env.config(`data "duo_administrative_units" "all" {}`),
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue("data.duo_administrative_units.all", itemAt("administrative_units", 0, "admins"), knownvalue.ListExact([]knownvalue.Check{
					knownvalue.StringExact("DESAMPLE000000000003"), knownvalue.StringExact("DESAMPLE000000000007"),
				})),
				statecheck.ExpectKnownValue("data.duo_administrative_units.all", itemAt("administrative_units", 1, "description"), knownvalue.StringExact("")),
				statecheck.ExpectKnownValue("data.duo_administrative_units.all", itemAt("administrative_units", 1, "integrations"), knownvalue.ListExact([]knownvalue.Check{knownvalue.StringExact("DISAMPLE000000000005")})),
				statecheck.ExpectKnownValue("data.duo_administrative_units.all", itemAt("administrative_units", 2, "name"), knownvalue.StringExact("Régions Europe")),
				statecheck.ExpectKnownValue("data.duo_administrative_units.all", itemAt("administrative_units", 2, "groups"), knownvalue.ListSizeExact(0)),
			},
		}},
	})
}
