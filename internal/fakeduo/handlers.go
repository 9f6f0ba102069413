package fakeduo

import (
	"bytes"
	"encoding/json"
	"net/http"
	"net/url"
	"strconv"
	"strings"
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

// errForbidden is what Duo answers an Admin API application that lacks
// the permission an endpoint needs.
var errForbidden = &apiError{http.StatusForbidden, 40301, "Access forbidden", "The Admin API application is not granted the permission this request needs"}

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

// kinds are the objects served as a listing and one by one.
var kinds = []*kind{
	{listing: usersListing, itemPrefix: usersPath, idName: "user_id", list: (*Server).listUsers,
		objects: func(snap *snapshot) *collection { return &snap.users.collection }},
	{listing: groupsListing, itemPrefix: groupsV2Path, idName: "group_id",
		objects: func(snap *snapshot) *collection { return &snap.groups.collection }},
	{listing: adminsListing, itemPrefix: adminsPath, idName: "admin_id",
		objects: func(snap *snapshot) *collection { return &snap.admins }},
	{listing: adminUnitsListing, itemPrefix: adminUnitsPath, idName: "admin_unit_id", filter: filterAdminUnits,
		objects: func(snap *snapshot) *collection { return &snap.adminUnits.collection }},
	{listing: integrationsListing, itemPrefix: integrationsPath, idName: "integration_key",
		objects: func(snap *snapshot) *collection { return &snap.integrations.collection }},
	{listing: phonesListing, itemPrefix: phonesPath, idName: "phone_id", filter: filterPhones,
		objects: func(snap *snapshot) *collection { return &snap.phones.collection }},
	{listing: tokensListing, itemPrefix: tokensPath, idName: "token_id", filter: filterTokens,
		objects: func(snap *snapshot) *collection { return &snap.tokens.collection }},
	{listing: bypassCodesListing, itemPrefix: bypassCodesPath, idName: "bypass_code_id",
		objects: func(snap *snapshot) *collection { return &snap.bypassCodes }},
	{listing: webAuthnCredentialsListing, itemPrefix: webAuthnCredentialsPath, idName: "webauthnkey",
		objects: func(snap *snapshot) *collection { return &snap.webAuthnCredentials }},
	{listing: endpointsListing, itemPrefix: endpointsPath, idName: "epkey",
		objects: func(snap *snapshot) *collection { return &snap.endpoints }},
	{listing: desktopAuthenticatorsListing, itemPrefix: desktopAuthenticatorsPath, idName: "dakey",
		objects: func(snap *snapshot) *collection { return &snap.desktopAuthenticators }},
	{listing: policiesListing, itemPrefix: policiesPath, idName: "policy_key",
		objects: func(snap *snapshot) *collection { return &snap.policies.collection }},
}

// route dispatches an authenticated request, answering it from snap.
func (s *Server) route(w http.ResponseWriter, r *http.Request, snap *snapshot) {
	if s.isDenied(r.URL.EscapedPath()) {
		s.writeError(w, errForbidden)
		return
	}
	if answer := s.answerFor(r); answer != nil && r.Method == http.MethodGet {
		writeAnswer(w, answer)
		return
	}
	method := http.MethodGet
	serve := s.accountsEndpoint(w, r.URL.EscapedPath())
	if serve != nil {
		method = accountsMethod(r.URL.EscapedPath())
	} else {
		serve = s.endpoint(w, r, snap)
	}
	if serve == nil {
		s.writeError(w, errNotFound(""))
		return
	}
	if r.Method != method {
		s.writeError(w, errMethodNotAllowed)
		return
	}
	serve()
}

// endpoint returns what answers r, or nil when its path is not served.
func (s *Server) endpoint(w http.ResponseWriter, r *http.Request, snap *snapshot) func() {
	path := r.URL.EscapedPath()
	if serve := s.policyEndpoint(w, r, snap, path); serve != nil {
		return serve
	}
	// Before the administrators: it is no admin_id.
	if path == adminAuthMethodsPath {
		return func() { writeObject(w, snap.adminAuthMethods) }
	}
	for _, k := range kinds {
		if path == k.path {
			return func() { k.serveList(s, snap, w, r) }
		}
		if id, ok := pathID(path, k.itemPrefix+"/", ""); ok {
			return func() { k.serveObject(s, snap, w, id) }
		}
	}
	if groupID, ok := pathID(path, groupsV2Path+"/", "/users"); ok {
		return func() { s.listGroupMembers(snap, w, r, groupID) }
	}
	if ikey, ok := pathID(path, secretKeyPrefix, secretKeySuffix); ok {
		return func() { s.getSecretKey(snap, w, ikey) }
	}
	if serve := s.logEndpoint(w, r, path); serve != nil {
		return serve
	}
	if serve := s.reportEndpoint(w, r, path); serve != nil {
		return serve
	}
	switch path {
	case settingsPath:
		return func() { writeObject(w, snap.settings) }
	case summaryPath:
		return func() { writeObject(w, snap.summary) }
	}
	return nil
}

// isDenied reports whether path is one of Options.Denied or below one.
func (s *Server) isDenied(path string) bool {
	for _, denied := range s.denied {
		if isBelow(path, denied) {
			return true
		}
	}
	return false
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

// writeList writes a successful answer to a request to the listing at path
// and counts it.
func (s *Server) writeList(w http.ResponseWriter, path string, page [][]byte, meta listMetadata) {
	writePage(w, page, meta)
	s.listRequests[path].Add(1)
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
