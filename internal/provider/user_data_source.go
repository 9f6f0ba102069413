package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource"

	"github.com/idaudit/terraform-provider-duo/internal/duo"
)

// duo_user: one user, by username (or alias) or by ID.
var userObject = object[duo.User]{
	name: "user",
	what: "user",
	description: "Reads one Duo user, by username or alias (through [`GET /admin/v1/users`](https://duo.com/docs/adminapi#retrieve-users)) or by user ID (through [`GET /admin/v1/users/{user_id}`](https://duo.com/docs/adminapi#retrieve-user-by-id)). " +
		"A user that does not exist is an error.",
	spec: userSpec,
	lookups: []lookup[duo.User]{
		{
			argument:    "username",
			description: "The username, or one of the aliases, of the user to read. Exactly one of `username` and `user_id` must be set. After the read it holds the user's username.",
			find: func(ctx context.Context, client *account, username string) (*duo.User, error) {
				return client.userNamed(ctx, username)
			},
			notFound: "No Duo user has the username or alias %q. Check the spelling, or use the duo_users data source to list the users.",
		},
		{
			argument:    "user_id",
			description: "The ID of the user to read, such as `DU3RP9I2WOC59VZX672N`. Exactly one of `username` and `user_id` must be set.",
			find: func(ctx context.Context, client *account, userID string) (*duo.User, error) {
				return client.userWithID(ctx, userID)
			},
			notFound: "No Duo user has the ID %q. Check the ID, or look the user up by username instead.",
		},
	},
}

func newUserDataSource() datasource.DataSource {
	return userObject.dataSource()
}
