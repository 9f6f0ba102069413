package duo

import "context"

// Admin is a Duo administrator as the Admin API returns it.
type Admin struct {
	AdminID                *string  `json:"admin_id"`
	Name                   *string  `json:"name"`
	Email                  *string  `json:"email"`
	Phone                  *string  `json:"phone"`
	Role                   *string  `json:"role"`
	RoleID                 *string  `json:"role_id"`
	Status                 *string  `json:"status"`
	Created                *Int     `json:"created"`
	LastLogin              *Int     `json:"last_login"`
	PasswordChangeRequired *Bool    `json:"password_change_required"`
	RestrictedByAdminUnits *Bool    `json:"restricted_by_admin_units"`
	AdminUnits             []string `json:"admin_units"`
	Hardtoken              *Token   `json:"hardtoken"`
}

// AdminAuthMethods are the methods administrators may log in to the Admin
// Panel with. Duo's sources show the flags as booleans, and a third-party
// note as the strings "True" and "False": Bool reads them all.
type AdminAuthMethods struct {
	PushEnabled          *Bool `json:"push_enabled"`
	SMSEnabled           *Bool `json:"sms_enabled"`
	VoiceEnabled         *Bool `json:"voice_enabled"`
	MobileOTPEnabled     *Bool `json:"mobile_otp_enabled"`
	YubikeyEnabled       *Bool `json:"yubikey_enabled"`
	HardwareTokenEnabled *Bool `json:"hardware_token_enabled"`
	WebAuthnEnabled      *Bool `json:"webauthn_enabled"`
	VerifiedPushEnabled  *Bool `json:"verified_push_enabled"`
	VerifiedPushLength   *Int  `json:"verified_push_length"`
}

// AdministrativeUnit is a Duo administrative unit. Duo's listing leaves out
// the IDs of the unit's administrators, groups and integrations, which a
// read by ID includes.
type AdministrativeUnit struct {
	AdminUnitID            *string  `json:"admin_unit_id"`
	Name                   *string  `json:"name"`
	Description            *string  `json:"description"`
	RestrictByGroups       *Bool    `json:"restrict_by_groups"`
	RestrictByIntegrations *Bool    `json:"restrict_by_integrations"`
	Admins                 []string `json:"admins"`
	Groups                 []string `json:"groups"`
	Integrations           []string `json:"integrations"`
}

const (
	// MaxAdminPageSize is the largest page of administrators the Admin API
	// serves, as recalled from Duo's documentation; the listing adapts to
	// smaller pages.
	MaxAdminPageSize = 500
	// MaxAdministrativeUnitPageSize likewise, for administrative units.
	MaxAdministrativeUnitPageSize = 500
)

var (
	adminsAPI = endpoint[Admin]{
		path: "/admin/v1/admins", what: "administrators", pageSize: MaxAdminPageSize,
		permission: permissionAdministrators, id: func(a *Admin) *string { return a.AdminID },
	}
	administrativeUnitsAPI = endpoint[AdministrativeUnit]{
		path: "/admin/v1/administrative_units", what: "administrative units", pageSize: MaxAdministrativeUnitPageSize,
		permission: permissionAdministrators, id: func(u *AdministrativeUnit) *string { return u.AdminUnitID },
	}
)

// ListAdmins returns every administrator, in Duo's order.
func (c *Client) ListAdmins(ctx context.Context) ([]Admin, error) {
	return adminsAPI.list(ctx, c, nil)
}

// GetAdmin returns the administrator with the given ID; IsNotFound(err)
// tells when there is none.
func (c *Client) GetAdmin(ctx context.Context, adminID string) (*Admin, error) {
	return adminsAPI.get(ctx, c, adminID)
}

// adminAuthMethodsPath is where Duo tells how administrators may log in.
const adminAuthMethodsPath = "/admin/v1/admins/allowed_auth_methods"

// GetAdminAuthMethods returns the methods administrators may log in with.
func (c *Client) GetAdminAuthMethods(ctx context.Context) (*AdminAuthMethods, error) {
	return getObject[AdminAuthMethods](ctx, c, adminAuthMethodsPath, permissionAdministrators)
}

// ListAdministrativeUnits returns every administrative unit, in Duo's order,
// each with its administrators, groups and integrations: a unit that the
// listing sends without them is read again by ID, all of them at once under
// the client's bound on requests in flight.
func (c *Client) ListAdministrativeUnits(ctx context.Context) ([]AdministrativeUnit, error) {
	units, err := administrativeUnitsAPI.list(ctx, c, nil)
	if err != nil {
		return nil, err
	}
	return units, forEachConcurrently(ctx, units, func(ctx context.Context, unit *AdministrativeUnit) error {
		if unit.Admins != nil && unit.Groups != nil && unit.Integrations != nil || unit.AdminUnitID == nil {
			return nil
		}
		full, err := administrativeUnitsAPI.get(ctx, c, *unit.AdminUnitID)
		if err != nil {
			return err
		}
		*unit = *full
		return nil
	})
}
