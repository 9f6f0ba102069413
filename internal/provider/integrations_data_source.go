package provider

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/datasource"

	"github.com/idaudit/terraform-provider-duo/internal/duo"
)

// duo_integrations: the Admin API's integration listing.
var integrationsListing = listing[duo.Integration]{
	name: "integrations",
	what: "integrations",
	description: fmt.Sprintf("Lists the integrations of the Duo account, the applications Duo protects and the API applications that call Duo, with the Admin API's [`GET /admin/v3/integrations`](https://duo.com/docs/adminapi#retrieve-integrations): "+
		"every page (up to %d integrations a request), in the order Duo lists them. "+
		"No secret is read: neither the secret keys, which Duo sends masked, nor the client secrets of SSO integrations; `duo_integration` reads one integration's secret key when asked. "+
		"The Admin API application needs the \"Grant applications\" permission (\"Grant applications - Read\" in newer Admin Panels; some accounts grant it with \"Grant read resource\").", duo.MaxIntegrationPageSize),
	objects: "The integrations, in the order Duo lists them.",
	spec:    integrationSpec,
	list: func(ctx context.Context, client *account, _ *arguments, sink duo.PageSink[duo.Integration]) error {
		return client.StreamIntegrations(ctx, sink)
	},
}

func newIntegrationsDataSource() datasource.DataSource {
	return integrationsListing.dataSource()
}
