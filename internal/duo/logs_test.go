package duo

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

// payloadsDir holds answers of the Admin API as Duo's own repositories
// carry them, beside the project (see its README.md).
var payloadsDir = filepath.Join("..", "..", "..", "shared", "duo-payloads")

// payload returns the answer in the named file of payloadsDir, skipping the
// test when the folder is not there.
func payload(t *testing.T, name string) []byte {
	t.Helper()
	body, err := os.ReadFile(filepath.Join(payloadsDir, name))
	if errors.Is(err, os.ErrNotExist) {
		t.Skipf("Duo's payloads are not in %s: this test reads %s from there", payloadsDir, name)
	}
	if err != nil {
		t.Fatal(err)
	}
	return body
}

// window is a query of the last day, as of now.
func window(filters url.Values) LogQuery {
	now := time.Now()
	return LogQuery{Mintime: now.Add(-24 * time.Hour), Maxtime: now, Filters: filters}
}

// clientAdded fields are in duo_log_sync's rows, added by duo_client_python
// on the client side, not by Duo (INDEX.md).
var clientAdded = []string{"eventtype", "host"}

// expectEveryField checks that every field of sent (Duo's JSON object)
// arrived in got (the decoded object, encoded again) with its value, at any
// depth: a field the client does not decode, or decodes to another value,
// fails.
func expectEveryField(t *testing.T, where string, sent, got any) {
	t.Helper()
	switch sent := sent.(type) {
	case map[string]any:
		gotObject, ok := got.(map[string]any)
		if !ok {
			t.Errorf("%s: Duo sent an object, the client holds %s", where, mustJSON(t, got))
			return
		}
		for name, value := range sent {
			if slices.Contains(clientAdded, name) {
				continue
			}
			if _, ok := gotObject[name]; !ok {
				t.Errorf("%s.%s: Duo sent it (%s), the client did not decode it", where, name, mustJSON(t, value))
				continue
			}
			expectEveryField(t, where+"."+name, value, gotObject[name])
		}
	case []any:
		gotList, ok := got.([]any)
		if !ok || len(gotList) != len(sent) {
			t.Errorf("%s: Duo sent %s, the client holds %s", where, mustJSON(t, sent), mustJSON(t, got))
			return
		}
		for i := range sent {
			expectEveryField(t, fmt.Sprintf("%s[%d]", where, i), sent[i], gotList[i])
		}
	default:
		if !reflect.DeepEqual(sent, got) {
			t.Errorf("%s: Duo sent %s, the client holds %s", where, mustJSON(t, sent), mustJSON(t, got))
		}
	}
}

