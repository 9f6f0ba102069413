package provider

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/datasource"

	"github.com/idaudit/terraform-provider-duo/internal/duo"
)

// duo_authentication_logs: the Admin API's v2 authentication log.
var authenticationLogs = logWindow[duo.AuthLog]{
	name: "authentication_logs",
	what: "authentication log events",
	description: fmt.Sprintf("Lists the authentications of a time window, with the Admin API's [`GET /admin/v2/logs/authentication`](https://duo.com/docs/adminapi#authentication-logs): "+
		"every event that matches the filters, oldest first, reading every page (up to %d events a request) by the cursor Duo sends. "+
		"The filters are sent to Duo, so that a week of a large account costs the pages of the matches only. "+
		"The Admin API application needs the \"Grant read log\" permission (\"Grant log - Read\" in newer Admin Panels).", duo.MaxLogPageSize),
	objects: "The events that match, oldest first.",
	spec:    authLogSpec,
	filters: []logFilter{
		{name: "users", description: "Only the authentications of these users, by user ID."},
		{name: "groups", description: "Only the authentications of users in these groups, by group ID (the events show group names)."},
		{name: "applications", description: "Only the authentications to these applications, by integration key."},
		{name: "results", description: "Only the authentications with these results.", values: []string{"success", "denied", "fraud"}},
		{name: "reasons", description: "Only the authentications that ended for these reasons, such as `bypass_user`, `valid_passcode`, `denied_by_policy`, `user_marked_fraud`, `locked_out` or `no_response`."},
		{name: "factors", description: "Only the authentications with these factors, such as `duo_push`, `phone_call`, `sms_passcode`, `bypass_code`, `hardware_token` or `WebAuthn Security Key`."},
		{name: "event_types", description: "Only the events of these types.", values: []string{"authentication", "enrollment"}},
		{name: "phone_numbers", description: "Only the authentications approved with these phone numbers, such as `+15555550100`."},
		{name: "tokens", description: "Only the authentications with these security keys, by WebAuthn key or U2F registration ID."},
	},
	read: func(ctx context.Context, client *account, query duo.LogQuery, sink duo.PageSink[duo.AuthLog]) error {
		return client.StreamAuthenticationLog(ctx, query, sink)
	},
}

func newAuthenticationLogsDataSource() datasource.DataSource {
	return authenticationLogs.dataSource()
}
