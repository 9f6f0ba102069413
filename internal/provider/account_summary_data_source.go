package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource"

	"github.com/idaudit/terraform-provider-duo/internal/duo"
)

var accountSummarySpec = newObjectSpec(
	stringField("edition", "The account's Duo edition, such as `Duo Premier`; null when Duo does not send it.", func(s *duo.AccountSummary) *string { return s.Edition }),
	int64Field("admin_count", "How many administrators the account has.", func(s *duo.AccountSummary) *duo.Int { return s.AdminCount }),
	int64Field("integration_count", "How many integrations the account has.", func(s *duo.AccountSummary) *duo.Int { return s.IntegrationCount }),
	int64Field("telephony_credits_remaining", "How many telephony credits are left, of every kind together.", func(s *duo.AccountSummary) *duo.Int { return s.TelephonyCreditsRemaining }),
	int64Field("user_count", "How many users the account has.", func(s *duo.AccountSummary) *duo.Int { return s.UserCount }),
	int64Field("user_pending_deletion_count", "How many users are in the trash, pending deletion.", func(s *duo.AccountSummary) *duo.Int { return s.UserPendingDeletionCount }),
)

// duo_account_summary: Duo's summary of the account.
var accountSummaryObject = object[duo.AccountSummary]{
	name: "account_summary",
	what: "account summary",
	description: "Reads Duo's summary of the account: how many users, administrators and integrations it has, and how many telephony credits are left, with the Admin API's [`GET /admin/v1/info/summary`](https://duo.com/docs/adminapi#retrieve-summary). " +
		"The Admin API application needs the \"Grant read information\" permission.",
	spec: accountSummarySpec,
	fetch: func(ctx context.Context, client *account) (*duo.AccountSummary, error) {
		return client.GetAccountSummary(ctx)
	},
}

func newAccountSummaryDataSource() datasource.DataSource {
	return accountSummaryObject.dataSource()
}
