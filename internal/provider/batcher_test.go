package provider

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"
)

// recordingLookup is a lookup that records the keys of each call, and
// answers each key k with "value of k" but the keys in missing.
type recordingLookup struct {
	mu      sync.Mutex
	calls   [][]string
	missing []string
	// release, when set, holds each call until it is closed or the
	// call's context ends, whose cause the call then returns.
	release chan struct{}
	// ended receives the cause of each call's context when it ends.
	ended chan error
	err   error
}

func (r *recordingLookup) lookUp(ctx context.Context, keys []string) (map[string]string, error) {
	r.mu.Lock()
	r.calls = append(r.calls, slices.Clone(keys))
	r.mu.Unlock()
	if r.release != nil {
		select {
		case <-r.release:
		case <-ctx.Done():
			if r.ended != nil {
				r.ended <- context.Cause(ctx)
			}
			return nil, fmt.Errorf("GET /admin/v1/users stopped: %w", context.Cause(ctx))
		}
	}
	if r.err != nil {
		return nil, r.err
	}
	found := map[string]string{}
	for _, key := range keys {
		if !slices.Contains(r.missing, key) {
			found[key] = "value of " + key
		}
	}
	return found, nil
}

func (r *recordingLookup) callsMade() [][]string {
	r.mu.Lock()
	defer r.mu.Unlock()
	return slices.Clone(r.calls)
}

// getAll gets each key at once, each from its own goroutine, and returns
// their values ("" for none) and errors.
func getAll(ctx context.Context, b *batcher[string, string], keys []string) ([]string, []error) {
	values, errs := make([]string, len(keys)), make([]error, len(keys))
	var wg sync.WaitGroup
	for i, key := range keys {
		wg.Go(func() {
			value, err := b.get(ctx, key)
			if value != nil {
				values[i] = *value
			}
			errs[i] = err
		})
	}
	wg.Wait()
	return values, errs
}

// The tests send a batch on what they control (a full batch, or every read
// in progress waiting), with windows of an hour: how close together the
// goroutines of a test arrive depends on the machine's load.

func TestBatcherSendsLookupsThatArriveTogetherOnce(t *testing.T) {
	lookup := &recordingLookup{missing: []string{"ghost"}}
	group := &batchGroup{}
	b := newBatcher("the lookup of things", 100, group, lookup.lookUp)
	b.window = time.Hour
	keys := []string{"a", "b", "ghost", "c", "a"}
	for range keys {
		group.readStarted()
	}
	values, errs := getAll(context.Background(), b, keys)
	if err := errors.Join(errs...); err != nil {
		t.Fatal(err)
	}
	if want := []string{"value of a", "value of b", "", "value of c", "value of a"}; !slices.Equal(values, want) {
		t.Errorf("got %q, want %q: each its own value, none for the missing key", values, want)
	}
	calls := lookup.callsMade()
	if len(calls) != 1 || len(calls[0]) != 4 {
		t.Fatalf("looked up %q, want the four keys once, in one call", calls)
	}
	// A later lookup is a batch of its own, sent at the end of its window.
	b.window = lookupWindow
	if value, err := b.get(context.Background(), "d"); err != nil || *value != "value of d" {
		t.Fatalf("a later lookup got %v, %v", value, err)
	}
	if calls := lookup.callsMade(); len(calls) != 2 || !slices.Equal(calls[1], []string{"d"}) {
		t.Fatalf("looked up %q, want [d] alone after the first batch", calls)
	}
}

func TestBatcherSendsAFullBatchAtOnce(t *testing.T) {
	lookup := &recordingLookup{}
	b := newBatcher("the lookup of things", 3, nil, lookup.lookUp)
	b.window, b.streamWindow = time.Hour, time.Hour
	keys := []string{"a", "b", "c", "d", "e", "f"}
	values, errs := getAll(context.Background(), b, keys)
	if err := errors.Join(errs...); err != nil {
		t.Fatal(err)
	}
	for i, key := range keys {
		if values[i] != "value of "+key {
			t.Errorf("%s got %q", key, values[i])
		}
	}
	var sizes []int
	for _, call := range lookup.callsMade() {
		sizes = append(sizes, len(call))
	}
	if !slices.Equal(sizes, []int{3, 3}) {
		t.Errorf("sent batches of %v keys, want two full batches of 3", sizes)
	}
}

