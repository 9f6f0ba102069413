// Package fakeduo is a fake Duo Admin API served over HTTPS on loopback, for
// acceptance tests, benchmarks and demos. It authenticates requests exactly as
// Duo does and serves, with GET only:
//
//	path                                               page default / max
//	/admin/v1/users, …/{user_id}                       100 / 300
//	/admin/v1/groups                                   100 / 100
//	/admin/v2/groups/{group_id}                        -
//	/admin/v2/groups/{group_id}/users                  100 / 500
//	/admin/v1/admins, …/{admin_id}                     100 / 500
//	/admin/v1/administrative_units, …/{admin_unit_id}  100 / 500
//	/admin/v3/integrations, …/{integration_key}        100 / 300 (secrets masked)
//	/admin/v1/integrations/{integration_key}/skey      - (the full secret key)
//	/admin/v1/phones, …/{phone_id}                     100 / 500
//	/admin/v1/tokens, …/{token_id}                     100 / 500
//	/admin/v1/bypass_codes, …/{bypass_code_id}         100 / 500
//	/admin/v1/webauthncredentials, …/{webauthnkey}     100 / 500
//	/admin/v1/endpoints, …/{epkey}                     100 / 500
//	/admin/v1/desktop_authenticators, …/{dakey}        100 / 500
//	/admin/v1/admins/allowed_auth_methods              -
//	/admin/v1/settings, /admin/v1/info/summary         -
//	/admin/v1/info/{authentication_attempts, …}        - (see reports.go)
//	/admin/v2/policies, …/{policy_key}                 100 / 100 (signed v5 only; see policies.go)
//	/admin/v2/policies/global, …/summary, …/calculate  -
//
// and the logs of Options.Account.Logs (see logs.go).
//
// A larger limit is served as the maximum, as Duo does. Users and their
// groups come from Options.Users and Options.Groups, the rest from
// Options.Account; phones, tokens and WebAuthn credentials are listed
// from their holders. What is
// served is immutable after Start, unless Options.Faults changes it.
//
// Each key reads what its grants allow, as at Duo; any other GET is
// answered HTTP 403, code 40301 (see grantedPaths for which grant each
// endpoint needs). Two kinds of key sign requests:
//
//   - the fake's own (Options.IntegrationKey and SecretKey), which may read
//     everything unless Options.Grants says otherwise: a test that needs a
//     key without the log and administrator grants starts the fake with
//     Options{Grants: &Grants{ReadResource: true, Applications: true,
//     Settings: true, Information: true}}. The account holds no record of
//     this key: GET /admin/v3/integrations/{its key} is a 404, as for an
//     Accounts API key;
//   - the keys of the account's Admin API applications (Account.Integrations
//     of type adminapi, their IntegrationKey and SecretKey), each with the
//     grants of its adminapi_* flags, whose record the account serves: a
//     test signs with one to read with a key that Duo knows, such as
//     SampleAccount's DISAMPLE000000000001 (every grant but
//     allow_to_set_permissions) or DISAMPLE000000000002 (read grants but
//     applications and settings).
package fakeduo

import (
	"context"
	"crypto/tls"
	"fmt"
	"net"
	"net/http"
	"os"
	"strings"
	"sync/atomic"
	"time"
)

// Default credentials, shaped like real ones (20 and 40 characters).
const (
	DefaultIntegrationKey = "DIFAKEDUO0000000TEST"
	DefaultSecretKey      = "fakeduoSecretKey0000000000000000000TEST0"
)

// Options configures Start. The zero value serves SampleUsers and
// SampleAccount with the default credentials on a random loopback port.
type Options struct {
	Users  []User  // served in this order; nil means SampleUsers()
	Groups []Group // served after the groups of Users (in first-seen order), unless already among them
	// Account is the rest of the account. Nil means SampleAccount() when
	// Users is nil too, and otherwise GeneratedAccount(Users, 5), whose
	// references hold for any users.
	Account        *Account
	IntegrationKey string        // default DefaultIntegrationKey
	SecretKey      string        // default DefaultSecretKey
	Latency        time.Duration // added to every answer (benchmarks)
	Addr           string        // listen address; default "127.0.0.1:0"
	Faults         *Faults       // failures to inject; nil means none
	// Denied are paths, each with everything below it (such as
	// "/admin/v1/admins"), answered HTTP 403 code 40301 once a request has
	// authenticated, as Duo answers an Admin API application that lacks
	// the permission.
	Denied []string
	// Grants are what the fake's own key may read; nil grants everything
	// (AllGrants). See the package comment.
	Grants *Grants
	// FlatReports answers the account info reports in the flat shape of
	// duo_client_python's docstring rather than the nested one of Duo's
	// Java and Node examples (see reports.go).
	FlatReports bool
	// UsernameListMatchesAliases makes username_list on /admin/v1/users
	// match aliases too, not only usernames.
	UsernameListMatchesAliases bool
	// Answers are served as they are, before the account's endpoints.
	Answers []Answer
	// MaxInFlight, when positive, answers HTTP 429 to a request that
	// arrives while this many are being answered, as Duo's rate limit
	// answers a client that sends too much at once; Stats counts them as
	// RateLimited.
	MaxInFlight int
	// AccountsAPI makes the account an MSP parent whose Accounts API
	// application lists these children (see accounts.go and StartMSP).
	AccountsAPI *AccountsAPI
	// Parent makes the account a child that accepts its parent's Accounts
	// API key (see accounts.go and StartMSP).
	Parent *ParentAccess
}

