package provider

import (
	"context"
	"errors"
	"fmt"
	"maps"
	"time"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/datasource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

var (
	_ datasource.DataSourceWithConfigure        = (*dataSource)(nil)
	_ datasource.DataSourceWithConfigValidators = (*dataSource)(nil)
)

// dataSource is every data source of the provider: its schema, and a read
// that computes its attributes from its arguments. Listings and single
// objects are built by the listing and object types; each data source's
// file declares one of them. The provider's server answers the reads (see
// NewServer); Read answers the same read through the framework.
type dataSource struct {
	// name follows "duo_" in the data source's type name.
	name        string
	description string
	attributes  map[string]schema.Attribute
	validators  []datasource.ConfigValidator
	// failure is the summary of a diagnostic for a failed read, such as
	// "Unable to list Duo users".
	failure string
	// read returns the computed attributes of the account the read goes
	// to. An *argumentError is reported on its argument, any other error
	// under failure.
	read func(ctx context.Context, client *account, args *arguments) (map[string]stateAttribute, error)
	// parentOnly reads the provider's own account, whatever the provider's
	// account_id, and takes no account_id: the parent's list of its
	// children.
	parentOnly bool

	client *accounts
}

func (d *dataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_" + d.name
}

func (d *dataSource) Schema(ctx context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	attributes := d.attributes
	if !d.parentOnly {
		attributes = withAttributes(attributes, map[string]schema.Attribute{
			accountIDArgument: schema.StringAttribute{Optional: true, MarkdownDescription: accountIDDescription, Validators: accountIDValidators},
		})
	}
	resp.Schema = schema.Schema{
		MarkdownDescription: d.description,
		Attributes:          attributes,
		Blocks: map[string]schema.Block{
			"timeouts": timeouts.BlockWithOpts(ctx, timeouts.Opts{
				ReadDescription: fmt.Sprintf("How long the whole read may take, retries and rate limit waits included, as a duration such as `30s` or `10m`. Defaults to `%s`.", durationText(defaultReadTimeout)),
			}),
		},
	}
}

func (d *dataSource) ConfigValidators(context.Context) []datasource.ConfigValidator {
	return d.validators
}

func (d *dataSource) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	// ProviderData is nil until the provider is configured: Terraform
	// validates data sources first.
	if req.ProviderData == nil {
		return
	}
	d.client = providerAccounts(req.ProviderData, &resp.Diagnostics)
}

// providerAccounts are the accounts that the provider's Configure gave a
// data source or an ephemeral resource.
func providerAccounts(providerData any, diags *diag.Diagnostics) *accounts {
	client, ok := providerData.(*accounts)
	if !ok {
		diags.AddError("Unexpected provider data",
			fmt.Sprintf("Expected *provider.accounts, got %T. This is a bug in the provider; please report it.", providerData))
	}
	return client
}

func (d *dataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	computed, diags := d.readAttributes(ctx, d.client, req.Config)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	state, err := stateValue(req.Config.Raw, computed)
	if err != nil {
		resp.Diagnostics.AddError("Unable to build the data source's state", "This is a bug in the provider; please report it: "+err.Error())
		return
	}
	resp.State.Raw = state
}

// defaultReadTimeout bounds a read whose configuration has no timeouts block.
const defaultReadTimeout = 20 * time.Minute

// readAttributes runs the read, in the account it goes to, within its
// timeout and reports its failure.
func (d *dataSource) readAttributes(ctx context.Context, client *accounts, config tfsdk.Config) (map[string]stateAttribute, diag.Diagnostics) {
	var diags diag.Diagnostics
	var configured timeouts.Value
	diags.Append(config.GetAttribute(ctx, path.Root("timeouts"), &configured)...)
	timeout, timeoutDiags := configured.Read(ctx, defaultReadTimeout)
	diags.Append(timeoutDiags...)
	if diags.HasError() {
		return nil, diags
	}
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()

	if client == nil {
		addNotConfigured(&diags)
		return nil, diags
	}
	client.batches.readStarted()
	defer client.batches.readEnded()
	args := &arguments{ctx: ctx, config: config}
	read := client.own
	if !d.parentOnly {
		var err error
		if read, err = client.forRead(ctx, args.string(accountIDArgument)); err != nil {
			addReadError(&diags, d.failure, err)
			return nil, diags
		}
	}
	computed, err := d.read(ctx, read, args)
	if err != nil {
		err = client.explain(ctx, read, err)
	}
	diags.Append(args.diags...)
	switch {
	case diags.HasError():
		return nil, diags
	case err != nil:
		addReadError(&diags, d.failure, err)
		return nil, diags
	}
	return computed, diags
}

// addReadError reports a failed read: an *argumentError on its argument,
// any other error under the summary failure.
func addReadError(diags *diag.Diagnostics, failure string, err error) {
	var argumentErr *argumentError
	if errors.As(err, &argumentErr) {
		diags.AddAttributeError(path.Root(argumentErr.argument), argumentErr.summary, argumentErr.detail)
		return
	}
	diags.AddError(failure, err.Error())
}

// stateValue returns the configuration with the computed attributes set:
// the arguments stay as the user wrote them.
func stateValue(config tftypes.Value, computed map[string]stateAttribute) (tftypes.Value, error) {
	attributes := map[string]tftypes.Value{}
	if err := config.As(&attributes); err != nil {
		return tftypes.Value{}, err
	}
	for name, attribute := range computed {
		value, err := attribute.value()
		if err != nil {
			return tftypes.Value{}, err
		}
		attributes[name] = value
	}
	if err := tftypes.ValidateValue(config.Type(), attributes); err != nil {
		return tftypes.Value{}, err
	}
	return tftypes.NewValue(config.Type(), attributes), nil
}

// argumentError is a read's failure that the value of one argument caused,
// such as a name that matches nothing: it is reported on that argument.
type argumentError struct {
	argument string
	summary  string
	detail   string
}

func (e *argumentError) Error() string { return e.summary + ": " + e.detail }

// arguments reads a data source's arguments from its configuration. A
// value that cannot be read is a bug, reported with the read's
// diagnostics; the read then gets the type's zero value.
type arguments struct {
	ctx    context.Context
	config tfsdk.Config
	diags  diag.Diagnostics
}

func (a *arguments) get(name string, target any) {
	a.diags.Append(a.config.GetAttribute(a.ctx, path.Root(name), target)...)
}

func (a *arguments) string(name string) types.String {
	var v types.String
	a.get(name, &v)
	return v
}

func (a *arguments) bool(name string) types.Bool {
	var v types.Bool
	a.get(name, &v)
	return v
}

func (a *arguments) int64(name string) types.Int64 {
	var v types.Int64
	a.get(name, &v)
	return v
}

// strings returns the values of a list or set of strings; nil when it is null.
func (a *arguments) strings(name string) []string {
	var values []string
	a.get(name, &values)
	return values
}

// withAttributes returns attributes with more added.
func withAttributes(attributes map[string]schema.Attribute, more map[string]schema.Attribute) map[string]schema.Attribute {
	all := maps.Clone(attributes)
	if all == nil {
		all = map[string]schema.Attribute{}
	}
	maps.Copy(all, more)
	return all
}
