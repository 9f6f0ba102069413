package fakeduo

import (
	"encoding/json"
	"fmt"
	"net/http"
)

const (
	groupsPath = "/admin/v1/groups"
	// groupsV2Path serves one group and its members.
	groupsV2Path       = "/admin/v2/groups"
	maxGroupLimit      = 100
	defaultMemberLimit = 100
	maxMemberLimit     = 500
)

// member is a user as a group's member listing shows it.
type member struct {
	UserID   string `json:"user_id"`
	Username string `json:"username"`
}

// groupIndex is the fake's groups, each encoded once at Start.
type groupIndex struct {
	groups  [][]byte   // in serving order
	members [][][]byte // members[i] are group i's members, in user order
	byID    map[string]int
}

// indexGroups derives the groups from the users' groups lists, in
// first-seen order, followed by the extra groups not seen there, so that
// groups and their members always agree with the users.
func (s *Server) indexGroups(users []User, extra []Group) error {
	var all []Group
	byID := map[string]int{}
	add := func(g Group) error {
		if i, seen := byID[g.GroupID]; seen {
			if all[i] != g {
				return fmt.Errorf("fakeduo: group_id %q is described in two different ways", g.GroupID)
			}
			return nil
		}
		byID[g.GroupID] = len(all)
		all = append(all, g)
		return nil
	}
	for i := range users {
		for _, g := range users[i].Groups {
			if err := add(g); err != nil {
				return err
			}
		}
	}
	for _, g := range extra {
		if err := add(g); err != nil {
			return err
		}
	}

	index := groupIndex{groups: make([][]byte, len(all)), members: make([][][]byte, len(all)), byID: byID}
	for i, g := range all {
		b, err := json.Marshal(g)
		if err != nil {
			return fmt.Errorf("fakeduo: encode group %q: %w", g.GroupID, err)
		}
		index.groups[i] = b
		index.members[i] = [][]byte{}
	}
	for i := range users {
		if len(users[i].Groups) == 0 {
			continue
		}
		b, err := json.Marshal(member{UserID: users[i].UserID, Username: users[i].Username})
		if err != nil {
			return fmt.Errorf("fakeduo: encode member %q: %w", users[i].UserID, err)
		}
		for _, g := range users[i].Groups {
			gi := byID[g.GroupID]
			index.members[gi] = append(index.members[gi], b)
		}
	}
	s.groups = index
	return nil
}

func (s *Server) listGroups(w http.ResponseWriter, r *http.Request) {
	start, end, meta, apiErr := pageOf(r.URL.Query(), len(s.groups.groups), maxGroupLimit, maxGroupLimit)
	if apiErr != nil {
		s.writeError(w, apiErr)
		return
	}
	writePage(w, s.groups.groups[start:end], meta)
}

func (s *Server) getGroup(w http.ResponseWriter, groupID string) {
	i, ok := s.groups.byID[groupID]
	if !ok {
		s.writeError(w, errNotFound("group_id"))
		return
	}
	writeObject(w, s.groups.groups[i])
}

func (s *Server) listGroupMembers(w http.ResponseWriter, r *http.Request, groupID string) {
	i, ok := s.groups.byID[groupID]
	if !ok {
		s.writeError(w, errNotFound("group_id"))
		return
	}
	members := s.groups.members[i]
	start, end, meta, apiErr := pageOf(r.URL.Query(), len(members), defaultMemberLimit, maxMemberLimit)
	if apiErr != nil {
		s.writeError(w, apiErr)
		return
	}
	writePage(w, members[start:end], meta)
}
