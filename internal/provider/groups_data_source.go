package provider

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"

	"github.com/idaudit/terraform-provider-duo/internal/duo"
)

// duo_groups: the Admin API's group listing.
var groupsListing = listing[duo.Group]{
	name: "groups",
	what: "groups",
	description: fmt.Sprintf("Lists Duo groups with the Admin API's [`GET /admin/v1/groups`](https://duo.com/docs/adminapi#retrieve-groups). "+
		"It returns every group of the account, reading every page (%d groups a request), in the order Duo lists them. "+
		"To read one group with its members, use the `duo_group` data source.", duo.MaxGroupPageSize),
	objects: "The groups, in the order Duo lists them.",
	spec:    groupSpec,
	arguments: map[string]schema.Attribute{
		"name": schema.StringAttribute{
			Optional: true,
			MarkdownDescription: "Return only the groups whose name is exactly this, case included. " +
				"The Admin API cannot filter groups by name, so the provider still reads every group. `groups` is empty when no group has this name.",
			Validators: []validator.String{stringvalidator.LengthAtLeast(1)},
		},
	},
	list: func(ctx context.Context, client *account, args *arguments, sink duo.PageSink[duo.Group]) error {
		groups, err := client.groups(ctx)
		if err != nil {
			return err
		}
		if name := args.string("name"); !name.IsNull() {
			groups = groupsNamed(groups, name.ValueString())
		}
		sink.Add(groups)
		return nil
	},
}

func newGroupsDataSource() datasource.DataSource {
	return groupsListing.dataSource()
}

// groupsNamed returns the groups whose name is exactly name.
func groupsNamed(groups []duo.Group, name string) []duo.Group {
	named := []duo.Group{}
	for _, group := range groups {
		if group.Name != nil && *group.Name == name {
			named = append(named, group)
		}
	}
	return named
}
