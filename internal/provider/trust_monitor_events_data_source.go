package provider

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/datasource"

	"github.com/idaudit/terraform-provider-duo/internal/duo"
)

// duo_trust_monitor_events: the Admin API's Trust Monitor events.
var trustMonitorEvents = logWindow[duo.TrustMonitorEvent]{
	name: "trust_monitor_events",
	what: "Trust Monitor events",
	description: fmt.Sprintf("Lists the events that Trust Monitor surfaced in a time window (suspicious authentications, users put in bypass, device registrations), with the Admin API's [`GET /admin/v1/trust_monitor/events`](https://duo.com/docs/adminapi#trust-monitor): "+
		"every event, in the order Duo lists them, reading every page (up to %d events a request) by the offset Duo sends. "+
		"An event that nobody has triaged yet has `state = \"new\"`. "+
		"Trust Monitor is in Duo's Advantage and Premier editions. "+
		"The Admin API application needs the \"Grant read log\" permission (\"Grant log - Read\" in newer Admin Panels).", duo.MaxTrustMonitorPageSize),
	objects: "The events, in the order Duo lists them.",
	spec:    trustMonitorEventSpec,
	filters: []logFilter{
		{name: "type", single: true, description: "Only the events of this type (Duo filters on these two only).", values: []string{"auth", "bypass_status"}},
	},
	read: func(ctx context.Context, client *account, query duo.LogQuery, sink duo.PageSink[duo.TrustMonitorEvent]) error {
		return client.StreamTrustMonitorEvents(ctx, query, sink)
	},
}

func newTrustMonitorEventsDataSource() datasource.DataSource {
	return trustMonitorEvents.dataSource()
}
