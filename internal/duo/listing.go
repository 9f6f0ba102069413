package duo

import (
	"context"
	"errors"
	"fmt"
	"maps"
	"net/url"
	"strconv"
)

// maxListingReads bounds how often a listing is read again when the account
// changed while it was being read.
const maxListingReads = 3

// listQuery is one paginated Admin API listing.
type listQuery struct {
	path string
	// what names the listed objects in errors, such as "users".
	what string
	// params are the listing's filters; the listing adds limit and offset.
	params url.Values
	// pageSize is the largest page Duo serves for this listing, as far as
	// its documentation tells; a listing that finds Duo serving smaller
	// pages plans the rest with the size Duo serves.
	pageSize int
	// permission names what a 403 answer lacks.
	permission string
	// offset is the index of the first object to return.
	offset int
	// limit caps how many objects are returned across all pages; 0 means all.
	limit int
}

// PageSink receives a listing's pages in Duo's order, so that a caller can
// turn each page into what it needs and let the decoded objects go.
type PageSink[T any] interface {
	// Add takes the next page.
	Add(page []T)
	// Restart voids the pages added so far: the account changed while it
	// was listed, and the listing is read again from the start.
	Restart()
}

// listAll returns the objects of a listing in Duo's order. The result is
// never nil, so that "nothing matched" is an empty list.
func listAll[T any](ctx context.Context, c *call, l listQuery, id func(*T) *string) ([]T, error) {
	collected := &collector[T]{objects: []T{}}
	if err := readListing(ctx, c, l, id, collected); err != nil {
		return nil, err
	}
	return collected.objects, nil
}

type collector[T any] struct {
	objects []T
}

func (c *collector[T]) Add(page []T) { c.objects = append(c.objects, page...) }
func (c *collector[T]) Restart()     { c.objects = c.objects[:0] }

// listingChanged reports that the account changed while it was listed:
// offset paging then skips or repeats objects.
type listingChanged struct {
	reason string
}

func (e *listingChanged) Error() string { return e.reason }

// readListing sends a listing's pages to sink in Duo's order, reading it
// again (at most maxListingReads times) when the account changes under it.
// Any failure fails the whole listing, because a partial or inconsistent
// list would look like a complete one. id, when set, names an object, so
// that one listed twice is noticed.
func readListing[T any](ctx context.Context, c *call, l listQuery, id func(*T) *string, sink PageSink[T]) error {
	for read := 1; ; read++ {
		err := readListingOnce(ctx, c, l, id, sink)
		var changed *listingChanged
		if !errors.As(err, &changed) {
			return err
		}
		if read == maxListingReads {
			return fmt.Errorf("the Duo listing of %s kept changing while it was read (%s); it was read %d times. Retry when the account is not being changed, for example after a directory sync finishes", l.what, changed.reason, read)
		}
		sink.Restart()
	}
}

// page is one page of a listing as Duo answered it.
type page[T any] struct {
	offset  int
	objects []T
	total   lenientInt
	next    lenientInt
}

// readListingOnce reads the first page, then fetches the pages that
// total_objects announces concurrently (the client's limiter bounds the
// requests in flight), and delivers them in offset order. It checks that
// every page follows the one before, that total_objects does not move, that
// no object is listed twice, and that the count adds up.
func readListingOnce[T any](ctx context.Context, c *call, l listQuery, id func(*T) *string, sink PageSink[T]) error {
	seen := map[string]struct{}{}
	delivered := 0
	deliver := func(p page[T]) error {
		objects := p.objects
		if l.limit > 0 {
			objects = objects[:min(len(objects), l.limit-delivered)]
		}
		if id != nil {
			// An object on an earlier page as well is what offset paging
			// shows when objects are added meanwhile. One page that holds
			// an object twice is how Duo answered, not a change: it is kept.
			onPage := make(map[string]struct{}, len(objects))
			for i := range objects {
				key := id(&objects[i])
				if key == nil {
					continue
				}
				if _, twice := seen[*key]; twice {
					return &listingChanged{fmt.Sprintf("%s was listed twice", *key)}
				}
				onPage[*key] = struct{}{}
			}
			maps.Copy(seen, onPage)
		}
		delivered += len(objects)
		sink.Add(objects)
		return nil
	}
	limitReached := func() bool { return l.limit > 0 && delivered >= l.limit }

	first, err := fetchPage[T](ctx, c, l, l.offset, l.pageSizeFor(0))
	if err != nil {
		return err
	}
	if err := deliver(first); err != nil {
		return err
	}
	total, next, last := first.total, first.next, first.offset
	if served := next.value - first.offset; next.set && served > 0 && served < l.pageSizeFor(0) {
		// Duo serves smaller pages than asked: plan the others that size,
		// or each planned page would end short and void the ones after it.
		l.pageSize = served
	}
	for next.set && !limitReached() {
		if next.value <= last {
			return fmt.Errorf("Duo's listing of %s did not advance: next_offset %d after offset %d", l.what, next.value, last)
		}
		window := l.plan(next.value, total, delivered)
		if last, next, err = readWindow(ctx, c, l, window, total, deliver); err != nil {
			return err
		}
	}

	if l.limit == 0 && total.set && delivered != max(total.value-l.offset, 0) {
		return &listingChanged{fmt.Sprintf("%d %s were listed but total_objects is %d", delivered, l.what, total.value)}
	}
	return nil
}

