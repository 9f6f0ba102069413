package provider

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/datasource"

	"github.com/idaudit/terraform-provider-duo/internal/duo"
)

// duo_telephony_logs: the Admin API's v2 telephony log.
var telephonyLogs = logWindow[duo.TelephonyLogEntry]{
	name: "telephony_logs",
	what: "telephony log events",
	description: fmt.Sprintf("Lists the SMS and phone calls Duo sent in a time window, and the telephony credits each cost, with the Admin API's [`GET /admin/v2/logs/telephony`](https://duo.com/docs/adminapi#telephony-logs): "+
		"every event, oldest first, reading every page (up to %d events a request) by the cursor Duo sends. "+
		"The Admin API application needs the \"Grant read log\" permission (\"Grant log - Read\" in newer Admin Panels).", duo.MaxLogPageSize),
	objects: "The events, oldest first.",
	spec:    telephonyLogSpec,
	read: func(ctx context.Context, client *account, query duo.LogQuery, sink duo.PageSink[duo.TelephonyLogEntry]) error {
		return client.StreamTelephonyLog(ctx, query, sink)
	},
}

func newTelephonyLogsDataSource() datasource.DataSource {
	return telephonyLogs.dataSource()
}
