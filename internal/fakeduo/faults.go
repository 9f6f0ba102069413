package fakeduo

import (
	"context"
	"crypto/tls"
	"fmt"
	"maps"
	"net"
	"net/http"
	"slices"
	"strconv"
	"sync"
	"time"
)

// Faults makes the fake misbehave as Duo and the networks in front of it do.
// Counting is over authenticated requests to any endpoint, starting at 1;
// zero values disable a fault.
//
// A request gets at most one fault, the first that applies in this order:
// a reset, an HTML page, a truncated body, an empty body, a rate limit, a
// server error, a slow answer. A slow answer is otherwise a normal answer.
type Faults struct {
	// RateLimitEvery answers HTTP 429 {"stat":"FAIL","code":42901,"message":"Too Many Requests"}
	// to every Nth request.
	RateLimitEvery int
	// RateLimitBurst answers HTTP 429 to this many consecutive requests,
	// starting at request RateLimitBurstStart (or 1 when that is zero).
	RateLimitBurst      int
	RateLimitBurstStart int
	// ServerErrorEvery answers HTTP 503, code 50301, to every Nth request.
	ServerErrorEvery int
	// ResetEvery drops the connection without answering every Nth request:
	// the TCP connection is reset, which also ends every other HTTP/2
	// stream on it, as a middlebox dropping the connection does.
	ResetEvery int
	// SlowEvery delays every Nth answer by SlowDelay; a request cancelled
	// meanwhile gets no answer.
	SlowEvery int
	SlowDelay time.Duration
	// HTMLEvery answers HTTP 502 with an HTML page, as a proxy in front of
	// Duo does, to every Nth request.
	HTMLEvery int
	// TruncateEvery sends a 200 whose body stops mid-JSON, short of the
	// Content-Length it announces, to every Nth request. The connection
	// (HTTP/1.1) or stream (HTTP/2) then ends.
	TruncateEvery int
	// EmptyEvery sends a 200 with an empty body to every Nth request.
	EmptyEvery int
	// CodesAsStrings writes the code of every error answer as a JSON
	// string ("code":"40103"), as Duo sometimes does, instead of a number.
	CodesAsStrings bool
	// MaskedSecretKeys makes GET .../skey send the secret key masked, as
	// the v3 integration handlers send it, instead of in full.
	MaskedSecretKeys bool

	// MutateAfter changes the account once the fake has served the Nth
	// GET /admin/v1/users (counting answered requests, not faulted ones):
	// Insert is put at the front of the listing and RemoveUserIDs are
	// removed, shifting every offset as a real account changing during a
	// listing does. Requests served after that see the changed account,
	// exactly as a fake started with the changed users and the same
	// Account would serve it (groups and their members, phones, tokens and
	// the summary included), less the removed users' bypass codes and
	// desktop authenticators, which Duo deletes with them (their endpoints
	// stay, with no user); a request being served at the time of the
	// change finishes with the account as it was.
	MutateAfter   int
	Insert        []User
	RemoveUserIDs []string
}

// FaultStats counts what the fake did under Faults, so that a test can
// check that the faults it asked for happened.
type FaultStats struct {
	Requests     int // authenticated requests, faulted or not
	RateLimited  int
	ServerErrors int
	Resets       int
	Slow         int
	HTML         int
	Truncated    int
	Empty        int
	Mutations    int // 1 once the account has changed
}

type fault int

const (
	noFault fault = iota
	faultReset
	faultHTML
	faultTruncate
	faultEmpty
	faultRateLimit
	faultServerError
	faultSlow
)

// pick returns the fault for the nth request, in the documented order of
// precedence.
func (f *Faults) pick(n int) fault {
	every := func(period int) bool { return period > 0 && n%period == 0 }
	burstStart := max(f.RateLimitBurstStart, 1)
	inBurst := n >= burstStart && n < burstStart+f.RateLimitBurst
	switch {
	case every(f.ResetEvery):
		return faultReset
	case every(f.HTMLEvery):
		return faultHTML
	case every(f.TruncateEvery):
		return faultTruncate
	case every(f.EmptyEvery):
		return faultEmpty
	case every(f.RateLimitEvery) || inBurst:
		return faultRateLimit
	case every(f.ServerErrorEvery):
		return faultServerError
	case every(f.SlowEvery):
		return faultSlow
	}
	return noFault
}

// faultState is what the fake keeps to inject faults. faults is fixed at
// Start; the other fields are guarded by mu.
type faultState struct {
	faults Faults

	mu sync.Mutex
	// changed is the account after the mutation, indexed at Start so that
	// a bad mutation fails Start and applying it is only a swap; nil when
	// there is none, or once it has been applied or cancelled.
	changed        *snapshot
	stats          FaultStats
	servedListings int
	stopped        bool
}

// init copies faults and prepares its mutation of users, which Start
// serves with extraGroups and account.
func (state *faultState) init(faults *Faults, users []User, extraGroups []Group, account *Account) error {
	if faults == nil {
		return nil
	}
	state.faults = *faults
	if faults.MutateAfter <= 0 || (len(faults.Insert) == 0 && len(faults.RemoveUserIDs) == 0) {
		return nil
	}

	removed := make(map[string]bool, len(faults.RemoveUserIDs))
	for _, id := range faults.RemoveUserIDs {
		removed[id] = true
	}
	unknown := maps.Clone(removed)
	changedUsers := slices.Clone(faults.Insert)
	for _, u := range users {
		if removed[u.UserID] {
			delete(unknown, u.UserID)
			continue
		}
		changedUsers = append(changedUsers, u)
	}
	if len(unknown) > 0 {
		return fmt.Errorf("fakeduo: Faults.RemoveUserIDs names no user with the IDs %q", slices.Sorted(maps.Keys(unknown)))
	}
	changedAccount := account.withoutObjectsOf(removed)
	changed, err := newSnapshot(changedUsers, extraGroups, &changedAccount)
	if err != nil {
		return fmt.Errorf("fakeduo: the users after Faults' mutation: %w", err)
	}
	state.changed = changed
	return nil
}

