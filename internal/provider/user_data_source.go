package provider

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework-validators/datasourcevalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/idaudit/terraform-provider-duo/internal/duo"
)

var (
	_ datasource.DataSourceWithConfigure        = (*userDataSource)(nil)
	_ datasource.DataSourceWithConfigValidators = (*userDataSource)(nil)
)

func newUserDataSource() datasource.DataSource {
	return &userDataSource{}
}

// userDataSource is duo_user: one user, by username (or alias) or by ID.
type userDataSource struct {
	client *duo.Client
}

func (d *userDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_user"
}

func (d *userDataSource) Schema(ctx context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	attributes := userSpec.attributes()
	attributes["username"] = schema.StringAttribute{
		Optional:            true,
		Computed:            true,
		MarkdownDescription: "The username, or one of the aliases, of the user to read. Exactly one of `username` and `user_id` must be set. After the read it holds the user's username.",
		Validators:          []validator.String{stringvalidator.LengthAtLeast(1)},
	}
	attributes["user_id"] = schema.StringAttribute{
		Optional:            true,
		Computed:            true,
		MarkdownDescription: "The ID of the user to read, such as `DU3RP9I2WOC59VZX672N`. Exactly one of `username` and `user_id` must be set.",
		Validators:          []validator.String{stringvalidator.LengthAtLeast(1)},
	}
	resp.Schema = schema.Schema{
		MarkdownDescription: "Reads one Duo user, by username or alias (through [`GET /admin/v1/users`](https://duo.com/docs/adminapi#retrieve-users)) or by user ID (through [`GET /admin/v1/users/{user_id}`](https://duo.com/docs/adminapi#retrieve-user-by-id)). " +
			"A user that does not exist is an error.",
		Attributes: attributes,
		Blocks:     timeoutsBlock(ctx),
	}
}

func (d *userDataSource) ConfigValidators(context.Context) []datasource.ConfigValidator {
	return []datasource.ConfigValidator{
		datasourcevalidator.ExactlyOneOf(path.MatchRoot("username"), path.MatchRoot("user_id")),
	}
}

func (d *userDataSource) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	d.client = clientFrom(req, resp)
}

func (d *userDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var username, userID types.String
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root("username"), &username)...)
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root("user_id"), &userID)...)
	ctx, cancel := readContext(ctx, req.Config, &resp.Diagnostics)
	defer cancel()
	if resp.Diagnostics.HasError() {
		return
	}

	user := d.find(ctx, username, userID, resp)
	if user == nil {
		return
	}
	values, err := userSpec.values(user)
	setState(resp, req.Config.Raw, values, err)
}

// find reads the user by ID or by username, reporting a missing user as an
// error on the argument that named it.
func (d *userDataSource) find(ctx context.Context, username, userID types.String, resp *datasource.ReadResponse) *duo.User {
	if !userID.IsNull() {
		user, err := d.client.GetUser(ctx, userID.ValueString())
		switch {
		case duo.IsNotFound(err):
			resp.Diagnostics.AddAttributeError(path.Root("user_id"), "Duo user not found",
				fmt.Sprintf("No Duo user has the ID %q. Check the ID, or look the user up by username instead.", userID.ValueString()))
		case err != nil:
			resp.Diagnostics.AddError("Unable to read the Duo user", err.Error())
		}
		return user
	}

	users, err := d.client.ListUsers(ctx, duo.ListUsersInput{Username: username.ValueString()})
	switch {
	case err != nil:
		resp.Diagnostics.AddError("Unable to read the Duo user", err.Error())
		return nil
	case len(users) == 0:
		resp.Diagnostics.AddAttributeError(path.Root("username"), "Duo user not found",
			fmt.Sprintf("No Duo user has the username or alias %q. Check the spelling, or use the duo_users data source to list the users.", username.ValueString()))
		return nil
	}
	return &users[0]
}
