package provider

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/datasource"

	"github.com/idaudit/terraform-provider-duo/internal/duo"
)

// duo_activity_logs: the Admin API's v2 activity log.
var activityLogs = logWindow[duo.ActivityLog]{
	name: "activity_logs",
	what: "activity log events",
	description: fmt.Sprintf("Lists what administrators, Admin API applications, directory syncs, Duo itself and users changed in a time window, in Duo's newer activity log, "+
		"with the Admin API's [`GET /admin/v2/logs/activity`](https://duo.com/docs/adminapi#activity-logs): every event, oldest first, "+
		"reading every page (up to %d events a request) by the cursor Duo sends. "+
		"Duo's sources disagree on the form of two fields, and both forms are read: `action`, a name or an object of its name and details "+
		"(`action_details`), and the result, in an `outcome` object or beside the event's other fields (`outcome.result` either way). "+
		"The activity log is in Duo's Advantage and Premier editions, in public preview. "+
		"The Admin API application needs the \"Grant read log\" permission (\"Grant log - Read\" in newer Admin Panels).", duo.MaxLogPageSize),
	objects: "The events, oldest first.",
	spec:    activityLogSpec,
	read: func(ctx context.Context, client *account, query duo.LogQuery, sink duo.PageSink[duo.ActivityLog]) error {
		return client.StreamActivityLog(ctx, query, sink)
	},
}

func newActivityLogsDataSource() datasource.DataSource {
	return activityLogs.dataSource()
}
