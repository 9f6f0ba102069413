package provider

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/datasource"

	"github.com/idaudit/terraform-provider-duo/internal/duo"
)

// duo_administrator_logs: the Admin API's v1 administrator log.
var administratorLogs = logWindow[duo.AdminLogEntry]{
	name: "administrator_logs",
	what: "administrator log events",
	description: fmt.Sprintf("Lists what administrators (and Admin API applications, directory syncs and Duo itself) did in a time window, with the Admin API's [`GET /admin/v1/logs/administrator`](https://duo.com/docs/adminapi#administrator-logs): "+
		"every event, oldest first. Duo's v1 log takes only a start, in seconds, and answers up to %d events a request: "+
		"the provider asks again from the second where each page ends, so that the events of a second split over two pages are neither lost nor repeated, "+
		"and leaves out the events after `maxtime` itself. Duo cannot filter this log: `actions` is applied by the provider, and every page of the window is read. "+
		"The Admin API application needs the \"Grant read log\" permission (\"Grant log - Read\" in newer Admin Panels).", duo.MaxLogPageSize),
	objects: "The events that match, oldest first.",
	spec:    adminLogSpec,
	filters: []logFilter{
		{name: "actions", description: "Only the events of these actions, such as `admin_create`, `admin_update`, `integration_create`, `integration_update` or `user_update`; applied by the provider, since Duo does not filter this log. `max_events` counts the events that match."},
	},
	read: func(ctx context.Context, client *account, query duo.LogQuery, sink duo.PageSink[duo.AdminLogEntry]) error {
		return client.StreamAdministratorLog(ctx, query, sink)
	},
}

func newAdministratorLogsDataSource() datasource.DataSource {
	return administratorLogs.dataSource()
}
