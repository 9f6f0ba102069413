package provider

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/idaudit/terraform-provider-duo/internal/duo"
	"github.com/idaudit/terraform-provider-duo/internal/fakeduo"
)

func newSharedReads() *sharedReads {
	return &sharedReads{reads: map[string]*flight[any]{}}
}

func TestSharedReadRunsOnceForEveryoneWhoAsks(t *testing.T) {
	s := newSharedReads()
	var reads atomic.Int64
	release := make(chan struct{})
	read := func(context.Context) (int, error) {
		reads.Add(1)
		<-release
		return 42, nil
	}
	var wg sync.WaitGroup
	results := make([]int, 5)
	for i := range results {
		wg.Go(func() {
			v, err := shared(context.Background(), s, "the listing", read)
			if err != nil {
				t.Error(err)
			}
			results[i] = v
		})
	}
	time.Sleep(20 * time.Millisecond) // let them all wait on the read
	close(release)
	wg.Wait()
	if v, err := shared(context.Background(), s, "the listing", read); v != 42 || err != nil {
		t.Fatalf("a later read got %d, %v", v, err)
	}
	if reads.Load() != 1 || results[0] != 42 || results[4] != 42 {
		t.Fatalf("read %d times, results %v; want one read for all", reads.Load(), results)
	}
}

func TestSharedReadThatFailsIsReadAgain(t *testing.T) {
	s := newSharedReads()
	fail := errors.New("Duo answered 503")
	calls := 0
	read := func(context.Context) (int, error) {
		if calls++; calls == 1 {
			return 0, fail
		}
		return 7, nil
	}
	if _, err := shared(context.Background(), s, "the listing", read); !errors.Is(err, fail) {
		t.Fatalf("got %v, want the read's error", err)
	}
	if v, err := shared(context.Background(), s, "the listing", read); v != 7 || err != nil {
		t.Fatalf("got %d, %v; want the failed read forgotten and read again", v, err)
	}
}

func TestSharedReadStopsWhenEveryoneGivesUp(t *testing.T) {
	s := newSharedReads()
	stopped := make(chan struct{})
	read := func(ctx context.Context) (int, error) {
		<-ctx.Done()
		close(stopped)
		return 0, fmt.Errorf("%w (while waiting to retry after: HTTP 429)", duo.Stopped(ctx, "GET /admin/v1/users"))
	}
	patient, cancelPatient := context.WithCancel(context.Background())
	done := make(chan error)
	go func() {
		_, err := shared(patient, s, "the listing", read)
		done <- err
	}()
	// The patient one waits first.
	for waiting := 0; waiting == 0; {
		time.Sleep(time.Millisecond)
		s.mu.Lock()
		if r, ok := s.reads["the listing"]; ok {
			waiting = r.waiting
		}
		s.mu.Unlock()
	}
	impatient, cancel := context.WithTimeout(context.Background(), 10*time.Millisecond)
	defer cancel()
	_, err := shared(impatient, s, "the listing", read)
	if err == nil || !strings.Contains(err.Error(), "Waiting for the listing, which other data sources still wait for, did not finish within the read timeout") {
		t.Fatalf("got %v, want the read timeout explained", err)
	}
	select {
	case <-stopped:
		t.Fatal("the read stopped while someone still waited for it")
	case <-time.After(20 * time.Millisecond):
	}
	cancelPatient()
	<-stopped
	// The last to give up gets the read's own error, which tells what it
	// was waiting for.
	if err := <-done; err == nil || !strings.Contains(err.Error(), "GET /admin/v1/users was cancelled") || !strings.Contains(err.Error(), "HTTP 429") {
		t.Fatalf("got %v, want the read's cancellation and what it waited for", err)
	}
}

func TestSharedReadTimingOutReportsWhatItWaitedFor(t *testing.T) {
	s := newSharedReads()
	read := func(ctx context.Context) (int, error) {
		<-ctx.Done()
		return 0, fmt.Errorf("%w (while waiting to retry after: HTTP 429)", duo.Stopped(ctx, "GET /admin/v1/users"))
	}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Millisecond)
	defer cancel()
	_, err := shared(ctx, s, "the listing", read)
	if err == nil || !strings.Contains(err.Error(), "GET /admin/v1/users did not finish within the read timeout") || !strings.Contains(err.Error(), "HTTP 429") {
		t.Fatalf("got %v, want the read timeout and what the read waited for", err)
	}
}

