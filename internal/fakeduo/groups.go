package fakeduo

import (
	"encoding/json"
	"fmt"
	"net/http"
)

const (
	groupsPath = "/admin/v1/groups"
	// groupsV2Path serves one group and its members.
	groupsV2Path = "/admin/v2/groups"
	// groupMembersPath is the member listings' path, under which
	// ListRequests counts them whatever the group.
	groupMembersPath = groupsV2Path + "/{group_id}/users"
)

var (
	groupsListing  = listing{groupsPath, 100, 100}
	membersListing = listing{groupMembersPath, 100, 500}
)

// member is a user as a group's member listing shows it.
type member struct {
	UserID   string `json:"user_id"`
	Username string `json:"username"`
}

// groupIndex is the fake's groups, each encoded once at Start.
type groupIndex struct {
	collection
	members [][][]byte // members[i] are group i's members, in user order
}

// indexGroups derives the groups from the users' groups lists, in
// first-seen order, followed by the extra groups not seen there, so that
// groups and their members always agree with the users.
func indexGroups(users []User, extra []Group) (groupIndex, error) {
	var all []Group
	seen := map[string]int{}
	add := func(g Group) error {
		if i, ok := seen[g.GroupID]; ok {
			if all[i] != g {
				return fmt.Errorf("fakeduo: group_id %q is described in two different ways", g.GroupID)
			}
			return nil
		}
		seen[g.GroupID] = len(all)
		all = append(all, g)
		return nil
	}
	for i := range users {
		for _, g := range users[i].Groups {
			if err := add(g); err != nil {
				return groupIndex{}, err
			}
		}
	}
	for _, g := range extra {
		if err := add(g); err != nil {
			return groupIndex{}, err
		}
	}

	encoded, err := newCollection("group_id", len(all),
		func(i int) string { return all[i].GroupID },
		marshalEach(func(i int) any { return all[i] }), nil)
	if err != nil {
		return groupIndex{}, err
	}
	index := groupIndex{collection: encoded, members: make([][][]byte, len(all))}
	for i := range index.members {
		index.members[i] = [][]byte{}
	}
	for i := range users {
		if len(users[i].Groups) == 0 {
			continue
		}
		b, err := json.Marshal(member{UserID: users[i].UserID, Username: users[i].Username})
		if err != nil {
			return groupIndex{}, fmt.Errorf("fakeduo: encode member %q: %w", users[i].UserID, err)
		}
		for _, g := range users[i].Groups {
			gi := encoded.byID[g.GroupID]
			index.members[gi] = append(index.members[gi], b)
		}
	}
	return index, nil
}

func (s *Server) listGroupMembers(snap *snapshot, w http.ResponseWriter, r *http.Request, groupID string) {
	i, ok := snap.groups.byID[groupID]
	if !ok {
		s.writeError(w, errNotFound("group_id"))
		return
	}
	s.servePage(w, r.URL.Query(), membersListing, snap.groups.members[i], nil, false)
}
