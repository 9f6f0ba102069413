package provider

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/idaudit/terraform-provider-duo/internal/duo"
)

var _ datasource.DataSourceWithConfigure = (*groupsDataSource)(nil)

func newGroupsDataSource() datasource.DataSource {
	return &groupsDataSource{}
}

// groupsDataSource is duo_groups: the Admin API's group listing.
type groupsDataSource struct {
	client *duo.Client
}

func (d *groupsDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_groups"
}

func (d *groupsDataSource) Schema(ctx context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: fmt.Sprintf("Lists Duo groups with the Admin API's [`GET /admin/v1/groups`](https://duo.com/docs/adminapi#retrieve-groups). "+
			"It returns every group of the account, reading every page (%d groups a request), in the order Duo lists them. "+
			"To read one group with its members, use the `duo_group` data source.", duo.MaxGroupPageSize),
		Attributes: map[string]schema.Attribute{
			"name": schema.StringAttribute{
				Optional: true,
				MarkdownDescription: "Return only the groups whose name is exactly this, case included. " +
					"The Admin API cannot filter groups by name, so the provider still reads every group. `groups` is empty when no group has this name.",
				Validators: []validator.String{stringvalidator.LengthAtLeast(1)},
			},
			"groups": schema.ListNestedAttribute{
				Computed:            true,
				MarkdownDescription: "The groups, in the order Duo lists them.",
				NestedObject:        schema.NestedAttributeObject{Attributes: groupSpec.attributes()},
			},
		},
		Blocks: timeoutsBlock(ctx),
	}
}

func (d *groupsDataSource) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	d.client = clientFrom(req, resp)
}

func (d *groupsDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var name types.String
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root("name"), &name)...)
	ctx, cancel := readContext(ctx, req.Config, &resp.Diagnostics)
	defer cancel()
	if resp.Diagnostics.HasError() {
		return
	}

	groups, err := d.client.ListGroups(ctx, duo.ListGroupsInput{Name: name.ValueString()})
	if err != nil {
		resp.Diagnostics.AddError("Unable to list Duo groups", err.Error())
		return
	}

	list, err := groupSpec.listValue(groups)
	setState(resp, req.Config.Raw, map[string]tftypes.Value{"groups": list}, err)
}
