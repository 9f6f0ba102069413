package provider

import (
	"context"
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/idaudit/terraform-provider-duo/internal/duo"
)

// duo_group: one group, by ID or by name, optionally with its members.
var groupObject = object[duo.Group]{
	name: "group",
	what: "group",
	description: "Reads one Duo group, by group ID (through [`GET /admin/v2/groups/{group_id}`](https://duo.com/docs/adminapi#v2-groups-get-group-info)) " +
		"or by name (through [`GET /admin/v1/groups`](https://duo.com/docs/adminapi#retrieve-groups)), and optionally its members. " +
		"A group that does not exist is an error.",
	spec: groupSpec,
	lookups: []lookup[duo.Group]{
		{
			argument: "group_id",
			description: "The ID of the group to read. Exactly one of `group_id` and `name` must be set. " +
				"When the plan has read the group listing, or is reading it (for a `duo_groups`, or a `duo_group` by `name`), the group is found in it without a request of its own; one that the listing lacks is asked of Duo before it is reported missing.",
			find: func(ctx context.Context, client *account, groupID string) (*duo.Group, error) {
				return client.groupWithID(ctx, groupID)
			},
			notFound: "No Duo group has the ID %q. Check the ID, or look the group up by name instead.",
		},
		{
			argument: "name",
			description: "The name of the group to read, matched exactly, case included. Exactly one of `group_id` and `name` must be set. " +
				"The Admin API cannot look groups up by name, so the provider reads the whole group listing to find it. After the read it holds the group's name.",
			find:     groupNamed,
			notFound: "No Duo group is named %q. Names match exactly, case included: check the spelling, or use the duo_groups data source to list the groups.",
		},
	},
	more: map[string]schema.Attribute{
		"include_members": schema.BoolAttribute{
			Optional: true,
			MarkdownDescription: fmt.Sprintf("Whether to read the group's members into `users`, with [`GET /admin/v2/groups/{group_id}/users`](https://duo.com/docs/adminapi#v2-groups-get-users) (%d members a request). "+
				"Defaults to `false`.", duo.MaxGroupMemberPageSize),
		},
		groupMembersField.name: groupMembersField.attribute,
	},
	readMore: func(ctx context.Context, client *account, args *arguments, group *duo.Group) (map[string]stateAttribute, error) {
		var members []duo.GroupMember
		if args.bool("include_members").ValueBool() {
			if group.GroupID == nil {
				return nil, fmt.Errorf("Duo sent the group without a group_id, so its members cannot be listed. Retry later; if it persists, report it to Duo support")
			}
			var err error
			if members, err = client.ListGroupMembers(ctx, *group.GroupID); err != nil {
				return nil, fmt.Errorf("listing the group's members: %w", err)
			}
		}
		return map[string]stateAttribute{groupMembersField.name: groupMembersField.stateAttribute(&members)}, nil
	},
}

func newGroupDataSource() datasource.DataSource {
	return groupObject.dataSource()
}

// groupMembersField is duo_group's users attribute: null unless
// include_members is true.
var groupMembersField = nestedListField("users",
	"With `include_members = true`, the group's members, in the order Duo lists them (an empty list for a group without members); null otherwise.",
	groupMemberSpec, func(members *[]duo.GroupMember) []duo.GroupMember { return *members })

// groupNamed finds the one group with exactly this name; several groups
// with the name are an error on the argument.
func groupNamed(ctx context.Context, client *account, name string) (*duo.Group, error) {
	groups, err := client.groups(ctx)
	if err != nil {
		return nil, err
	}
	named := groupsNamed(groups, name)
	switch len(named) {
	case 0:
		return nil, nil
	case 1:
		return &named[0], nil
	}
	ids := make([]string, len(named))
	for i, group := range named {
		ids[i] = fmt.Sprintf("%q", types.StringPointerValue(group.GroupID).ValueString())
	}
	return nil, &argumentError{argument: "name", summary: "Several Duo groups have this name",
		detail: fmt.Sprintf("%d Duo groups are named %q (IDs %s). Look the group up by group_id instead.", len(named), name, strings.Join(ids, ", "))}
}
