package fakeduo

import (
	"bytes"
	"encoding/json"
	"net/http"
	"net/url"
	"strconv"
	"strings"
)

const (
	usersPath       = "/admin/v1/users"
	defaultLimit    = 100
	maxLimit        = 300
	maxListedValues = 100
)

// apiError is a Duo error answer: the HTTP status and the JSON body fields.
type apiError struct {
	status  int
	code    int
	message string
	detail  string
}

func errNotFound(detail string) *apiError {
	return &apiError{http.StatusNotFound, 40401, "Resource not found", detail}
}

func errInvalidParam(name string) *apiError {
	return &apiError{http.StatusBadRequest, 40002, "Invalid request parameters", name}
}

var errMethodNotAllowed = &apiError{http.StatusMethodNotAllowed, 40501, "Method not allowed", ""}

// writeError writes e, with its code as a number or, under
// Faults.CodesAsStrings, as a string.
func (s *Server) writeError(w http.ResponseWriter, e *apiError) {
	var code any = e.code
	if s.faults.faults.CodesAsStrings {
		code = strconv.Itoa(e.code)
	}
	body, _ := json.Marshal(struct {
		Stat          string `json:"stat"`
		Code          any    `json:"code"`
		Message       string `json:"message"`
		MessageDetail string `json:"message_detail"`
	}{"FAIL", code, e.message, e.detail})
	writeJSON(w, e.status, body)
}

func writeJSON(w http.ResponseWriter, status int, body []byte) {
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Content-Length", strconv.Itoa(len(body)))
	w.WriteHeader(status)
	_, _ = w.Write(body)
}

// route dispatches an authenticated request.
func (s *Server) route(w http.ResponseWriter, r *http.Request) {
	path := r.URL.EscapedPath()
	var serve func()
	if path == usersPath {
		serve = func() { s.listUsers(w, r) }
	} else if userID, ok := pathID(path, usersPath+"/", ""); ok {
		serve = func() { s.getUser(w, userID) }
	} else if path == groupsPath {
		serve = func() { s.listGroups(w, r) }
	} else if groupID, ok := pathID(path, groupsV2Path+"/", ""); ok {
		serve = func() { s.getGroup(w, groupID) }
	} else if groupID, ok := pathID(path, groupsV2Path+"/", "/users"); ok {
		serve = func() { s.listGroupMembers(w, r, groupID) }
	} else {
		s.writeError(w, errNotFound(""))
		return
	}
	if r.Method != http.MethodGet {
		s.writeError(w, errMethodNotAllowed)
		return
	}
	serve()
}

// pathID returns the unescaped ID of an escaped path made of prefix, one
// path segment and suffix.
func pathID(path, prefix, suffix string) (string, bool) {
	raw, ok := strings.CutPrefix(path, prefix)
	if !ok {
		return "", false
	}
	raw, ok = strings.CutSuffix(raw, suffix)
	if !ok || raw == "" || strings.Contains(raw, "/") {
		return "", false
	}
	id, err := url.PathUnescape(raw)
	return id, err == nil
}

func (s *Server) getUser(w http.ResponseWriter, userID string) {
	i, ok := s.byID[userID]
	if !ok {
		s.writeError(w, errNotFound("user_id"))
		return
	}
	writeObject(w, s.users[i])
}

// writeObject writes a successful answer holding one pre-encoded object.
func writeObject(w http.ResponseWriter, object []byte) {
	var b bytes.Buffer
	b.Grow(len(object) + 32)
	b.WriteString(`{"stat":"OK","response":`)
	b.Write(object)
	b.WriteString(`}`)
	writeJSON(w, http.StatusOK, b.Bytes())
}

type listMetadata struct {
	TotalObjects int  `json:"total_objects"`
	NextOffset   *int `json:"next_offset,omitempty"`
	PrevOffset   *int `json:"prev_offset,omitempty"`
}

