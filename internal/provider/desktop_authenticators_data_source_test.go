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

func TestAccDesktopAuthenticatorsDataSource_everyAuthenticatorWithItsUser(t *testing.T) {
	env := newAccEnv(t, largeAccount())
	testListing(t, env, "desktop_authenticators", "/admin/v1/desktop_authenticators", duo.MaxDesktopAuthenticatorPageSize, nil)
}

func TestAccDesktopAuthenticatorsDataSource_sampleAccount(t *testing.T) {
	env := newAccEnv(t, fakeduo.Options{})
	env.requireFake(t)
	const address = "data.duo_desktop_authenticators.all"
	at := func(i int, attribute string) tfjsonpath.Path { return itemAt("desktop_authenticators", i, attribute) }
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		Steps: []resource.TestStep{{
			Config: env.config(`data "duo_desktop_authenticators" "all" {}`),
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue(address, tfjsonpath.New("desktop_authenticators"), knownvalue.ListSizeExact(3)),
				statecheck.ExpectKnownValue(address, at(0, "dakey"), knownvalue.StringExact("DDSAMPLE000000000001")),
				statecheck.ExpectKnownValue(address, at(0, "duo_desktop_version"), knownvalue.StringExact("6.3.0")),
				statecheck.ExpectKnownValue(address, at(0, "os_family"), knownvalue.StringExact("Mac OS X")),
				statecheck.ExpectKnownValue(address, at(1, "user").AtMapKey("username"), knownvalue.StringExact("zoe.nunez")),
				statecheck.ExpectKnownValue(address, at(1, "user").AtMapKey("email"), knownvalue.StringExact("")),
				statecheck.ExpectKnownValue(address, at(1, "user").AtMapKey("last_login"), knownvalue.Null()),
				statecheck.ExpectKnownValue(address, at(2, "device_name"), knownvalue.StringExact("")),
				statecheck.ExpectKnownValue(address, at(2, "user").AtMapKey("user_id"), knownvalue.StringExact("DUSAMPLE000000000008")),
			},
		}},
	})
}
