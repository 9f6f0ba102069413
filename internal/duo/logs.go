package duo

import (
	"context"
	"encoding/json"
	"fmt"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"
)

// Duo's logs tell what happened in a time window. Unlike the listings,
// which page by offset, each log pages in its own way (see logPaging);
// logEndpoint reads any of them through the same requests as the listings
// (get: retries, the limiter, timeouts, the permission of a 403), and
// hands the events to a PageSink page by page, so that a large window is
// never held decoded all at once.

const (
	// MaxLogPageSize is the largest page of the v2 authentication,
	// telephony and activity logs, and of the v1 administrator and
	// offline enrollment logs.
	MaxLogPageSize = 1000
	// MaxTrustMonitorPageSize is the largest page of Trust Monitor events
	// (Duo's sources say 200 or 500; 200 is what Duo's clients ask for).
	MaxTrustMonitorPageSize = 200
	// LogRetention is how far back Duo serves logs.
	LogRetention = 180 * 24 * time.Hour
	// DefaultMaxEvents is how many events a read of a window returns at
	// most, unless the caller says otherwise.
	DefaultMaxEvents = 1000
)

// LogQuery selects the events of a log.
type LogQuery struct {
	// Mintime and Maxtime bound the window; Maxtime is sent to Duo, or
	// applied by the client where Duo takes only a start.
	Mintime, Maxtime time.Time
	// MaxEvents is the most events the read may return: when more match,
	// it fails with a *TooManyEventsError rather than return some of them.
	MaxEvents int
	// Filters select events by their fields, each name with the values
	// one of which an event must have. They are sent to Duo as repeated
	// query parameters (users=DU1&users=DU2), except where the endpoint
	// says that Duo cannot apply them: the client applies those.
	Filters url.Values
}

// CheckWindow reports what is wrong with a log window, as of now: the end
// must come after the start, and the start be within Duo's LogRetention.
func CheckWindow(mintime, maxtime, now time.Time) error {
	if !mintime.Before(maxtime) {
		return fmt.Errorf("the window ends (%s) before it starts (%s): mintime must be before maxtime", maxtime.Format(time.RFC3339), mintime.Format(time.RFC3339))
	}
	// A plan computes its times (plantimestamp()) a little before it reads:
	// a window of exactly 180 days is not refused for that.
	const slack = time.Hour
	if now.Sub(mintime) > LogRetention+slack {
		return fmt.Errorf("the window starts %d days ago (%s), and Duo serves logs of the last %d days only: give a later mintime, such as timeadd(plantimestamp(), \"-168h\") for the last 7 days",
			int(now.Sub(mintime).Hours()/24), mintime.Format(time.RFC3339), int(LogRetention.Hours()/24))
	}
	return nil
}

// TooManyEventsError is a read that stopped because more events match
// than the caller would take: an audit that silently missed some would
// miss findings.
type TooManyEventsError struct {
	// What names the events, such as "authentication log events".
	What string
	// Count is how many match: Duo's total when Exact, else how many the
	// read had found when it stopped.
	Count int
	Exact bool
	Max   int
}

func (e *TooManyEventsError) Error() string {
	count := fmt.Sprintf("%d %s match", e.Count, e.What)
	if !e.Exact {
		count = fmt.Sprintf("More than %d %s match (the read stopped after %d of them)", e.Max, e.What, e.Count)
	}
	return fmt.Sprintf("%s, more than max_events (%d): narrow the window (a later mintime or an earlier maxtime) or add filters, or raise max_events if the state may hold them all", count, e.Max)
}

// logPaging is how a log pages through a window.
type logPaging int

