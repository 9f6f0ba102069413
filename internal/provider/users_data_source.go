package provider

import (
	"context"
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-validators/boolvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/datasourcevalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/listvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/idaudit/terraform-provider-duo/internal/duo"
)

// The arguments that look users up; each excludes the others, and offset
// and limit, which only slice the whole listing.
const (
	usernameArgument  = "username"
	usernamesArgument = "usernames"
	userIDsArgument   = "user_ids"
	emailArgument     = "email"
)

// newUsersDataSource is duo_users: the Admin API's user listing, and lookups
// of users by username, alias, ID or email.
func newUsersDataSource() datasource.DataSource {
	// usernames and user_ids: no duplicates, so that each user in the result
	// answers one value of the list, and no null or empty values.
	batchValidators := []validator.List{
		listvalidator.UniqueValues(),
		listvalidator.NoNullValues(),
		listvalidator.ValueStringsAre(stringvalidator.LengthAtLeast(1)),
	}
	return &dataSource{
		name: "users",
		description: fmt.Sprintf("Lists Duo users with the Admin API's [`GET /admin/v1/users`](https://duo.com/docs/adminapi#retrieve-users). "+
			"With no arguments it returns every user of the account, reading every page (%d users a request), in the order Duo lists them. "+
			"`offset` and `limit` read a slice of the listing. "+
			"`username`, `usernames`, `user_ids` and `email` look users up instead; at most one of them may be set, and none with `offset` or `limit`.", duo.MaxPageSize),
		attributes: map[string]schema.Attribute{
			usernameArgument: schema.StringAttribute{
				Optional:            true,
				MarkdownDescription: "Return only the user whose username, or one of whose aliases, is exactly this. `users` then holds one user, or none when nobody matches.",
				Validators:          []validator.String{stringvalidator.LengthAtLeast(1)},
			},
			usernamesArgument: schema.ListAttribute{
				Optional:    true,
				ElementType: types.StringType,
				MarkdownDescription: fmt.Sprintf("Return the users with these usernames or aliases, in the order of this list: one user for each name that matches. "+
					"The names are sent %[1]d a request with the Admin API's `username_list`, which matches usernames only; "+
					"each name that matches no username is then looked up alone by `username`, which also matches aliases, so a list of aliases costs one request per alias. "+
					"A name may appear only once; a user named twice, by username and by alias, appears twice. "+
					"A name that matches nobody is an error, unless `ignore_missing` is `true`. An empty list returns no users.", duo.MaxLookupValues),
				Validators: batchValidators,
			},
			userIDsArgument: schema.ListAttribute{
				Optional:    true,
				ElementType: types.StringType,
				MarkdownDescription: fmt.Sprintf("Return the users with these user IDs, in the order of this list: one user for each ID that matches. "+
					"The IDs are sent %d a request with the Admin API's `user_id_list`. "+
					"An ID may appear only once. An ID that matches nobody is an error, unless `ignore_missing` is `true`. An empty list returns no users.", duo.MaxLookupValues),
				Validators: batchValidators,
			},
			emailArgument: schema.StringAttribute{
				Optional:            true,
				MarkdownDescription: "Return only the users with exactly this email address. `users` is empty when nobody matches.",
				Validators:          []validator.String{stringvalidator.LengthAtLeast(1)},
			},
			"ignore_missing": schema.BoolAttribute{
				Optional: true,
				MarkdownDescription: "With `usernames` or `user_ids`: when `true`, values that match no user are left out of `users` and listed in `missing` instead of failing the read. " +
					"Defaults to `false`.",
				Validators: []validator.Bool{boolvalidator.Any(
					boolvalidator.AlsoRequires(path.MatchRoot(usernamesArgument)),
					boolvalidator.AlsoRequires(path.MatchRoot(userIDsArgument)),
				)},
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
				Computed: true,
				MarkdownDescription: "The users: in the order Duo lists them, or with `usernames` and `user_ids`, in the order of that list. " +
					"Empty when nobody matches.",
				NestedObject: schema.NestedAttributeObject{Attributes: userSpec.attributes()},
			},
			missingField.name: missingField.attribute,
		},
		validators: usersValidators(),
		failure:    "Unable to list Duo users",
		read:       readUsers,
	}
}