// Server is a running fake Duo Admin API. Its methods are safe for concurrent
// use.
type Server struct {
	ikey, skey string
	latency    time.Duration
	host       string
	caPEM      []byte

	// snap is what the fake serves. Only a Faults mutation replaces it,
	// under faults.mu.
	snap              *snapshot
	faults            faultState
	lastAuthorization atomic.Pointer[string]

	denied                     []string
	flatReports                bool
	usernameListMatchesAliases bool
	answers                    []Answer

	// logs are what happened, as of Start; logQueries what was asked of them.
	logs       *logIndex
	logQueries logQueries

	// credentials are the keys requests may be signed with.
	credentials credentials
	inFlight    inFlightLimit
	// accountsAPI and parent are Options.AccountsAPI and Options.Parent.
	accountsAPI *AccountsAPI
	parent      *ParentAccess

	// listRequests counts the successful answers of each listing, by path.
	listRequests map[string]*atomic.Int64
	httpServer   *http.Server
	serveDone    chan struct{}
}

// Start listens on opts.Addr and serves the fake API over TLS until Close.
func Start(opts Options) (*Server, error) {
	s, err := newServer(opts)
	if err != nil {
		return nil, err
	}
	cert, caPEM, err := newTLSMaterial(time.Now())
	if err != nil {
		return nil, err
	}
	s.caPEM = caPEM

	addr := opts.Addr
	if addr == "" {
		addr = "127.0.0.1:0"
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return nil, fmt.Errorf("fakeduo: listen: %w", err)
	}
	s.host = ln.Addr().String()
	s.httpServer = &http.Server{
		Handler:           s,
		TLSConfig:         &tls.Config{Certificates: []tls.Certificate{cert}, MinVersion: tls.VersionTLS12},
		ReadHeaderTimeout: 10 * time.Second,
		// Faults.ResetEvery needs the connection under a request.
		ConnContext: withConn,
	}
	s.serveDone = make(chan struct{})
	go func() {
		defer close(s.serveDone)
		// ServeTLS always returns an error; ErrServerClosed is the normal end.
		_ = s.httpServer.ServeTLS(ln, "", "")
	}()
	return s, nil
}

// newServer is a Server ready to answer requests, not yet listening.
func newServer(opts Options) (*Server, error) {
	s := &Server{
		ikey:         opts.IntegrationKey,
		skey:         opts.SecretKey,
		latency:      opts.Latency,
		listRequests: map[string]*atomic.Int64{membersListing.path: {}},

		usernameListMatchesAliases: opts.UsernameListMatchesAliases,
		flatReports:                opts.FlatReports,
		answers:                    opts.Answers,
		inFlight:                   inFlightLimit{most: int64(opts.MaxInFlight)},
		accountsAPI:                opts.AccountsAPI,
		parent:                     opts.Parent,
	}
	for _, path := range opts.Denied {
		if !strings.HasPrefix(path, "/") {
			return nil, fmt.Errorf("fakeduo: Options.Denied holds %q, which is no path", path)
		}
		s.denied = append(s.denied, strings.TrimSuffix(path, "/"))
	}
	for _, k := range kinds {
		s.listRequests[k.path] = &atomic.Int64{}
	}
	for _, path := range logPaths {
		s.listRequests[path] = &atomic.Int64{}
	}
	if s.ikey == "" {
		s.ikey = DefaultIntegrationKey
	}
	if s.skey == "" {
		s.skey = DefaultSecretKey
	}
	users, account := opts.Users, opts.Account
	if account == nil {
		if users == nil {
			account = ptr(SampleAccount())
		} else {
			account = ptr(GeneratedAccount(users, generatedAccountSize))
		}
	}
	if users == nil {
		users = SampleUsers()
	}
	grants := AllGrants()
	if opts.Grants != nil {
		grants = *opts.Grants
	}
	s.credentials = newCredentials(s.ikey, s.skey, grants, account.Integrations)
	// The Accounts API keys are not Admin API applications of the account:
	// checkAccountsAPI says what they may do.
	if opts.AccountsAPI != nil {
		s.credentials[opts.AccountsAPI.IntegrationKey] = &credential{secretKey: opts.AccountsAPI.SecretKey, grants: AllGrants()}
		s.listRequests[accountListPath] = &atomic.Int64{}
	}
	if opts.Parent != nil {
		s.credentials[opts.Parent.IntegrationKey] = &credential{secretKey: opts.Parent.SecretKey, grants: AllGrants()}
	}
	var err error
	if s.snap, err = newSnapshot(users, opts.Groups, account); err != nil {
		return nil, err
	}
	if err := s.faults.init(opts.Faults, users, opts.Groups, account); err != nil {
		return nil, err
	}
	if s.logs, err = newLogIndex(time.Now(), users, account); err != nil {
		return nil, err
	}
	return s, nil
}