func (s *Server) listUsers(w http.ResponseWriter, r *http.Request) {
	query := r.URL.Query()
	present := func(name string) bool { _, ok := query[name]; return ok }

	lists := 0
	for _, name := range []string{"username_list", "user_id_list"} {
		if present(name) {
			lists++
		}
	}
	if lists > 0 {
		if lists > 1 || present("username") || present("email") {
			s.writeError(w, errInvalidParam("username_list, user_id_list, username, email"))
			return
		}
		s.listByValues(w, query)
		return
	}
	if present("username") && present("email") {
		s.writeError(w, errInvalidParam("username, email"))
		return
	}

	// Filters select at most one user; without a filter, page the whole list.
	var matches []int
	filtered := false
	if present("username") {
		filtered = true
		if i, ok := s.byUsername[query.Get("username")]; ok {
			matches = []int{i}
		}
	} else if present("email") {
		filtered = true
		if i, ok := s.byEmail[query.Get("email")]; ok {
			matches = []int{i}
		}
	}
	total := len(s.users)
	if filtered {
		total = len(matches)
	}

	start, end, meta, apiErr := pageOf(query, total, defaultLimit, maxLimit)
	if apiErr != nil {
		s.writeError(w, apiErr)
		return
	}

	var page [][]byte
	if filtered {
		for _, i := range matches[start:end] {
			page = append(page, s.users[i])
		}
	} else {
		page = s.users[start:end]
	}
	s.writeList(w, page, meta)
}

// pageOf reads limit (default defaultLimit, at most maxLimit) and offset
// from query and returns the bounds of that page of a listing of total
// objects, with its metadata.
func pageOf(query url.Values, total, defaultLimit, maxLimit int) (start, end int, meta listMetadata, apiErr *apiError) {
	limit, ok := intParam(query, "limit", defaultLimit)
	if !ok || limit < 1 {
		return 0, 0, meta, errInvalidParam("limit")
	}
	limit = min(limit, maxLimit)
	offset, ok := intParam(query, "offset", 0)
	if !ok || offset < 0 {
		return 0, 0, meta, errInvalidParam("offset")
	}
	start = min(offset, total)
	end = min(start+limit, total)
	meta = listMetadata{TotalObjects: total}
	if end < total {
		meta.NextOffset = ptr(end)
	}
	if offset > 0 {
		meta.PrevOffset = ptr(max(0, offset-limit))
	}
	return start, end, meta, nil
}

// listByValues answers username_list / user_id_list: limit and offset are
// ignored and users come back in the server's order.
func (s *Server) listByValues(w http.ResponseWriter, query url.Values) {
	name, index := "username_list", s.byLogin
	if _, ok := query["user_id_list"]; ok {
		name, index = "user_id_list", s.byID
	}
	var values []string
	if len(query[name]) != 1 || json.Unmarshal([]byte(query.Get(name)), &values) != nil || len(values) > maxListedValues {
		s.writeError(w, errInvalidParam(name))
		return
	}
	selected := make([]bool, len(s.users))
	for _, v := range values {
		if i, ok := index[v]; ok {
			selected[i] = true
		}
	}
	var page [][]byte
	for i, sel := range selected {
		if sel {
			page = append(page, s.users[i])
		}
	}
	s.writeList(w, page, listMetadata{TotalObjects: len(page)})
}

// writeList writes a successful answer to a users list request and counts it.
func (s *Server) writeList(w http.ResponseWriter, page [][]byte, meta listMetadata) {
	writePage(w, page, meta)
	s.listRequests.Add(1)
}

// writePage writes a successful list answer by concatenating pre-encoded
// objects, which is what keeps 50,000-user benchmarks cheap.
func writePage(w http.ResponseWriter, page [][]byte, meta listMetadata) {
	metaJSON, _ := json.Marshal(meta)
	size := 64 + len(metaJSON)
	for _, u := range page {
		size += len(u) + 1
	}
	var b bytes.Buffer
	b.Grow(size)
	b.WriteString(`{"stat":"OK","response":[`)
	for i, u := range page {
		if i > 0 {
			b.WriteByte(',')
		}
		b.Write(u)
	}
	b.WriteString(`],"metadata":`)
	b.Write(metaJSON)
	b.WriteString(`}`)
	writeJSON(w, http.StatusOK, b.Bytes())
}

// intParam parses an optional integer query parameter.
func intParam(query url.Values, name string, fallback int) (int, bool) {
	values, ok := query[name]
	if !ok {
		return fallback, true
	}
	if len(values) != 1 {
		return 0, false
	}
	n, err := strconv.Atoi(values[0])
	return n, err == nil
}
