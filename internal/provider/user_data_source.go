package provider

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/datasource"

	"github.com/idaudit/terraform-provider-duo/internal/duo"
)

// duo_user: one user, by username (or alias) or by ID.
var userObject = object[duo.User]{
	name: "user",
	what: "user",
	description: "Reads one Duo user, by username or alias, or by user ID, through [`GET /admin/v1/users`](https://duo.com/docs/adminapi#retrieve-users). " +
		"A user that does not exist is an error, on its own `username` or `user_id`.\n\n" +
		"Many `duo_user` cost few requests: the lookups that Terraform makes together, such as the instances of a `for_each` (about ten at a time, Terraform's parallelism), " +
		fmt.Sprintf("are sent together, usernames in `username_list` and IDs in `user_id_list`, up to %d a request. ", duo.MaxLookupValues) +
		"A lookup alone is sent by itself, by `username` or by [`GET /admin/v1/users/{user_id}`](https://duo.com/docs/adminapi#retrieve-user-by-id). " +
		"Each instance keeps its own result, its own error and its own read timeout. " +
		"When the plan has read the whole user listing, or is reading it, as a `duo_users` with filters does, the user is found in it without a request of its own; one that the listing lacks (created while the plan ran, or left out by a proxy that cut the listing short) is asked of Duo before it is reported missing.",
	spec: userSpec,
	lookups: []lookup[duo.User]{
		{
			argument: "username",
			description: "The username, or one of the aliases, of the user to read, matched exactly: a user whose username it is before one whose alias it is. " +
				"Exactly one of `username` and `user_id` must be set. After the read it holds the user's username.",
			find:     userNamed,
			notFound: "No Duo user has the username or alias %q. Check the spelling, or use the duo_users data source to list the users.",
		},
		{
			argument:    "user_id",
			description: "The ID of the user to read, such as `DU3RP9I2WOC59VZX672N`. Exactly one of `username` and `user_id` must be set.",
			find:        userWithID,
			notFound:    "No Duo user has the ID %q. Check the ID, or look the user up by username instead.",
		},
	},
}

func newUserDataSource() datasource.DataSource {
	return userObject.dataSource()
}

// userNamed and userWithID find a user as duo_user does, for the lookups
// of the data sources that name a user: batched with the plan's other
// lookups, or answered from the user listing it holds.
func userNamed(ctx context.Context, client *account, username string) (*duo.User, error) {
	return client.userNamed(ctx, username)
}

func userWithID(ctx context.Context, client *account, userID string) (*duo.User, error) {
	return client.userWithID(ctx, userID)
}
