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
// parallelism), but it does not send the ten together: measured on this
// project's 2-core machine with Terraform 1.5.7 (300 duo_user against a
// fake Duo at 20 ms an answer, shared with other work), the reads of a
// wave arrive over WAVE_SPREAD, and Terraform sends the next wave
// NEXT_WAVE after the answers of the last one, the time it takes to process
// them.
//
//   - lookupWindow is for a lookup that comes alone, with no batch in the
//     last streamGap: it catches lookups that Terraform starts together
//     and adds little to a lookup that has no company. A lookup that is
//     the only read Terraform has in progress is sent at once.
//   - streamWindow is for lookups that come in a stream, one batch after
//     another: it is longer than Terraform takes to send a wave, so that
//     the wave joins one batch; a wave of ten is sent as soon as it is
//     complete, so only a wave that stays short of ten (the last, say)
//     waits for all of it.
const (
	lookupWindow = 5 * time.Millisecond
	streamWindow = 200 * time.Millisecond
	streamGap    = time.Second
)

// batcher sends the lookups that arrive close together, from any number of
// data sources, as one lookup of all their keys: the lookups of users by
// username become username_list requests, by ID user_id_list requests.
//
// A batch is sent when it is full; or when it holds as many lookups as
// the most reads Terraform has had in progress at once (its parallelism),
// since no more can arrive before it is answered; or at the end of its
// window. While one batch is being answered, the next one collects the
// lookups that arrive meanwhile, and its window starts only once the
// answer has come: Terraform sends its next reads as it receives the
// answers to the last ones, and they join that same batch. So one
// batcher has one request in flight at a time, and a for_each that
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
	// reads, when set, counts the reads in progress.
	reads *readCount

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
	// window sends the batch when it ends; nil until it starts.
	window *time.Timer
}

func newBatcher[K comparable, V any](what string, most int, reads *readCount, lookUp func(context.Context, []K) (map[K]V, error)) *batcher[K, V] {
	return &batcher[K, V]{what: what, most: most, reads: reads, lookUp: lookUp}
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
			window := lookupWindow
			if time.Since(b.lastSent) < streamGap {
				window = streamWindow
			}
			b.startWindow(batch, window)
		}
	}
	if !slices.Contains(batch.keys, key) {
		batch.keys = append(batch.keys, key)
	}
	batch.waiting++
	if len(batch.keys) == b.most || b.reads != nil && batch.waiting >= b.reads.most() {
		b.send(batch)
	}
	b.mu.Unlock()

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

// startWindow sends batch lookupWindow from now, unless it is sent before.
func (b *batcher[K, V]) startWindow(batch *lookupBatch[K, V], window time.Duration) {
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
			b.startWindow(b.open, streamWindow)
		}
	}()
}

// readCount counts the reads of data sources in progress, and the most
// that have been in progress at once: Terraform's parallelism, once a plan
// has reached it.
type readCount struct {
	mu          sync.Mutex
	now, atOnce int
}

func (c *readCount) enter() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.now++
	c.atOnce = max(c.atOnce, c.now)
}

func (c *readCount) leave() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.now--
}

// most is the most reads that have been in progress at once.
func (c *readCount) most() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.atOnce
}
