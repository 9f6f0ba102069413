// Package duo reads users from the Duo Admin API. It signs requests with
// duo_api_golang and adds what a long-running, cancellable caller needs:
// context, bounded retries, strict decoding and complete pagination.
package duo

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"maps"
	"math/rand/v2"
	"net"
	"net/http"
	"net/url"
	"strings"
	"syscall"
	"time"

	duoapi "github.com/duosecurity/duo_api_golang"
	"golang.org/x/net/http/httpproxy"
)

// Defaults for the zero values of Config.
const (
	DefaultRequestTimeout = 60 * time.Second
	DefaultMaxRetryWait   = 5 * time.Minute
	// DefaultMaxConcurrentRequests keeps a listing well inside Duo's budget
	// of about 200 list requests a minute while hiding most of the latency.
	DefaultMaxConcurrentRequests = 4
)

// Config holds what a Client needs to reach one Duo account.
type Config struct {
	IntegrationKey string
	SecretKey      string
	// APIHost is a host name with an optional port, as NormalizeAPIHost returns it.
	APIHost string
	// ExtraCACertsPEM are CA certificates trusted in addition to the Duo
	// roots that duo_api_golang pins: a TLS-inspecting proxy's, or a test server's.
	ExtraCACertsPEM []byte
	UserAgent       string
	// RequestTimeout bounds one HTTP request, including reading its body.
	RequestTimeout time.Duration
	// MaxRetryWait bounds the total time one call spends waiting between
	// retries of rate-limited (429) or failed (5xx, network) requests.
	MaxRetryWait time.Duration
	// MaxConcurrentRequests bounds the requests in flight at once; rate
	// limit answers lower the bound for a while.
	MaxConcurrentRequests int
	// LogRequest, when set, is told about every request sent.
	LogRequest func(context.Context, RequestLog)
	// AccountID, when set, is the child account of an MSP parent that the
	// client reads with the parent's Accounts API key: APIHost is then the
	// child's api_hostname, and every request carries account_id, signed
	// as the other parameters are.
	AccountID string
}

// RequestLog describes one HTTP request, without credentials.
type RequestLog struct {
	Method   string
	Path     string
	Query    string
	Status   int
	Duration time.Duration
	Attempt  int
	Err      error
}

// Client reads from the Duo Admin API. It is safe for concurrent use.
type Client struct {
	cfg Config
	// transport is shared by all calls so that connections are reused; it
	// trusts duo_api_golang's pinned roots plus Config.ExtraCACertsPEM.
	transport *http.Transport
	// retryDelay returns the wait before retry number attempt (1-based).
	retryDelay func(attempt int) time.Duration
	limit      *adaptiveLimit
}

// NewClient checks cfg and returns a Client for it.
func NewClient(cfg Config) (*Client, error) {
	if cfg.IntegrationKey == "" || cfg.SecretKey == "" || cfg.APIHost == "" {
		return nil, errors.New("the integration key, secret key and API host are all required")
	}
	if cfg.RequestTimeout <= 0 {
		cfg.RequestTimeout = DefaultRequestTimeout
	}
	if cfg.MaxRetryWait <= 0 {
		cfg.MaxRetryWait = DefaultMaxRetryWait
	}
	if cfg.MaxConcurrentRequests <= 0 {
		cfg.MaxConcurrentRequests = DefaultMaxConcurrentRequests
	}
	if len(cfg.ExtraCACertsPEM) > 0 && !x509.NewCertPool().AppendCertsFromPEM(cfg.ExtraCACertsPEM) {
		return nil, errors.New("the CA certificate file holds no PEM certificate")
	}

	// duo_api_golang builds its transport with Duo's pinned roots; keep
	// that transport and add to its roots. The proxy settings are read now,
	// rather than once per process as http.ProxyFromEnvironment does.
	proxy := httpproxy.FromEnvironment().ProxyFunc()
	var transport *http.Transport
	duoapi.NewDuoApi(cfg.IntegrationKey, cfg.SecretKey, cfg.APIHost, "", duoapi.SetProxy(func(r *http.Request) (*url.URL, error) {
		return proxy(r.URL)
	}), duoapi.SetTransport(func(t *http.Transport) {
		if t.TLSClientConfig == nil {
			t.TLSClientConfig = &tls.Config{}
		}
		t.TLSClientConfig.MinVersion = tls.VersionTLS12
		if t.TLSClientConfig.RootCAs == nil {
			t.TLSClientConfig.RootCAs = x509.NewCertPool()
		}
		t.TLSClientConfig.RootCAs.AppendCertsFromPEM(cfg.ExtraCACertsPEM)
		t.MaxIdleConnsPerHost = 16
		transport = t
	}))
	return &Client{cfg: cfg, transport: transport, retryDelay: duoBackoff, limit: newAdaptiveLimit(cfg.MaxConcurrentRequests)}, nil
}

// IntegrationKey is the integration key the client signs with: not a
// secret, the name of the Admin API application.
func (c *Client) IntegrationKey() string { return c.cfg.IntegrationKey }

