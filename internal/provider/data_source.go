package provider

import (
	"fmt"
	"maps"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
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

// stateFromConfig returns the data source's configuration with the given
// attributes set: the arguments stay as the user wrote them, and the
// computed attributes are built directly as Terraform values.
func stateFromConfig(config tftypes.Value, set map[string]tftypes.Value) (tftypes.Value, error) {
	attributes := map[string]tftypes.Value{}
	if err := config.As(&attributes); err != nil {
		return tftypes.Value{}, err
	}
	maps.Copy(attributes, set)
	if err := tftypes.ValidateValue(config.Type(), attributes); err != nil {
		return tftypes.Value{}, err
	}
	return tftypes.NewValue(config.Type(), attributes), nil
}
