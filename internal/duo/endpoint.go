package duo

import (
	"context"
	"fmt"
	"net/url"
)

// The Admin Panel permissions an Admin API application needs, as the
// Admin Panel names them, for the hint of a 403 answer. Duo renamed some of
// them; both names are given where the sources disagree.
const (
	permissionReadResource   = `"Grant read resource" (newer Admin Panels call it "Grant resource - Read")`
	permissionAdministrators = `"Grant administrators - Read" (older Admin Panels call it "Grant administrators")`
	permissionApplications   = `"Grant applications" (newer Admin Panels call it "Grant applications - Read"; on some accounts "Grant read resource" grants it)`
	permissionSettings       = `"Grant settings"`
	permissionInformation    = `"Grant read information"`
	permissionReadLog        = `"Grant read log" (newer Admin Panels call it "Grant log - Read")`
)

// endpoint is one kind of Admin API object: the path that lists it, whose
// children read one object by its ID, the largest page Duo serves, and the
// permission that reading it needs.
type endpoint[T any] struct {
	path string
	// what names the objects in errors, such as "administrators".
	what       string
	pageSize   int
	permission string
	// id names an object in a listing, so that one listed twice is noticed;
	// nil where objects have no ID.
	id func(*T) *string
}

// stream sends the endpoint's listing, with the given filters, to sink.
func (e endpoint[T]) stream(ctx context.Context, c *Client, params url.Values, sink PageSink[T]) error {
	return readListing(ctx, c.newCall(ctx), e.query(params), e.id, sink)
}

// list returns the endpoint's whole listing with the given filters.
func (e endpoint[T]) list(ctx context.Context, c *Client, params url.Values) ([]T, error) {
	return listAll(ctx, c.newCall(ctx), e.query(params), e.id)
}

func (e endpoint[T]) query(params url.Values) listQuery {
	return listQuery{path: e.path, what: e.what, params: params, pageSize: e.pageSize, permission: e.permission}
}

// get returns the object with the given ID; IsNotFound(err) tells when
// there is none.
func (e endpoint[T]) get(ctx context.Context, c *Client, id string) (*T, error) {
	return getObject[T](ctx, c, e.path+"/"+url.PathEscape(id), e.permission)
}

// getObject reads the one object that path answers with.
func getObject[T any](ctx context.Context, c *Client, path, permission string) (*T, error) {
	var answer envelope[*T]
	if err := get(ctx, c.newCall(ctx), path, nil, permission, &answer); err != nil {
		return nil, err
	}
	if answer.Response == nil {
		return nil, fmt.Errorf("Duo answered GET %s without an object", path)
	}
	return answer.Response, nil
}