func mustJSON(t *testing.T, v any) string {
	t.Helper()
	data, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// asJSONValue encodes v and decodes it as encoding/json's generic values.
func asJSONValue(t *testing.T, v any) any {
	t.Helper()
	var out any
	if err := json.Unmarshal([]byte(mustJSON(t, v)), &out); err != nil {
		t.Fatal(err)
	}
	return out
}

// sentEvents returns the events of a payload: its response's list under
// key, or the response itself when key is "".
func sentEvents(t *testing.T, body []byte, key string) []any {
	t.Helper()
	var answer struct {
		Response json.RawMessage `json:"response"`
	}
	if err := json.Unmarshal(body, &answer); err != nil {
		t.Fatal(err)
	}
	list := answer.Response
	if key != "" {
		var response map[string]json.RawMessage
		if err := json.Unmarshal(list, &response); err != nil {
			t.Fatal(err)
		}
		list = response[key]
	}
	var events []any
	if err := json.Unmarshal(list, &events); err != nil {
		t.Fatal(err)
	}
	return events
}

func TestEveryLogPayloadOfDuoDecodesWithEveryField(t *testing.T) {
	for _, tc := range []struct {
		file, key string
		read      func(c *Client) (any, error)
	}{
		{"admin_v2_logs_authentication__duo_api_golang.json", "authlogs", readAll(authenticationLogAPI)},
		{"admin_v2_logs_authentication__duo_log_sync.json", "authlogs", readAll(authenticationLogAPI)},
		{"admin_v2_logs_authentication_empty__duo_log_sync.json", "authlogs", readAll(authenticationLogAPI)},
		{"admin_v1_logs_administrator__duo_api_golang.json", "", readAll(administratorLogAPI)},
		{"admin_v1_logs_administrator__duo_log_sync.json", "", readAll(administratorLogAPI)},
		{"admin_v2_logs_telephony__duo_log_sync.json", "items", readAll(telephonyLogAPI)},
		{"admin_v1_trust_monitor_events__duo_log_sync.json", "events", readAll(trustMonitorAPI)},
		{"admin_v1_trust_monitor_events_last_page__duo_log_sync.json", "events", readAll(trustMonitorAPI)},
	} {
		t.Run(tc.file, func(t *testing.T) {
			body := payload(t, tc.file)
			// Served once: the cursor it holds gets an empty last page.
			var served sync.Once
			ts := newTestServer(t, func(w http.ResponseWriter, r *http.Request) {
				answered := false
				served.Do(func() { _, _ = w.Write(body); answered = true })
				if !answered {
					_, _ = w.Write(lastPage(r.URL.Path))
				}
			})
			got, err := tc.read(ts.client)
			if err != nil {
				t.Fatal(err)
			}
			sent := sentEvents(t, body, tc.key)
			gotList, _ := asJSONValue(t, got).([]any)
			if len(gotList) != len(sent) {
				t.Fatalf("decoded %d events, Duo sent %d", len(gotList), len(sent))
			}
			for i := range sent {
				expectEveryField(t, fmt.Sprintf("event %d", i), sent[i], gotList[i])
			}
		})
	}
}

// readAll reads every event of a log, whatever its time: the payloads'
// events are years old, which CheckWindow would refuse.
func readAll[T any](e logEndpoint[T]) func(c *Client) (any, error) {
	return func(c *Client) (any, error) {
		events := &collector[T]{objects: []T{}}
		r := &logRead[T]{endpoint: e, call: c.newCall(context.Background()), query: LogQuery{Mintime: time.Unix(0, 0), Maxtime: time.Unix(2e9, 0)}, params: url.Values{}, max: 1 << 30, sink: events}
		var err error
		if e.paging == mintimePaging {
			err = r.byMintime(context.Background())
		} else {
			err = r.byCursor(context.Background())
		}
		return events.objects, err
	}
}

// lastPage is an empty last page of the log at path.
func lastPage(path string) []byte {
	switch path {
	case administratorLogAPI.path:
		return []byte(`{"stat":"OK","response":[]}`)
	case trustMonitorAPI.path:
		return []byte(`{"stat":"OK","response":{"events":[],"metadata":{}}}`)
	}
	return []byte(`{"stat":"OK","response":{"authlogs":[],"items":[],"metadata":{"next_offset":null}}}`)
}

func TestLogFieldsOfVaryingTypeHoldEveryForm(t *testing.T) {
	var device struct {
		A, B, C, D, E *BoolOrString
		Agents        []*SecurityAgents `json:"agents"`
		Text          []*JSONText       `json:"text"`
	}
	body := `{"A": true, "B": "false", "C": 0, "D": "unknown", "E": null,
		"agents": [[{"security_agent": "CrowdStrike", "version": "7.1"}], [], "unknown", null],
		"text": ["{\"ip_address\": \"10.1.2.3\"}", {"score": 0.5, "reasons": []}, null]}`
	if err := json.Unmarshal([]byte(body), &device); err != nil {
		t.Fatal(err)
	}
	flags := []*BoolOrString{device.A, device.B, device.C, device.D}
	for i, want := range []BoolOrString{"true", "false", "false", "unknown"} {
		if flags[i] == nil || *flags[i] != want {
			t.Errorf("flag %d is %v, want %q", i, flags[i], want)
		}
	}
	if device.E != nil {
		t.Error("null is not kept")
	}
	agents := device.Agents
	if len(agents[0].Agents) != 1 || *agents[0].Agents[0].SecurityAgent != "CrowdStrike" || agents[1].Agents == nil || len(agents[1].Agents) != 0 ||
		agents[2].Agents != nil || agents[2].Unreported != "unknown" || agents[3] != nil {
		t.Errorf("security_agents: got %s", mustJSON(t, agents))
	}
	if *device.Text[0] != `{"ip_address": "10.1.2.3"}` || *device.Text[1] != `{"score":0.5,"reasons":[]}` || device.Text[2] != nil {
		t.Errorf("JSON text: got %s", mustJSON(t, device.Text))
	}
	for _, bad := range []string{`{"A": {}}`, `{"agents": [7]}`, `{"agents": [[{"version": 7}]]}`} {
		if err := json.Unmarshal([]byte(bad), &device); err == nil {
			t.Errorf("%s was read", bad)
		}
	}
}

// authLogServer serves n authentication log events, one every second from
// the window's start, as Duo's v2 log pages them: oldest first, the
// cursor of the last event in every non-empty answer, null in an empty one.
func authLogServer(n int, queries *[]url.Values) http.HandlerFunc {
	var mu sync.Mutex
	return func(w http.ResponseWriter, r *http.Request) {
		query := r.URL.Query()
		mu.Lock()
		*queries = append(*queries, query)
		mu.Unlock()
		mintime, _ := strconv.ParseInt(query.Get("mintime"), 10, 64)
		limit, _ := strconv.Atoi(query.Get("limit"))
		first := 0
		if cursor := query.Get("next_offset"); cursor != "" {
			_, txid, _ := strings.Cut(cursor, ",")
			first, _ = strconv.Atoi(strings.TrimPrefix(txid, "tx"))
			first++
		}
		events := []any{}
		for i := first; i < min(first+limit, n); i++ {
			events = append(events, map[string]any{"txid": fmt.Sprintf("tx%d", i), "timestamp": mintime/1000 + int64(i)})
		}
		metadata := map[string]any{"total_objects": n, "next_offset": nil}
		if len(events) > 0 {
			last := first + len(events) - 1
			metadata["next_offset"] = []string{strconv.FormatInt(mintime+int64(last)*1000, 10), fmt.Sprintf("tx%d", last)}
		}
		writeJSON(w, http.StatusOK, map[string]any{"stat": "OK", "response": map[string]any{"authlogs": events, "metadata": metadata}})
	}
}

func TestAuthenticationLogFollowsItsCursorOverEveryPage(t *testing.T) {
	var queries []url.Values
	ts := newTestServer(t, authLogServer(2500, &queries))
	q := window(url.Values{"users": {"DU1", "DU2"}, "results": {"fraud"}})
	q.MaxEvents = 2500
	events := &collector[AuthLog]{}
	if err := ts.client.StreamAuthenticationLog(context.Background(), q, events); err != nil {
		t.Fatal(err)
	}
	if len(events.objects) != 2500 || *events.objects[0].TxID != "tx0" || *events.objects[2499].TxID != "tx2499" {
		t.Fatalf("read %d events", len(events.objects))
	}
	// Three full pages, and the empty answer to the last cursor.
	if len(queries) != 4 {
		t.Fatalf("sent %d requests, want 4", len(queries))
	}
	for i, query := range queries {
		want := url.Values{
			"mintime": {milliseconds(q.Mintime)}, "maxtime": {milliseconds(q.Maxtime)}, "limit": {"1000"}, "sort": {"ts:asc"},
			"users": {"DU1", "DU2"}, "results": {"fraud"},
		}
		if i > 0 {
			last := min(i*1000, 2500) - 1
			want.Set("next_offset", fmt.Sprintf("%d,tx%d", q.Mintime.UnixMilli()+int64(last)*1000, last))
		}
		if !reflect.DeepEqual(query, want) {
			t.Errorf("request %d sent %v, want %v", i+1, query, want)
		}
	}
}

func TestTelephonyLogSendsItsCursorBackAsItCame(t *testing.T) {
	var cursors []string
	ts := newTestServer(t, func(w http.ResponseWriter, r *http.Request) {
		cursor := r.URL.Query().Get("next_offset")
		cursors = append(cursors, cursor)
		response := map[string]any{"items": []any{map[string]any{"telephony_id": "T" + cursor, "credits": "2"}}, "metadata": map[string]any{"next_offset": "1666714065304,5bf1a860", "total_objects": map[string]any{"relation": "eq", "value": 2}}}
		if cursor != "" {
			response["metadata"] = map[string]any{"next_offset": ""}
		}
		writeJSON(w, http.StatusOK, map[string]any{"stat": "OK", "response": response})
	})
	events := &collector[TelephonyLogEntry]{}
	if err := ts.client.StreamTelephonyLog(context.Background(), window(nil), events); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(cursors, []string{"", "1666714065304,5bf1a860"}) || len(events.objects) != 2 || *events.objects[1].Credits != 2 {
		t.Fatalf("sent cursors %q, read %s", cursors, mustJSON(t, events.objects))
	}
}

func TestTrustMonitorFollowsItsOffsetAsAStringOrANumber(t *testing.T) {
	var queries []url.Values
	ts := newTestServer(t, func(w http.ResponseWriter, r *http.Request) {
		query := r.URL.Query()
		queries = append(queries, query)
		metadata := map[string]any{}
		switch query.Get("offset") {
		case "":
			metadata["next_offset"] = "200"
		case "200":
			metadata["next_offset"] = 400
		}
		event := map[string]any{"sekey": "SE" + query.Get("offset"), "type": "auth", "surfaced_auth": map[string]any{"txid": "tx"}}
		writeJSON(w, http.StatusOK, map[string]any{"stat": "OK", "response": map[string]any{"events": []any{event}, "metadata": metadata}})
	})
	events := &collector[TrustMonitorEvent]{}
	if err := ts.client.StreamTrustMonitorEvents(context.Background(), window(url.Values{"type": {"auth"}}), events); err != nil {
		t.Fatal(err)
	}
	var offsets []string
	for _, query := range queries {
		offsets = append(offsets, query.Get("offset"))
		if query.Get("limit") != "200" || query.Get("type") != "auth" || query.Has("sort") || query.Has("next_offset") {
			t.Errorf("sent %v", query)
		}
	}
	if !reflect.DeepEqual(offsets, []string{"", "200", "400"}) || len(events.objects) != 3 || *events.objects[2].SurfacedAuth.TxID != "tx" {
		t.Fatalf("sent offsets %q, read %s", offsets, mustJSON(t, events.objects))
	}
}

// adminLogServer serves events as Duo's v1 administrator log does: those
// from mintime on, oldest first, at most 1000. Each event is named by its
// position and has the time in times.
func adminLogServer(times []int64, mintimes *[]int64) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		mintime, _ := strconv.ParseInt(r.URL.Query().Get("mintime"), 10, 64)
		*mintimes = append(*mintimes, mintime)
		events := []any{}
		for i, t := range times {
			if t >= mintime && len(events) < MaxLogPageSize {
				events = append(events, map[string]any{"action": fmt.Sprintf("action%d", i%3), "object": strconv.Itoa(i), "timestamp": t})
			}
		}
		writeJSON(w, http.StatusOK, map[string]any{"stat": "OK", "response": events})
	}
}