// NormalizeAPIHost accepts "host", "host:port" or "https://host[:port]" and
// returns "host[:port]" in lower case.
func NormalizeAPIHost(raw string) (string, error) {
	host := strings.TrimSpace(raw)
	if host == "" {
		return "", errors.New("the API hostname is empty")
	}
	if strings.ContainsAny(host, " \t\r\n") {
		return "", errors.New("the API hostname contains white space")
	}
	lower := strings.ToLower(host)
	switch {
	case strings.HasPrefix(lower, "https://"):
		host = host[len("https://"):]
	case strings.Contains(lower, "://"):
		return "", errors.New("the Duo Admin API is only served over https: give the hostname alone, such as api-xxxxxxxx.duosecurity.com")
	}
	host = strings.TrimSuffix(host, "/")
	if strings.ContainsAny(host, "/?#@") {
		return "", errors.New("give the hostname alone, such as api-xxxxxxxx.duosecurity.com, without a path, query or user")
	}
	u, err := url.Parse("https://" + host)
	if err != nil || u.Hostname() == "" || u.Host != host {
		return "", errors.New("it is not a valid host name or host:port")
	}
	return strings.ToLower(host), nil
}

// duoBackoff waits as Duo's own clients do: 1 s doubling to 32 s, plus up to
// 1 s of jitter so that parallel callers do not retry in step.
func duoBackoff(attempt int) time.Duration {
	delay := time.Second << min(attempt-1, 5)
	return delay + rand.N(time.Second) //nolint:gosec // jitter, not a secret
}

// call is one logical request to Duo bound to a context: duo_api_golang
// takes no context, so each call gets its own DuoApi whose HTTP client
// carries the context into the shared transport.
type call struct {
	client *Client
	api    *duoapi.DuoApi
}

func (c *Client) newCall(ctx context.Context) *call {
	api := duoapi.NewDuoApi(c.cfg.IntegrationKey, c.cfg.SecretKey, c.cfg.APIHost, c.cfg.UserAgent)
	api.SetCustomHTTPClient(&http.Client{Transport: &boundTransport{ctx: ctx, base: c.transport, timeout: c.cfg.RequestTimeout}})
	return &call{client: c, api: api}
}

// envelope is every Admin API answer.
type envelope[T any] struct {
	Stat          string     `json:"stat"`
	Code          lenientInt `json:"code"`
	Message       string     `json:"message"`
	MessageDetail string     `json:"message_detail"`
	Response      T          `json:"response"`
	Metadata      struct {
		TotalObjects lenientInt `json:"total_objects"`
		NextOffset   lenientInt `json:"next_offset"`
	} `json:"metadata"`
}

// get sends a signed GET and decodes the answer into out, as request does.
func get[T any](ctx context.Context, c *call, path string, params url.Values, permission string, out *envelope[T]) error {
	return request(ctx, c, http.MethodGet, path, params, permission, out)
}

// request sends a signed request and decodes the answer into out, retrying
// rate limits, server errors and network failures within the configured
// bounds. permission names what the Admin API application needs for path,
// for the hint of a 403 answer. A client of a child account adds its
// account_id to params.
func request[T any](ctx context.Context, c *call, method, path string, params url.Values, permission string, out *envelope[T]) error {
	if accountID := c.client.cfg.AccountID; accountID != "" {
		params = maps.Clone(params)
		if params == nil {
			params = url.Values{}
		}
		params.Set("account_id", accountID)
	}
	jsonParams := duoapi.JSONParams{}
	repeated := false
	for key, values := range params {
		jsonParams[key] = values[0]
		repeated = repeated || len(values) > 1
	}
	query := params.Encode()

	var waited time.Duration
	failures := 0
	for attempt := 1; ; attempt++ {
		if err := c.client.limit.acquire(ctx); err != nil {
			return Stopped(ctx, method+" "+path)
		}
		start := time.Now()
		var resp *http.Response
		var body []byte
		var err error
		if repeated {
			// duo_api_golang signs v5 with one value a parameter: a
			// parameter sent several times (a log's filters) is signed
			// v2, as duo_api_golang's own log calls are.
			resp, body, err = c.api.SignedCall(method, path, params, duoapi.UseTimeout)
		} else {
			resp, body, err = c.api.JSONSignedCall(method, path, jsonParams, duoapi.UseTimeout)
		}
		c.client.limit.release(errors.Is(err, errRateLimited))
		status := 0
		if resp != nil {
			status = resp.StatusCode
		}
		if c.client.cfg.LogRequest != nil {
			c.client.cfg.LogRequest(ctx, RequestLog{Method: method, Path: path, Query: query, Status: status, Duration: time.Since(start), Attempt: attempt, Err: err})
		}

		retry, failure := classify(ctx, method, path, status, body, err, out)
		var apiErr *APIError
		if errors.As(failure, &apiErr) {
			apiErr.Permission = permission
			apiErr.ThroughAccountsAPI = c.client.cfg.AccountID != ""
		}
		if failure == nil {
			return nil
		}
		if !retry {
			return failure
		}
		if !isRateLimit(failure) {
			failures++
			if failures > maxFailureRetries {
				return fmt.Errorf("%w; gave up after %d attempts", failure, attempt)
			}
		}
		delay := c.client.retryDelay(attempt)
		if waited+delay > c.client.cfg.MaxRetryWait {
			return fmt.Errorf("%w; gave up after %d attempts and %s of waiting", failure, attempt, waited.Round(time.Second))
		}
		select {
		case <-ctx.Done():
			return fmt.Errorf("%w (while waiting to retry after: %w)", Stopped(ctx, method+" "+path), failure)
		case <-time.After(delay):
		}
		waited += delay
	}
}

