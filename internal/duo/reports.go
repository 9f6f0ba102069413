package duo

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"net/url"
	"strconv"
	"time"
)

// Duo's account info reports count what happened in a window. No answer of
// any of them has been captured, and Duo's sources show two shapes: the
// counts nested under a key named like the report, beside the window
// ({"mintime": n, "maxtime": n, "authentication_attempts": {"SUCCESS": n,
// ...}}, Duo's Java and Node examples), or the counts alone ({"SUCCESS":
// n, ...}, duo_client_python's docstring; a bare number for a single
// count). Both are read; anything else is an error that names the field.

// report is one of the info reports: path ends with key, the member that
// holds its counts in the nested shape.
type report struct {
	path, key string
}

func newReport(key string) report { return report{path: "/admin/v1/info/" + key, key: key} }

var (
	authenticationAttemptsReport     = newReport("authentication_attempts")
	userAuthenticationAttemptsReport = newReport("user_authentication_attempts")
	telephonyCreditsUsedReport       = newReport("telephony_credits_used")
)

// windowMembers are the members beside the counts in the nested shape.
var windowMembers = []string{"mintime", "maxtime"}

// ResultCounts are a report's counts by result, such as SUCCESS, FAILURE,
// ERROR and FRAUD, with any result Duo adds later.
type ResultCounts map[string]int64

// AuthenticationAttempts returns how many authentications of the window
// ended with each result.
func (c *Client) AuthenticationAttempts(ctx context.Context, mintime, maxtime time.Time) (ResultCounts, error) {
	return readReport(ctx, c, authenticationAttemptsReport, mintime, maxtime, authenticationAttemptsReport.counts)
}

// UserAuthenticationAttempts returns how many users had at least one
// authentication of each result in the window.
func (c *Client) UserAuthenticationAttempts(ctx context.Context, mintime, maxtime time.Time) (ResultCounts, error) {
	return readReport(ctx, c, userAuthenticationAttemptsReport, mintime, maxtime, userAuthenticationAttemptsReport.counts)
}

// TelephonyCreditsUsed returns how many telephony credits the window used.
func (c *Client) TelephonyCreditsUsed(ctx context.Context, mintime, maxtime time.Time) (int64, error) {
	return readReport(ctx, c, telephonyCreditsUsedReport, mintime, maxtime, telephonyCreditsUsedReport.count)
}

// readReport reads the report for the window, in Unix seconds, and its
// answer with read.
func readReport[T any](ctx context.Context, c *Client, r report, mintime, maxtime time.Time, read func(json.RawMessage) (T, error)) (T, error) {
	var zero T
	if err := CheckWindow(mintime, maxtime, time.Now()); err != nil {
		return zero, err
	}
	params := url.Values{"mintime": {strconv.FormatInt(mintime.Unix(), 10)}, "maxtime": {strconv.FormatInt(maxtime.Unix(), 10)}}
	var answer envelope[json.RawMessage]
	if err := get(ctx, c.newCall(ctx), r.path, params, permissionInformation, &answer); err != nil {
		return zero, err
	}
	return read(answer.Response)
}

// counts reads counts by result, in either shape.
func (r report) counts(response json.RawMessage) (ResultCounts, error) {
	members, err := r.members(response, "an object of counts by result")
	if err != nil {
		return nil, err
	}
	field := "response"
	if nested, ok := members[r.key]; ok {
		field += "." + r.key
		members = nil
		if json.Unmarshal(nested, &members) != nil || members == nil {
			return nil, r.unreadable(field, nested, &valueError{want: "an object of counts by result", data: nested})
		}
	} else {
		window := len(members)
		for _, name := range windowMembers {
			delete(members, name)
		}
		if window > 0 && len(members) == 0 {
			// The window without its counts: they are under another key.
			return nil, r.unreadable(field+"."+r.key, nil, &valueError{want: "an object of counts by result"})
		}
	}
	counts := ResultCounts{}
	for name, value := range members {
		var n Int
		if err := n.UnmarshalJSON(value); err != nil {
			return nil, r.unreadable(field+"."+name, value, err)
		}
		counts[name] = int64(n)
	}
	return counts, nil
}

// count reads a single count: the number alone, or under the report's key.
func (r report) count(response json.RawMessage) (int64, error) {
	var n Int
	if !bytes.HasPrefix(bytes.TrimSpace(response), []byte("{")) {
		if err := n.UnmarshalJSON(response); err != nil {
			return 0, r.unreadable("response", response, &valueError{want: "a count, or an object holding " + r.key, data: response})
		}
		return int64(n), nil
	}
	members, err := r.members(response, "a count, or an object holding "+r.key)
	if err != nil {
		return 0, err
	}
	value, ok := members[r.key]
	if err := n.UnmarshalJSON(value); !ok || err != nil {
		return 0, r.unreadable("response."+r.key, value, &valueError{want: "an integer", data: value})
	}
	return int64(n), nil
}

// members reads the answer's response as an object.
func (r report) members(response json.RawMessage, want string) (map[string]json.RawMessage, error) {
	var members map[string]json.RawMessage
	if json.Unmarshal(response, &members) != nil || members == nil {
		return nil, r.unreadable("response", response, &valueError{want: want, data: response})
	}
	return members, nil
}

func (r report) unreadable(field string, value json.RawMessage, cause error) error {
	return &unreadableError{method: http.MethodGet, path: r.path, field: field, value: value, cause: cause}
}
