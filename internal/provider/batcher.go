package provider

import (
	"context"
	"slices"
	"sync"
	"time"

	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/idaudit/terraform-provider-duo/internal/duo"
)

// lookupWindow is how long a batch of lookups waits for more lookups after
// its first one arrives, before it is sent.
//
// Terraform reads the instances of a for_each about ten at a time (its
// default parallelism), and starts the next ones as answers come back, so
// lookups arrive in waves. TODO(measure): the spread of a wave, measured.
const lookupWindow = 5 * time.Millisecond

// batcher sends the lookups that arrive close together, from any number of
// data sources, as one lookup of all their keys: the lookups of users by
// username become username_list requests, by ID user_id_list requests.
//
// Each caller keeps its own result: the value of its key, or that it has
// none. A failed lookup fails everyone in its batch, as it would have
// failed each of them alone. A batch runs for as long as one of its
// callers waits for it (see flight): one caller's read timeout or
// cancellation does not cancel the others' batch.
type batcher[K comparable, V any] struct {
	// what names the lookups, such as "the lookup of users by username".
	what string
	// most is the most keys in a batch: a full batch is sent at once.
	most int
	// lookUp returns the value of each key that has one.
	lookUp func(ctx context.Context, keys []K) (map[K]V, error)

	mu sync.Mutex
	// open is the batch that collects keys, nil when none does.
	open *lookupBatch[K, V]
	// batches numbers the batches, for the log.
	batches int
}

// lookupBatch is one batch of lookups: its keys, and the lookup of them.
type lookupBatch[K comparable, V any] struct {
	*flight[map[K]V]
	number int
	keys   []K
	timer  *time.Timer
	sent   bool
}

func newBatcher[K comparable, V any](what string, most int, lookUp func(context.Context, []K) (map[K]V, error)) *batcher[K, V] {
	return &batcher[K, V]{what: what, most: most, lookUp: lookUp}
}

// get returns the value of key, nil when it has none, from a batch of the
// lookups that arrive within lookupWindow of each other.
func (b *batcher[K, V]) get(ctx context.Context, key K) (*V, error) {
	b.mu.Lock()
	batch := b.open
	if batch == nil {
		b.batches++
		batch = &lookupBatch[K, V]{flight: newFlight[map[K]V](ctx), number: b.batches}
		batch.timer = time.AfterFunc(lookupWindow, func() { b.send(batch) })
		b.open = batch
	}
	if !slices.Contains(batch.keys, key) {
		batch.keys = append(batch.keys, key)
	}
	batch.waiting++
	if len(batch.keys) == b.most {
		b.open = nil
		if batch.timer.Stop() {
			go b.send(batch)
		}
	}
	b.mu.Unlock()

	found, err := batch.wait(ctx, &b.mu, b.what, func() {
		if b.open == batch {
			b.open = nil
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

// send looks up the batch's keys, once, and closes it to more keys.
func (b *batcher[K, V]) send(batch *lookupBatch[K, V]) {
	b.mu.Lock()
	if batch.sent {
		b.mu.Unlock()
		return
	}
	batch.sent = true
	if b.open == batch {
		b.open = nil
	}
	b.mu.Unlock()
	if batch.ctx.Err() != nil {
		// Everyone gave up before it was sent.
		batch.finish(nil, duo.Stopped(batch.ctx, b.what))
		return
	}
	// The requests are logged with the batch's number, which each
	// caller's own log line names.
	found, err := b.lookUp(tflog.SetField(batch.ctx, "duo_lookup_batch", batch.number), batch.keys)
	batch.finish(found, err)
}