func TestBatcherFailureFailsItsBatchOnly(t *testing.T) {
	lookup := &recordingLookup{err: errors.New("Duo answered HTTP 503")}
	b := newBatcher("the lookup of things", 100, nil, lookup.lookUp)
	_, errs := getAll(context.Background(), b, []string{"a", "b"})
	for _, err := range errs {
		if err == nil || !strings.Contains(err.Error(), "HTTP 503") {
			t.Errorf("got %v, want the batch's error", err)
		}
	}
	lookup.err = nil
	if value, err := b.get(context.Background(), "a"); err != nil || *value != "value of a" {
		t.Fatalf("after a failed batch, got %v, %v; want a new batch", value, err)
	}
}

func TestBatcherKeepsLookingUpForThoseStillWaiting(t *testing.T) {
	lookup := &recordingLookup{release: make(chan struct{}), ended: make(chan error, 1)}
	b := newBatcher("the lookup of things", 2, nil, lookup.lookUp)
	b.window = time.Hour
	// Its read timeout ends once the batch is sent.
	impatient, timeout := context.WithCancelCause(context.Background())
	defer timeout(nil)
	impatientErr := make(chan error)
	go func() {
		_, err := b.get(impatient, "a")
		impatientErr <- err
	}()
	patient := make(chan *string)
	go func() {
		value, err := b.get(context.Background(), "b")
		if err != nil {
			t.Error(err)
		}
		patient <- value
	}()
	for len(lookup.callsMade()) == 0 {
		time.Sleep(time.Millisecond)
	}
	timeout(context.DeadlineExceeded)
	err := <-impatientErr
	if err == nil || !strings.Contains(err.Error(), "Waiting for the lookup of things, which other data sources still wait for, did not finish within the read timeout") {
		t.Fatalf("the impatient lookup got %v, want its own read timeout", err)
	}
	if calls := lookup.callsMade(); len(calls) != 1 || len(calls[0]) != 2 {
		t.Fatalf("looked up %q, want a and b together", calls)
	}
	select {
	case cause := <-lookup.ended:
		t.Fatalf("the batch was stopped (%v) while b still waited for it", cause)
	case <-time.After(20 * time.Millisecond):
	}
	close(lookup.release)
	if value := <-patient; value == nil || *value != "value of b" {
		t.Fatalf("b got %v", value)
	}
}

func TestBatcherStopsWhenEveryoneGivesUp(t *testing.T) {
	lookup := &recordingLookup{release: make(chan struct{}), ended: make(chan error, 1)}
	b := newBatcher("the lookup of things", 2, nil, lookup.lookUp)
	b.window = time.Hour
	ctx, cancel := context.WithCancel(context.Background())
	errs := make(chan error, 2)
	for _, key := range []string{"a", "b"} {
		go func() {
			_, err := b.get(ctx, key)
			errs <- err
		}()
	}
	for len(lookup.callsMade()) == 0 {
		time.Sleep(time.Millisecond)
	}
	cancel()
	if cause := <-lookup.ended; !errors.Is(cause, context.Canceled) {
		t.Fatalf("the batch ended with %v, want the cancellation", cause)
	}
	// One of them gives up while the other waits; the last gets the
	// batch's own error, which tells what the batch was doing.
	first, last := <-errs, <-errs
	if !strings.Contains(first.Error()+last.Error(), "which other data sources still wait for, was cancelled") ||
		!strings.Contains(first.Error()+last.Error(), "GET /admin/v1/users stopped: context canceled") {
		t.Fatalf("got %v and %v", first, last)
	}
	// A batch that everyone gave up on takes no new lookups.
	close(lookup.release)
	b.window = lookupWindow
	if value, err := b.get(context.Background(), "c"); err != nil || *value != "value of c" {
		t.Fatalf("after an abandoned batch, got %v, %v", value, err)
	}
}

func TestBatcherSendsNothingForABatchAbandonedBeforeItIsSent(t *testing.T) {
	lookup := &recordingLookup{}
	b := newBatcher("the lookup of things", 100, nil, lookup.lookUp)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := b.get(ctx, "a")
	if err == nil || !strings.Contains(err.Error(), "the lookup of things was cancelled") {
		t.Fatalf("got %v, want the lookup cancelled", err)
	}
	if calls := lookup.callsMade(); len(calls) != 0 {
		t.Fatalf("looked up %q for a lookup nobody waited for", calls)
	}
}

