package provider

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/ephemeral/timeouts"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/ephemeral"
	"github.com/hashicorp/terraform-plugin-framework/ephemeral/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/idaudit/terraform-provider-duo/internal/duo"
)

var _ ephemeral.EphemeralResourceWithConfigure = (*integrationSecretKeyEphemeralResource)(nil)

// duo_integration_secret_key: an integration's secret key, read during a
// run and handed to a provider configuration, a write-only argument or a
// local, never to the plan or the state. It reads the integration as
// duo_integration does, with the same errors.
type integrationSecretKeyEphemeralResource struct {
	client *accounts
}

type integrationSecretKeyModel struct {
	IntegrationKey types.String   `tfsdk:"integration_key"`
	Name           types.String   `tfsdk:"name"`
	Type           types.String   `tfsdk:"type"`
	SecretKey      types.String   `tfsdk:"secret_key"`
	AccountID      types.String   `tfsdk:"account_id"`
	Timeouts       timeouts.Value `tfsdk:"timeouts"`
}

func newIntegrationSecretKeyEphemeralResource() ephemeral.EphemeralResource {
	return &integrationSecretKeyEphemeralResource{}
}

func (r *integrationSecretKeyEphemeralResource) Metadata(_ context.Context, req ephemeral.MetadataRequest, resp *ephemeral.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_integration_secret_key"
}

func (r *integrationSecretKeyEphemeralResource) Schema(ctx context.Context, _ ephemeral.SchemaRequest, resp *ephemeral.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Reads the secret key of one Duo integration, such as a Web SDK or Auth API application, with the Admin API's " +
			"[`GET /admin/v1/integrations/{integration_key}/skey`](https://duo.com/docs/adminapi#retrieve-secret-key), and the integration's name and type with " +
			"[`GET /admin/v3/integrations/{integration_key}`](https://duo.com/docs/adminapi#retrieve-integration-by-integration-key). " +
			"The key is read during each plan and apply and is never written to the plan or the state: hand it to a write-only argument of a secret store " +
			"(such as `data_json_wo` of Vault's `vault_kv_secret_v2` or `secret_string_wo` of AWS's `aws_secretsmanager_secret_version`, Terraform 1.11 or later), " +
			"to a provider configuration, or to a local. " +
			"Ephemeral resources need Terraform 1.10 or later, or OpenTofu 1.11 or later; with older versions, `duo_integration` with `include_secret_key = true` reads the key into the state. " +
			"An integration that does not exist is an error. " +
			"The Admin API application needs the \"Grant applications\" permission (\"Grant applications - Read\" in newer Admin Panels; some accounts grant it with \"Grant read resource\").",
		Attributes: map[string]schema.Attribute{
			"integration_key": schema.StringAttribute{
				Required:            true,
				MarkdownDescription: integrationByKey.description,
				Validators:          []validator.String{stringvalidator.LengthAtLeast(1)},
			},
			"name": schema.StringAttribute{
				Computed:            true,
				MarkdownDescription: "The integration's name.",
			},
			"type": schema.StringAttribute{
				Computed:            true,
				MarkdownDescription: "The integration's type, such as `websdk`, `authapi` or `adminapi`.",
			},
			accountIDArgument: schema.StringAttribute{Optional: true, MarkdownDescription: accountIDDescription, Validators: accountIDValidators},
			"secret_key": schema.StringAttribute{
				Computed:            true,
				Sensitive:           true,
				MarkdownDescription: "The integration's full secret key, 40 characters, never stored in the plan or the state. It is sensitive: OpenTofu hides it as a sensitive value, Terraform as an ephemeral one.",
			},
		},
		Blocks: map[string]schema.Block{
			"timeouts": timeouts.BlockWithOpts(ctx, timeouts.Opts{
				OpenDescription: fmt.Sprintf("How long the whole read may take, retries and rate limit waits included, as a duration such as `30s` or `10m`. Defaults to `%s`.", durationText(defaultReadTimeout)),
			}),
		},
	}
}

func (r *integrationSecretKeyEphemeralResource) Configure(_ context.Context, req ephemeral.ConfigureRequest, resp *ephemeral.ConfigureResponse) {
	// ProviderData is nil until the provider is configured.
	if req.ProviderData == nil {
		return
	}
	r.client = providerAccounts(req.ProviderData, &resp.Diagnostics)
}

func (r *integrationSecretKeyEphemeralResource) Open(ctx context.Context, req ephemeral.OpenRequest, resp *ephemeral.OpenResponse) {
	var config integrationSecretKeyModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &config)...)
	timeout, diags := config.Timeouts.Open(ctx, defaultReadTimeout)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	if r.client == nil {
		addNotConfigured(&resp.Diagnostics)
		return
	}
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()

	integration, secretKey, err := r.read(ctx, config)
	if err != nil {
		addReadError(&resp.Diagnostics, "Unable to read the Duo integration's secret key", err)
		return
	}
	config.Name = types.StringPointerValue(integration.Name)
	config.Type = types.StringPointerValue(integration.Type)
	config.SecretKey = types.StringValue(secretKey)
	resp.Diagnostics.Append(resp.Result.Set(ctx, config)...)
}

// read reads the integration and its secret key in the account that
// config names.
func (r *integrationSecretKeyEphemeralResource) read(ctx context.Context, config integrationSecretKeyModel) (*duo.Integration, string, error) {
	client, err := r.client.forRead(ctx, config.AccountID)
	if err != nil {
		return nil, "", err
	}
	integrationKey := config.IntegrationKey.ValueString()
	integration, err := integrationByKey.get(ctx, client, integrationObject.what, integrationKey)
	var secretKey string
	if err == nil {
		secretKey, err = readSecretKey(ctx, client, integrationKey)
	}
	if err != nil {
		return nil, "", r.client.explain(ctx, client, err)
	}
	return integration, secretKey, nil
}
