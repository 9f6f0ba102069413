package fakeduo

import (
	"encoding/json"
	"fmt"
)

// snapshot is everything the fake serves, encoded once. It never changes:
// a Faults mutation replaces it whole.
type snapshot struct {
	users        userIndex
	groups       groupIndex
	admins       collection
	adminUnits   adminUnitIndex
	integrations integrationIndex
	phones       phoneIndex
	tokens       tokenIndex
	bypassCodes  collection
	policies     policyIndex
	settings     []byte
	// adminAuthMethods is the answer of allowed_auth_methods.
	adminAuthMethods []byte
	// Devices and credentials.
	webAuthnCredentials   collection
	endpoints             collection
	desktopAuthenticators collection
	summary               []byte
}

// newSnapshot indexes users, their groups followed by extraGroups, and
// account, checking that account refers only to what is served.
func newSnapshot(users []User, extraGroups []Group, account *Account) (*snapshot, error) {
	var snap snapshot
	var err error
	if snap.users, err = indexUsers(users); err != nil {
		return nil, err
	}
	if snap.groups, err = indexGroups(users, extraGroups); err != nil {
		return nil, err
	}
	if snap.integrations, err = indexIntegrations(account.Integrations); err != nil {
		return nil, err
	}
	for _, in := range account.Integrations {
		if err := checkServed("integration", in.IntegrationKey, "group_id", in.GroupsAllowed, snap.groups.byID); err != nil {
			return nil, err
		}
	}
	if snap.policies, err = indexPolicies(account.Policies, account.Integrations, &snap.groups, users); err != nil {
		return nil, err
	}
	if snap.admins, err = indexAdmins(account.Admins); err != nil {
		return nil, err
	}
	if snap.adminUnits, err = indexAdminUnits(account.AdministrativeUnits); err != nil {
		return nil, err
	}
	if err := checkAdminUnitTies(account, &snap); err != nil {
		return nil, err
	}

	userID := func(i int) string { return users[i].UserID }
	shortUsers, err := encodeEach("user_id", len(users), userID, marshalEach(func(i int) any { return users[i].short() }))
	if err != nil {
		return nil, err
	}
	admins := account.Admins
	shortAdmins, err := encodeEach("admin_id", len(admins),
		func(i int) string { return admins[i].AdminID },
		marshalEach(func(i int) any { return admins[i].short() }))
	if err != nil {
		return nil, err
	}
	if snap.phones, err = indexPhones(users, shortUsers, account.Phones); err != nil {
		return nil, err
	}
	if snap.tokens, err = indexTokens(users, shortUsers, admins, shortAdmins, account.Tokens); err != nil {
		return nil, err
	}
	if snap.bypassCodes, err = indexBypassCodes(account.BypassCodes, &snap.users, shortUsers); err != nil {
		return nil, err
	}
	if snap.webAuthnCredentials, err = indexWebAuthnCredentials(users, shortUsers, admins, shortAdmins); err != nil {
		return nil, err
	}
	if snap.endpoints, err = indexEndpoints(account.Endpoints, users, snap.users.byID); err != nil {
		return nil, err
	}
	if snap.desktopAuthenticators, err = indexDesktopAuthenticators(account.DesktopAuthenticators, &snap.users, shortUsers); err != nil {
		return nil, err
	}
	if snap.settings, snap.summary, err = encodeAccountObjects(users, account); err != nil {
		return nil, err
	}
	if snap.adminAuthMethods, err = json.Marshal(account.AdminAuthMethods); err != nil {
		return nil, fmt.Errorf("fakeduo: encode the administrators' login methods: %w", err)
	}
	return &snap, nil
}
