package provider

import (
	"context"
	"fmt"
	"strings"

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
	_ datasource.DataSourceWithConfigure        = (*groupDataSource)(nil)
	_ datasource.DataSourceWithConfigValidators = (*groupDataSource)(nil)
)

func newGroupDataSource() datasource.DataSource {
	return &groupDataSource{}
}

// groupDataSource is duo_group: one group, by ID or by name, optionally
// with its members.
type groupDataSource struct {
	client *duo.Client
}

// groupMembersField is duo_group's users attribute: null unless
// include_members is true.
var groupMembersField = nestedListField("users",
	"With `include_members = true`, the group's members, in the order Duo lists them (an empty list for a group without members); null otherwise.",
	groupMemberSpec, func(members *[]duo.GroupMember) []duo.GroupMember { return *members })

func (d *groupDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_group"
}

func (d *groupDataSource) Schema(ctx context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	attributes := groupSpec.attributes()
	attributes["group_id"] = schema.StringAttribute{
		Optional:            true,
		Computed:            true,
		MarkdownDescription: "The ID of the group to read. Exactly one of `group_id` and `name` must be set.",
		Validators:          []validator.String{stringvalidator.LengthAtLeast(1)},
	}
	attributes["name"] = schema.StringAttribute{
		Optional: true,
		Computed: true,
		MarkdownDescription: "The name of the group to read, matched exactly, case included. Exactly one of `group_id` and `name` must be set. " +
			"The Admin API cannot look groups up by name, so the provider reads the whole group listing to find it. After the read it holds the group's name.",
		Validators: []validator.String{stringvalidator.LengthAtLeast(1)},
	}
	attributes["include_members"] = schema.BoolAttribute{
		Optional: true,
		MarkdownDescription: fmt.Sprintf("Whether to read the group's members into `users`, with [`GET /admin/v2/groups/{group_id}/users`](https://duo.com/docs/adminapi#v2-groups-get-users) (%d members a request). "+
			"Defaults to `false`.", duo.MaxGroupMemberPageSize),
	}
	attributes[groupMembersField.name] = groupMembersField.attribute
	resp.Schema = schema.Schema{
		MarkdownDescription: "Reads one Duo group, by group ID (through [`GET /admin/v2/groups/{group_id}`](https://duo.com/docs/adminapi#v2-groups-get-group-info)) " +
			"or by name (through [`GET /admin/v1/groups`](https://duo.com/docs/adminapi#retrieve-groups)), and optionally its members. " +
			"A group that does not exist is an error.",
		Attributes: attributes,
		Blocks:     timeoutsBlock(ctx),
	}
}

func (d *groupDataSource) ConfigValidators(context.Context) []datasource.ConfigValidator {
	return []datasource.ConfigValidator{
		datasourcevalidator.ExactlyOneOf(path.MatchRoot("group_id"), path.MatchRoot("name")),
	}
}

func (d *groupDataSource) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	d.client = clientFrom(req, resp)
}

func (d *groupDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var groupID, name types.String
	var includeMembers types.Bool
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root("group_id"), &groupID)...)
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root("name"), &name)...)
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root("include_members"), &includeMembers)...)
	ctx, cancel := readContext(ctx, req.Config, &resp.Diagnostics)
	defer cancel()
	if resp.Diagnostics.HasError() {
		return
	}

	group := d.find(ctx, groupID, name, resp)
	if group == nil {
		return
	}
	var members []duo.GroupMember
	if includeMembers.ValueBool() {
		if group.GroupID == nil {
			resp.Diagnostics.AddError("Unable to list the members of the Duo group", "Duo sent the group without a group_id, so its members cannot be listed. Retry later; if it persists, report it to Duo support.")
			return
		}
		var err error
		if members, err = d.client.ListGroupMembers(ctx, *group.GroupID); err != nil {
			resp.Diagnostics.AddError("Unable to list the members of the Duo group", err.Error())
			return
		}
	}

	values, err := groupSpec.values(group)
	if err == nil {
		values[groupMembersField.name], err = groupMembersField.value(&members)
	}
	setState(resp, req.Config.Raw, values, err)
}

// find reads the group by ID or by name, reporting a missing group as an
// error on the argument that named it.
func (d *groupDataSource) find(ctx context.Context, groupID, name types.String, resp *datasource.ReadResponse) *duo.Group {
	if !groupID.IsNull() {
		group, err := d.client.GetGroup(ctx, groupID.ValueString())
		switch {
		case duo.IsNotFound(err):
			resp.Diagnostics.AddAttributeError(path.Root("group_id"), "Duo group not found",
				fmt.Sprintf("No Duo group has the ID %q. Check the ID, or look the group up by name instead.", groupID.ValueString()))
		case err != nil:
			resp.Diagnostics.AddError("Unable to read the Duo group", err.Error())
		}
		return group
	}

	groups, err := d.client.ListGroups(ctx, duo.ListGroupsInput{Name: name.ValueString()})
	switch {
	case err != nil:
		resp.Diagnostics.AddError("Unable to read the Duo group", err.Error())
		return nil
	case len(groups) == 0:
		resp.Diagnostics.AddAttributeError(path.Root("name"), "Duo group not found",
			fmt.Sprintf("No Duo group is named %q. Names match exactly, case included: check the spelling, or use the duo_groups data source to list the groups.", name.ValueString()))
		return nil
	case len(groups) > 1:
		ids := make([]string, len(groups))
		for i, group := range groups {
			ids[i] = fmt.Sprintf("%q", types.StringPointerValue(group.GroupID).ValueString())
		}
		resp.Diagnostics.AddAttributeError(path.Root("name"), "Several Duo groups have this name",
			fmt.Sprintf("%d Duo groups are named %q (IDs %s). Look the group up by group_id instead.", len(groups), name.ValueString(), strings.Join(ids, ", ")))
		return nil
	}
	return &groups[0]
}
