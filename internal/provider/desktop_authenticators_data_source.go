package provider

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/datasource"

	"github.com/idaudit/terraform-provider-duo/internal/duo"
)

var desktopAuthenticatorSpec = newObjectSpec(
	stringField("dakey", "The desktop authenticator's ID in Duo.", func(a *duo.DesktopAuthenticator) *string { return a.DAKey }),
	stringField("daid", "The identifier Duo Desktop gives the device it runs on.", func(a *duo.DesktopAuthenticator) *string { return a.DAID }),
	stringField("device_name", "The name of the device Duo Desktop runs on; may be empty.", func(a *duo.DesktopAuthenticator) *string { return a.DeviceName }),
	stringField("duo_desktop_version", "The version of Duo Desktop, such as `6.3.0.0`.", func(a *duo.DesktopAuthenticator) *string { return a.DuoDesktopVersion }),
	stringField("os_family", "The device's operating system, such as `Windows` or `Mac OS X`.", func(a *duo.DesktopAuthenticator) *string { return a.OSFamily }),
	nestedObjectField("user", "The user who authenticates with Duo Desktop on the device, without their groups, devices and credentials (read those with `duo_user`).",
		shortUserSpec, func(a *duo.DesktopAuthenticator) *duo.User { return a.User }),
)

// duo_desktop_authenticators: the Admin API's desktop authenticator listing.
var desktopAuthenticatorsListing = listing[duo.DesktopAuthenticator]{
	name: "desktop_authenticators",
	what: "desktop authenticators",
	description: fmt.Sprintf("Lists the devices on which Duo Desktop is registered as an authenticator, with the Admin API's [`GET /admin/v1/desktop_authenticators`](https://duo.com/docs/adminapi): "+
		"every page (%d authenticators a request are asked for; Duo's documentation does not give its largest page, and smaller pages are followed), in the order Duo lists them, each with its Duo Desktop version and the user it authenticates. "+
		"The Admin API application needs the \"Grant read resource\" permission.", duo.MaxDesktopAuthenticatorPageSize),
	objects: "The desktop authenticators, in the order Duo lists them.",
	spec:    desktopAuthenticatorSpec,
	list: func(ctx context.Context, client *account, _ *arguments, sink duo.PageSink[duo.DesktopAuthenticator]) error {
		return client.StreamDesktopAuthenticators(ctx, sink)
	},
}

func newDesktopAuthenticatorsDataSource() datasource.DataSource {
	return desktopAuthenticatorsListing.dataSource()
}
