package duo

import (
	"context"
	"sync"
)

// forEachConcurrently runs do on every item at once, leaving the client's
// limiter to bound the requests in flight, and returns the first error;
// the others are stopped by cancelling their context. The first error is
// do's own, which says what was stopped and why, even when ctx ends: the
// cause of ctx alone would only say "context deadline exceeded".
func forEachConcurrently[T any](ctx context.Context, items []T, do func(context.Context, *T) error) error {
	ctx, cancel := context.WithCancelCause(ctx)
	defer cancel(nil)
	var (
		wg    sync.WaitGroup
		once  sync.Once
		first error
	)
	for i := range items {
		wg.Go(func() {
			if err := do(ctx, &items[i]); err != nil {
				once.Do(func() {
					first = err
					cancel(err)
				})
			}
		})
	}
	wg.Wait()
	return first
}