// Stats returns what Faults made the fake do so far.
func (s *Server) Stats() FaultStats {
	s.faults.mu.Lock()
	defer s.faults.mu.Unlock()
	return s.faults.stats
}

// StopFaults ends fault injection: later requests are answered normally,
// and a change to the account not made yet never is. A test that checks
// one read under faults stops them so that the reads Terraform makes
// afterwards do not wait on retries.
func (s *Server) StopFaults() {
	s.faults.mu.Lock()
	defer s.faults.mu.Unlock()
	s.faults.stopped = true
	s.faults.changed = nil
}

// LastAuthorization is the Authorization header of the last request that
// authenticated, so that tests can look for the signature in logs.
func (s *Server) LastAuthorization() string {
	if header := s.lastAuthorization.Load(); header != nil {
		return *header
	}
	return ""
}

// countRequest counts an authenticated request and returns its fault.
func (s *Server) countRequest() fault {
	state := &s.faults
	state.mu.Lock()
	defer state.mu.Unlock()
	state.stats.Requests++
	if state.stopped {
		return noFault
	}
	f := state.faults.pick(state.stats.Requests)
	switch f {
	case faultReset:
		state.stats.Resets++
	case faultHTML:
		state.stats.HTML++
	case faultTruncate:
		state.stats.Truncated++
	case faultEmpty:
		state.stats.Empty++
	case faultRateLimit:
		state.stats.RateLimited++
	case faultServerError:
		state.stats.ServerErrors++
	case faultSlow:
		state.stats.Slow++
	}
	return f
}

// injectFault answers r with the fault f calls for. It reports whether r
// has been dealt with; a slow answer still has to be served afterwards.
func (s *Server) injectFault(w http.ResponseWriter, r *http.Request, f fault) bool {
	switch f {
	case noFault:
		return false
	case faultReset:
		resetConnection(w, r)
	case faultHTML:
		w.Header().Set("Content-Type", "text/html")
		w.Header().Set("Content-Length", strconv.Itoa(len(proxyErrorPage)))
		w.WriteHeader(http.StatusBadGateway)
		_, _ = w.Write([]byte(proxyErrorPage))
	case faultTruncate:
		// Half of a plausible answer; the server ends the connection or
		// stream itself because less than Content-Length was written.
		const start = `{"stat":"OK","response":[{"user_id":"DUSAMPLE000000000001","username":"jsm`
		w.Header().Set("Content-Type", "application/json")
		w.Header().Set("Content-Length", strconv.Itoa(2*len(start)))
		w.WriteHeader(http.StatusOK)
		_, _ = w.Write([]byte(start))
	case faultEmpty:
		writeJSON(w, http.StatusOK, nil)
	case faultRateLimit:
		s.writeError(w, errRateLimited)
	case faultServerError:
		s.writeError(w, errServiceUnavailable)
	case faultSlow:
		return !sleep(r.Context(), s.faults.faults.SlowDelay)
	}
	return true
}

var (
	errRateLimited        = &apiError{http.StatusTooManyRequests, 42901, "Too Many Requests", ""}
	errServiceUnavailable = &apiError{http.StatusServiceUnavailable, 50301, "Service Unavailable", ""}
)

// proxyErrorPage is what nginx answers when the server behind it fails.
const proxyErrorPage = "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n" +
	"<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n"

// connKey is the request context key of the connection a request came on.
type connKey struct{}

func withConn(ctx context.Context, conn net.Conn) context.Context {
	return context.WithValue(ctx, connKey{}, conn)
}

// resetConnection drops the TCP connection r came on with a reset, without
// a TLS close_notify, so the client sees "connection reset by peer".
func resetConnection(w http.ResponseWriter, r *http.Request) {
	conn, _ := r.Context().Value(connKey{}).(net.Conn)
	if tlsConn, ok := conn.(*tls.Conn); ok {
		conn = tlsConn.NetConn()
	}
	tcp, ok := conn.(*net.TCPConn)
	if !ok {
		// Not served by Start's listener: abort the answer instead.
		panic(http.ErrAbortHandler)
	}
	_ = tcp.SetLinger(0)
	_ = tcp.Close()
}

// serveAccount routes r against the account as it is when r arrives,
// first applying a mutation that is due.
func (s *Server) serveAccount(w http.ResponseWriter, r *http.Request) {
	s.route(w, r, s.snapshotFor(r))
}

// snapshotFor returns the account to serve r from. The mutation happens
// between two requests: one being served keeps the account it started
// with.
func (s *Server) snapshotFor(r *http.Request) *snapshot {
	s.faults.mu.Lock()
	defer s.faults.mu.Unlock()
	if s.faults.changed != nil && s.faults.servedListings >= s.faults.faults.MutateAfter {
		s.snap = s.faults.changed
		s.faults.changed = nil
		s.faults.stats.Mutations++
	}
	if r.URL.EscapedPath() == usersPath {
		s.faults.servedListings++
	}
	return s.snap
}
