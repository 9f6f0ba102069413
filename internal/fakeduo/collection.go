package fakeduo

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"runtime"
	"sync"
)

// collection is one kind of object, each encoded once at Start in serving
// order, with an index by ID.
type collection struct {
	listed [][]byte // each object as a listing sends it
	single [][]byte // each object as a read by ID sends it
	byID   map[string]int
}

// newCollection encodes n objects whose IDs are named idName: listed(i) is
// object i as a listing sends it, single(i) as a read by ID sends it, or
// nil when both send the same. A duplicate ID is an error.
func newCollection(idName string, n int, id func(i int) string, listed, single func(i int) ([]byte, error)) (collection, error) {
	c := collection{byID: make(map[string]int, n)}
	for i := range n {
		if _, dup := c.byID[id(i)]; dup {
			return c, fmt.Errorf("fakeduo: duplicate %s %q", idName, id(i))
		}
		c.byID[id(i)] = i
	}
	var err error
	if c.listed, err = encodeEach(idName, n, id, listed); err != nil {
		return c, err
	}
	c.single = c.listed
	if single != nil {
		c.single, err = encodeEach(idName, n, id, single)
	}
	return c, err
}

// encodeEach calls encode(i) for every i below n, spread over all CPUs
// because encoding dominates Start for benchmark-sized accounts.
func encodeEach(idName string, n int, id func(i int) string, encode func(i int) ([]byte, error)) ([][]byte, error) {
	encoded := make([][]byte, n)
	workers := min(runtime.GOMAXPROCS(0), max(1, n/1000))
	chunk := (n + workers - 1) / workers
	errs := make([]error, workers)
	var wg sync.WaitGroup
	for w := range workers {
		wg.Go(func() {
			for i := w * chunk; i < min((w+1)*chunk, n); i++ {
				b, err := encode(i)
				if err != nil {
					errs[w] = fmt.Errorf("fakeduo: encode %s %q: %w", idName, id(i), err)
					return
				}
				encoded[i] = b
			}
		})
	}
	wg.Wait()
	return encoded, errors.Join(errs...)
}

// marshalEach encodes value(i) with json.Marshal.
func marshalEach(value func(i int) any) func(i int) ([]byte, error) {
	return func(i int) ([]byte, error) { return json.Marshal(value(i)) }
}

// withRawFields returns the encoded JSON object object with the fields
// appended, whose values are already encoded: json.Marshal would check and
// compact them again, which costs as much as encoding them.
func withRawFields(object []byte, fields ...rawField) []byte {
	size := len(object)
	for _, f := range fields {
		size += len(f.name) + len(f.value) + 4
	}
	out := make([]byte, 0, size)
	out = append(out, object[:len(object)-1]...)
	for _, f := range fields {
		if len(out) > 1 {
			out = append(out, ',')
		}
		out = append(out, '"')
		out = append(out, f.name...)
		out = append(out, '"', ':')
		out = append(out, f.value...)
	}
	return append(out, '}')
}

// rawField is a field name and its encoded value.
type rawField struct {
	name  string
	value []byte
}

// rawList encodes the list of the encoded items.
func rawList(items [][]byte) []byte {
	size := 2
	for _, item := range items {
		size += len(item) + 1
	}
	out := make([]byte, 0, size)
	out = append(out, '[')
	for i, item := range items {
		if i > 0 {
			out = append(out, ',')
		}
		out = append(out, item...)
	}
	return append(out, ']')
}

// listing is one list endpoint: its path and its page sizes. A limit above
// maxLimit is served as maxLimit, as Duo does.
type listing struct {
	path                   string
	defaultLimit, maxLimit int
}

// kind is a kind of object served as a listing and one by one.
type kind struct {
	listing
	itemPrefix string // one object is at itemPrefix + "/" + its escaped ID
	idName     string // the ID's field, the message_detail of a 404
	objects    func(*snapshot) *collection
	// filter selects what the listing's query asks for: filtered is false
	// when the query holds no filter. Nil when the listing has no filters.
	filter func(snap *snapshot, query url.Values) (matches []int, filtered bool, apiErr *apiError)
	// list serves the listing in place of the paging below, for a listing
	// that is not only paged (users).
	list func(s *Server, snap *snapshot, w http.ResponseWriter, r *http.Request)
}

func (k *kind) serveList(s *Server, snap *snapshot, w http.ResponseWriter, r *http.Request) {
	if k.list != nil {
		k.list(s, snap, w, r)
		return
	}
	query := r.URL.Query()
	var matches []int
	filtered := false
	if k.filter != nil {
		var apiErr *apiError
		if matches, filtered, apiErr = k.filter(snap, query); apiErr != nil {
			s.writeError(w, apiErr)
			return
		}
	}
	s.servePage(w, query, k.listing, k.objects(snap).listed, matches, filtered)
}

func (k *kind) serveObject(s *Server, snap *snapshot, w http.ResponseWriter, id string) {
	objects := k.objects(snap)
	i, ok := objects.byID[id]
	if !ok {
		s.writeError(w, errNotFound(k.idName))
		return
	}
	writeObject(w, objects.single[i])
}

// servePage answers the page query asks for of objects or, when filtered,
// of the objects at matches.
func (s *Server) servePage(w http.ResponseWriter, query url.Values, l listing, objects [][]byte, matches []int, filtered bool) {
	total := len(objects)
	if filtered {
		total = len(matches)
	}
	start, end, meta, apiErr := pageOf(query, total, l.defaultLimit, l.maxLimit)
	if apiErr != nil {
		s.writeError(w, apiErr)
		return
	}
	page := objects[start:end]
	if filtered {
		page = make([][]byte, 0, end-start)
		for _, i := range matches[start:end] {
			page = append(page, objects[i])
		}
	}
	s.writeList(w, l.path, page, meta)
}
