package fakeduo

import (
	"context"
	"net/http"
	"sync"
	"testing"
	"time"
)

// TestMaxInFlightRateLimitsRequestsBeyondIt holds two requests in flight
// with a slow answer of an hour, which the test ends, so that the requests
// that arrive meanwhile are rate limited however busy the machine is.
func TestMaxInFlightRateLimitsRequestsBeyondIt(t *testing.T) {
	s := startServer(t, Options{MaxInFlight: 2, Faults: &Faults{SlowEvery: 1, SlowDelay: time.Hour}})
	client := faultClient(s, true)
	ctx, cancel := context.WithCancel(context.Background())
	var held sync.WaitGroup
	for range 2 {
		held.Go(func() {
			send(client, signedRequest(t, s, http.MethodGet, usersPath, nil, time.Now().UTC().Format(time.RFC1123Z)).WithContext(ctx))
		})
	}
	for s.Stats().Slow < 2 {
		time.Sleep(time.Millisecond)
	}
	for range 3 {
		if status := getSigned(t, s, client, usersPath, nil).status; status != http.StatusTooManyRequests {
			t.Errorf("a request beyond the two in flight got %d, want 429", status)
		}
	}
	if stats := s.Stats(); stats.Requests != 5 || stats.RateLimited != 3 {
		t.Fatalf("Stats = %+v, want 5 requests, 3 rate limited", stats)
	}
	// Once they are answered, there is room again.
	cancel()
	held.Wait()
	s.StopFaults()
	for s.inFlight.count.Load() > 0 {
		time.Sleep(time.Millisecond)
	}
	if status := getSigned(t, s, client, usersPath, nil).status; status != http.StatusOK {
		t.Fatalf("a request alone got %d", status)
	}
}