// Host is the host:port to give a Duo client as its API host.
func (s *Server) Host() string { return s.host }

// CACertPEM is the PEM certificate of the CA that signed the server's
// certificate; clients must trust it.
func (s *Server) CACertPEM() []byte { return append([]byte(nil), s.caPEM...) }

// WriteCACert writes CACertPEM to path.
func (s *Server) WriteCACert(path string) error { return os.WriteFile(path, s.caPEM, 0o644) }

// IntegrationKey is the integration key of the fake's own credentials,
// which may sign requests as the account's Admin API applications may.
func (s *Server) IntegrationKey() string { return s.ikey }

// SecretKey is the secret key of the fake's own credentials.
func (s *Server) SecretKey() string { return s.skey }

// ListRequests is the number of successful (2xx) answers to the listing at
// path (such as "/admin/v1/users") so far, whatever its query. Group member
// listings count together under "/admin/v2/groups/{group_id}/users". A
// path that is no listing has none.
func (s *Server) ListRequests(path string) int64 {
	if counter, ok := s.listRequests[path]; ok {
		return counter.Load()
	}
	return 0
}

// ListRequestCounts is ListRequests of every listing, by path.
func (s *Server) ListRequestCounts() map[string]int64 {
	counts := make(map[string]int64, len(s.listRequests))
	for path, counter := range s.listRequests {
		counts[path] = counter.Load()
	}
	return counts
}

// Requests is ListRequests of GET /admin/v1/users.
func (s *Server) Requests() int64 { return s.ListRequests(usersPath) }

// ResetRequests sets every ListRequests counter back to zero.
func (s *Server) ResetRequests() {
	for _, counter := range s.listRequests {
		counter.Store(0)
	}
}

// Close stops the server, dropping open connections, and waits for the
// serving goroutine to end.
func (s *Server) Close() {
	// Close only fails when closing the listener fails; it is gone either way.
	_ = s.httpServer.Close()
	<-s.serveDone
}

// ServeHTTP answers one API request: optional latency, authentication, a
// rate limit under Options.MaxInFlight, the fault Options.Faults calls for
// if any, then routing.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	admitted := s.inFlight.enter()
	defer s.inFlight.leave()
	if !s.waitLatency(r.Context()) {
		return
	}
	signer, apiErr := s.authenticate(r, time.Now())
	if apiErr != nil {
		s.writeError(w, apiErr)
		return
	}
	ikey, _, _ := r.BasicAuth()
	if apiErr := s.checkAccountsAPI(r, ikey); apiErr != nil {
		s.writeError(w, apiErr)
		return
	}
	s.lastAuthorization.Store(ptr(r.Header.Get("Authorization")))
	if !admitted {
		s.countRateLimited()
		s.writeError(w, errRateLimited)
		return
	}
	if s.injectFault(w, r, s.countRequest()) {
		return
	}
	if !signer.grants.allow(r.URL.EscapedPath()) {
		s.writeError(w, errForbidden)
		return
	}
	s.serveAccount(w, r)
}

// waitLatency sleeps for the configured latency; it reports false if the
// request was cancelled meanwhile, in which case nobody reads the answer.
func (s *Server) waitLatency(ctx context.Context) bool {
	return sleep(ctx, s.latency)
}

// sleep waits for d; it reports false if ctx ended first.
func sleep(ctx context.Context, d time.Duration) bool {
	if d <= 0 {
		return true
	}
	timer := time.NewTimer(d)
	defer timer.Stop()
	select {
	case <-timer.C:
		return true
	case <-ctx.Done():
		return false
	}
}
