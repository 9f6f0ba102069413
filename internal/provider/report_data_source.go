package provider

import (
	"context"
	"fmt"
	"maps"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/datasource"

	"github.com/idaudit/terraform-provider-duo/internal/duo"
)

// report is a data source that reads Duo's account info reports of a time
// window: what they count at its top level, beside the window as read.
type report[T any] struct {
	// name follows "duo_" in the data source's name.
	name string
	// what names the report in diagnostics, such as "authentication attempts".
	what        string
	description string
	// key is the member of Duo's nested answer that holds the counts, for
	// the docs.
	key  string
	spec objectSpec[T]
	read func(ctx context.Context, client *account, mintime, maxtime time.Time) (*T, error)
}

// reportWindow is the window of every report: by default the last 30
// days, as Duo's own default.
var reportWindow = timeWindow{defaultSpan: 30 * 24 * time.Hour}

// reportDescription explains a report's window and its shapes.
const reportDescription = "The window is `mintime` and `maxtime`, by default the 30 days before the read; it must start within the last 180 days. " +
	"The state holds the window as read. " +
	"No answer of Duo's info reports has been published, and Duo's sources show two shapes of it: the counts beside the window " +
	"(`{\"mintime\": …, \"maxtime\": …, \"%s\": …}`, Duo's Java and Node examples) or the counts alone (duo_client_python). " +
	"Both are read; an answer of another shape fails the read with an error that names the field. " +
	"The Admin API application needs the \"Grant read information\" permission."

func (r report[T]) dataSource() datasource.DataSource {
	return &dataSource{
		name:        r.name,
		description: r.description + "\n\n" + fmt.Sprintf(reportDescription, r.key),
		attributes:  withAttributes(r.spec.attributes(), reportWindow.attributes()),
		validators:  []datasource.ConfigValidator{windowValidator{reportWindow}},
		failure:     "Unable to read Duo's " + r.what,
		read: func(ctx context.Context, client *account, args *arguments) (map[string]stateAttribute, error) {
			mintime, maxtime, err := reportWindow.read(args, time.Now())
			if err != nil || args.diags.HasError() {
				return nil, err
			}
			counted, err := r.read(ctx, client, mintime, maxtime)
			if err != nil {
				return nil, err
			}
			attributes := r.spec.stateAttributes(counted)
			maps.Copy(attributes, reportWindow.stateAttributes(args, mintime, maxtime))
			return attributes, nil
		},
	}
}

// resultsDescription says what a map of counts by result holds.
const resultsDescription = "a map from result to count: `SUCCESS`, `FAILURE`, `ERROR` and `FRAUD` (a user reported the request as fraudulent), " +
	"and any result Duo adds later, as Duo names it."

// authenticationAttempts are the two reports of duo_authentication_attempts.
type authenticationAttempts struct {
	attempts, users duo.ResultCounts
}

// duo_authentication_attempts: authentications, and the users who made
// them, by result.
var authenticationAttemptsReport = report[authenticationAttempts]{
	name: "authentication_attempts",
	what: "authentication attempts report",
	description: "Counts the authentications of a time window by result, and the users who made them, with the Admin API's " +
		"[`GET /admin/v1/info/authentication_attempts`](https://duo.com/docs/adminapi#authentication-attempts-report) and " +
		"[`GET /admin/v1/info/user_authentication_attempts`](https://duo.com/docs/adminapi#user-authentication-attempts-report): " +
		"an audit's trend figures without reading every event of `duo_authentication_logs`.",
	key: "authentication_attempts",
	spec: newObjectSpec(
		int64MapField("attempts", "How many authentications ended with each result: "+resultsDescription, func(a *authenticationAttempts) map[string]int64 { return a.attempts }),
		int64MapField("users", "How many users had at least one authentication of each result: "+resultsDescription, func(a *authenticationAttempts) map[string]int64 { return a.users }),
	),
	read: func(ctx context.Context, client *account, mintime, maxtime time.Time) (*authenticationAttempts, error) {
		attempts, err := client.AuthenticationAttempts(ctx, mintime, maxtime)
		if err != nil {
			return nil, err
		}
		users, err := client.UserAuthenticationAttempts(ctx, mintime, maxtime)
		if err != nil {
			return nil, err
		}
		return &authenticationAttempts{attempts: attempts, users: users}, nil
	},
}

func newAuthenticationAttemptsDataSource() datasource.DataSource {
	return authenticationAttemptsReport.dataSource()
}

// duo_telephony_credits_used: the telephony credits of a window.
var telephonyCreditsUsedReport = report[duo.Int]{
	name: "telephony_credits_used",
	what: "telephony credits report",
	description: "Counts the telephony credits that the SMS and phone calls of a time window used, with the Admin API's " +
		"[`GET /admin/v1/info/telephony_credits_used`](https://duo.com/docs/adminapi#telephony-credits-used-report), " +
		"without reading every event of `duo_telephony_logs`. In the shape without the window, Duo's answer is the count itself.",
	key: "telephony_credits_used",
	spec: newObjectSpec(
		int64Field("telephony_credits_used", "How many telephony credits the window used.", func(credits *duo.Int) *duo.Int { return credits }),
	),
	read: func(ctx context.Context, client *account, mintime, maxtime time.Time) (*duo.Int, error) {
		credits, err := client.TelephonyCreditsUsed(ctx, mintime, maxtime)
		return (*duo.Int)(&credits), err
	},
}

func newTelephonyCreditsUsedDataSource() datasource.DataSource {
	return telephonyCreditsUsedReport.dataSource()
}
