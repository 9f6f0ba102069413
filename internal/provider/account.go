package provider

import (
	"context"
	"fmt"
	"sync"

	"github.com/idaudit/terraform-provider-duo/internal/duo"
)

// account is the Duo account a configured provider reads: its client, and
// the whole listings that several data sources may need, each read once for
// the life of the provider process (one plan, or one apply). A module with
// five filtered duo_users then reads the user listing once, not five times
// against Duo's budget of list requests.
type account struct {
	*duo.Client
	shared sharedReads
}

func newAccount(client *duo.Client) *account {
	return &account{Client: client, shared: sharedReads{reads: map[string]*sharedRead{}}}
}

// users returns every user of the account, encoded for the state.
func (a *account) users(ctx context.Context) (*userListing, error) {
	return shared(ctx, &a.shared, "the listing of users", func(ctx context.Context) (*userListing, error) {
		users := newUserListing()
		return users, a.StreamUsers(ctx, duo.ListUsersInput{}, users)
	})
}

// groups returns every group of the account.
func (a *account) groups(ctx context.Context) ([]duo.Group, error) {
	return shared(ctx, &a.shared, "the listing of groups", a.ListGroups)
}

// admins returns every administrator of the account.
func (a *account) admins(ctx context.Context) ([]duo.Admin, error) {
	return shared(ctx, &a.shared, "the listing of administrators", a.ListAdmins)
}

// policies returns every policy of the account.
func (a *account) policies(ctx context.Context) ([]duo.Policy, error) {
	return shared(ctx, &a.shared, "the listing of policies", a.ListPolicies)
}

// policySummary returns where the account's policies apply.
func (a *account) policySummary(ctx context.Context) (*duo.PolicySummary, error) {
	return shared(ctx, &a.shared, "the policy summary", a.GetPolicySummary)
}

// sharedReads runs each read once for all who ask for it: those who ask
// while it runs wait for it, and those who ask later get its result. A read
// that fails is forgotten, so that the next to ask reads again. A read runs
// for as long as anyone waits for it: it stops when all of them have given
// up (a read timeout, a Ctrl-C), not when the first of them does.
type sharedReads struct {
	mu    sync.Mutex
	reads map[string]*sharedRead
}

type sharedRead struct {
	done   chan struct{}
	value  any
	err    error
	cancel context.CancelCauseFunc
	// waiting counts those waiting for the read while it runs.
	waiting int
}

// shared returns the value of the read named key, such as "the listing of
// users", running read only if no read of key has succeeded or is running.
func shared[V any](ctx context.Context, s *sharedReads, key string, read func(context.Context) (V, error)) (V, error) {
	s.mu.Lock()
	r, ok := s.reads[key]
	if !ok {
		// The read keeps ctx's values (loggers) but not its end: it ends
		// when nobody waits for it any more.
		readCtx, cancel := context.WithCancelCause(context.WithoutCancel(ctx))
		r = &sharedRead{done: make(chan struct{}), cancel: cancel}
		s.reads[key] = r
		go func() {
			value, err := read(readCtx)
			s.mu.Lock()
			defer s.mu.Unlock()
			r.value, r.err = value, err
			if err != nil && s.reads[key] == r {
				delete(s.reads, key)
			}
			cancel(nil)
			close(r.done)
		}()
	}
	r.waiting++
	s.mu.Unlock()

	var zero V
	select {
	case <-r.done:
	case <-ctx.Done():
		s.mu.Lock()
		r.waiting--
		last := r.waiting == 0
		if last {
			// The last to give up stops the read, as its own read
			// timeout or cancellation, and reports how the read ended:
			// that error says what it was waiting for (a rate limit, a
			// slow answer).
			r.cancel(ctx.Err())
			if s.reads[key] == r {
				delete(s.reads, key)
			}
		}
		s.mu.Unlock()
		if !last {
			return zero, duo.Stopped(ctx, "Waiting for "+key+", which other data sources still wait for,")
		}
		<-r.done
	}
	if r.err != nil {
		return zero, r.err
	}
	value, ok := r.value.(V)
	if !ok {
		return zero, fmt.Errorf("%s was read as %T, not %T. This is a bug in the provider; please report it", key, r.value, zero)
	}
	return value, nil
}
