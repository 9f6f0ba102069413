package fakeduo

// snapshot is everything the fake serves, encoded once. It never changes:
// a Faults mutation replaces it whole.
type snapshot struct {
	users  userIndex
	groups groupIndex
}

// newSnapshot indexes users and their groups, followed by extraGroups.
func newSnapshot(users []User, extraGroups []Group) (*snapshot, error) {
	var snap snapshot
	var err error
	if snap.users, err = indexUsers(users); err != nil {
		return nil, err
	}
	if snap.groups, err = indexGroups(users, extraGroups); err != nil {
		return nil, err
	}
	return &snap, nil
}
