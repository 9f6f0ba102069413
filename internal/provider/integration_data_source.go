package provider

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/idaudit/terraform-provider-duo/internal/duo"
)

// duo_integration: one integration by integration key, and its secret key
// when asked for.
var integrationObject = object[duo.Integration]{
	name: "integration",
	what: "integration",
	description: "Reads one Duo integration by its integration key, with the Admin API's [`GET /admin/v3/integrations/{integration_key}`](https://duo.com/docs/adminapi#retrieve-integration-by-integration-key). " +
		"An integration that does not exist is an error. " +
		"With `include_secret_key = true` it also reads the integration's secret key, which the state then holds: see `secret_key`. " +
		"The Admin API application needs the \"Grant applications\" permission (\"Grant applications - Read\" in newer Admin Panels; some accounts grant it with \"Grant read resource\").",
	spec:    integrationSpec,
	lookups: []lookup[duo.Integration]{integrationByKey},
	more: map[string]schema.Attribute{
		"include_secret_key": schema.BoolAttribute{
			Optional: true,
			MarkdownDescription: "Whether to read the integration's secret key into `secret_key`, with the Admin API's [`GET /admin/v1/integrations/{integration_key}/skey`](https://duo.com/docs/adminapi#retrieve-secret-key). " +
				"Defaults to `false`. The key is then stored in the Terraform state: set it only where the state is kept as secret as the key. " +
				"With Terraform 1.10 or later, or OpenTofu 1.11 or later, use the [`duo_integration_secret_key`](https://registry.terraform.io/providers/idaudit/duo/latest/docs/ephemeral-resources/integration_secret_key) ephemeral resource instead: it reads the key during the run and never stores it in the plan or the state.",
		},
		"secret_key": schema.StringAttribute{
			Computed:  true,
			Sensitive: true,
			MarkdownDescription: "With `include_secret_key = true`, the integration's full secret key; null otherwise. " +
				"It is sensitive: Terraform hides it in plan output, but it is stored in plain text in the state.",
		},
	},
	readMore: func(ctx context.Context, client *account, args *arguments, integration *duo.Integration) (map[string]stateAttribute, error) {
		var secretKey *string
		if args.bool("include_secret_key").ValueBool() {
			key, err := readSecretKey(ctx, client, args.string("integration_key").ValueString())
			if err != nil {
				return nil, err
			}
			secretKey = &key
		}
		return map[string]stateAttribute{"secret_key": {typ: tftypes.String, encode: func(w *msgpackWriter) { w.optionalString(secretKey) }}}, nil
	},
}

// integrationByKey finds an integration by its integration key, for
// duo_integration and duo_integration_secret_key.
var integrationByKey = lookup[duo.Integration]{
	argument:    "integration_key",
	description: "The integration key of the integration to read, such as `DIWJ8X6AEYOR5OMC6TQ1`.",
	find: func(ctx context.Context, client *account, integrationKey string) (*duo.Integration, error) {
		return client.GetIntegration(ctx, integrationKey)
	},
	notFound: "No Duo integration has the integration key %q. Check the key, or use the duo_integrations data source to list the integrations.",
}

// readSecretKey reads the full secret key of the integration; the error
// never holds the key.
func readSecretKey(ctx context.Context, client *account, integrationKey string) (string, error) {
	key, err := client.SecretKey(ctx, integrationKey)
	if err != nil {
		return "", fmt.Errorf("reading the integration's secret key: %w", err)
	}
	return key, nil
}

func newIntegrationDataSource() datasource.DataSource {
	return integrationObject.dataSource()
}
