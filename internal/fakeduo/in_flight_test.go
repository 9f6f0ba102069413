package fakeduo

import (
	"net/http"
	"slices"
	"sync"
	"testing"
	"time"
)

func TestMaxInFlightRateLimitsRequestsBeyondIt(t *testing.T) {
	s := startServer(t, Options{MaxInFlight: 2, Latency: 300 * time.Millisecond})
	client := faultClient(s, false)
	statuses := make([]int, 5)
	var wg sync.WaitGroup
	for i := range statuses {
		wg.Go(func() {
			statuses[i] = getSigned(t, s, client, usersPath, nil).status
		})
	}
	wg.Wait()
	slices.Sort(statuses)
	if want := []int{http.StatusOK, http.StatusOK, http.StatusTooManyRequests, http.StatusTooManyRequests, http.StatusTooManyRequests}; !slices.Equal(statuses, want) {
		t.Fatalf("five requests at once got %v, want two answered and three rate limited", statuses)
	}
	if stats := s.Stats(); stats.Requests != 5 || stats.RateLimited != 3 {
		t.Fatalf("Stats = %+v, want 5 requests, 3 rate limited", stats)
	}
	// Once they are answered, there is room again.
	if status := getSigned(t, s, client, usersPath, nil).status; status != http.StatusOK {
		t.Fatalf("a request alone got %d", status)
	}
}