func TestHeldWaitsForAReadInProgressButStartsNone(t *testing.T) {
	a := &account{shared: sharedReads{reads: map[string]*flight[any]{}}}
	asked := 0
	ask := func(context.Context) (*int, error) {
		asked++
		v := -1
		return &v, nil
	}
	find := func(read int) (*int, error) { return &read, nil }

	// Nobody reads it: the caller asks Duo itself.
	if v, err := heldOr(context.Background(), a, "the listing", find, ask); err != nil || *v != -1 || asked != 1 {
		t.Fatalf("got %v, %v after %d asks; want its own answer", v, err, asked)
	}
	if _, ok := a.shared.reads["the listing"]; ok {
		t.Fatal("a lookup started the listing")
	}

	// A read in progress: the caller waits for it, and asks nothing.
	release := make(chan struct{})
	go func() {
		_, _ = shared(context.Background(), &a.shared, "the listing", func(context.Context) (int, error) {
			<-release
			return 42, nil
		})
	}()
	for {
		a.shared.mu.Lock()
		_, reading := a.shared.reads["the listing"]
		a.shared.mu.Unlock()
		if reading {
			break
		}
		time.Sleep(time.Millisecond)
	}
	got := make(chan int)
	go func() {
		v, err := heldOr(context.Background(), a, "the listing", find, ask)
		if err != nil {
			t.Error(err)
		}
		got <- *v
	}()
	time.Sleep(10 * time.Millisecond)
	close(release)
	if v := <-got; v != 42 || asked != 1 {
		t.Fatalf("got %d after %d asks; want the listing's 42 and no ask", v, asked)
	}
}

func TestHeldReadThatFailsLeavesTheCallerItsOwnAnswer(t *testing.T) {
	a := &account{shared: sharedReads{reads: map[string]*flight[any]{}}}
	release := make(chan struct{})
	done := make(chan struct{})
	go func() {
		defer close(done)
		_, _ = shared(context.Background(), &a.shared, "the listing", func(context.Context) (int, error) {
			<-release
			return 0, errors.New("Duo answered HTTP 503")
		})
	}()
	for {
		a.shared.mu.Lock()
		_, reading := a.shared.reads["the listing"]
		a.shared.mu.Unlock()
		if reading {
			break
		}
		time.Sleep(time.Millisecond)
	}
	got := make(chan int)
	go func() {
		v, err := heldOr(context.Background(), a, "the listing",
			func(read int) (*int, error) { return &read, nil },
			func(context.Context) (*int, error) { v := 7; return &v, nil })
		if err != nil {
			t.Error(err)
		}
		got <- *v
	}()
	time.Sleep(10 * time.Millisecond)
	close(release)
	if v := <-got; v != 7 {
		t.Fatalf("got %d, want the caller's own answer after the listing failed", v)
	}
	<-done
}

func TestHeldOrAsksWithACallerThatHasGivenUp(t *testing.T) {
	a := &account{shared: sharedReads{reads: map[string]*flight[any]{}}}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	stopped := errors.New("GET /admin/v2/groups/DG1 was cancelled")
	v, err := heldOr(ctx, a, "the listing", func(read int) (*int, error) { return &read, nil },
		func(context.Context) (*int, error) { return nil, stopped })
	if v != nil || !errors.Is(err, stopped) {
		t.Fatalf("got %v, %v; want the request's own error, not nothing found", v, err)
	}
}

// listingWithout is an answer of the listing at path that leaves out the
// object with the ID id, as a proxy that cut the listing short sends it:
// one page, whose total_objects counts what it holds.
func listingWithout(t *testing.T, env *accEnv, path, idField, id string) fakeduo.Answer {
	t.Helper()
	kept := slices.DeleteFunc(env.rawList(t, path, 100, nil), func(o map[string]any) bool { return o[idField] == id })
	body, err := json.Marshal(map[string]any{"stat": "OK", "response": kept, "metadata": map[string]any{"total_objects": len(kept)}})
	if err != nil {
		t.Fatal(err)
	}
	return fakeduo.Answer{Path: path, Body: body}
}

