package duo

import (
	"context"
	"fmt"
	"net/url"
	"strconv"
)

const (
	usersPath = "/admin/v1/users"
	// MaxPageSize is the largest page the Admin API serves.
	MaxPageSize = 300
)

// ListUsersInput selects users from the listing.
type ListUsersInput struct {
	// Username matches a username or any of its aliases; empty lists everyone.
	Username string
	// Offset is the index of the first user to return.
	Offset int
	// Limit caps how many users are returned across all pages; 0 means all.
	Limit int
}

// ListUsers returns the users Duo lists, in Duo's order, following every
// page until Duo sends no next_offset or Limit users have been read. Any
// failure fails the whole listing: it never returns the pages read before.
func (c *Client) ListUsers(ctx context.Context, in ListUsersInput) ([]User, error) {
	call := c.newCall(ctx)
	var users []User
	offset := in.Offset
	for {
		pageSize := MaxPageSize
		if in.Limit > 0 {
			pageSize = min(pageSize, in.Limit-len(users))
		}
		params := url.Values{
			"limit":  {strconv.Itoa(pageSize)},
			"offset": {strconv.Itoa(offset)},
		}
		if in.Username != "" {
			params.Set("username", in.Username)
		}

		var page envelope[[]User]
		if err := get(ctx, call, usersPath, params, &page); err != nil {
			return nil, err
		}
		if users == nil {
			users = make([]User, 0, expectedCount(page.Metadata.TotalObjects, in))
		}
		users = append(users, page.Response...)

		next := page.Metadata.NextOffset
		if !next.set || (in.Limit > 0 && len(users) >= in.Limit) {
			break
		}
		if next.value <= offset {
			return nil, fmt.Errorf("Duo's listing of users did not advance: next_offset %d after offset %d", next.value, offset)
		}
		offset = next.value
	}
	if in.Limit > 0 && len(users) > in.Limit {
		users = users[:in.Limit]
	}
	return users, nil
}

// expectedCount sizes the result from the first page's total_objects,
// bounded so that a wild total cannot allocate much before it is disproved.
func expectedCount(total lenientInt, in ListUsersInput) int {
	const bound = 200_000
	n := min(max(total.value-in.Offset, 0), bound)
	if in.Limit > 0 {
		n = min(n, in.Limit)
	}
	return n
}

// GetUser returns the user with the given ID; IsNotFound(err) tells when
// there is none.
func (c *Client) GetUser(ctx context.Context, userID string) (*User, error) {
	var answer envelope[*User]
	if err := get(ctx, c.newCall(ctx), usersPath+"/"+url.PathEscape(userID), nil, &answer); err != nil {
		return nil, err
	}
	if answer.Response == nil {
		return nil, fmt.Errorf("Duo answered GET %s/%s without a user", usersPath, url.PathEscape(userID))
	}
	return answer.Response, nil
}
