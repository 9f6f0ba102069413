package provider

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/datasource"

	"github.com/idaudit/terraform-provider-duo/internal/duo"
)

// duo_offline_enrollment_logs: the Admin API's v1 offline enrollment log.
var offlineEnrollmentLogs = logWindow[duo.OfflineEnrollmentEntry]{
	name: "offline_enrollment_logs",
	what: "offline enrollment log events",
	description: fmt.Sprintf("Lists who enrolled in, re-enrolled in or lost Duo's offline access (the offline two-factor login of Duo Authentication for Windows Logon and for macOS) in a time window, "+
		"with the Admin API's [`GET /admin/v1/logs/offline_enrollment`](https://duo.com/docs/adminapi#offline-enrollment-logs): every event, oldest first. "+
		"Duo's v1 log takes only a start, in seconds, and answers up to %d events a request: "+
		"the provider asks again from the second where each page ends, so that the events of a second split over two pages are neither lost nor repeated, "+
		"and leaves out the events after `maxtime` itself. "+
		"The Admin API application needs the \"Grant read log\" permission (\"Grant log - Read\" in newer Admin Panels; no Duo source confirms it for this log).", duo.MaxLogPageSize),
	objects: "The events, oldest first.",
	spec:    offlineEnrollmentLogSpec,
	read: func(ctx context.Context, client *account, query duo.LogQuery, sink duo.PageSink[duo.OfflineEnrollmentEntry]) error {
		return client.StreamOfflineEnrollmentLog(ctx, query, sink)
	},
}

func newOfflineEnrollmentLogsDataSource() datasource.DataSource {
	return offlineEnrollmentLogs.dataSource()
}