// TestAccLookups_missingFromTheListingIsConfirmed reads a user, a group and
// an administrator by ID beside listings that a proxy cut short, and a
// user by username created while the plan ran: the listings lack them, and
// each is asked of Duo before it would be reported missing.
func TestAccLookups_missingFromTheListingIsConfirmed(t *testing.T) {
	sample := newAccEnv(t, fakeduo.Options{})
	sample.requireFake(t)
	user, group, admin := sample.rawUsers(t, nil)[2], sample.rawGroups(t)[1], sample.rawList(t, "/admin/v1/admins", 100, nil)[3]
	userID, groupID, adminID := user["user_id"].(string), group["group_id"].(string), admin["admin_id"].(string)
	cutShort := newAccEnv(t, fakeduo.Options{Answers: []fakeduo.Answer{
		listingWithout(t, sample, "/admin/v1/users", "user_id", userID),
		listingWithout(t, sample, "/admin/v1/groups", "group_id", groupID),
		listingWithout(t, sample, "/admin/v1/admins", "admin_id", adminID),
	}})

	// A user created once the listing has been read: inserted after the
	// first request of the listing, which holds all users in one page.
	created := fakeduo.GeneratedUsers(1)[0]
	duringThePlan := newAccEnv(t, fakeduo.Options{Faults: &fakeduo.Faults{MutateAfter: 1, Insert: []fakeduo.User{created}}})
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		Steps: []resource.TestStep{
			{
				Config: cutShort.config(fmt.Sprintf(`
data "duo_users" "all" {}
data "duo_groups" "all" {}
data "duo_admins" "all" {}
data "duo_user" "x" {
  user_id    = %q
  depends_on = [data.duo_users.all]
}
data "duo_group" "x" {
  group_id   = %q
  depends_on = [data.duo_groups.all]
}
data "duo_admin" "x" {
  admin_id   = %q
  depends_on = [data.duo_admins.all]
}
`, userID, groupID, adminID)),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue("data.duo_users.all", tfjsonpath.New("users"), knownvalue.ListSizeExact(len(sample.rawUsers(t, nil))-1)),
					expectUser("data.duo_user.x", user),
					expectUser("data.duo_group.x", with(group, map[string]any{"include_members": nil, "users": nil})),
					expectUser("data.duo_admin.x", with(admin, map[string]any{"email": admin["email"]})),
				},
			},
			{
				Config: duringThePlan.config(fmt.Sprintf(`
data "duo_users" "all" {}
data "duo_user" "created" {
  username   = %q
  depends_on = [data.duo_users.all]
}
`, created.Username)),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue("data.duo_user.created", tfjsonpath.New("user_id"), knownvalue.StringExact(created.UserID)),
				},
			},
		},
	})
	if stats := duringThePlan.fake.Stats(); stats.Mutations != 1 {
		t.Fatalf("the user was not created during the plan: %+v", stats)
	}
}

func TestHeldOrAsksDuoForWhatTheReadLacks(t *testing.T) {
	a := &account{shared: sharedReads{reads: map[string]*flight[any]{}}}
	if _, err := shared(context.Background(), &a.shared, "the listing", func(context.Context) ([]int, error) { return []int{1, 2}, nil }); err != nil {
		t.Fatal(err)
	}
	asked := 0
	lookUp := func(want int) (*int, error) {
		return heldOr(context.Background(), a, "the listing", func(listed []int) (*int, error) {
			if slices.Contains(listed, want) {
				return &want, nil
			}
			return nil, nil
		}, func(context.Context) (*int, error) {
			asked++
			return &want, nil
		})
	}
	if v, err := lookUp(2); err != nil || *v != 2 || asked != 0 {
		t.Fatalf("a listed object: %v, %v after %d asks; want it from the listing", v, err, asked)
	}
	if v, err := lookUp(3); err != nil || *v != 3 || asked != 1 {
		t.Fatalf("an object the listing lacks: %v, %v after %d asks; want Duo's answer", v, err, asked)
	}
}
