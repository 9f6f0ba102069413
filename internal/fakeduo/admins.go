package fakeduo

import (
	"fmt"
	"net/url"
	"slices"
)

const (
	adminsPath           = "/admin/v1/admins"
	adminAuthMethodsPath = "/admin/v1/admins/allowed_auth_methods"
	adminUnitsPath       = "/admin/v1/administrative_units"
)

var (
	adminsListing     = listing{adminsPath, 100, 500}
	adminUnitsListing = listing{adminUnitsPath, 100, 500}
)

// AdminAuthMethods are the methods administrators may log in to the Admin
// Panel with, as GET /admin/v1/admins/allowed_auth_methods sends them. Each
// flag is sent as given: a boolean, 0 or 1, or the string "True" or "False"
// (a third-party note says Duo sends those); nil sends null.
type AdminAuthMethods struct {
	PushEnabled          any `json:"push_enabled"`
	SMSEnabled           any `json:"sms_enabled"`
	VoiceEnabled         any `json:"voice_enabled"`
	MobileOTPEnabled     any `json:"mobile_otp_enabled"`
	YubikeyEnabled       any `json:"yubikey_enabled"`
	HardwareTokenEnabled any `json:"hardware_token_enabled"`
	WebAuthnEnabled      any `json:"webauthn_enabled"`
	VerifiedPushEnabled  any `json:"verified_push_enabled"`
	VerifiedPushLength   int `json:"verified_push_length"`
}

// Admin is a Duo administrator as GET /admin/v1/admins sends it.
type Admin struct {
	AdminID string `json:"admin_id"`
	// AdminUnits are the units whose Admins hold this admin: Start checks
	// that both sides agree.
	AdminUnits             []string `json:"admin_units"`
	Created                *int64   `json:"created"` // null for admins created before October 2021
	Email                  string   `json:"email"`
	HardToken              *Token   `json:"hardtoken"`
	LastLogin              *int64   `json:"last_login"`
	Name                   string   `json:"name"`
	PasswordChangeRequired bool     `json:"password_change_required"`
	Phone                  *string  `json:"phone"`
	RestrictedByAdminUnits bool     `json:"restricted_by_admin_units"` // true for an admin in a unit
	Role                   *string  `json:"role,omitempty"`            // absent on editions without administrative roles
	Status                 string   `json:"status"`                    // Active, Disabled, Expired, Pending Activation
	// WebAuthnCreds are the credentials the admin logs in to the Admin
	// Panel with, listed by /admin/v1/webauthncredentials only.
	WebAuthnCreds []WebAuthnCred `json:"-"`
}

// normalized returns a with admin_units [] rather than null.
func (a Admin) normalized() Admin {
	if a.AdminUnits == nil {
		a.AdminUnits = []string{}
	}
	return a
}

// shortAdmin is an administrator as tokens show their holders.
type shortAdmin struct {
	AdminID   string `json:"admin_id"`
	Created   *int64 `json:"created"`
	Email     string `json:"email"`
	LastLogin *int64 `json:"last_login"`
	Name      string `json:"name"`
}

func (a *Admin) short() shortAdmin {
	return shortAdmin{AdminID: a.AdminID, Created: a.Created, Email: a.Email, LastLogin: a.LastLogin, Name: a.Name}
}

// AdministrativeUnit is a Duo administrative unit as GET
// /admin/v1/administrative_units/{admin_unit_id} sends it. The listing
// leaves out Admins, Groups and Integrations.
type AdministrativeUnit struct {
	AdminUnitID            string   `json:"admin_unit_id"`
	Name                   string   `json:"name"`
	Description            string   `json:"description"`
	RestrictByGroups       bool     `json:"restrict_by_groups"`
	RestrictByIntegrations bool     `json:"restrict_by_integrations"`
	Admins                 []string `json:"admins"`       // admin_ids
	Groups                 []string `json:"groups"`       // group_ids
	Integrations           []string `json:"integrations"` // integration_keys
}

// listedAdminUnit is a unit as the listing sends it.
type listedAdminUnit struct {
	AdminUnitID            string `json:"admin_unit_id"`
	Name                   string `json:"name"`
	Description            string `json:"description"`
	RestrictByGroups       bool   `json:"restrict_by_groups"`
	RestrictByIntegrations bool   `json:"restrict_by_integrations"`
}

func (u *AdministrativeUnit) listed() listedAdminUnit {
	return listedAdminUnit{u.AdminUnitID, u.Name, u.Description, u.RestrictByGroups, u.RestrictByIntegrations}
}

