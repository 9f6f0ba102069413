package provider

import (
	"context"
	"sync"

	"github.com/idaudit/terraform-provider-duo/internal/duo"
)

// flight is work done once for everyone who waits for its result: a shared
// listing, or a batch of lookups. It runs for as long as anyone waits for
// it: it stops when all of them have given up (a read timeout, a Ctrl-C),
// not when the first of them does.
//
// Whoever keeps a flight guards its waiting count with a mutex of its own:
// it counts each caller in under that mutex, and wait counts them out.
type flight[V any] struct {
	done chan struct{}
	// ctx is the work's: it keeps the values (loggers) of the context
	// that started it, but not its end.
	ctx    context.Context
	cancel context.CancelCauseFunc
	value  V
	err    error
	// waiting counts those waiting for the work while it runs.
	waiting int
}

func newFlight[V any](ctx context.Context) *flight[V] {
	workCtx, cancel := context.WithCancelCause(context.WithoutCancel(ctx))
	return &flight[V]{done: make(chan struct{}), ctx: workCtx, cancel: cancel}
}

// finish records how the work ended and wakes those waiting for it.
func (f *flight[V]) finish(value V, err error) {
	f.value, f.err = value, err
	f.cancel(nil)
	close(f.done)
}

// wait returns the work's result once it ends, for a caller counted in
// waiting under mu. A caller whose ctx ends first gives up: if others
// still wait, it returns at once, its error naming what, such as "the
// listing of users"; the last to give up stops the work, as its own read
// timeout or cancellation, calls abandon under mu, and returns the work's
// own error, which says what the work was waiting for (a rate limit, a slow
// answer).
func (f *flight[V]) wait(ctx context.Context, mu *sync.Mutex, what string, abandon func()) (V, error) {
	select {
	case <-f.done:
	case <-ctx.Done():
		mu.Lock()
		f.waiting--
		last := f.waiting == 0
		if last {
			f.cancel(ctx.Err())
			abandon()
		}
		mu.Unlock()
		if !last {
			var zero V
			return zero, duo.Stopped(ctx, "Waiting for "+what+", which other data sources still wait for,")
		}
		<-f.done
	}
	return f.value, f.err
}
