package provider

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/hashicorp/terraform-plugin-framework-validators/boolvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/datasourcevalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/listvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/setvalidator"
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

// The arguments that filter users, from the listing or from a lookup.
const (
	statusArgument          = "status"
	isEnrolledArgument      = "is_enrolled"
	groupsArgument          = "groups"
	lastLoginBeforeArgument = "last_login_before"
	withoutFactorsArgument  = "without_factors"
)

// userStatuses are the statuses a Duo user may have.
var userStatuses = []string{"active", "bypass", "disabled", "locked out", "pending deletion"}

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
			"`username`, `usernames`, `user_ids` and `email` look users up instead; at most one of them may be set, and none with `offset` or `limit`.\n\n"+
			"The filters `status`, `is_enrolled`, `groups`, `last_login_before` and `without_factors` keep only the users that match all of those set, from the listing or from a lookup, "+
			"so that the state holds only the users an audit asks about. "+
			"Every `duo_users` of a plan that reads the whole listing, which all do but lookups and an unfiltered slice by `offset` and `limit`, shares one read of it: "+
			"five filtered `duo_users` cost Duo the requests of one listing.", duo.MaxPageSize),
		attributes: map[string]schema.Attribute{
			usernameArgument: schema.StringAttribute{
				Optional: true,
				MarkdownDescription: "Return only the user whose username, or one of whose aliases, is exactly this. `users` then holds one user, or none when nobody matches. " +
					"Like `duo_user`, the lookups of many `duo_users` that Terraform makes together are sent together, in `username_list`, and when the plan has read the whole user listing, or is reading it, the user is found in it (or, when it lacks the user, asked of Duo).",
				Validators: []validator.String{stringvalidator.LengthAtLeast(1)},
			},
			usernamesArgument: schema.ListAttribute{
				Optional:    true,
				ElementType: types.StringType,
				MarkdownDescription: fmt.Sprintf("Return the users with these usernames or aliases, in the order of this list: one user for each name that matches. "+
					"The names are sent %[1]d a request with the Admin API's `username_list`, the requests at once (at most `max_concurrent_requests` in flight); "+
					"a user in the answer matches the names that are its username or one of its aliases. "+
					"Each name that nothing in the answers matches is then looked up alone by `username`, which Duo also matches against aliases. "+
					"A name may appear only once; a user named twice, by username and by alias, appears twice. "+
					"A name that matches nobody is an error, unless `ignore_missing` is `true`. An empty list returns no users.", duo.MaxLookupValues),
				Validators: batchValidators,
			},
			userIDsArgument: schema.ListAttribute{
				Optional:    true,
				ElementType: types.StringType,
				MarkdownDescription: fmt.Sprintf("Return the users with these user IDs, in the order of this list: one user for each ID that matches. "+
					"The IDs are sent %d a request with the Admin API's `user_id_list`, the requests at once (at most `max_concurrent_requests` in flight). "+
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
			statusArgument: schema.SetAttribute{
				Optional:    true,
				ElementType: types.StringType,
				MarkdownDescription: "Keep only the users whose status is one of these: `active`, `bypass`, `disabled`, `locked out` or `pending deletion`. " +
					"An empty set keeps nobody.",
				Validators: []validator.Set{setvalidator.ValueStringsAre(stringvalidator.OneOf(userStatuses...))},
			},
			isEnrolledArgument: schema.BoolAttribute{
				Optional:            true,
				MarkdownDescription: "Keep only the users who have enrolled (`true`) or who have not (`false`).",
			},
			groupsArgument: schema.SetAttribute{
				Optional:    true,
				ElementType: types.StringType,
				MarkdownDescription: "Keep only the users in at least one of these groups, each given by name (exactly, case included) or by group ID. " +
					"A group that nobody is in, or that does not exist, keeps nobody.",
				Validators: []validator.Set{setvalidator.ValueStringsAre(stringvalidator.LengthAtLeast(1))},
			},
			lastLoginBeforeArgument: schema.StringAttribute{
				Optional: true,
				MarkdownDescription: "Keep only the users who last logged in before this time, and those who never logged in. " +
					"An RFC 3339 time, such as `2024-06-01T00:00:00Z`, or `timeadd(plantimestamp(), \"-2160h\")` for 90 days before the plan.",
				Validators: []validator.String{rfc3339},
			},
			withoutFactorsArgument: schema.SetAttribute{
				Optional:            true,
				ElementType:         types.StringType,
				MarkdownDescription: withoutFactorsDescription(),
				Validators:          []validator.Set{setvalidator.ValueStringsAre(stringvalidator.OneOf(factorValues()...))},
			},
			"offset": schema.Int64Attribute{
				Optional: true,
				MarkdownDescription: "The position of the first user to return among those Duo lists, from `0` (the default). " +
					"With filters, among the users that match them: `offset = 10` skips the first ten matching users.",
				Validators: []validator.Int64{int64validator.AtLeast(0)},
			},
			"limit": schema.Int64Attribute{
				Optional: true,
				MarkdownDescription: fmt.Sprintf("The most users to return in all, at least `1`; by default every user from `offset` on. With filters, the most matching users. "+
					"Unlike the Admin API's `limit`, which sizes one page and is at most %d, this caps the whole result: the provider reads as many pages as it needs.", duo.MaxPageSize),
				Validators: []validator.Int64{int64validator.AtLeast(1)},
			},
			"users": schema.ListNestedAttribute{
				Computed: true,
				MarkdownDescription: "The users that match the arguments, with every field: in the order Duo lists them, or with `usernames` and `user_ids`, in the order of that list. " +
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

// withoutFactorsDescription describes the without_factors argument from
// factorNames.
func withoutFactorsDescription() string {
	values := make([]string, len(factorNames))
	for i, f := range factorNames {
		values[i] = fmt.Sprintf("`%s` (%s)", f.name, f.description)
	}
	return "Keep only the users who hold none of these factors: " + strings.Join(values, ", ") + ". " +
		"`[\"push\", \"webauthn\", \"u2f_token\", \"hardware_token\"]` keeps the users who can log in only with SMS, phone calls, Duo Mobile passcodes or bypass codes, or with nothing at all. " +
		"An empty set keeps everyone."
}

// factorValues are the values without_factors takes.
func factorValues() []string {
	values := make([]string, len(factorNames))
	for i, f := range factorNames {
		values[i] = f.name
	}
	return values
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
	filter        userFilter
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
	query.filter = userFilter{
		statuses:       args.strings(statusArgument),
		isEnrolled:     args.bool(isEnrolledArgument).ValueBoolPointer(),
		groups:         args.strings(groupsArgument),
		withoutFactors: factorsNamed(args.strings(withoutFactorsArgument)),
	}
	if before := args.string(lastLoginBeforeArgument); !before.IsNull() {
		// The validator has already rejected a time that does not parse.
		if t, err := time.Parse(time.RFC3339, before.ValueString()); err == nil {
			query.filter.lastLoginBefore = &t
		}
	}
	return query
}

// readUsers finds the users the configuration asks for.
func readUsers(ctx context.Context, client *account, args *arguments) (map[string]stateAttribute, error) {
	query := readUsersQuery(args)
	users, missing, err := findUsers(ctx, client, query)
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

// findUsers returns the users the query asks for, and with a batch
// argument the values that matched nobody: a user that exists but that
// the filters leave out is not missing.
func findUsers(ctx context.Context, client *account, query usersQuery) (users *encodedList[duo.User], missing []string, err error) {
	var found []duo.User
	switch {
	case query.batchArgument == usernamesArgument:
		found, missing, err = client.UsersByUsername(ctx, query.batch)
	case query.batchArgument == userIDsArgument:
		found, missing, err = client.UsersByID(ctx, query.batch)
	case query.listing.Username != "":
		// A single lookup, sent in a batch with those that arrive with it.
		var user *duo.User
		if user, err = client.userNamed(ctx, query.listing.Username); user != nil {
			found = []duo.User{*user}
		}
	case query.listing.Email != "":
		found, err = client.ListUsers(ctx, query.listing)
	case !query.filter.isSet() && (query.listing.Offset > 0 || query.listing.Limit > 0):
		// A slice of the listing: Duo pages to it, without reading the rest.
		users = &encodedList[duo.User]{spec: userSpec}
		return users, nil, client.StreamUsers(ctx, query.listing, users)
	default:
		listing, err := client.users(ctx)
		if err != nil {
			return nil, nil, err
		}
		return listing.selected(query.filter, query.listing.Offset, query.listing.Limit), nil, nil
	}
	if err != nil {
		return nil, nil, err
	}
	return query.filter.selected(found), missing, nil
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
