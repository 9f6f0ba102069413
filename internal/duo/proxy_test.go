package duo

import (
	"context"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"sync/atomic"
	"testing"
)

// connectProxy is an HTTPS proxy on loopback that tunnels every CONNECT to
// target, whatever host the client asked for, and counts the tunnels.
func connectProxy(t *testing.T, target string) (*httptest.Server, *atomic.Int64) {
	var tunnels atomic.Int64
	proxy := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodConnect {
			http.Error(w, "CONNECT only", http.StatusMethodNotAllowed)
			return
		}
		upstream, err := net.Dial("tcp", target)
		if err != nil {
			http.Error(w, err.Error(), http.StatusBadGateway)
			return
		}
		tunnels.Add(1)
		w.WriteHeader(http.StatusOK)
		client, _, err := w.(http.Hijacker).Hijack()
		if err != nil {
			_ = upstream.Close()
			return
		}
		go func() { _, _ = io.Copy(upstream, client); _ = upstream.Close() }()
		go func() { _, _ = io.Copy(client, upstream); _ = client.Close() }()
	}))
	t.Cleanup(proxy.Close)
	return proxy, &tunnels
}

func TestRequestsGoThroughTheProxyFromTheEnvironment(t *testing.T) {
	ts := newTestServer(t, listing(3, MaxPageSize))
	proxy, tunnels := connectProxy(t, ts.Listener.Addr().String())
	t.Setenv("HTTPS_PROXY", proxy.URL)
	t.Setenv("NO_PROXY", "")

	// example.com is in the test server's certificate and resolves nowhere
	// here: only the proxy can reach the server by that name.
	_, port, _ := net.SplitHostPort(ts.Listener.Addr().String())
	cfg := ts.client.cfg
	cfg.APIHost = "example.com:" + port
	client, err := NewClient(cfg)
	if err != nil {
		t.Fatal(err)
	}
	users, err := client.ListUsers(context.Background(), ListUsersInput{})
	if err != nil {
		t.Fatal(err)
	}
	expectRange(t, users, 0, 3)
	if tunnels.Load() == 0 {
		t.Fatal("no request went through the proxy")
	}
}
