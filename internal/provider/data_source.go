package provider

import (
	"context"
	"fmt"
	"maps"
	"time"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/datasource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/idaudit/terraform-provider-duo/internal/duo"
)

// clientFrom returns the client the provider configured, or nil when the
// provider is not configured yet (Terraform validates data sources first).
func clientFrom(req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) *duo.Client {
	if req.ProviderData == nil {
		return nil
	}
	client, ok := req.ProviderData.(*duo.Client)
	if !ok {
		resp.Diagnostics.AddError("Unexpected provider data",
			fmt.Sprintf("Expected *duo.Client, got %T. This is a bug in the provider; please report it.", req.ProviderData))
	}
	return client
}

// setState sets a data source's state to its configuration with the
// computed attributes set: the arguments stay as the user wrote them, and
// the computed attributes are built directly as Terraform values.
// A building error is reported as the bug it is.
func setState(resp *datasource.ReadResponse, config tftypes.Value, computed map[string]tftypes.Value, err error) {
	attributes := map[string]tftypes.Value{}
	if err == nil {
		err = config.As(&attributes)
	}
	if err == nil {
		maps.Copy(attributes, computed)
		err = tftypes.ValidateValue(config.Type(), attributes)
	}
	if err != nil {
		resp.Diagnostics.AddError("Unable to build the data source's state", "This is a bug in the provider; please report it: "+err.Error())
		return
	}
	resp.State.Raw = tftypes.NewValue(config.Type(), attributes)
}

// defaultReadTimeout bounds a read whose configuration has no timeouts block.
const defaultReadTimeout = 20 * time.Minute

// timeoutsBlock is the timeouts { read = "..." } block of every data source.
func timeoutsBlock(ctx context.Context) map[string]schema.Block {
	return map[string]schema.Block{
		"timeouts": timeouts.BlockWithOpts(ctx, timeouts.Opts{
			ReadDescription: fmt.Sprintf("How long the whole read may take, retries and rate limit waits included, as a duration such as `30s` or `10m`. Defaults to `%s`.", durationText(defaultReadTimeout)),
		}),
	}
}

// readContext bounds a read by its timeouts block.
func readContext(ctx context.Context, config tfsdk.Config, diags *diag.Diagnostics) (context.Context, context.CancelFunc) {
	var configured timeouts.Value
	diags.Append(config.GetAttribute(ctx, path.Root("timeouts"), &configured)...)
	timeout, readDiags := configured.Read(ctx, defaultReadTimeout)
	diags.Append(readDiags...)
	return context.WithTimeout(ctx, timeout)
}