func usersValidators() []datasource.ConfigValidator {
	lookups := []path.Expression{
		path.MatchRoot(usernameArgument), path.MatchRoot(usernamesArgument), path.MatchRoot(userIDsArgument), path.MatchRoot(emailArgument),
	}
	validators := []datasource.ConfigValidator{datasourcevalidator.Conflicting(lookups...)}
	for _, lookup := range lookups {
		validators = append(validators,
			datasourcevalidator.Conflicting(lookup, path.MatchRoot("offset")),
			datasourcevalidator.Conflicting(lookup, path.MatchRoot("limit")),
		)
	}
	return validators
}

// usersQuery is what a duo_users configuration asks for.
type usersQuery struct {
	// listing selects from the listing when no batch argument is set.
	listing duo.ListUsersInput
	// batchArgument is usernamesArgument or userIDsArgument when one of
	// them is set, and batch then holds its values; "" otherwise.
	batchArgument string
	batch         []string
	ignoreMissing bool
}

// readUsersQuery reads the arguments of a duo_users configuration.
func readUsersQuery(args *arguments) usersQuery {
	query := usersQuery{
		listing: duo.ListUsersInput{
			Username: args.string(usernameArgument).ValueString(),
			Email:    args.string(emailArgument).ValueString(),
			Offset:   int(args.int64("offset").ValueInt64()),
			Limit:    int(args.int64("limit").ValueInt64()),
		},
		ignoreMissing: args.bool("ignore_missing").ValueBool(),
	}
	for _, argument := range []string{usernamesArgument, userIDsArgument} {
		if values := args.strings(argument); values != nil {
			query.batchArgument, query.batch = argument, values
		}
	}
	return query
}

// readUsers finds the users the configuration asks for.
func readUsers(ctx context.Context, client *duo.Client, args *arguments) (map[string]stateAttribute, error) {
	query := readUsersQuery(args)
	users := &encodedList[duo.User]{spec: userSpec}
	missing, err := find(ctx, client, query, users)
	if err != nil {
		return nil, err
	}
	if len(missing) > 0 && !query.ignoreMissing {
		return nil, &argumentError{argument: query.batchArgument, summary: "Duo users not found", detail: missingUsersDetail(query.batchArgument, missing)}
	}
	if query.batchArgument != "" && missing == nil {
		missing = []string{}
	}
	return map[string]stateAttribute{
		"users":           users.attribute(),
		missingField.name: missingField.stateAttribute(&missing),
	}, nil
}

// find hands the users the query asks for to users, and with a batch
// argument returns the values that matched nobody.
func find(ctx context.Context, client *duo.Client, query usersQuery, users duo.PageSink[duo.User]) (missing []string, err error) {
	var found []duo.User
	switch query.batchArgument {
	case usernamesArgument:
		found, missing, err = client.UsersByUsername(ctx, query.batch)
	case userIDsArgument:
		found, missing, err = client.UsersByID(ctx, query.batch)
	default:
		return nil, client.StreamUsers(ctx, query.listing, users)
	}
	users.Add(found)
	return missing, err
}

// missingUsersDetail names every value of argument that matched nobody.
func missingUsersDetail(argument string, missing []string) string {
	quoted := make([]string, len(missing))
	for i, value := range missing {
		quoted[i] = fmt.Sprintf("%q", value)
	}
	what := "user ID"
	if argument == usernamesArgument {
		what = "username or alias"
	}
	return fmt.Sprintf("No Duo user has the %s %s (%d of the values in %s). "+
		"Check the spelling and remove the values that are no longer in Duo, or set ignore_missing = true to read the users that exist and list the others in the missing attribute.",
		what, strings.Join(quoted, ", "), len(missing), argument)
}

// missingField is the missing attribute: the values of a batch argument
// that matched nobody, null without a batch argument.
var missingField = stringListField("missing",
	"With `usernames` or `user_ids`: the values that matched no user, in the order given; an empty list when every value matched. "+
		"Only `ignore_missing = true` lets a read with missing values succeed, so this is how a configuration can report them. Null when neither argument is set.",
	func(missing *[]string) []string { return *missing })
