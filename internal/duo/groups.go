package duo

import (
	"context"
	"net/url"
)

const (
	// MaxGroupPageSize is the largest page of groups the Admin API serves.
	MaxGroupPageSize = 100
	// MaxGroupMemberPageSize is the largest page of a group's members the
	// Admin API serves.
	MaxGroupMemberPageSize = 500
)

var (
	groupsAPI = endpoint[Group]{path: "/admin/v1/groups", what: "groups", pageSize: MaxGroupPageSize, permission: permissionReadResource, id: (*Group).id}
	// groupsV2API serves one group, and its members below it.
	groupsV2API = endpoint[Group]{path: "/admin/v2/groups", what: "groups", permission: permissionReadResource}
)

// GroupMember is a user as a group's member listing shows it.
type GroupMember struct {
	UserID   *string `json:"user_id"`
	Username *string `json:"username"`
}

// id names a member in a listing, to notice one listed twice.
func (m *GroupMember) id() *string { return m.UserID }

// ListGroups returns every group Duo lists, in Duo's order, reading every
// page. Any failure fails the whole listing.
func (c *Client) ListGroups(ctx context.Context) ([]Group, error) {
	return groupsAPI.list(ctx, c, nil)
}

// GetGroup returns the group with the given ID; IsNotFound(err) tells when
// there is none.
func (c *Client) GetGroup(ctx context.Context, groupID string) (*Group, error) {
	return groupsV2API.get(ctx, c, groupID)
}

// ListGroupMembers returns the members of the group with the given ID, in
// Duo's order, reading every page; IsNotFound(err) tells when there is no
// such group.
func (c *Client) ListGroupMembers(ctx context.Context, groupID string) ([]GroupMember, error) {
	members := endpoint[GroupMember]{
		path: groupsV2API.path + "/" + url.PathEscape(groupID) + "/users", what: "group members",
		pageSize: MaxGroupMemberPageSize, permission: permissionReadResource, id: (*GroupMember).id,
	}
	return members.list(ctx, c, nil)
}
