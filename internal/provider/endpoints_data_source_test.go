package provider

import (
	"strconv"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/idaudit/terraform-provider-duo/internal/duo"
	"github.com/idaudit/terraform-provider-duo/internal/fakeduo"
)

func TestAccEndpointsDataSource_everyEndpoint(t *testing.T) {
	env := newAccEnv(t, largeAccount())
	testListing(t, env, "endpoints", "/admin/v1/endpoints", duo.MaxEndpointPageSize, asStateEndpoint)
}

// asStateEndpoint turns an endpoint as Duo sends it into what the state
// holds: health_data_last_collected sent as a number is its digits.
func asStateEndpoint(endpoint map[string]any) map[string]any {
	if seconds, ok := endpoint["health_data_last_collected"].(float64); ok {
		endpoint["health_data_last_collected"] = strconv.FormatFloat(seconds, 'f', -1, 64)
	}
	return endpoint
}

func TestAccEndpointsDataSource_sampleAccount(t *testing.T) {
	env := newAccEnv(t, fakeduo.Options{})
	env.requireFake(t)
	const address = "data.duo_endpoints.all"
	at := func(i int, attribute string) tfjsonpath.Path { return itemAt("endpoints", i, attribute) }
	expect := func(path tfjsonpath.Path, value knownvalue.Check) statecheck.StateCheck {
		return statecheck.ExpectKnownValue(address, path, value)
	}
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		Steps: []resource.TestStep{{
			Config: env.config(`data "duo_endpoints" "all" {}`),
			ConfigStateChecks: []statecheck.StateCheck{
				expect(tfjsonpath.New("endpoints"), knownvalue.ListSizeExact(5)),
				// Health data collected as Unix seconds, kept as its digits.
				expect(at(0, "health_data_last_collected"), knownvalue.StringExact("1717243201")),
				expect(at(0, "username"), knownvalue.StringExact("jsmith")),
				expect(at(0, "trusted_endpoint"), knownvalue.StringExact("yes")),
				expect(at(0, "security_agents").AtSliceIndex(0).AtMapKey("security_agent"), knownvalue.StringExact("Cisco Secure Endpoint")),
				expect(at(0, "browsers").AtSliceIndex(1).AtMapKey("browser_family"), knownvalue.StringExact("Safari")),
				expect(at(0, "browsers").AtSliceIndex(1).AtMapKey("last_used"), knownvalue.Int64Exact(1717239600)),
				expect(at(0, "device_udid"), knownvalue.StringExact("")),
				// Health data collected as "", no security agents.
				expect(at(1, "health_data_last_collected"), knownvalue.StringExact("")),
				expect(at(1, "security_agents"), knownvalue.ListSizeExact(0)),
				expect(at(1, "device_username"), knownvalue.StringExact(`EXAMPLE\zoe.nunez`)),
				expect(at(1, "email"), knownvalue.StringExact("")),
				expect(at(1, "disk_encryption_status"), knownvalue.StringExact("Off")),
				expect(at(1, "firewall_status"), knownvalue.StringExact("Off")),
				// As older accounts send it: no health data at all.
				expect(at(2, "health_app_client_version"), knownvalue.Null()),
				expect(at(2, "health_data_last_collected"), knownvalue.Null()),
				expect(at(2, "security_agents"), knownvalue.Null()),
				expect(at(2, "device_name"), knownvalue.StringExact("")),
				expect(at(2, "disk_encryption_status"), knownvalue.StringExact("Unknown")),
				expect(at(3, "security_agents"), knownvalue.ListSizeExact(2)),
				// Nobody Duo knows.
				expect(at(4, "username"), knownvalue.StringExact("")),
				expect(at(4, "browsers"), knownvalue.ListSizeExact(0)),
				expect(at(4, "last_updated"), knownvalue.Int64Exact(1716638400)),
			},
		}},
	})
}
