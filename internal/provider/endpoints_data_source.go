package provider

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/datasource"

	"github.com/idaudit/terraform-provider-duo/internal/duo"
)

// endpointText returns a description of an endpoint's string field, which
// Duo sends as "" when it does not know it.
func endpointText(description string) string {
	return description + "; empty when Duo does not know it."
}

var endpointSpec = newObjectSpec(
	stringField("epkey", "The endpoint's ID in Duo.", func(e *duo.Endpoint) *string { return e.Epkey }),
	stringField("email", endpointText("The email address of the user who last used the endpoint"), func(e *duo.Endpoint) *string { return e.Email }),
	stringField("username", endpointText("The username of the user who last used the endpoint"), func(e *duo.Endpoint) *string { return e.Username }),
	stringField("device_name", endpointText("The endpoint's name, as its operating system names it"), func(e *duo.Endpoint) *string { return e.DeviceName }),
	stringField("device_username", endpointText("The user logged in to the endpoint, as its operating system names them"), func(e *duo.Endpoint) *string { return e.DeviceUsername }),
	stringField("device_username_type", endpointText("What `device_username` is, such as `os_username`"), func(e *duo.Endpoint) *string { return e.DeviceUsernameType }),
	stringField("device_id", endpointText("The endpoint's device ID, as its management system reports it"), func(e *duo.Endpoint) *string { return e.DeviceID }),
	stringField("device_identifier", endpointText("The identifier Duo matches the endpoint by, for Trusted Endpoints"), func(e *duo.Endpoint) *string { return e.DeviceIdentifier }),
	stringField("device_identifier_type", endpointText("What `device_identifier` is, such as `hardware_uuid`"), func(e *duo.Endpoint) *string { return e.DeviceIdentifierType }),
	stringField("device_udid", endpointText("The endpoint's UDID (Apple devices)"), func(e *duo.Endpoint) *string { return e.DeviceUDID }),
	stringField("computer_sid", endpointText("The endpoint's computer SID (Windows)"), func(e *duo.Endpoint) *string { return e.ComputerSID }),
	stringField("cpu_id", endpointText("The endpoint's CPU ID"), func(e *duo.Endpoint) *string { return e.CPUID }),
	stringField("domain_sid", endpointText("The SID of the endpoint's Windows domain"), func(e *duo.Endpoint) *string { return e.DomainSID }),
	stringField("hardware_uuid", endpointText("The endpoint's hardware UUID"), func(e *duo.Endpoint) *string { return e.HardwareUUID }),
	stringField("machine_guid", endpointText("The endpoint's machine GUID (Windows)"), func(e *duo.Endpoint) *string { return e.MachineGUID }),
	stringField("model", endpointText("The endpoint's model"), func(e *duo.Endpoint) *string { return e.Model }),
	stringField("type", endpointText("The endpoint's type"), func(e *duo.Endpoint) *string { return e.Type }),
	stringField("os_family", "The endpoint's operating system, such as `Windows`, `Mac OS X` or `iOS`.", func(e *duo.Endpoint) *string { return e.OSFamily }),
	stringField("os_version", endpointText("The version of the endpoint's operating system"), func(e *duo.Endpoint) *string { return e.OSVersion }),
	stringField("os_build", endpointText("The build of the endpoint's operating system"), func(e *duo.Endpoint) *string { return e.OSBuild }),
	stringField("disk_encryption_status", "Whether the endpoint's disk is encrypted, as Duo Desktop reports it: `On`, `Off` or `Unknown`.", func(e *duo.Endpoint) *string { return e.DiskEncryptionStatus }),
	stringField("firewall_status", "Whether the endpoint's firewall is on, as Duo Desktop reports it: `On`, `Off` or `Unknown`.", func(e *duo.Endpoint) *string { return e.FirewallStatus }),
	stringField("password_status", "Whether the endpoint has a password set, as Duo Desktop reports it: `Set`, `Unset` or `Unknown`.", func(e *duo.Endpoint) *string { return e.PasswordStatus }),
	stringField("trusted_endpoint", "Whether Duo trusts the endpoint as one the organization manages (Trusted Endpoints): `yes` or `no`.", func(e *duo.Endpoint) *string { return e.TrustedEndpoint }),
	stringField("health_app_client_version", endpointText("The version of Duo Desktop (formerly the Duo Device Health app) on the endpoint")+" Null when Duo does not send it, as older accounts do not.",
		func(e *duo.Endpoint) *string { return e.HealthAppClientVersion }),
	stringField("health_data_last_collected", "When Duo Desktop last reported the endpoint's health, as Duo sends it. Duo's sources disagree on its form: "+
		"Duo's documentation shows Unix seconds (a number), payloads captured from Duo show `\"\"`. A number is kept as its digits, such as `\"1624451421\"`, "+
		"which `tonumber()` reads; `\"\"` stays `\"\"`. "+
		"Null when Duo does not send it, as older accounts do not.",
		func(e *duo.Endpoint) *string { return (*string)(e.HealthDataLastCollected) }),
	int64Field("last_updated", "When Duo last updated what it knows of the endpoint, in Unix seconds. Duo forgets an endpoint after 30 days without activity.", func(e *duo.Endpoint) *duo.Int { return e.LastUpdated }),
	nestedListField("security_agents", "The security agents Duo Desktop found on the endpoint. Null when Duo does not send them, as older accounts do not.", securityAgentSpec, func(e *duo.Endpoint) []duo.SecurityAgent { return e.SecurityAgents }),
	nestedListField("browsers", "The browsers the endpoint reached Duo with.", browserSpec, func(e *duo.Endpoint) []duo.Browser { return e.Browsers }),
)

