package provider

import (
	"context"
	"slices"
	"sync"
	"time"

	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/idaudit/terraform-provider-duo/internal/duo"
)

// The windows of a batch: how long it waits for more lookups to join it,
// unless Terraform can send no more (see batcher).
//
// Terraform reads the instances of a for_each ten at a time (its default
// parallelism), but it does not send the ten together: it sends each read
// once it has dealt with an answer to an earlier one. Measured on this
// project's 2-core machine at a load of 9 to 12 (Terraform 1.5.7, 300
// duo_user against a fake Duo of 10,000 users at 20 ms an answer), the
// ten reads of a wave arrived over 58 ms (median; 13 to 189 ms from the
// 10th to the 90th percentile, 0.8 s at most), and the first read of a
// wave 204 ms (68 to 462) after the answers to the last one.
//
//   - lookupWindow is for a lookup with no batch in the streamGap before
//     it: it catches the lookups that Terraform starts together, and
//     adds little to a lookup alone. When Terraform has never had more
//     than one read in progress at once, a lookup is sent at once.
//   - Lookups that come in a stream, one batch after another, wait
//     streamWindow, or twice the longest Terraform has taken to send a
//     wave that filled the batches if that is longer, up to
//     maxStreamWindow: long enough for a wave to join one batch on a busy
//     machine too. A wave is sent as soon as it is complete, so only a
//     wave that stays short (the last of a for_each, say) waits the whole
//     window.
const (
	lookupWindow    = 5 * time.Millisecond
	streamWindow    = 200 * time.Millisecond
	maxStreamWindow = time.Second
	streamGap       = 2 * time.Second
)

// batcher sends the lookups that arrive close together, from any number of
// data sources, as one lookup of all their keys: the lookups of users by
// username become username_list requests, by ID user_id_list requests.
//
// A batch is sent when it is full; or when every read that Terraform may
// have in progress at once waits in an open batch (see batchGroup), since
// no more lookups can arrive before they are answered; or at the end of
// its window. While one batch is being answered, the next one collects the
// lookups that arrive meanwhile, and its window starts only once the
// answer has come: Terraform sends its next reads as it receives the
// answers to the last ones, and they join that same batch. So a batcher
// mostly has one request in flight at a time, and a for_each that
// Terraform reads ten at a time costs about one request per ten.
//
// Each caller keeps its own result: the value of its key, or that it has
// none. A failed lookup fails everyone in its batch, as it would have
// failed each of them alone. A batch runs for as long as one of its
// callers waits for it (see flight): one caller's read timeout or
// cancellation does not cancel the others' batch.
type batcher[K comparable, V any] struct {
	// what names the lookups, such as "the lookup of users by username".
	what string
	// most is the most keys in a batch.
	most int
	// lookUp returns the value of each key that has one.
	lookUp func(ctx context.Context, keys []K) (map[K]V, error)
	// group, when set, tells when Terraform's reads all wait in batches,
	// and how long a batch waits within a stream.
	group *batchGroup
	// window is lookupWindow but in tests, streamWindow how long a batch
	// waits within a stream without a group.
	window, streamWindow time.Duration

	mu sync.Mutex
	// open is the batch that collects keys, nil when none does.
	open *lookupBatch[K, V]
	// answering counts the batches sent and not yet answered.
	answering int
	// batches numbers the batches, for the log.
	batches int
	// lastSent is when the last batch was sent.
	lastSent time.Time
}

// lookupBatch is one batch of lookups: its keys, and the lookup of them.
type lookupBatch[K comparable, V any] struct {
	*flight[map[K]V]
	number int
	keys   []K
	// window sends the batch when it ends; nil until it starts, at
	// windowStart.
	window      *time.Timer
	windowStart time.Time
}

// newBatcher returns a batcher of group, which may be nil.
func newBatcher[K comparable, V any](what string, most int, group *batchGroup, lookUp func(context.Context, []K) (map[K]V, error)) *batcher[K, V] {
	b := &batcher[K, V]{what: what, most: most, group: group, lookUp: lookUp, window: lookupWindow, streamWindow: streamWindow}
	if group != nil {
		group.add(b)
	}
	return b
}

// get returns the value of key, nil when it has none, from a batch of the
// lookups that arrive together.
func (b *batcher[K, V]) get(ctx context.Context, key K) (*V, error) {
	b.mu.Lock()
	batch := b.open
	if batch == nil {
		b.batches++
		batch = &lookupBatch[K, V]{flight: newFlight[map[K]V](ctx), number: b.batches}
		b.open = batch
		if b.answering == 0 {
			window := b.window
			if time.Since(b.lastSent) < streamGap {
				window = b.inStream()
			}
			b.startWindow(batch, window)
		}
	}
	if !slices.Contains(batch.keys, key) {
		batch.keys = append(batch.keys, key)
	}
	batch.waiting++
	if len(batch.keys) == b.most {
		b.send(batch)
	}
	b.mu.Unlock()
	if b.group != nil {
		b.group.sendIfAllWait()
	}

	found, err := batch.wait(ctx, &b.mu, b.what, func() {
		if b.open == batch {
			// Not sent yet: it never will be.
			b.open = nil
			if batch.window != nil {
				batch.window.Stop()
			}
			batch.finish(nil, duo.Stopped(batch.ctx, b.what))
		}
	})
	b.mu.Lock()
	lookups := len(batch.keys)
	b.mu.Unlock()
	value, ok := found[key]
	fields := map[string]any{"duo_lookup_batch": batch.number, "lookups_in_batch": lookups, "found": ok}
	if err != nil {
		fields["error"] = err.Error()
	}
	tflog.Debug(ctx, "Duo lookup answered by a batch", fields)
	if err != nil || !ok {
		return nil, err
	}
	return &value, nil
}

