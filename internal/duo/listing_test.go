package duo

import (
	"context"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

func TestListingFetchesPagesConcurrentlyAndDeliversThemInOrder(t *testing.T) {
	var inFlight concurrency
	serve := listing(3000, MaxPageSize)
	ts := newTestServer(t, func(w http.ResponseWriter, r *http.Request) {
		offset, _ := strconv.Atoi(r.URL.Query().Get("offset"))
		// The first page is read alone: it tells how many pages follow.
		defer inFlight.enter(offset > 0)()
		// Later pages answer sooner, so they arrive out of order.
		time.Sleep(time.Duration(3000-offset) * 10 * time.Microsecond)
		serve(w, r)
	})
	users, err := ts.client.ListUsers(context.Background(), ListUsersInput{})
	if err != nil {
		t.Fatal(err)
	}
	expectRange(t, users, 0, 3000)
	if got := ts.requests.Load(); got != 10 {
		t.Errorf("sent %d requests for 3000 users, want 10", got)
	}
	if most := inFlight.most.Load(); most < 2 || most > DefaultMaxConcurrentRequests {
		t.Errorf("at most %d requests were in flight, want 2 to %d", most, DefaultMaxConcurrentRequests)
	}
}

// changingAccount serves a listing of users whose size changes by delta on
// each of the requests listed in changeAt, as an account does while users
// are added or deleted during a listing.
func changingAccount(n int, delta int, changeAt ...int64) http.HandlerFunc {
	var mu sync.Mutex
	var requests int64
	return func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		requests++
		for _, at := range changeAt {
			if requests == at {
				n += delta
			}
		}
		size := n
		mu.Unlock()
		listing(size, MaxPageSize)(w, r)
	}
}

func TestListingIsReadAgainWhenTheAccountChanges(t *testing.T) {
	ts := newTestServer(t, changingAccount(700, 1, 2))
	users, err := ts.client.ListUsers(context.Background(), ListUsersInput{})
	if err != nil {
		t.Fatal(err)
	}
	expectRange(t, users, 0, 701)
}

func TestListingFailsWhenTheAccountKeepsChanging(t *testing.T) {
	ts := newTestServer(t, changingAccount(700, -1, 2, 5, 8, 11, 14, 17))
	_, err := ts.client.ListUsers(context.Background(), ListUsersInput{})
	if err == nil || !strings.Contains(err.Error(), "kept changing") || !strings.Contains(err.Error(), "total_objects went from") {
		t.Fatalf("got %v, want an error that the listing kept changing", err)
	}
}

func TestListingNoticesAUserListedTwice(t *testing.T) {
	ts := newTestServer(t, pagedListing(600, MaxPageSize, func(i int) any {
		// The second page starts with the first page's last user again.
		if i == 300 {
			i = 299
		}
		return map[string]any{"user_id": fmt.Sprintf("DU%d", i), "username": fmt.Sprintf("user%d", i)}
	}))
	_, err := ts.client.ListUsers(context.Background(), ListUsersInput{})
	if err == nil || !strings.Contains(err.Error(), "DU299 was listed twice") {
		t.Fatalf("got %v, want an error naming the user listed twice", err)
	}
	if got := ts.requests.Load(); got != 2*maxListingReads {
		t.Errorf("sent %d requests, want the listing read %d times", got, maxListingReads)
	}
}

func TestListingNoticesACountThatDoesNotAddUp(t *testing.T) {
	ts := newTestServer(t, func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, http.StatusOK, map[string]any{"stat": "OK", "response": []any{map[string]any{"user_id": "DU1"}}, "metadata": map[string]any{"total_objects": 3}})
	})
	if _, err := ts.client.ListUsers(context.Background(), ListUsersInput{}); err == nil || !strings.Contains(err.Error(), "1 users were listed but total_objects is 3") {
		t.Fatalf("got %v", err)
	}
}

func TestAdaptiveLimitHalvesOnRateLimitsAndRecoversGradually(t *testing.T) {
	limit := newAdaptiveLimit(8)
	ctx := context.Background()
	for range 8 {
		if err := limit.acquire(ctx); err != nil {
			t.Fatal(err)
		}
	}
	short, cancel := context.WithTimeout(ctx, 20*time.Millisecond)
	defer cancel()
	if err := limit.acquire(short); err == nil {
		t.Fatal("a ninth request got through a bound of 8")
	}
	for range 8 {
		limit.release(false)
	}
	for range 2 {
		if err := limit.acquire(ctx); err != nil {
			t.Fatal(err)
		}
		limit.release(true)
	}
	if got := limit.current(); got != 2 {
		t.Fatalf("after two rate limits the bound is %d, want 2", got)
	}
	// Recovery: one more request in flight per bound's worth of successes.
	for want := 2; want < 8; want++ {
		if got := limit.current(); got != want {
			t.Fatalf("bound %d, want %d", got, want)
		}
		for range want {
			if err := limit.acquire(ctx); err != nil {
				t.Fatal(err)
			}
			limit.release(false)
		}
	}
	if got := limit.current(); got != 8 {
		t.Fatalf("the bound recovered to %d, want 8", got)
	}
}