func TestAdministratorLogNeitherLosesNorRepeatsTheEventsOfABoundarySecond(t *testing.T) {
	// Seven events a second: the first page of 1000 ends with six of the
	// seven events of its last second.
	start := time.Now().Add(-time.Hour).Truncate(time.Second)
	var times []int64
	for i := range 2500 {
		times = append(times, start.Unix()+int64(i/7))
	}
	var mintimes []int64
	ts := newTestServer(t, adminLogServer(times, &mintimes))
	q := LogQuery{Mintime: start, Maxtime: start.Add(300 * time.Second), MaxEvents: 5000}
	events := &collector[AdminLogEntry]{}
	if err := ts.client.StreamAdministratorLog(context.Background(), q, events); err != nil {
		t.Fatal(err)
	}
	// Up to maxtime, inclusive: the seconds 0 to 300.
	if len(events.objects) != 301*7 {
		t.Fatalf("read %d events, want %d", len(events.objects), 301*7)
	}
	for i, e := range events.objects {
		if *e.Object != strconv.Itoa(i) {
			t.Fatalf("event %d is %s: events were lost or repeated", i, *e.Object)
		}
	}
	// 1000 events end in second 142 (994 to 1000): the second page starts there.
	if want := []int64{start.Unix(), start.Unix() + 142, start.Unix() + 284}; !reflect.DeepEqual(mintimes, want) {
		t.Errorf("asked for mintimes %v, want %v", mintimes, want)
	}
}

