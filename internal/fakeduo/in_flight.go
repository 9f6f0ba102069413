package fakeduo

import "sync/atomic"

// inFlightLimit counts the requests being answered, for Options.MaxInFlight.
type inFlightLimit struct {
	most  int64 // 0 admits every request
	count atomic.Int64
}

// enter counts a request that arrives, and reports whether it is admitted:
// fewer than most were being answered when it arrived.
func (l *inFlightLimit) enter() bool {
	return l.count.Add(1) <= l.most || l.most <= 0
}

// leave counts a request that has been answered.
func (l *inFlightLimit) leave() {
	l.count.Add(-1)
}

// countRateLimited counts an authenticated request answered 429 because too
// many were in flight.
func (s *Server) countRateLimited() {
	s.faults.mu.Lock()
	defer s.faults.mu.Unlock()
	s.faults.stats.Requests++
	s.faults.stats.RateLimited++
}
