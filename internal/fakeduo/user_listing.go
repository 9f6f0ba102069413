package fakeduo

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
)

const (
	usersPath       = "/admin/v1/users"
	maxListedValues = 100
)

var usersListing = listing{usersPath, 100, 300}

// userIndex is the fake's users, each encoded once at Start, with the
// indexes their lookups use.
type userIndex struct {
	collection
	byUsername map[string]int // usernames, and aliases that are not also usernames
	byLogin    map[string]int // usernames only, for username_list
	byEmail    map[string]int
}

// indexUsers encodes every user and builds the lookup maps.
func indexUsers(users []User) (userIndex, error) {
	encoded, err := newCollection("user_id", len(users),
		func(i int) string { return users[i].UserID },
		marshalEach(func(i int) any { return users[i].normalized() }), nil)
	if err != nil {
		return userIndex{}, err
	}
	index := userIndex{
		collection: encoded,
		byUsername: make(map[string]int, len(users)),
		byLogin:    make(map[string]int, len(users)),
		byEmail:    make(map[string]int, len(users)),
	}
	for i := range users {
		u := &users[i]
		if _, dup := index.byLogin[u.Username]; dup {
			return userIndex{}, fmt.Errorf("fakeduo: duplicate username %q", u.Username)
		}
		index.byLogin[u.Username] = i
		index.byUsername[u.Username] = i
		if _, seen := index.byEmail[u.Email]; !seen && u.Email != "" {
			index.byEmail[u.Email] = i
		}
	}
	// Aliases second, so a real username always wins over someone's alias.
	for i := range users {
		for _, alias := range users[i].aliasValues() {
			if _, taken := index.byUsername[alias]; !taken {
				index.byUsername[alias] = i
			}
		}
	}
	return index, nil
}

func (s *Server) listUsers(snap *snapshot, w http.ResponseWriter, r *http.Request) {
	query := r.URL.Query()
	present := func(name string) bool { _, ok := query[name]; return ok }

	lists := 0
	for _, name := range []string{"username_list", "user_id_list"} {
		if present(name) {
			lists++
		}
	}
	if lists > 0 {
		if lists > 1 || present("username") || present("email") {
			s.writeError(w, errInvalidParam("username_list, user_id_list, username, email"))
			return
		}
		s.listByValues(snap, w, query)
		return
	}
	if present("username") && present("email") {
		s.writeError(w, errInvalidParam("username, email"))
		return
	}

	// Filters select at most one user; without a filter, page the whole list.
	var matches []int
	filtered := false
	if present("username") {
		filtered = true
		if i, ok := snap.users.byUsername[query.Get("username")]; ok {
			matches = []int{i}
		}
	} else if present("email") {
		filtered = true
		if i, ok := snap.users.byEmail[query.Get("email")]; ok {
			matches = []int{i}
		}
	}
	s.servePage(w, query, usersListing, snap.users.listed, matches, filtered)
}

// listByValues answers username_list / user_id_list: limit and offset are
// ignored and users come back in the server's order.
func (s *Server) listByValues(snap *snapshot, w http.ResponseWriter, query url.Values) {
	name, index := "username_list", snap.users.byLogin
	if s.usernameListMatchesAliases {
		index = snap.users.byUsername
	}
	if _, ok := query["user_id_list"]; ok {
		name, index = "user_id_list", snap.users.byID
	}
	var values []string
	if len(query[name]) != 1 || json.Unmarshal([]byte(query.Get(name)), &values) != nil || len(values) > maxListedValues {
		s.writeError(w, errInvalidParam(name))
		return
	}
	selected := make([]bool, len(snap.users.listed))
	for _, v := range values {
		if i, ok := index[v]; ok {
			selected[i] = true
		}
	}
	var page [][]byte
	for i, sel := range selected {
		if sel {
			page = append(page, snap.users.listed[i])
		}
	}
	s.writeList(w, usersPath, page, listMetadata{TotalObjects: len(page)})
}