func TestAdministratorLogAppliesActionsItself(t *testing.T) {
	start := time.Now().Add(-time.Hour).Truncate(time.Second)
	var times []int64
	for i := range 30 {
		times = append(times, start.Unix()+int64(i))
	}
	var mintimes []int64
	var queries []url.Values
	server := adminLogServer(times, &mintimes)
	ts := newTestServer(t, func(w http.ResponseWriter, r *http.Request) {
		queries = append(queries, r.URL.Query())
		server(w, r)
	})
	q := LogQuery{Mintime: start, Maxtime: start.Add(time.Hour), Filters: url.Values{"actions": {"action1", "action2"}}}
	events := &collector[AdminLogEntry]{}
	if err := ts.client.StreamAdministratorLog(context.Background(), q, events); err != nil {
		t.Fatal(err)
	}
	if len(events.objects) != 20 || *events.objects[0].Action != "action1" || *events.objects[1].Action != "action2" {
		t.Fatalf("read %s", mustJSON(t, events.objects))
	}
	if len(queries) != 1 || len(queries[0]) != 1 || !queries[0].Has("mintime") {
		t.Errorf("sent %v: Duo takes mintime alone", queries)
	}
	// max_events counts the events that match.
	q.MaxEvents = 19
	err := ts.client.StreamAdministratorLog(context.Background(), q, &collector[AdminLogEntry]{})
	var tooMany *TooManyEventsError
	if !errors.As(err, &tooMany) || tooMany.Exact || tooMany.Count != 20 || !strings.Contains(err.Error(), "More than 19 administrator log events match") {
		t.Fatalf("got %v", err)
	}
}