const (
	// cursorPaging (v2 logs) asks for mintime and maxtime in milliseconds,
	// oldest first, and sends back the response.metadata.next_offset of
	// each answer as next_offset (a pair of strings is joined with a
	// comma), until an answer has none.
	cursorPaging logPaging = iota
	// offsetPaging (Trust Monitor) asks for mintime and maxtime in
	// milliseconds and sends back response.metadata.next_offset (a string
	// holding an integer, or an integer) as offset, until an answer has
	// none (its metadata may then be empty).
	offsetPaging
	// mintimePaging (v1 logs) asks for mintime in seconds only: Duo sends
	// the events from then on, oldest first, at most a page of them, and
	// the next request starts where that page ended (see readByMintime).
	mintimePaging
)

// logEndpoint is one of Duo's logs.
type logEndpoint[T any] struct {
	path string
	// what names the events in errors, such as "authentication log events".
	what     string
	paging   logPaging
	pageSize int
	// events returns the events of an answer of the cursor styles.
	events func(*cursorPage[T]) []T
	// timestamp returns an event's time in Unix seconds (mintimePaging).
	timestamp func(*T) *Int
	// localFilters are the filters Duo cannot apply, by name, each with
	// the field of an event that it matches.
	localFilters map[string]func(*T) *string
}

// cursorPage is the response of an answer of the cursor styles: the
// events under the key the log names them with, and metadata. Each log
// uses one of the keys.
type cursorPage[T any] struct {
	Authlogs []T `json:"authlogs"` // authentication log
	Items    []T `json:"items"`    // telephony and activity logs
	Events   []T `json:"events"`   // Trust Monitor
	Metadata struct {
		NextOffset   logCursor  `json:"next_offset"`
		TotalObjects lenientInt `json:"total_objects"`
	} `json:"metadata"`
}

// logCursor is a next_offset of a log answer as the request after it sends
// it back: a pair of strings joined with a comma (authentication log), one
// string (telephony log), or an integer, sent as a number or a string
// (Trust Monitor). "" when Duo sends none: null, "", [], or no member.
type logCursor string

func (c *logCursor) UnmarshalJSON(data []byte) error {
	var text string
	var parts []string
	var number Int
	switch {
	case string(data) == "null":
		*c = ""
	case json.Unmarshal(data, &text) == nil:
		*c = logCursor(text)
	case json.Unmarshal(data, &parts) == nil && !slices.Contains(parts, ""):
		*c = logCursor(strings.Join(parts, ","))
	case number.UnmarshalJSON(data) == nil && !isQuoted(data):
		*c = logCursor(strconv.FormatInt(int64(number), 10))
	default:
		return &valueError{want: "a cursor (a string, a list of strings or an integer)", data: data}
	}
	return nil
}

func isQuoted(data []byte) bool { return len(data) > 0 && data[0] == '"' }

// stream sends the events of the query, in Duo's order, to sink.
func (e logEndpoint[T]) stream(ctx context.Context, c *Client, q LogQuery, sink PageSink[T]) error {
	if err := CheckWindow(q.Mintime, q.Maxtime, time.Now()); err != nil {
		return err
	}
	maxEvents := q.MaxEvents
	if maxEvents <= 0 {
		maxEvents = DefaultMaxEvents
	}
	params, local := url.Values{}, map[string][]string{}
	for name, values := range q.Filters {
		if _, ok := e.localFilters[name]; ok {
			local[name] = values
		} else {
			params[name] = values
		}
	}
	r := &logRead[T]{endpoint: e, call: c.newCall(ctx), query: q, params: params, local: local, max: maxEvents, sink: sink}
	if e.paging == mintimePaging {
		return r.byMintime(ctx)
	}
	return r.byCursor(ctx)
}

// logRead is one read of a log window.
type logRead[T any] struct {
	endpoint logEndpoint[T]
	call     *call
	query    LogQuery
	// params are sent with every request; local are the filters the
	// client applies.
	params url.Values
	local  map[string][]string
	max    int
	read   int
	sink   PageSink[T]
}

