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
func (c *Client) UsersByUsername(ctx context.Context, names []string) ([]User, []string, error) {
	found, err := c.UsernameMatches(ctx, names)
	if err != nil {
		return nil, nil, err
	}
	users, missing := inOrderOf(names, found)
	return users, missing, nil
}

// UsernameMatches looks users up by username or alias, and returns the
// user each name matched, by name; a name that matched nobody is not in it.
//
// Names go to Duo MaxLookupValues at a time in username_list, all the
// requests at once under the client's bound. A user that an answer holds
// matches the names that are its username or, failing that, one of its
// aliases. Each name that nothing matched is then looked up alone with
// username, which Duo also matches against aliases. A single name is only
// looked up alone: one request, aliases included.
func (c *Client) UsernameMatches(ctx context.Context, names []string) (map[string]User, error) {
	found := map[string]User{}
	var err error
	if len(distinct(names)) > 1 {
		if found, err = c.findByList(ctx, "username_list", names, (*User).UsernameAndAliases); err != nil {
			return nil, err
		}
	}
	type lookup struct {
		name string
		user *User
	}
	var alone []lookup
	for _, name := range distinct(names) {
		if _, ok := found[name]; !ok {
			alone = append(alone, lookup{name: name})
		}
	}
	err = forEachConcurrently(ctx, alone, func(ctx context.Context, l *lookup) error {
		matches, err := usersAPI.list(ctx, c, url.Values{"username": {l.name}})
		if len(matches) > 0 {
			l.user = &matches[0]
		}
		return err
	})
	if err != nil {
		return nil, err
	}
	for _, l := range alone {
		if l.user != nil {
			found[l.name] = *l.user
		}
	}
	return found, nil
}

// UsersByID looks users up by user ID. It returns one user for each ID that
// matched, in the order of ids, and the IDs that matched nobody, also in
// order.
func (c *Client) UsersByID(ctx context.Context, ids []string) ([]User, []string, error) {
	found, err := c.UserIDMatches(ctx, ids)
	if err != nil {
		return nil, nil, err
	}
	users, missing := inOrderOf(ids, found)
	return users, missing, nil
}

// UserIDMatches looks users up by user ID, MaxLookupValues IDs a request in
// user_id_list and the requests all at once under the client's bound, and
// returns the user each ID matched, by ID. A single ID is read by its own
// path, as GetUser reads it.
func (c *Client) UserIDMatches(ctx context.Context, ids []string) (map[string]User, error) {
	if distinct := distinct(ids); len(distinct) == 1 {
		user, err := c.GetUser(ctx, distinct[0])
		switch {
		case IsNotFound(err):
			return map[string]User{}, nil
		case err != nil:
			return nil, err
		}
		return map[string]User{distinct[0]: *user}, nil
	}
	return c.findByList(ctx, "user_id_list", ids, func(u *User) [][]string {
		if u.UserID == nil {
			return nil
		}
		return [][]string{{*u.UserID}}
	})
}

// findByList sends values, each once and MaxLookupValues a request, in the
// list parameter param of the users listing, and returns the users Duo sent
// by the value each matches. keys lists what a user may match, by
// precedence: a value matches the user whose first keys hold it before one
// whose later keys do (a username before someone's alias).
func (c *Client) findByList(ctx context.Context, param string, values []string, keys func(*User) [][]string) (map[string]User, error) {
	type request struct {
		values  []string
		answers []User
	}
	var requests []request
	for chunk := range slices.Chunk(distinct(values), MaxLookupValues) {
		requests = append(requests, request{values: chunk})
	}
	err := forEachConcurrently(ctx, requests, func(ctx context.Context, r *request) error {
		list, err := json.Marshal(r.values)
		if err != nil {
			return fmt.Errorf("encoding %s: %w", param, err)
		}
		r.answers, err = usersAPI.list(ctx, c, url.Values{param: {string(list)}})
		return err
	})
	if err != nil {
		return nil, err
	}

	found := make(map[string]User, len(values))
	for _, r := range requests {
		asked := make(map[string]bool, len(r.values))
		for _, value := range r.values {
			asked[value] = true
		}
		for precedence := 0; ; precedence++ {
			more := false
			for i := range r.answers {
				userKeys := keys(&r.answers[i])
				if precedence >= len(userKeys) {
					continue
				}
				more = true
				for _, key := range userKeys[precedence] {
					if _, taken := found[key]; asked[key] && !taken {
						found[key] = r.answers[i]
					}
				}
			}
			if !more {
				break
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
