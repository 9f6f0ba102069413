package provider

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"strings"
	"time"

	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/setvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/idaudit/terraform-provider-duo/internal/duo"
)

// maxEventsArgument is an argument of every log window, beside its window.
const maxEventsArgument = "max_events"

// logWindowTimes are the times of every log window, both required.
var logWindowTimes = timeWindow{}

// logWindow is a data source that returns the events of one of Duo's logs
// in a time window, in one list attribute named like the data source.
type logWindow[T any] struct {
	// name follows "duo_" in the data source's name, and names the list.
	name string
	// what names the events in diagnostics, such as "authentication log events".
	what string
	// description says what the data source reads; the window's arguments
	// are described here.
	description string
	objects     string
	spec        objectSpec[T]
	filters     []logFilter
	// read sends the events the query selects to sink, in order.
	read func(ctx context.Context, client *account, query duo.LogQuery, sink duo.PageSink[T]) error
}

// logFilter is an optional argument that selects events: a set of values,
// one of which an event must have, or a single value. Its name is Duo's
// parameter.
type logFilter struct {
	name        string
	description string
	// values are the values Duo documents, checked at plan time; nil when
	// Duo takes any.
	values []string
	single bool
}

func (f logFilter) attribute() schema.Attribute {
	description := f.description
	if f.single {
		if f.values != nil {
			description += " One of " + codeList(f.values) + "."
		}
		var validators []validator.String
		if f.values != nil {
			validators = append(validators, stringvalidator.OneOf(f.values...))
		}
		return schema.StringAttribute{Optional: true, MarkdownDescription: description, Validators: validators}
	}
	validators := []validator.Set{setvalidator.ValueStringsAre(stringvalidator.LengthAtLeast(1))}
	if f.values != nil {
		description += " Each value is one of " + codeList(f.values) + "."
		validators = []validator.Set{setvalidator.ValueStringsAre(stringvalidator.OneOf(f.values...))}
	}
	return schema.SetAttribute{
		Optional: true, ElementType: types.StringType, Validators: validators,
		MarkdownDescription: description + " An event matches when it has any of the values; an empty set matches none.",
	}
}

// codeList writes values as `a`, `b` or `c`.
func codeList(values []string) string {
	quoted := make([]string, len(values))
	for i, v := range values {
		quoted[i] = "`" + v + "`"
	}
	if len(quoted) == 1 {
		return quoted[0]
	}
	return strings.Join(quoted[:len(quoted)-1], ", ") + " or " + quoted[len(quoted)-1]
}

// windowDescription explains the window's arguments, for every log's
// description.
const windowDescription = "The window is required: `mintime` and `maxtime`, as RFC 3339 times such as `timeadd(plantimestamp(), \"-168h\")` and `plantimestamp()` " +
	"for the seven days before the plan, or as Unix seconds. It must start within the last 180 days, which is as far back as Duo serves logs. " +
	"Duo serves an event about two minutes after it happens: a window that ends at the plan misses the last two minutes, which the next plan's window will hold. " +
	"When more events match than `max_events` (default %d), the read fails, saying how many match, rather than return some of them: a missing event would be a missing finding. " +
	"Log endpoints are rate limited sooner than listings: the provider waits and retries when Duo answers HTTP 429, and Duo asks that a log be read no more than once a minute."

func (l logWindow[T]) dataSource() datasource.DataSource {
	attributes := withAttributes(logWindowTimes.attributes(), map[string]schema.Attribute{
		maxEventsArgument: schema.Int64Attribute{
			Optional: true,
			MarkdownDescription: fmt.Sprintf("The most events the read returns, at least `1`; by default `%d`. When more match, the read fails, "+
				"saying how many match, so that the window or the filters can be narrowed: events are never left out silently.", duo.DefaultMaxEvents),
			Validators: []validator.Int64{int64validator.AtLeast(1)},
		},
		l.name: schema.ListNestedAttribute{
			Computed:            true,
			MarkdownDescription: l.objects,
			NestedObject:        schema.NestedAttributeObject{Attributes: l.spec.attributes()},
		},
	})
	for _, f := range l.filters {
		attributes[f.name] = f.attribute()
	}
	return &dataSource{
		name:        l.name,
		description: l.description + "\n\n" + fmt.Sprintf(windowDescription, duo.DefaultMaxEvents),
		attributes:  attributes,
		validators:  []datasource.ConfigValidator{windowValidator{logWindowTimes}},
		failure:     "Unable to read Duo " + l.what,
		read: func(ctx context.Context, client *account, args *arguments) (map[string]stateAttribute, error) {
			events := &encodedList[T]{spec: l.spec}
			query, matchesNone, err := l.query(args, time.Now())
			if err != nil || args.diags.HasError() {
				return nil, err
			}
			if !matchesNone {
				err := l.read(ctx, client, query, events)
				var tooMany *duo.TooManyEventsError
				if errors.As(err, &tooMany) {
					return nil, &argumentError{argument: maxEventsArgument, summary: "Too many Duo " + l.what, detail: err.Error()}
				}
				if err != nil {
					return nil, err
				}
			}
			return map[string]stateAttribute{l.name: events.attribute()}, nil
		},
	}
}

// query reads the window and the filters. matchesNone is true when a
// filter is an empty set, which no event matches.
func (l logWindow[T]) query(args *arguments, now time.Time) (query duo.LogQuery, matchesNone bool, err error) {
	mintime, maxtime, err := logWindowTimes.read(args, now)
	if err != nil {
		return query, false, err
	}
	query = duo.LogQuery{Mintime: mintime, Maxtime: maxtime, MaxEvents: duo.DefaultMaxEvents, Filters: url.Values{}}
	if maxEvents := args.int64(maxEventsArgument); !maxEvents.IsNull() {
		query.MaxEvents = int(maxEvents.ValueInt64())
	}
	for _, f := range l.filters {
		if f.single {
			if value := args.string(f.name); !value.IsNull() {
				query.Filters.Set(f.name, value.ValueString())
			}
			continue
		}
		values := args.strings(f.name)
		if values != nil && len(values) == 0 {
			matchesNone = true
		}
		if len(values) > 0 {
			query.Filters[f.name] = values
		}
	}
	return query, matchesNone, nil
}