var securityAgentSpec = newObjectSpec(
	stringField("security_agent", "The agent's name, such as `Cisco Secure Endpoint`.", func(a *duo.SecurityAgent) *string { return a.SecurityAgent }),
	stringField("version", "The agent's version.", func(a *duo.SecurityAgent) *string { return a.Version }),
)

var browserSpec = newObjectSpec(
	stringField("browser_family", "The browser, such as `Chrome` or `Mobile Safari`.", func(b *duo.Browser) *string { return b.BrowserFamily }),
	stringField("browser_version", "The browser's version.", func(b *duo.Browser) *string { return b.BrowserVersion }),
	stringField("flash_version", "The Flash plugin's version, or `uninstalled`.", func(b *duo.Browser) *string { return b.FlashVersion }),
	stringField("java_version", "The Java plugin's version, or `uninstalled`.", func(b *duo.Browser) *string { return b.JavaVersion }),
	int64Field("last_used", "When the endpoint last reached Duo with the browser, in Unix seconds.", func(b *duo.Browser) *duo.Int { return b.LastUsed }),
)

// duo_endpoints: the Admin API's endpoint listing.
var endpointsListing = listing[duo.Endpoint]{
	name: "endpoints",
	what: "endpoints",
	description: fmt.Sprintf("Lists the endpoints Duo knows of, the devices that reached applications Duo protects, with the Admin API's [`GET /admin/v1/endpoints`](https://duo.com/docs/adminapi#endpoints): "+
		"every page (up to %d endpoints a request), in the order Duo lists them, each with its browsers, its security agents and, where Duo Desktop reports them, its disk encryption, firewall and password status. "+
		"Duo forgets an endpoint after 30 days without activity. Endpoints are part of the Duo Advantage and Premier editions; Duo sends `\"\"`, not null, for what it does not know. "+
		"The Admin API application needs the \"Grant read resource\" permission.", duo.MaxEndpointPageSize),
	objects: "The endpoints, in the order Duo lists them.",
	spec:    endpointSpec,
	list: func(ctx context.Context, client *account, _ *arguments, sink duo.PageSink[duo.Endpoint]) error {
		return client.StreamEndpoints(ctx, sink)
	},
}

func newEndpointsDataSource() datasource.DataSource {
	return endpointsListing.dataSource()
}