func TestAdministratorLogRefusesAPageOfOneSecond(t *testing.T) {
	start := time.Now().Add(-time.Hour).Truncate(time.Second)
	times := make([]int64, 1200)
	for i := range times {
		times[i] = start.Unix() + 5
	}
	var mintimes []int64
	ts := newTestServer(t, adminLogServer(times, &mintimes))
	err := ts.client.StreamAdministratorLog(context.Background(), LogQuery{Mintime: start, Maxtime: start.Add(time.Minute), MaxEvents: 5000}, &collector[AdminLogEntry]{})
	if err == nil || !strings.Contains(err.Error(), "more than 1000 events in the second "+time.Unix(start.Unix()+5, 0).UTC().Format(time.RFC3339)) {
		t.Fatalf("got %v", err)
	}
}

func TestLogReadFailsBeforeReadingMoreEventsThanMaxEvents(t *testing.T) {
	var queries []url.Values
	ts := newTestServer(t, authLogServer(2500, &queries))
	err := ts.client.StreamAuthenticationLog(context.Background(), window(nil), &collector[AuthLog]{})
	var tooMany *TooManyEventsError
	if !errors.As(err, &tooMany) || !tooMany.Exact || tooMany.Count != 2500 || tooMany.Max != DefaultMaxEvents {
		t.Fatalf("got %v", err)
	}
	if want := "2500 authentication log events match, more than max_events (1000): narrow the window"; !strings.Contains(err.Error(), want) {
		t.Errorf("got %q, want it to say %q", err, want)
	}
	if len(queries) != 1 {
		t.Errorf("sent %d requests, want 1: total_objects tells at once", len(queries))
	}
	// Without total_objects, the read stops once it has found too many.
	ts = newTestServer(t, func(w http.ResponseWriter, r *http.Request) {
		events := make([]any, 200)
		for i := range events {
			events[i] = map[string]any{"sekey": fmt.Sprintf("SE%s-%d", r.URL.Query().Get("offset"), i)}
		}
		writeJSON(w, http.StatusOK, map[string]any{"stat": "OK", "response": map[string]any{"events": events, "metadata": map[string]any{"next_offset": "1"}}})
	})
	q := window(nil)
	q.MaxEvents = 300
	err = ts.client.StreamTrustMonitorEvents(context.Background(), q, &collector[TrustMonitorEvent]{})
	if !errors.As(err, &tooMany) || tooMany.Exact || tooMany.Count != 400 || ts.requests.Load() != 2 {
		t.Fatalf("got %v after %d requests", err, ts.requests.Load())
	}
}

func TestLogCursorThatDoesNotAdvanceIsAnError(t *testing.T) {
	ts := newTestServer(t, func(w http.ResponseWriter, _ *http.Request) {
		writeJSON(w, http.StatusOK, map[string]any{"stat": "OK", "response": map[string]any{"items": []any{}, "metadata": map[string]any{"next_offset": "5,x"}}})
	})
	err := ts.client.StreamTelephonyLog(context.Background(), window(nil), &collector[TelephonyLogEntry]{})
	if err == nil || !strings.Contains(err.Error(), "did not advance") || ts.requests.Load() != 2 {
		t.Fatalf("got %v", err)
	}
}

