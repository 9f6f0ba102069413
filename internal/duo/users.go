package duo

import (
	"context"
	"encoding/json"
	"fmt"
	"net/url"
	"slices"
)

const (
	// MaxPageSize is the largest page of users the Admin API serves.
	MaxPageSize = 300
	// MaxLookupValues is the most values Duo accepts in one username_list
	// or user_id_list.
	MaxLookupValues = 100
)

var usersAPI = endpoint[User]{path: "/admin/v1/users", what: "users", pageSize: MaxPageSize, permission: permissionReadResource, id: (*User).id}

// ListUsersInput selects users from the listing.
type ListUsersInput struct {
	// Username matches a username or any of its aliases; empty lists everyone.
	Username string
	// Email matches the user's email address; not together with Username.
	Email string
	// Offset is the index of the first user to return.
	Offset int
	// Limit caps how many users are returned across all pages; 0 means all.
	Limit int
}

// ListUsers returns the users Duo lists, in Duo's order, following every
// page until Duo sends no next_offset or Limit users have been read. Any
// failure fails the whole listing: it never returns the pages read before.
func (c *Client) ListUsers(ctx context.Context, in ListUsersInput) ([]User, error) {
	users := &collector[User]{objects: []User{}}
	if err := c.StreamUsers(ctx, in, users); err != nil {
		return nil, err
	}
	return users.objects, nil
}

// StreamUsers hands the users ListUsers would return to sink, page by page
// in Duo's order, so that a large listing need not be held decoded all at
// once. After an error, the pages sink took are void.
func (c *Client) StreamUsers(ctx context.Context, in ListUsersInput, sink PageSink[User]) error {
	params := url.Values{}
	if in.Username != "" {
		params.Set("username", in.Username)
	}
	if in.Email != "" {
		params.Set("email", in.Email)
	}
	query := usersAPI.query(params)
	query.offset, query.limit = in.Offset, in.Limit
	return readListing(ctx, c.newCall(ctx), query, usersAPI.id, sink)
}

// UsersByUsername looks users up by username or alias. It returns one user
// for each name that matched, in the order of names, and the names that
// matched nobody, also in order.
//
// Names go to Duo MaxLookupValues at a time in username_list, which matches
// usernames only. Each name that list does not match is then looked up
// alone with username, which also matches aliases: a list of aliases costs
// one request per alias.
func (c *Client) UsersByUsername(ctx context.Context, names []string) ([]User, []string, error) {
	call := c.newCall(ctx)
	found, err := findByList(ctx, call, "username_list", names, func(u *User) *string { return u.Username })
	if err != nil {
		return nil, nil, err
	}
	for _, name := range distinct(names) {
		if _, ok := found[name]; ok {
			continue
		}
		matches, err := listAll(ctx, call, usersAPI.query(url.Values{"username": {name}}), usersAPI.id)
		if err != nil {
			return nil, nil, err
		}
		if len(matches) > 0 {
			found[name] = matches[0]
		}
	}
	users, missing := inOrderOf(names, found)
	return users, missing, nil
}

// UsersByID looks users up by user ID, MaxLookupValues IDs a request. It
// returns one user for each ID that matched, in the order of ids, and the
// IDs that matched nobody, also in order.
func (c *Client) UsersByID(ctx context.Context, ids []string) ([]User, []string, error) {
	found, err := findByList(ctx, c.newCall(ctx), "user_id_list", ids, func(u *User) *string { return u.UserID })
	if err != nil {
		return nil, nil, err
	}
	users, missing := inOrderOf(ids, found)
	return users, missing, nil
}

// findByList sends values, each once and MaxLookupValues at a time, in the
// list parameter param of the users listing, and returns the users Duo sent
// by their key, the field that param matches.
func findByList(ctx context.Context, call *call, param string, values []string, key func(*User) *string) (map[string]User, error) {
	found := make(map[string]User, len(values))
	for chunk := range slices.Chunk(distinct(values), MaxLookupValues) {
		list, err := json.Marshal(chunk)
		if err != nil {
			return nil, fmt.Errorf("encoding %s: %w", param, err)
		}
		matches, err := listAll(ctx, call, usersAPI.query(url.Values{param: {string(list)}}), usersAPI.id)
		if err != nil {
			return nil, err
		}
		for _, user := range matches {
			if k := key(&user); k != nil {
				found[*k] = user
			}
		}
	}
	return found, nil
}

// inOrderOf returns the found user of each value, in the order of values,
// and the values that found nobody. Duo answers lists in its own order, so
// the caller's order is restored here.
func inOrderOf(values []string, found map[string]User) (users []User, missing []string) {
	users = make([]User, 0, len(values))
	for _, value := range values {
		if user, ok := found[value]; ok {
			users = append(users, user)
		} else {
			missing = append(missing, value)
		}
	}
	return users, missing
}

// distinct returns values without repeats, in first-seen order, so that
// no value is sent to Duo twice.
func distinct(values []string) []string {
	seen := make(map[string]bool, len(values))
	out := make([]string, 0, len(values))
	for _, value := range values {
		if !seen[value] {
			seen[value] = true
			out = append(out, value)
		}
	}
	return out
}

// GetUser returns the user with the given ID; IsNotFound(err) tells when
// there is none.
func (c *Client) GetUser(ctx context.Context, userID string) (*User, error) {
	return usersAPI.get(ctx, c, userID)
}
