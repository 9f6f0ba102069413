package provider

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"

	"github.com/idaudit/terraform-provider-duo/internal/duo"
)

// The policy Duo applies to one user in one application.
var effectivePolicySpec = newObjectSpec(
	dynamicField("sections", "The settings Duo applies to the user in the application, section by section, as Duo calculates them: "+
		"the global policy's sections, each replaced by the section of the custom policy that applies to the user there, if that policy sets it. "+
		sectionsDescription+" Read without `jsondecode`, as in `sections.new_user.new_user_behavior`; values keep their JSON types and null stays null.",
		func(p *duo.EffectivePolicy) json.RawMessage { return p.Sections }),
	jsonField("sections_json", "The same section data as a JSON string, compact and with every object's keys sorted, so that it stays the same from one read to the next while the policies do not.",
		func(p *duo.EffectivePolicy) json.RawMessage { return p.Sections }),
	dynamicField("policy_elements", "What else Duo tells of the calculation, as Duo sends it; Duo does not document its shape, so read it with `try(...)`. Null when Duo sends none.",
		func(p *duo.EffectivePolicy) json.RawMessage { return p.PolicyElements }),
)

// duo_effective_policy: the user is found as duo_user finds one, then Duo
// calculates the policy for them.
var effectivePolicyObject = object[duo.User]{
	name: "effective_policy",
	what: "user's policy",
	description: "Reads the policy Duo applies to one user in one application, with the Admin API's `GET /admin/v2/policies/calculate`: " +
		"the global policy with the sections of the custom policy that applies to the user there (to the whole application, or to a group of theirs within it). " +
		"The user is named by `username` (or an alias, looked up through [`GET /admin/v1/users`](https://duo.com/docs/adminapi#retrieve-users)) " +
		"or `user_id` (read through [`GET /admin/v1/users/{user_id}`](https://duo.com/docs/adminapi#retrieve-user-by-id)); a user or application that does not exist is an error. " +
		"The Admin API application needs the \"Grant read resource\" permission (\"Grant resource - Read\" in newer Admin Panels).",
	spec: userSpec.only("user_id", "username"),
	lookups: []lookup[duo.User]{
		{
			argument:    "username",
			description: "The username, or one of the aliases, of the user whose policy to read. Exactly one of `username` and `user_id` must be set. After the read it holds the user's username.",
			find:        userNamed,
			notFound:    "No Duo user has the username or alias %q. Check the spelling, or use the duo_users data source to list the users.",
		},
		{
			argument:    "user_id",
			description: "The ID of the user whose policy to read, such as `DU3RP9I2WOC59VZX672N`. Exactly one of `username` and `user_id` must be set. After the read it holds the user's ID.",
			find:        userWithID,
			notFound:    "No Duo user has the ID %q. Check the ID, or look the user up by username instead.",
		},
	},
	more: withAttributes(effectivePolicySpec.attributes(), map[string]schema.Attribute{
		"integration_key": schema.StringAttribute{
			Required:            true,
			MarkdownDescription: "The integration key of the application, such as `DIWJ8X6AEYOR5OMC6TQ1`.",
			Validators:          []validator.String{stringvalidator.LengthAtLeast(1)},
		},
	}),
	readMore: func(ctx context.Context, client *account, args *arguments, user *duo.User) (map[string]stateAttribute, error) {
		integrationKey := args.string("integration_key").ValueString()
		if user.UserID == nil {
			return nil, fmt.Errorf("Duo sent the user without a user_id, so its policy cannot be calculated. Retry later; if it persists, report it to Duo support")
		}
		calculated, err := client.CalculatePolicy(ctx, integrationKey, *user.UserID)
		if duo.IsNotFound(err) {
			return nil, &argumentError{argument: "integration_key", summary: "Duo integration not found",
				detail: fmt.Sprintf("Duo found no application with the integration key %q to calculate the policy of user %s in (%s). Check the key, or use the duo_integrations data source to list the integrations.", integrationKey, *user.UserID, err)}
		}
		if err != nil {
			return nil, err
		}
		return effectivePolicySpec.stateAttributes(calculated), nil
	},
}

func newEffectivePolicyDataSource() datasource.DataSource {
	return effectivePolicyObject.dataSource()
}