func TestLogCursorOfAnotherShapeIsAnError(t *testing.T) {
	ts := newTestServer(t, func(w http.ResponseWriter, _ *http.Request) {
		_, _ = w.Write([]byte(`{"stat":"OK","response":{"authlogs":[],"metadata":{"next_offset":{"ts":5}}}}`))
	})
	err := ts.client.StreamAuthenticationLog(context.Background(), window(nil), &collector[AuthLog]{})
	if err == nil || !strings.Contains(err.Error(), "metadata.next_offset") || !strings.Contains(err.Error(), "a cursor") {
		t.Fatalf("got %v", err)
	}
}

func TestLogWindowIsChecked(t *testing.T) {
	now := time.Now()
	ts := newTestServer(t, func(http.ResponseWriter, *http.Request) { t.Error("a bad window was sent to Duo") })
	for _, tc := range []struct {
		q    LogQuery
		want string
	}{
		{LogQuery{Mintime: now, Maxtime: now.Add(-time.Hour)}, "mintime must be before maxtime"},
		{LogQuery{Mintime: now, Maxtime: now}, "mintime must be before maxtime"},
		{LogQuery{Mintime: now.Add(-200 * 24 * time.Hour), Maxtime: now}, "starts 200 days ago"},
	} {
		if err := ts.client.StreamAuthenticationLog(context.Background(), tc.q, &collector[AuthLog]{}); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("got %v, want an error saying %q", err, tc.want)
		}
	}
	if err := CheckWindow(now.Add(-LogRetention), now, now.Add(time.Minute)); err != nil {
		t.Errorf("a window of 180 days, read a minute later: %v", err)
	}
}

func TestLogsNeedTheReadLogPermission(t *testing.T) {
	ts := newTestServer(t, func(w http.ResponseWriter, _ *http.Request) {
		writeJSON(w, http.StatusForbidden, failBody(40301, "Access forbidden"))
	})
	ctx := context.Background()
	for _, read := range []func() error{
		func() error { return ts.client.StreamAuthenticationLog(ctx, window(nil), &collector[AuthLog]{}) },
		func() error { return ts.client.StreamAdministratorLog(ctx, window(nil), &collector[AdminLogEntry]{}) },
		func() error { return ts.client.StreamTelephonyLog(ctx, window(nil), &collector[TelephonyLogEntry]{}) },
		func() error {
			return ts.client.StreamTrustMonitorEvents(ctx, window(nil), &collector[TrustMonitorEvent]{})
		},
	} {
		if err := read(); !strings.Contains(fmt.Sprint(err), `grant it "Grant read log" (newer Admin Panels call it "Grant log - Read")`) {
			t.Errorf("got %v", err)
		}
	}
}

func TestLogReadsRetryRateLimits(t *testing.T) {
	var queries []url.Values
	serve := authLogServer(10, &queries)
	ts := newTestServer(t, func(w http.ResponseWriter, r *http.Request) {
		if len(queries) < 2 {
			queries = append(queries, nil)
			writeJSON(w, http.StatusTooManyRequests, failBody(42901, "Too Many Requests"))
			return
		}
		serve(w, r)
	})
	events := &collector[AuthLog]{}
	if err := ts.client.StreamAuthenticationLog(context.Background(), window(nil), events); err != nil || len(events.objects) != 10 {
		t.Fatalf("got %v, %d events", err, len(events.objects))
	}
}

func TestLogReadStopsWhenCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	var queries []url.Values
	serve := authLogServer(2500, &queries)
	ts := newTestServer(t, func(w http.ResponseWriter, r *http.Request) {
		if len(queries) == 1 {
			// Ctrl-C while the second page is on its way.
			cancel()
			<-r.Context().Done()
			return
		}
		serve(w, r)
	})
	q := window(nil)
	q.MaxEvents = 5000
	err := ts.client.StreamAuthenticationLog(ctx, q, &collector[AuthLog]{})
	if err == nil || !strings.Contains(err.Error(), "GET /admin/v2/logs/authentication was cancelled") {
		t.Fatalf("got %v", err)
	}
}