// getAllWithin is getAll, and false when it has not returned within the
// time given.
func getAllWithin(t *testing.T, within time.Duration, b *batcher[string, string], keys ...string) ([]string, bool) {
	t.Helper()
	done := make(chan []string, 1)
	go func() {
		values, errs := getAll(context.Background(), b, keys)
		if err := errors.Join(errs...); err != nil {
			t.Error(err)
		}
		done <- values
	}()
	select {
	case values := <-done:
		return values, true
	case <-time.After(within):
		return nil, false
	}
}

func TestBatcherSendsOnceEveryReadInProgressWaits(t *testing.T) {
	group := &batchGroup{}
	byName, byID := &recordingLookup{}, &recordingLookup{}
	names := newBatcher("the lookup of names", 100, group, byName.lookUp)
	ids := newBatcher("the lookup of IDs", 100, group, byID.lookUp)
	names.window, ids.window = time.Hour, time.Hour
	for range 3 {
		group.readStarted()
	}
	// Three reads in progress, two waiting: the third may still come.
	waitingNames := make(chan []string, 1)
	go func() {
		values, errs := getAll(context.Background(), names, []string{"a", "b"})
		if err := errors.Join(errs...); err != nil {
			t.Error(err)
		}
		waitingNames <- values
	}()
	select {
	case <-waitingNames:
		t.Fatal("two lookups were sent while a third read was in progress")
	case <-time.After(100 * time.Millisecond):
	}
	// The third waits too, in another batcher: both batches go at once.
	if values, ok := getAllWithin(t, 10*time.Second, ids, "x"); !ok || values[0] != "value of x" {
		t.Fatalf("the third lookup got %q, %v", values, ok)
	}
	if values := <-waitingNames; !slices.Equal(values, []string{"value of a", "value of b"}) {
		t.Fatalf("the first two got %q", values)
	}
	if calls := byName.callsMade(); len(calls) != 1 || len(calls[0]) != 2 {
		t.Errorf("the names were looked up as %q, want together", calls)
	}
	// The wave took at least as long as the wait above.
	if wave := group.longestWave; wave < 100*time.Millisecond || group.streamWindow() != min(2*wave, maxStreamWindow) {
		t.Errorf("the group measured a wave of %s, and waits %s within a stream", wave, group.streamWindow())
	}
}

func TestBatcherCollectsLookupsWhileABatchIsAnswered(t *testing.T) {
	lookup := &recordingLookup{release: make(chan struct{})}
	b := newBatcher("the lookup of things", 100, nil, lookup.lookUp)
	b.streamWindow = 10 * time.Millisecond
	first := make(chan *string)
	go func() {
		value, _ := b.get(context.Background(), "a")
		first <- value
	}()
	for len(lookup.callsMade()) == 0 {
		time.Sleep(time.Millisecond)
	}
	later := make(chan []string)
	go func() {
		values, _ := getAll(context.Background(), b, []string{"b", "c"})
		later <- values
	}()
	for waiting, _ := b.waiting(); waiting < 2; waiting, _ = b.waiting() {
		time.Sleep(time.Millisecond)
	}
	// Longer than the window: b and c still wait for a's answer.
	time.Sleep(5 * b.streamWindow)
	if calls := lookup.callsMade(); len(calls) != 1 {
		t.Fatalf("looked up %q while the first batch was being answered", calls)
	}
	close(lookup.release)
	if value := <-first; *value != "value of a" {
		t.Fatalf("a got %q", *value)
	}
	if values := <-later; !slices.Equal(values, []string{"value of b", "value of c"}) {
		t.Fatalf("b and c got %q", values)
	}
	if calls := lookup.callsMade(); len(calls) != 2 || !slices.Equal(calls[1], []string{"b", "c"}) && !slices.Equal(calls[1], []string{"c", "b"}) {
		t.Fatalf("looked up %q, want [a] then b and c together", calls)
	}
}

func TestBatchGroupWaitsAsLongAsTerraformTookForAWave(t *testing.T) {
	group := &batchGroup{}
	if got := group.streamWindow(); got != streamWindow {
		t.Fatalf("before any wave: %s, want %s", got, streamWindow)
	}
	for _, step := range []struct{ wave, want time.Duration }{
		{10 * time.Millisecond, streamWindow},
		{300 * time.Millisecond, 600 * time.Millisecond},
		{100 * time.Millisecond, 600 * time.Millisecond}, // the longest so far
		{3 * time.Second, maxStreamWindow},
	} {
		wave, want := step.wave, step.want
		group.longestWave = max(group.longestWave, wave)
		if got := group.streamWindow(); got != want {
			t.Errorf("after a wave of %s: %s, want %s", wave, got, want)
		}
	}
}
