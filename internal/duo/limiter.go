package duo

import (
	"context"
	"sync"
)

// adaptiveLimit bounds the requests in flight to one Duo account. Each rate
// limit answer halves the bound, down to one; each bound's worth of
// requests that are not rate limited raises it by one again, up to the
// configured maximum: Duo is never hammered, and a listing recovers its
// speed gradually once Duo stops answering 429.
type adaptiveLimit struct {
	mu        sync.Mutex
	max       int
	limit     int
	inFlight  int
	successes int
	// released is closed, and replaced, whenever a request ends.
	released chan struct{}
}

func newAdaptiveLimit(most int) *adaptiveLimit {
	return &adaptiveLimit{max: most, limit: most, released: make(chan struct{})}
}

// acquire waits for room for one more request.
func (l *adaptiveLimit) acquire(ctx context.Context) error {
	for {
		l.mu.Lock()
		if l.inFlight < l.limit {
			l.inFlight++
			l.mu.Unlock()
			return nil
		}
		released := l.released
		l.mu.Unlock()
		select {
		case <-released:
		case <-ctx.Done():
			return ctx.Err()
		}
	}
}

// release ends a request, telling whether Duo rate limited it.
func (l *adaptiveLimit) release(rateLimited bool) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.inFlight--
	switch {
	case rateLimited:
		l.limit = max(1, l.limit/2)
		l.successes = 0
	case l.limit < l.max:
		l.successes++
		if l.successes >= l.limit {
			l.limit++
			l.successes = 0
		}
	}
	close(l.released)
	l.released = make(chan struct{})
}

// current is the bound now, for tests and logs.
func (l *adaptiveLimit) current() int {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.limit
}