// TestActivityLogPayloadsOfDuoDecodeInEitherForm serves Duo's two activity
// log payloads as one read's pages (the first's cursor is a pair of
// strings, the second's one string, its total_objects larger than the
// read) and the same events in the other forms Duo's sources show: the
// action as {name, details}, the result in outcome or beside the event.
func TestActivityLogPayloadsOfDuoDecodeInEitherForm(t *testing.T) {
	first, second := payload(t, "admin_v2_logs_activity__duo_client_python.json"), payload(t, "admin_v2_logs_activity__duo_log_sync.json")
	var cursors []string
	ts := newTestServer(t, func(w http.ResponseWriter, r *http.Request) {
		cursor := r.URL.Query().Get("next_offset")
		cursors = append(cursors, cursor)
		switch cursor {
		case "":
			_, _ = w.Write(first)
		case "1532951895000,af0ba235-0b33-23c8-bc23-a31aa0231de8":
			_, _ = w.Write(second)
		default:
			_, _ = w.Write(lastPage(r.URL.Path))
		}
	})
	events := &collector[ActivityLog]{}
	if err := ts.client.StreamActivityLog(context.Background(), window(nil), events); err != nil {
		t.Fatal(err)
	}
	if len(events.objects) != 4 || len(cursors) != 3 || cursors[2] != "1664576469635,1c40324f-eb60-4e87-9ffb-656295fd235b" {
		t.Fatalf("read %d events with cursors %q", len(events.objects), cursors)
	}
	e := events.objects[0]
	if *e.Action.Name != "phone_create" || e.Action.Details != nil || *e.AccessDevice.IP != "1.2.3.4" || *e.AccessDevice.Location.City != "Ann Arbor" ||
		*e.Target.Details != `{"number": "+19876543210", "extension": ""}` || *e.Application.Type != "adminapi" || e.Outcome() != nil || e.OldTarget != nil {
		t.Errorf("the first event: %s", mustJSON(t, e))
	}
	if *events.objects[3].ActivityID != "9906fb6c-177e-4a70-8c1a-d22951b62781" || events.objects[3].Target != nil {
		t.Errorf("the last event: %s", mustJSON(t, events.objects[3]))
	}

	for _, tc := range []struct{ event, action, details, result string }{
		{`{"action": {"name": "user_update", "details": {"fields": ["notes"]}}, "outcome": {"result": "SUCCESS"}}`, "user_update", `{"fields":["notes"]}`, "SUCCESS"},
		{`{"action": "admin_login", "result": "FAILURE"}`, "admin_login", "", "FAILURE"},
		{`{"action": "admin_login", "outcome": {"result": "SUCCESS"}, "result": "SUCCESS"}`, "admin_login", "", "SUCCESS"},
	} {
		var e ActivityLog
		if err := json.Unmarshal([]byte(tc.event), &e); err != nil {
			t.Fatal(err)
		}
		details := ""
		if e.Action.Details != nil {
			details = string(*e.Action.Details)
		}
		if *e.Action.Name != tc.action || details != tc.details || e.Outcome() == nil || *e.Outcome().Result != tc.result {
			t.Errorf("%s: read %s", tc.event, mustJSON(t, e))
		}
	}
}

func TestOfflineEnrollmentLogIsReadFromMintime(t *testing.T) {
	start := time.Now().Add(-time.Hour).Truncate(time.Second)
	var mintimes []int64
	ts := newTestServer(t, func(w http.ResponseWriter, r *http.Request) {
		mintime, _ := strconv.ParseInt(r.URL.Query().Get("mintime"), 10, 64)
		mintimes = append(mintimes, mintime)
		events := []any{
			map[string]any{"timestamp": start.Unix(), "username": "jsmith", "action": "o2fa_user_provisioned", "description": `{"factor": "duo_otp"}`},
			map[string]any{"timestamp": start.Unix() + 7200, "username": "later", "action": "o2fa_user_reenrolled"},
		}
		writeJSON(w, http.StatusOK, map[string]any{"stat": "OK", "response": events})
	})
	events := &collector[OfflineEnrollmentEntry]{}
	if err := ts.client.StreamOfflineEnrollmentLog(context.Background(), LogQuery{Mintime: start, Maxtime: start.Add(time.Hour)}, events); err != nil {
		t.Fatal(err)
	}
	// The event after maxtime is left out; one page, shorter than full, is the last.
	if len(events.objects) != 1 || *events.objects[0].Description != `{"factor": "duo_otp"}` || !reflect.DeepEqual(mintimes, []int64{start.Unix()}) {
		t.Fatalf("read %s asking for mintimes %v", mustJSON(t, events.objects), mintimes)
	}
}
