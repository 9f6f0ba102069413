package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource"

	"github.com/idaudit/terraform-provider-duo/internal/duo"
)

// duo_policies: every policy, with its sections as JSON and where it
// applies.
var policiesListing = listing[policy]{
	name: "policies",
	what: "policies",
	description: "Lists the policies of the Duo account: what Duo enforces, such as which authentication methods are allowed and what happens to users who have not enrolled. " +
		"It reads every page of the Admin API's [`GET /admin/v2/policies`](https://duo.com/docs/adminapi#policies), " +
		"and where each policy applies from [`GET /admin/v2/policies/summary`](https://duo.com/docs/adminapi#policies). " +
		"Each policy's sections are in `sections_json`, to read with `jsondecode`: the policies of a list cannot hold a dynamic attribute. " +
		"To read one policy with its sections as an object, use the `duo_policy` data source. " +
		"The Admin API application needs the \"Grant read resource\" permission (\"Grant resource - Read\" in newer Admin Panels).",
	objects: "The policies, in the order Duo lists them (which Duo does not define), the global policy among them.",
	spec:    policySpec.only("policy_key", "policy_name", "is_global_policy", "sections_json", "applies_to"),
	list: func(ctx context.Context, client *account, _ *arguments, sink duo.PageSink[policy]) error {
		policies, err := client.policies(ctx)
		if err != nil {
			return err
		}
		page := make([]policy, len(policies))
		for i := range policies {
			p, err := withApplications(ctx, client, &policies[i])
			if err != nil {
				return err
			}
			page[i] = *p
		}
		sink.Add(page)
		return nil
	},
}

func newPoliciesDataSource() datasource.DataSource {
	return policiesListing.dataSource()
}
