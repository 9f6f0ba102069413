package provider

import (
	"context"
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/idaudit/terraform-provider-duo/internal/duo"
)

// duo_policy: one policy, by key, by name, or the global policy.
var policyObject = object[policy]{
	name: "policy",
	what: "policy",
	description: "Reads one Duo policy, with its sections as an object (`sections.new_user.new_user_behavior`) and where it applies: " +
		"by key (through [`GET /admin/v2/policies/{policy_key}`](https://duo.com/docs/adminapi#policies)), " +
		"by name (through [`GET /admin/v2/policies`](https://duo.com/docs/adminapi#policies)), " +
		"or the global policy (through `GET /admin/v2/policies/global`), and [`GET /admin/v2/policies/summary`](https://duo.com/docs/adminapi#policies) for where it applies. " +
		"A policy that does not exist is an error. " +
		"The Admin API application needs the \"Grant read resource\" permission (\"Grant resource - Read\" in newer Admin Panels).",
	spec: policySpec,
	lookups: []lookup[policy]{
		{
			argument:    "policy_key",
			description: "The key of the policy to read, such as `POSTGY2G0HVWJR4JO1XT`. Exactly one of `policy_key`, `policy_name` and `global` must be set.",
			find: func(ctx context.Context, client *account, policyKey string) (*policy, error) {
				found, err := client.GetPolicy(ctx, policyKey)
				if err != nil {
					return nil, err
				}
				return withApplications(ctx, client, found)
			},
			notFound: "No Duo policy has the key %q. Check the key, or look the policy up by policy_name instead.",
		},
		{
			argument: "policy_name",
			description: "The name of the policy to read, matched exactly, case included. Exactly one of `policy_key`, `policy_name` and `global` must be set. " +
				"The Admin API cannot look policies up by name, so the provider reads the policy listing to find it; two policies with the name are an error that names their keys. " +
				"After the read it holds the policy's name.",
			find:     policyNamed,
			notFound: "No Duo policy is named %q. Names match exactly, case included: check the spelling, or use the duo_policies data source to list the policies.",
		},
		{
			argument:    "global",
			flag:        true,
			description: "Set to `true` to read the account's global policy, which applies wherever no custom policy does. Exactly one of `policy_key`, `policy_name` and `global` must be set.",
			find: func(ctx context.Context, client *account, _ string) (*policy, error) {
				found, err := client.GetGlobalPolicy(ctx)
				if err != nil {
					return nil, err
				}
				return withApplications(ctx, client, found)
			},
			notFound: "Duo answered that the account has no global policy. Retry later; if it persists, report it to Duo support.",
		},
	},
}

func newPolicyDataSource() datasource.DataSource {
	return policyObject.dataSource()
}

// policyNamed finds the one policy with exactly this name; several
// policies with the name are an error on the argument.
func policyNamed(ctx context.Context, client *account, name string) (*policy, error) {
	policies, err := client.policies(ctx)
	if err != nil {
		return nil, err
	}
	var named []*duo.Policy
	for i := range policies {
		if policies[i].PolicyName != nil && *policies[i].PolicyName == name {
			named = append(named, &policies[i])
		}
	}
	switch len(named) {
	case 0:
		return nil, nil
	case 1:
		return withApplications(ctx, client, named[0])
	}
	keys := make([]string, len(named))
	for i, p := range named {
		keys[i] = fmt.Sprintf("%q", types.StringPointerValue(p.PolicyKey).ValueString())
	}
	return nil, &argumentError{argument: "policy_name", summary: "Several Duo policies have this name",
		detail: fmt.Sprintf("%d Duo policies are named %q (keys %s). Look the policy up by policy_key instead.", len(named), name, strings.Join(keys, ", "))}
}
