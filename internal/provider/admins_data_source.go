package provider

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/datasource"

	"github.com/idaudit/terraform-provider-duo/internal/duo"
)

// duo_admins: the Admin API's administrator listing.
var adminsListing = listing[duo.Admin]{
	name: "admins",
	what: "administrators",
	description: fmt.Sprintf("Lists the administrators of the Duo account, with the Admin API's [`GET /admin/v1/admins`](https://duo.com/docs/adminapi#retrieve-administrators): "+
		"every page (up to %d administrators a request), in the order Duo lists them. "+
		"The Admin API application needs the \"Grant administrators - Read\" permission (\"Grant administrators\" in older Admin Panels).", duo.MaxAdminPageSize),
	objects: "The administrators, in the order Duo lists them.",
	spec:    adminSpec,
	list: func(ctx context.Context, client *account, _ *arguments, sink duo.PageSink[duo.Admin]) error {
		admins, err := client.admins(ctx)
		if err != nil {
			return err
		}
		sink.Add(admins)
		return nil
	},
}

func newAdminsDataSource() datasource.DataSource {
	return adminsListing.dataSource()
}
