package provider

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"

	"github.com/idaudit/terraform-provider-duo/internal/duo"
	"github.com/idaudit/terraform-provider-duo/internal/fakeduo"
)

func TestAccAdminsDataSource_everyAdministratorOnEveryPage(t *testing.T) {
	env := newAccEnv(t, largeAccount())
	testListing(t, env, "admins", "/admin/v1/admins", duo.MaxAdminPageSize, nil)
}

func TestAccAdminsDataSource_sampleAccount(t *testing.T) {
	env := newAccEnv(t, fakeduo.Options{})
	env.requireFake(t)
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		Steps: []resource.TestStep{{
			Config: env.config(`data "duo_admins" "all" {}`),
			ConfigStateChecks: []statecheck.StateCheck{
				expectObjects("data.duo_admins.all", "admins", env.rawList(t, "/admin/v1/admins", duo.MaxAdminPageSize, nil)),
				// Written out, so that a mistake shared by the fake's JSON and
				// the provider cannot pass unseen.
				statecheck.ExpectKnownValue("data.duo_admins.all", itemAt("admins", 0, "role"), knownvalue.StringExact("Owner")),
				statecheck.ExpectKnownValue("data.duo_admins.all", itemAt("admins", 0, "hardtoken"), knownvalue.Null()),
				statecheck.ExpectKnownValue("data.duo_admins.all", itemAt("admins", 1, "name"), knownvalue.StringExact("Björn Ødegård")),
				statecheck.ExpectKnownValue("data.duo_admins.all", itemAt("admins", 1, "created"), knownvalue.Null()),
				statecheck.ExpectKnownValue("data.duo_admins.all", itemAt("admins", 1, "phone"), knownvalue.Null()),
				statecheck.ExpectKnownValue("data.duo_admins.all", itemAt("admins", 2, "hardtoken").AtMapKey("serial"), knownvalue.StringExact("700001")),
				statecheck.ExpectKnownValue("data.duo_admins.all", itemAt("admins", 2, "admin_units"), knownvalue.ListExact([]knownvalue.Check{knownvalue.StringExact("DASAMPLE000000000001")})),
				statecheck.ExpectKnownValue("data.duo_admins.all", itemAt("admins", 4, "status"), knownvalue.StringExact("Expired")),
				statecheck.ExpectKnownValue("data.duo_admins.all", itemAt("admins", 5, "last_login"), knownvalue.Null()),
				statecheck.ExpectKnownValue("data.duo_admins.all", itemAt("admins", 7, "role"), knownvalue.Null()),
				statecheck.ExpectKnownValue("data.duo_admins.all", itemAt("admins", 7, "phone"), knownvalue.StringExact("")),
				statecheck.ExpectKnownValue("data.duo_admins.all", itemAt("admins", 7, "admin_units"), knownvalue.ListSizeExact(0)),
			},
		}},
	})
}