// readWindow fetches the planned pages concurrently and delivers them in
// order. It returns the offset and next_offset of the last page delivered,
// stopping early where a page does not end where the next planned one
// starts: a page shorter than asked moves every offset after it, so the
// listing goes on from Duo's next_offset instead of the plan.
func readWindow[T any](ctx context.Context, c *call, l listQuery, window []pageRequest, total lenientInt, deliver func(page[T]) error) (last int, next lenientInt, err error) {
	windowCtx, cancel := context.WithCancel(ctx)
	defer cancel() // stops the fetches a failure or a short page made useless
	pages := fetchPages[T](windowCtx, c.client.newCall(windowCtx), l, window)
	for i := range window {
		result := <-pages[i]
		if result.err != nil {
			return 0, lenientInt{}, result.err
		}
		p := result.page
		// A page without total_objects tells nothing of a change.
		if p.total.set && total.set && p.total != total {
			return 0, lenientInt{}, &listingChanged{fmt.Sprintf("total_objects went from %d to %d", total.value, p.total.value)}
		}
		if err := deliver(p); err != nil {
			return 0, lenientInt{}, err
		}
		last, next = p.offset, p.next
		if i+1 < len(window) && (!next.set || next.value != window[i+1].offset) {
			break
		}
	}
	return last, next, nil
}

// pageRequest is one page a listing plans to fetch.
type pageRequest struct {
	offset, size int
}

// plan returns the pages expected from offset on, as total_objects
// announces them (a single page when the total is unknown). Without a limit
// every page asks for the most Duo serves, so that users added meanwhile
// show up in next_offset rather than going unseen.
func (l listQuery) plan(offset int, total lenientInt, delivered int) []pageRequest {
	end := offset + l.pageSize
	if total.set {
		end = max(total.value, end)
	}
	if l.limit > 0 {
		end = min(end, offset+l.limit-delivered)
	}
	var pages []pageRequest
	for o := offset; o < end; o += l.pageSize {
		size := l.pageSize
		if l.limit > 0 {
			size = min(size, end-o)
		}
		pages = append(pages, pageRequest{offset: o, size: size})
	}
	return pages
}

// pageSizeFor asks for no more than the limit still needs.
func (l listQuery) pageSizeFor(delivered int) int {
	if l.limit > 0 {
		return min(l.pageSize, l.limit-delivered)
	}
	return l.pageSize
}

type pageResult[T any] struct {
	page page[T]
	err  error
}

// fetchPages starts fetching the pages, each into its own channel, and
// returns at once.
func fetchPages[T any](ctx context.Context, c *call, l listQuery, pages []pageRequest) []chan pageResult[T] {
	results := make([]chan pageResult[T], len(pages))
	for i, request := range pages {
		results[i] = make(chan pageResult[T], 1)
		go func() {
			p, err := fetchPage[T](ctx, c, l, request.offset, request.size)
			results[i] <- pageResult[T]{p, err}
		}()
	}
	return results
}

func fetchPage[T any](ctx context.Context, c *call, l listQuery, offset, size int) (page[T], error) {
	params := url.Values{
		"limit":  {strconv.Itoa(size)},
		"offset": {strconv.Itoa(offset)},
	}
	for key, values := range l.params {
		params[key] = values
	}
	var answer envelope[[]T]
	if err := get(ctx, c, l.path, params, l.permission, &answer); err != nil {
		return page[T]{}, err
	}
	return page[T]{offset: offset, objects: answer.Response, total: answer.Metadata.TotalObjects, next: answer.Metadata.NextOffset}, nil
}
