package provider

import (
	"context"
	"encoding/json"

	"github.com/idaudit/terraform-provider-duo/internal/duo"
)

// The Duo policy object, shared by the duo_policies and duo_policy data
// sources, with where the policy applies from Duo's policy summary.

// policy is a Duo policy and where it applies.
type policy struct {
	duo.Policy
	appliesTo []duo.PolicyApplication
}

// sectionsDescription says what a policy's sections hold, for the
// attributes that hold them.
const sectionsDescription = "Each section is an object of Duo's own keys, such as `new_user.new_user_behavior` (`enroll`, `allow` or `deny`), " +
	"`authentication_methods.allowed_auth_list` (a list of `duo-push`, `duo-passcode`, `phonecall`, `sms`, `hardware-token`, `webauthn-platform`, `webauthn-roaming`) " +
	"or `authentication_policy.user_auth_behavior` (`enforce`, `bypass` or `deny`), holding strings, numbers, booleans, lists and objects as Duo sends them; " +
	"Duo adds sections and keys over time, and documents only some of them."

var policyApplicationSpec = newObjectSpec(
	stringField("app_integration_key", "The integration key of the application.", func(a *duo.PolicyApplication) *string { return a.AppIntegrationKey }),
	stringField("app_name", "The application's name.", func(a *duo.PolicyApplication) *string { return a.AppName }),
	stringField("apply_type", "`app` when the policy applies to the whole application, `group_app` when it applies to the users of `group_name` within it.", func(a *duo.PolicyApplication) *string { return a.ApplyType }),
	stringField("group_name", "For `apply_type = \"group_app\"`, the group whose users the policy applies to within the application; null otherwise.", func(a *duo.PolicyApplication) *string { return a.GroupName }),
)

var policySpec = newObjectSpec(
	stringField("policy_key", "The policy's key, such as `POSTGY2G0HVWJR4JO1XT`.", func(p *policy) *string { return p.PolicyKey }),
	stringField("policy_name", "The policy's name.", func(p *policy) *string { return p.PolicyName }),
	boolField("is_global_policy", "Whether this is the account's global policy, which applies wherever no custom policy does; null when Duo does not say.", func(p *policy) *duo.Bool { return p.IsGlobalPolicy }),
	dynamicField("sections", "The policy's settings, section by section, as Duo sends them, read without `jsondecode`: `sections.new_user.new_user_behavior`. "+
		sectionsDescription+" The values keep their JSON types, and null stays null, exactly as `jsondecode(sections_json)` reads them. "+
		"The global policy has every section. A custom policy holds only the sections it sets: a section it does not hold is inherited, whole, from the global policy, "+
		"so read one with `try(...)` and fall back to the global policy's: `try(sections.new_user, data.duo_policy.global.sections.new_user)`.",
		func(p *policy) json.RawMessage { return p.Sections }),
	jsonField("sections_json", "The policy's settings, section by section, as a JSON string to read with `jsondecode`: compact, with every object's keys sorted, "+
		"so that it stays the same from one read to the next while the policy does not, and numbers as Duo writes them. `jsondecode(sections_json)` is what `duo_policy` holds in `sections`. "+
		sectionsDescription+" A custom policy holds only the sections it sets: the others are inherited, whole, from the global policy.",
		func(p *policy) json.RawMessage { return p.Sections }),
	nestedListField("applies_to", "Where the policy applies, from Duo's policy summary ([`GET /admin/v2/policies/summary`](https://duo.com/docs/adminapi#policies)): "+
		"the applications it applies to as a whole, and the groups within applications it applies to; an empty list for a policy applied nowhere. "+
		"Null for the global policy when the summary does not list it: the global policy applies to every application, and every group within one, that no custom policy covers. "+
		"The summary's shape is not documented by Duo: the provider reads its `policies` list of `policy_key` and `policy_applies_to` "+
		"(or `applies_to`, or the list alone), and a summary that does not say where a custom policy applies is an error.",
		policyApplicationSpec, func(p *policy) []duo.PolicyApplication { return p.appliesTo }),
)

// withApplications returns the policy with where it applies, from the
// account's policy summary.
func withApplications(ctx context.Context, client *account, p *duo.Policy) (*policy, error) {
	summary, err := client.policySummary(ctx)
	if err != nil {
		return nil, err
	}
	appliesTo, err := summary.AppliesTo(p)
	if err != nil {
		return nil, err
	}
	return &policy{Policy: *p, appliesTo: appliesTo}, nil
}
