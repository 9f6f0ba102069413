package provider

import (
	"context"
	"fmt"
	"sync"

	"github.com/idaudit/terraform-provider-duo/internal/duo"
)

// account is one Duo account a configured provider reads (see accounts):
// its client, and the whole listings that several data sources may need,
// each read once for the life of the provider process (one plan, or one
// apply). A module with five filtered duo_users then reads the user
// listing once, not five times against Duo's budget of list requests.
//
// Single users are looked up in batches: the lookups that arrive close
// together, from any number of data sources, cost one request.
type account struct {
	*duo.Client
	// name is how errors name a child account, such as `child account
	// "Acme" (DA...)`; "" for the provider's own account.
	name string
	// provider holds every account of the provider, this one included.
	provider               *accounts
	shared                 sharedReads
	usersByName, usersByID *batcher[string, duo.User]
}

func newAccount(client *duo.Client, provider *accounts, name string) *account {
	return &account{
		Client:      client,
		name:        name,
		provider:    provider,
		shared:      sharedReads{reads: map[string]*flight[any]{}},
		usersByName: newBatcher("the lookup of users by username", duo.MaxLookupValues, provider.batches, client.UsernameMatches),
		usersByID:   newBatcher("the lookup of users by ID", duo.MaxLookupValues, provider.batches, client.UserIDMatches),
	}
}

// The shared reads' names.
const (
	usersListingKey  = "the listing of users"
	groupsListingKey = "the listing of groups"
	adminsListingKey = "the listing of administrators"
)

// users returns every user of the account, encoded for the state.
func (a *account) users(ctx context.Context) (*userListing, error) {
	return shared(ctx, &a.shared, usersListingKey, func(ctx context.Context) (*userListing, error) {
		users := newUserListing()
		return users, a.StreamUsers(ctx, duo.ListUsersInput{}, users)
	})
}

// groups returns every group of the account.
func (a *account) groups(ctx context.Context) ([]duo.Group, error) {
	return shared(ctx, &a.shared, groupsListingKey, a.ListGroups)
}

// admins returns every administrator of the account.
func (a *account) admins(ctx context.Context) ([]duo.Admin, error) {
	return shared(ctx, &a.shared, adminsListingKey, a.ListAdmins)
}

// groupWithID returns the group with this ID: from the plan's group
// listing when it has been read or is being read, else by its own request;
// nil, or an error for which duo.IsNotFound is true, when there is none.
func (a *account) groupWithID(ctx context.Context, groupID string) (*duo.Group, error) {
	return heldOr(ctx, a, groupsListingKey, func(groups []duo.Group) (*duo.Group, error) {
		return withID(groups, groupID, func(g *duo.Group) *string { return g.GroupID }), nil
	}, func(ctx context.Context) (*duo.Group, error) {
		return a.GetGroup(ctx, groupID)
	})
}

// adminWithID returns the administrator with this ID, as groupWithID does.
func (a *account) adminWithID(ctx context.Context, adminID string) (*duo.Admin, error) {
	return heldOr(ctx, a, adminsListingKey, func(admins []duo.Admin) (*duo.Admin, error) {
		return withID(admins, adminID, func(admin *duo.Admin) *string { return admin.AdminID }), nil
	}, func(ctx context.Context) (*duo.Admin, error) {
		return a.GetAdmin(ctx, adminID)
	})
}

// heldOr finds an object in the shared read named key when the plan holds
// it or is reading it, and otherwise asks Duo with ask. An object that the
// read lacks is asked of Duo too before it is reported missing: it may have
// been created while the plan ran, or a proxy may have cut the listing
// short. A shared read that failed is someone else's failure: ask then gets
// this caller's own answer, or its own error.
func heldOr[R, T any](ctx context.Context, a *account, key string, find func(R) (*T, error), ask func(context.Context) (*T, error)) (*T, error) {
	read, ok, err := held[R](ctx, &a.shared, key)
	switch {
	case ok && err == nil:
		if found, err := find(read); found != nil || err != nil {
			return found, err
		}
	case ok && ctx.Err() != nil:
		// This caller gave up waiting for the read.
		return nil, err
	}
	return ask(ctx)
}

// withID returns the object whose ID is id, nil when there is none.
func withID[T any](objects []T, id string, idOf func(*T) *string) *T {
	for i := range objects {
		if objectID := idOf(&objects[i]); objectID != nil && *objectID == id {
			return &objects[i]
		}
	}
	return nil
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
// for as long as anyone waits for it (see flight).
type sharedReads struct {
	mu    sync.Mutex
	reads map[string]*flight[any]
}

// shared returns the value of the read named key, such as "the listing of
// users", running read only if no read of key has succeeded or is running.
func shared[V any](ctx context.Context, s *sharedReads, key string, read func(context.Context) (V, error)) (V, error) {
	s.mu.Lock()
	r, ok := s.reads[key]
	if !ok {
		r = newFlight[any](ctx)
		s.reads[key] = r
		go func() {
			value, err := read(r.ctx)
			s.mu.Lock()
			defer s.mu.Unlock()
			if err != nil && s.reads[key] == r {
				delete(s.reads, key)
			}
			r.finish(value, err)
		}()
	}
	r.waiting++
	s.mu.Unlock()
	return sharedValue[V](ctx, s, key, r)
}

// held returns the value of the read named key if one has succeeded, or
// waits for it if one is running; ok is false, and nothing is read, when
// there is neither.
func held[V any](ctx context.Context, s *sharedReads, key string) (value V, ok bool, err error) {
	s.mu.Lock()
	r, ok := s.reads[key]
	if !ok {
		s.mu.Unlock()
		return value, false, nil
	}
	r.waiting++
	s.mu.Unlock()
	value, err = sharedValue[V](ctx, s, key, r)
	return value, true, err
}

// sharedValue waits for the read r of key, which the caller waits for.
func sharedValue[V any](ctx context.Context, s *sharedReads, key string, r *flight[any]) (V, error) {
	var zero V
	value, err := r.wait(ctx, &s.mu, key, func() {
		if s.reads[key] == r {
			delete(s.reads, key)
		}
	})
	if err != nil {
		return zero, err
	}
	typed, ok := value.(V)
	if !ok {
		return zero, fmt.Errorf("%s was read as %T, not %T. This is a bug in the provider; please report it", key, value, zero)
	}
	return typed, nil
}