// Stopped explains why work ended early: the caller's deadline (the data
// source's read timeout) or a cancellation (Ctrl-C). what names the work,
// such as "GET /admin/v1/users".
//
// A context cancelled with context.DeadlineExceeded as its cause counts as
// a deadline: work shared by several callers stops that way when the last
// of them times out.
func Stopped(ctx context.Context, what string) error {
	cause := context.Cause(ctx)
	if errors.Is(cause, context.DeadlineExceeded) {
		return fmt.Errorf("%s did not finish within the read timeout; raise it with a timeouts { read = \"...\" } block: %w", what, cause)
	}
	return fmt.Errorf("%s was cancelled: %w", what, cause)
}

// maxFailureRetries bounds retries of server errors and dropped
// connections; rate limits are bounded by Config.MaxRetryWait instead.
const maxFailureRetries = 4

func isRateLimit(err error) bool {
	var apiErr *APIError
	return errors.As(err, &apiErr) && apiErr.Code == CodeRateLimited
}

// classify decides the outcome of one attempt: nil on success, else the
// error and whether another attempt may succeed.
func classify[T any](ctx context.Context, method, path string, status int, body []byte, err error, out *envelope[T]) (retry bool, failure error) {
	switch {
	case errors.Is(err, errRateLimited):
		return true, &APIError{Method: method, Path: path, HTTPStatus: http.StatusTooManyRequests, Code: CodeRateLimited, Message: "Too Many Requests"}
	case err != nil && ctx.Err() != nil:
		return false, Stopped(ctx, method+" "+path)
	case err != nil:
		return transient(err), fmt.Errorf("%s %s failed: %w", method, path, err)
	}

	*out = envelope[T]{}
	if decodeErr := json.Unmarshal(body, out); decodeErr != nil {
		// The decoder stops at the first value it cannot read, which may
		// come before stat: read stat alone to tell Duo's JSON from a body
		// that is not.
		var head struct {
			Stat string `json:"stat"`
		}
		if !json.Valid(body) || json.Unmarshal(body, &head) != nil || head.Stat == "" {
			return status >= 500, fmt.Errorf("Duo answered %s %s with HTTP %d and a body that is not Duo's JSON (%s)", method, path, status, excerpt(body))
		}
		if head.Stat == "OK" && status < 300 {
			if unreadable := unreadable(method, path, body, out); unreadable != nil {
				return false, unreadable
			}
			return false, fmt.Errorf("Duo answered %s %s with JSON the provider cannot read (%w). Please report it at https://github.com/idaudit/terraform-provider-duo/issues with this message", method, path, decodeErr)
		}
		// An error answer: what it says is read member by member, so that
		// one member that cannot be read does not hide the others.
		*out = envelope[T]{}
		var members map[string]json.RawMessage
		_ = json.Unmarshal(body, &members) // an object: stat was read from it
		for name, target := range map[string]any{"stat": &out.Stat, "code": &out.Code, "message": &out.Message, "message_detail": &out.MessageDetail} {
			_ = json.Unmarshal(members[name], target) // what cannot be read stays empty
		}
	}
	if out.Stat == "" {
		return status >= 500, fmt.Errorf("Duo answered %s %s with HTTP %d and a body that is not Duo's JSON (%s)", method, path, status, excerpt(body))
	}
	if out.Stat != "OK" || status >= 300 {
		apiErr := &APIError{Method: method, Path: path, HTTPStatus: status, Code: out.Code.value, Message: out.Message, Detail: out.MessageDetail}
		return status >= 500, apiErr
	}
	return false, nil
}

// transient reports whether a failure to get an answer may pass: a timeout
// or a dropped connection. A refused connection, a failed name lookup or a
// certificate that does not verify will not get better by waiting.
func transient(err error) bool {
	var netErr net.Error
	return errors.Is(err, syscall.ECONNRESET) || errors.Is(err, syscall.EPIPE) ||
		errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) ||
		(errors.As(err, &netErr) && netErr.Timeout())
}

// excerpt shows the start of a body that could not be decoded.
func excerpt(body []byte) string {
	const shown = 120
	text := strings.Join(strings.Fields(string(body)), " ")
	switch {
	case text == "":
		return "empty body"
	case len(text) > shown:
		return fmt.Sprintf("starts %q", text[:shown])
	}
	return fmt.Sprintf("%q", text)
}