// normalized returns u with its lists [] rather than null.
func (u AdministrativeUnit) normalized() AdministrativeUnit {
	for _, list := range []*[]string{&u.Admins, &u.Groups, &u.Integrations} {
		if *list == nil {
			*list = []string{}
		}
	}
	return u
}

// adminUnitIndex is the units, with the units tied to each admin, group
// and integration for the listing's filters.
type adminUnitIndex struct {
	collection
	byAdmin, byGroup, byIntegration map[string][]int
}

func indexAdmins(admins []Admin) (collection, error) {
	return newCollection("admin_id", len(admins),
		func(i int) string { return admins[i].AdminID },
		marshalEach(func(i int) any { return admins[i].normalized() }), nil)
}

func indexAdminUnits(units []AdministrativeUnit) (adminUnitIndex, error) {
	encoded, err := newCollection("admin_unit_id", len(units),
		func(i int) string { return units[i].AdminUnitID },
		marshalEach(func(i int) any { return units[i].listed() }),
		marshalEach(func(i int) any { return units[i].normalized() }))
	if err != nil {
		return adminUnitIndex{}, err
	}
	index := adminUnitIndex{collection: encoded, byAdmin: map[string][]int{}, byGroup: map[string][]int{}, byIntegration: map[string][]int{}}
	for i, u := range units {
		for _, tie := range []struct {
			ids []string
			to  map[string][]int
		}{{u.Admins, index.byAdmin}, {u.Groups, index.byGroup}, {u.Integrations, index.byIntegration}} {
			for _, id := range tie.ids {
				// A unit listing an ID twice is still listed once.
				if !slices.Contains(tie.to[id], i) {
					tie.to[id] = append(tie.to[id], i)
				}
			}
		}
	}
	return index, nil
}

// filterAdminUnits selects the units tied to the admin_id, group_id or
// integration_key the query names; naming more than one is an error.
func filterAdminUnits(snap *snapshot, query url.Values) ([]int, bool, *apiError) {
	var matches []int
	filters := 0
	for name, index := range map[string]map[string][]int{
		"admin_id":        snap.adminUnits.byAdmin,
		"group_id":        snap.adminUnits.byGroup,
		"integration_key": snap.adminUnits.byIntegration,
	} {
		values, ok := query[name]
		if !ok {
			continue
		}
		filters++
		if len(values) != 1 {
			return nil, false, errInvalidParam(name)
		}
		matches = index[values[0]]
	}
	if filters > 1 {
		return nil, false, errInvalidParam("admin_id, group_id, integration_key")
	}
	return matches, filters == 1, nil
}

// checkAdminUnitTies checks that admins and units name each other, and
// that every unit's groups and integrations are served.
func checkAdminUnitTies(account *Account, snap *snapshot) error {
	for _, a := range account.Admins {
		for _, unitID := range a.AdminUnits {
			i, ok := snap.adminUnits.byID[unitID]
			if !ok {
				return fmt.Errorf("fakeduo: admin %q is in admin_unit_id %q, which is not among the administrative units", a.AdminID, unitID)
			}
			if !slices.Contains(account.AdministrativeUnits[i].Admins, a.AdminID) {
				return fmt.Errorf("fakeduo: admin %q is in administrative unit %q, whose admins do not list it", a.AdminID, unitID)
			}
		}
		if len(a.AdminUnits) > 0 && !a.RestrictedByAdminUnits {
			return fmt.Errorf("fakeduo: admin %q is in administrative units but not restricted_by_admin_units", a.AdminID)
		}
	}
	for _, u := range account.AdministrativeUnits {
		for _, adminID := range u.Admins {
			i, ok := snap.admins.byID[adminID]
			if !ok {
				return fmt.Errorf("fakeduo: administrative unit %q lists admin_id %q, which is not among the admins", u.AdminUnitID, adminID)
			}
			if !slices.Contains(account.Admins[i].AdminUnits, u.AdminUnitID) {
				return fmt.Errorf("fakeduo: administrative unit %q lists admin %q, whose admin_units do not list it", u.AdminUnitID, adminID)
			}
		}
		if err := checkServed("administrative unit", u.AdminUnitID, "group_id", u.Groups, snap.groups.byID); err != nil {
			return err
		}
		if err := checkServed("administrative unit", u.AdminUnitID, "integration_key", u.Integrations, snap.integrations.byID); err != nil {
			return err
		}
	}
	return nil
}

// checkServed reports the first of ids that index does not hold, as
// referenced by the object of kind named id.
func checkServed(kind, id, idName string, ids []string, index map[string]int) error {
	for _, ref := range ids {
		if _, ok := index[ref]; !ok {
			return fmt.Errorf("fakeduo: %s %q refers to %s %q, which the fake does not serve", kind, id, idName, ref)
		}
	}
	return nil
}
