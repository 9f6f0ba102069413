package duo

import (
	"context"
	"fmt"
	"net/url"
)

const (
	groupsPath = "/admin/v1/groups"
	// groupsV2Path serves one group and its members.
	groupsV2Path = "/admin/v2/groups"
	// MaxGroupPageSize is the largest page of groups the Admin API serves.
	MaxGroupPageSize = 100
	// MaxGroupMemberPageSize is the largest page of a group's members the
	// Admin API serves.
	MaxGroupMemberPageSize = 500
)

// GroupMember is a user as a group's member listing shows it.
type GroupMember struct {
	UserID   *string `json:"user_id"`
	Username *string `json:"username"`
}

// id names a member in a listing, to notice one listed twice.
func (m *GroupMember) id() *string { return m.UserID }

// ListGroupsInput selects groups from the listing.
type ListGroupsInput struct {
	// Name keeps only the groups with exactly this name; empty keeps all.
	// The Admin API has no name filter, so the Client reads every group and
	// filters them itself.
	Name string
}

// ListGroups returns the groups Duo lists, in Duo's order, reading every
// page. Any failure fails the whole listing.
func (c *Client) ListGroups(ctx context.Context, in ListGroupsInput) ([]Group, error) {
	groups, err := listAll[Group](ctx, c.newCall(ctx), listQuery{path: groupsPath, what: "groups", pageSize: MaxGroupPageSize}, (*Group).id)
	if err != nil || in.Name == "" {
		return groups, err
	}
	named := []Group{}
	for _, group := range groups {
		if group.Name != nil && *group.Name == in.Name {
			named = append(named, group)
		}
	}
	return named, nil
}

// GetGroup returns the group with the given ID; IsNotFound(err) tells when
// there is none.
func (c *Client) GetGroup(ctx context.Context, groupID string) (*Group, error) {
	path := groupsV2Path + "/" + url.PathEscape(groupID)
	var answer envelope[*Group]
	if err := get(ctx, c.newCall(ctx), path, nil, &answer); err != nil {
		return nil, err
	}
	if answer.Response == nil {
		return nil, fmt.Errorf("Duo answered GET %s without a group", path)
	}
	return answer.Response, nil
}

// ListGroupMembers returns the members of the group with the given ID, in
// Duo's order, reading every page; IsNotFound(err) tells when there is no
// such group.
func (c *Client) ListGroupMembers(ctx context.Context, groupID string) ([]GroupMember, error) {
	return listAll[GroupMember](ctx, c.newCall(ctx), listQuery{
		path: groupsV2Path + "/" + url.PathEscape(groupID) + "/users", what: "group members", pageSize: MaxGroupMemberPageSize,
	}, (*GroupMember).id)
}
