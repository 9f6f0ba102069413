package fakeduo

import (
	"encoding/json"
	"net/http"
	"net/url"
	"strconv"
	"time"
)

// The account info reports, counted from the account's logs:
//
//	path                                          counts
//	/admin/v1/info/authentication_attempts        authentications by result
//	/admin/v1/info/user_authentication_attempts   users with an authentication of each result
//	/admin/v1/info/telephony_credits_used         the credits of the telephony log
//
// Each takes mintime and maxtime in Unix seconds, both optional (maxtime
// defaults to now, mintime to 30 days before it), a window of at most 180
// days. Duo's sources show two shapes of answer: the nested one of Duo's
// Java and Node examples, {"mintime": n, "maxtime": n,
// "authentication_attempts": {"SUCCESS": n, ...}}, which the fake sends,
// and the flat one of duo_client_python's docstring, {"SUCCESS": n, ...},
// which it sends under Options.FlatReports (for telephony credits, the
// count alone).

const (
	infoPath                = "/admin/v1/info"
	authAttemptsPath        = infoPath + "/authentication_attempts"
	userAuthAttemptsPath    = infoPath + "/user_authentication_attempts"
	telephonyCreditsUsedKey = "telephony_credits_used"
	telephonyCreditsPath    = infoPath + "/" + telephonyCreditsUsedKey
)

// reportResults are the results the attempt reports count, each with the
// results of the authentication log that count as it.
var reportResults = map[string]string{"SUCCESS": "success", "FAILURE": "denied", "ERROR": "", "FRAUD": "fraud"}

// reportEndpoint returns what answers a request to the report at path,
// or nil when path is no report.
func (s *Server) reportEndpoint(w http.ResponseWriter, r *http.Request, path string) func() {
	// count returns the report's counts: by result, or a single count.
	var count func(mintime, maxtime int64) any
	switch path {
	case authAttemptsPath:
		count = func(mintime, maxtime int64) any { return s.logs.attempts(mintime, maxtime, false) }
	case userAuthAttemptsPath:
		count = func(mintime, maxtime int64) any { return s.logs.attempts(mintime, maxtime, true) }
	case telephonyCreditsPath:
		count = s.logs.creditsUsed
	default:
		return nil
	}
	return func() {
		query := r.URL.Query()
		s.logQueries.record(path, query)
		mintime, maxtime, apiErr := reportWindow(query, time.Now())
		if apiErr != nil {
			s.writeError(w, apiErr)
			return
		}
		answer := count(mintime, maxtime)
		if !s.flatReports {
			key := path[len(infoPath)+1:]
			answer = map[string]any{"mintime": mintime, "maxtime": maxtime, key: answer}
		}
		body, _ := json.Marshal(answer) // maps and integers
		writeObject(w, body)
	}
}

// reportWindow reads the optional mintime and maxtime, in seconds.
func reportWindow(query url.Values, now time.Time) (mintime, maxtime int64, apiErr *apiError) {
	if apiErr := unexpected(query, "mintime", "maxtime"); apiErr != nil {
		return 0, 0, apiErr
	}
	seconds := func(name string, fallback int64) (int64, *apiError) {
		values, ok := query[name]
		if !ok {
			return fallback, nil
		}
		n, err := strconv.ParseInt(values[0], 10, 64)
		if len(values) != 1 || err != nil || n < 0 {
			return 0, errInvalidParam(name)
		}
		return n, nil
	}
	if maxtime, apiErr = seconds("maxtime", now.Unix()); apiErr != nil {
		return 0, 0, apiErr
	}
	if mintime, apiErr = seconds("mintime", maxtime-30*24*3600); apiErr != nil {
		return 0, 0, apiErr
	}
	if mintime > maxtime || time.Duration(maxtime-mintime)*time.Second > logRetention {
		return 0, 0, errInvalidParam("mintime")
	}
	return mintime, maxtime, nil
}

// attempts counts the authentications of the window by result, or the
// users with one of each result when distinctUsers.
func (index *logIndex) attempts(mintime, maxtime int64, distinctUsers bool) map[string]int {
	counts := map[string]int{}
	users := map[string]map[string]bool{}
	for name, result := range reportResults {
		counts[name] = 0
		users[result] = map[string]bool{}
	}
	for _, e := range index.auth {
		if e.ms < mintime*1000 || e.ms > maxtime*1000+999 {
			continue
		}
		users[e.keys.Get("results")][e.keys.Get("users")] = true
		for name, result := range reportResults {
			if result == e.keys.Get("results") && !distinctUsers {
				counts[name]++
			}
		}
	}
	if distinctUsers {
		for name, result := range reportResults {
			counts[name] = len(users[result])
		}
	}
	return counts
}

// creditsUsed adds up the credits of the telephony log in the window.
func (index *logIndex) creditsUsed(mintime, maxtime int64) any {
	credits := 0
	for _, e := range index.telephony {
		if e.ms >= mintime*1000 && e.ms <= maxtime*1000+999 {
			credits += e.credits
		}
	}
	return credits
}
