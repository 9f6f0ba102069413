package provider

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework-validators/datasourcevalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/idaudit/terraform-provider-duo/internal/duo"
)

var (
	_ datasource.DataSourceWithConfigure        = (*usersDataSource)(nil)
	_ datasource.DataSourceWithConfigValidators = (*usersDataSource)(nil)
)

func newUsersDataSource() datasource.DataSource {
	return &usersDataSource{}
}

// usersDataSource is duo_users: the Admin API's user listing.
type usersDataSource struct {
	client *duo.Client
}

func (d *usersDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_users"
}

func (d *usersDataSource) Schema(ctx context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: fmt.Sprintf("Lists Duo users with the Admin API's [`GET /admin/v1/users`](https://duo.com/docs/adminapi#retrieve-users). "+
			"With no arguments it returns every user of the account, reading every page (%d users a request), in the order Duo lists them. "+
			"`username` looks up one user by username or alias; `offset` and `limit` read a slice of the listing.", duo.MaxPageSize),
		Attributes: map[string]schema.Attribute{
			"username": schema.StringAttribute{
				Optional:            true,
				MarkdownDescription: "Return only the user whose username, or one of whose aliases, is exactly this. `users` then holds one user, or none when nobody matches.",
				Validators:          []validator.String{stringvalidator.LengthAtLeast(1)},
			},
			"offset": schema.Int64Attribute{
				Optional:            true,
				MarkdownDescription: "The position in Duo's listing of the first user to return, from `0` (the default).",
				Validators:          []validator.Int64{int64validator.AtLeast(0)},
			},
			"limit": schema.Int64Attribute{
				Optional: true,
				MarkdownDescription: fmt.Sprintf("The most users to return in all, at least `1`; by default every user from `offset` on. "+
					"Unlike the Admin API's `limit`, which sizes one page and is at most %d, this caps the whole result: the provider reads as many pages as it needs.", duo.MaxPageSize),
				Validators: []validator.Int64{int64validator.AtLeast(1)},
			},
			"users": schema.ListNestedAttribute{
				Computed:            true,
				MarkdownDescription: "The users, in the order Duo lists them.",
				NestedObject:        schema.NestedAttributeObject{Attributes: userSpec.attributes()},
			},
		},
		Blocks: timeoutsBlock(ctx),
	}
}

func (d *usersDataSource) ConfigValidators(context.Context) []datasource.ConfigValidator {
	return []datasource.ConfigValidator{
		datasourcevalidator.Conflicting(path.MatchRoot("username"), path.MatchRoot("offset")),
		datasourcevalidator.Conflicting(path.MatchRoot("username"), path.MatchRoot("limit")),
	}
}

func (d *usersDataSource) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	d.client = clientFrom(req, resp)
}

func (d *usersDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var username types.String
	var offset, limit types.Int64
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root("username"), &username)...)
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root("offset"), &offset)...)
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root("limit"), &limit)...)
	ctx, cancel := readContext(ctx, req.Config, &resp.Diagnostics)
	defer cancel()
	if resp.Diagnostics.HasError() {
		return
	}

	users, err := d.client.ListUsers(ctx, duo.ListUsersInput{
		Username: username.ValueString(),
		Offset:   int(offset.ValueInt64()),
		Limit:    int(limit.ValueInt64()),
	})
	if err != nil {
		resp.Diagnostics.AddError("Unable to list Duo users", err.Error())
		return
	}

	state, err := stateFromConfig(req.Config.Raw, map[string]tftypes.Value{"users": userSpec.listValue(users)})
	if err != nil {
		resp.Diagnostics.AddError("Unable to build the duo_users state", "This is a bug in the provider; please report it: "+err.Error())
		return
	}
	resp.State.Raw = state
}
