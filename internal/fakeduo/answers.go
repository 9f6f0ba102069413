package fakeduo

import (
	"net/http"
	"net/url"
	"strconv"
)

// Answer is a body the fake sends as it is, to tests that serve what Duo's
// own sources show rather than what the fake would answer: Duo's client
// libraries carry such answers in their tests. It answers an authenticated
// GET of Path whose query holds every parameter of Query, and, for a page
// of a listing, asks for Offset (no offset asks for 0); of several that
// match, the one with the most parameters. Answers come before the
// account's own endpoints.
type Answer struct {
	Path   string
	Query  url.Values
	Offset int
	// Status is the HTTP status; 0 means 200.
	Status int
	Body   []byte
}

// answerFor returns the answer to r, or nil when none is given for it.
func (s *Server) answerFor(r *http.Request) *Answer {
	query := r.URL.Query()
	offset, err := strconv.Atoi(query.Get("offset"))
	if err != nil {
		offset = 0
	}
	var best *Answer
	for i := range s.answers {
		a := &s.answers[i]
		if a.Path != r.URL.EscapedPath() || a.Offset != offset || !holds(query, a.Query) {
			continue
		}
		if best == nil || len(a.Query) > len(best.Query) {
			best = a
		}
	}
	return best
}

// holds reports whether query has every parameter of want, with its values.
func holds(query, want url.Values) bool {
	for name, values := range want {
		got := query[name]
		if len(got) != len(values) {
			return false
		}
		for i := range values {
			if got[i] != values[i] {
				return false
			}
		}
	}
	return true
}

func writeAnswer(w http.ResponseWriter, a *Answer) {
	status := a.Status
	if status == 0 {
		status = http.StatusOK
	}
	writeJSON(w, status, a.Body)
}