// deliver hands the events of a page that match the local filters to the
// sink, failing once more than max have matched.
func (r *logRead[T]) deliver(events []T) error {
	if len(r.local) > 0 {
		events = slices.DeleteFunc(events, func(event T) bool { return !r.matches(&event) })
	}
	r.read += len(events)
	if r.read > r.max {
		return &TooManyEventsError{What: r.endpoint.what, Count: r.read, Max: r.max}
	}
	r.sink.Add(events)
	return nil
}

func (r *logRead[T]) matches(event *T) bool {
	for name, values := range r.local {
		field := r.endpoint.localFilters[name](event)
		if field == nil || !slices.Contains(values, *field) {
			return false
		}
	}
	return true
}

func milliseconds(t time.Time) string { return strconv.FormatInt(t.UnixMilli(), 10) }

// byCursor reads a log of the cursor styles: the first answer's
// total_objects, when Duo sends it, tells at once whether more events match
// than the read may return.
func (r *logRead[T]) byCursor(ctx context.Context) error {
	e := r.endpoint
	params := r.params
	params.Set("mintime", milliseconds(r.query.Mintime))
	params.Set("maxtime", milliseconds(r.query.Maxtime))
	params.Set("limit", strconv.Itoa(e.pageSize))
	cursorParam := "offset"
	if e.paging == cursorPaging {
		params.Set("sort", "ts:asc")
		cursorParam = "next_offset"
	}
	for sent := logCursor(""); ; {
		var answer envelope[cursorPage[T]]
		if err := get(ctx, r.call, e.path, params, permissionReadLog, &answer); err != nil {
			return err
		}
		page := &answer.Response
		if total := page.Metadata.TotalObjects; sent == "" && len(r.local) == 0 && total.set && total.value > r.max {
			return &TooManyEventsError{What: e.what, Count: total.value, Exact: true, Max: r.max}
		}
		if err := r.deliver(e.events(page)); err != nil {
			return err
		}
		next := page.Metadata.NextOffset
		if next == "" {
			return nil
		}
		if next == sent {
			return fmt.Errorf("Duo's %s did not advance: it answered next_offset %q to a request with that %s", e.what, next, cursorParam)
		}
		params.Set(cursorParam, string(next))
		sent = next
	}
}

// byMintime reads a v1 log, whose requests take a start in seconds and no
// end, and whose answers are a page of at most pageSize events from the
// start on. A full page may stop in the middle of a second: the events of
// its last second are not taken from it, and the next request starts at
// that second, so that they all come, once, with the page after. A page
// shorter than full is the last. Events after the window's end are left
// out, and the read stops at the first page that reaches beyond it.
func (r *logRead[T]) byMintime(ctx context.Context) error {
	e := r.endpoint
	start, end := r.query.Mintime.Unix(), r.query.Maxtime.Unix()
	params := r.params
	for mintime := start; ; {
		params.Set("mintime", strconv.FormatInt(mintime, 10))
		var answer envelope[[]T]
		if err := get(ctx, r.call, e.path, params, permissionReadLog, &answer); err != nil {
			return err
		}
		events := answer.Response
		newest := int64(-1)
		for i := range events {
			t := e.timestamp(&events[i])
			if t == nil {
				return fmt.Errorf("Duo answered GET %s with an event without a timestamp (the %s one of the page): the provider cannot tell where the next page starts. Please report it at https://github.com/idaudit/terraform-provider-duo/issues", e.path, ordinal(i+1))
			}
			newest = max(newest, int64(*t))
		}
		full := len(events) >= e.pageSize
		if full && newest <= mintime {
			return fmt.Errorf("Duo's %s holds more than %d events in the second %s, more than one of its pages: the provider cannot read them all. Read a window that ends before that second",
				e.what, e.pageSize, time.Unix(newest, 0).UTC().Format(time.RFC3339))
		}
		events = slices.DeleteFunc(events, func(event T) bool {
			t := int64(*e.timestamp(&event))
			return t < start || t > end || full && t == newest
		})
		if err := r.deliver(events); err != nil {
			return err
		}
		if !full || newest > end {
			return nil
		}
		mintime = newest
	}
}