// startWindow sends batch when window has passed, unless it is sent before.
func (b *batcher[K, V]) startWindow(batch *lookupBatch[K, V], window time.Duration) {
	batch.windowStart = time.Now()
	batch.window = time.AfterFunc(window, func() {
		b.mu.Lock()
		defer b.mu.Unlock()
		if b.open == batch {
			b.send(batch)
		}
	})
}

// send closes the open batch to more keys and looks them up; b.mu is held.
func (b *batcher[K, V]) send(batch *lookupBatch[K, V]) {
	b.open = nil
	if batch.window != nil {
		batch.window.Stop()
	}
	b.answering++
	b.lastSent = time.Now()
	go func() {
		// The requests are logged with the batch's number, which each
		// caller's own log line names.
		found, err := b.lookUp(tflog.SetField(batch.ctx, "duo_lookup_batch", batch.number), batch.keys)
		batch.finish(found, err)
		b.mu.Lock()
		defer b.mu.Unlock()
		if b.answering--; b.answering == 0 && b.open != nil && b.open.window == nil {
			b.startWindow(b.open, b.inStream())
		}
	}()
}

// inStream is the window of a batch within a stream.
func (b *batcher[K, V]) inStream() time.Duration {
	if b.group == nil {
		return b.streamWindow
	}
	return b.group.streamWindow()
}

func (b *batcher[K, V]) waiting() (int, time.Time) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.open == nil {
		return 0, time.Time{}
	}
	return b.open.waiting, b.open.windowStart
}

func (b *batcher[K, V]) sendOpen() {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.open != nil {
		b.send(b.open)
	}
}

// batchGroup is the batchers of a provider's accounts (each account's
// lookups go in batches of their own), and the reads of its data sources
// in progress, whatever account they read: when every read that Terraform
// may have in progress at once (the most there have been at once: its
// parallelism, once a plan has reached it) waits in an open batch, no
// more lookups can arrive before they are answered, and the batches are
// sent at once.
type batchGroup struct {
	mu                         sync.Mutex
	reading, mostReadingAtOnce int
	batchers                   []groupedBatcher
	// longestWave is the longest Terraform has taken to send a wave of
	// reads that filled the batches, from the start of the first batch's
	// window: the longest, since the first waves are short while
	// Terraform starts its reads one after another.
	longestWave time.Duration
}

// groupedBatcher is a batcher of a batchGroup, whatever it looks up.
type groupedBatcher interface {
	// waiting counts the lookups waiting in the open batch, and tells
	// when its window started (zero when it has not).
	waiting() (int, time.Time)
	// sendOpen sends the open batch, if there is one.
	sendOpen()
}

func (g *batchGroup) add(b groupedBatcher) {
	g.mu.Lock()
	defer g.mu.Unlock()
	g.batchers = append(g.batchers, b)
}

// readStarted and readEnded count a read of a data source.
func (g *batchGroup) readStarted() {
	g.mu.Lock()
	defer g.mu.Unlock()
	g.reading++
	g.mostReadingAtOnce = max(g.mostReadingAtOnce, g.reading)
}

func (g *batchGroup) readEnded() {
	g.mu.Lock()
	defer g.mu.Unlock()
	g.reading--
}

// sendIfAllWait sends the open batches if every read Terraform may have
// in progress at once waits in them.
func (g *batchGroup) sendIfAllWait() {
	g.mu.Lock()
	most, batchers := g.mostReadingAtOnce, g.batchers
	g.mu.Unlock()
	waiting, first := 0, time.Now()
	for _, b := range batchers {
		lookups, windowStart := b.waiting()
		waiting += lookups
		if !windowStart.IsZero() && windowStart.Before(first) {
			first = windowStart
		}
	}
	if waiting < most {
		return
	}
	g.mu.Lock()
	g.longestWave = max(g.longestWave, time.Since(first))
	g.mu.Unlock()
	for _, b := range batchers {
		b.sendOpen()
	}
}

// streamWindow is how long a batch waits within a stream of lookups.
func (g *batchGroup) streamWindow() time.Duration {
	g.mu.Lock()
	defer g.mu.Unlock()
	return min(max(2*g.longestWave, streamWindow), maxStreamWindow)
}
