package duo

import (
	"context"
	"errors"
	"io"
	"net/http"
	"net/url"
	"strings"
	"time"
)

// errRateLimited replaces an HTTP 429 answer before duo_api_golang sees it:
// the library's own 429 loop sleeps for up to a minute without looking at
// any context, so the Client retries rate limits itself.
var errRateLimited = errors.New("rate limited by Duo (HTTP 429)")

// boundTransport sends duo_api_golang's requests with the caller's context
// and a per-request timeout, which the library cannot pass itself.
type boundTransport struct {
	ctx     context.Context
	base    http.RoundTripper
	timeout time.Duration
}

func (t *boundTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	ctx, cancel := context.WithTimeout(t.ctx, t.timeout)
	out := req.Clone(ctx)
	sendPathAsSigned(out.URL)

	resp, err := t.base.RoundTrip(out)
	if err != nil {
		cancel()
		return nil, err
	}
	if resp.StatusCode == http.StatusTooManyRequests {
		_, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10))
		_ = resp.Body.Close()
		cancel()
		return nil, errRateLimited
	}
	// The timeout covers reading the body, so it ends when the body is closed.
	resp.Body = &cancelOnClose{ReadCloser: resp.Body, cancel: cancel}
	return resp, nil
}

// sendPathAsSigned puts a path segment that the Client percent-escaped (a
// user ID) on the wire exactly as it was signed. duo_api_golang treats the
// path as unescaped and would escape the "%" again, so the server would
// see, and check the signature against, a different path.
func sendPathAsSigned(u *url.URL) {
	if !strings.Contains(u.Path, "%") {
		return
	}
	unescaped, err := url.PathUnescape(u.Path)
	if err != nil {
		return
	}
	u.RawPath = u.Path
	u.Path = unescaped
}

type cancelOnClose struct {
	io.ReadCloser
	cancel context.CancelFunc
}

func (c *cancelOnClose) Close() error {
	err := c.ReadCloser.Close()
	c.cancel()
	return err
}
