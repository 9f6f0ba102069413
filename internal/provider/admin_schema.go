package provider

import (
	"github.com/idaudit/terraform-provider-duo/internal/duo"
)

// The Duo administrator object, shared by the duo_admins and duo_admin data
// sources, and in a short form by the hardware tokens of duo_tokens and the
// credentials of duo_webauthn_credentials.

var adminSpec = newObjectSpec(
	stringField("admin_id", "The administrator's ID, such as `DEJ5CUN5L0ZOL4DF5Z2B`.", func(a *duo.Admin) *string { return a.AdminID }),
	stringField("name", "The administrator's name.", func(a *duo.Admin) *string { return a.Name }),
	stringField("email", "The administrator's email address, with which they log in to the Admin Panel.", func(a *duo.Admin) *string { return a.Email }),
	stringField("phone", "The administrator's phone number, such as `+15555550100`; null or empty when none is set.", func(a *duo.Admin) *string { return a.Phone }),
	stringField("role", "The administrator's role: `Owner`, `Administrator`, `Application Manager`, `User Manager`, `Security Analyst`, `Help Desk`, `Billing`, `Phishing Manager`, `Read-only`, or the name of a custom role. Null when the account's edition has no administrative roles.", func(a *duo.Admin) *string { return a.Role }),
	stringField("role_id", "The ID of the administrator's role; null when Duo does not send it.", func(a *duo.Admin) *string { return a.RoleID }),
	stringField("status", "The administrator's status: `Active`, `Disabled`, `Expired` (inactive for too long) or `Pending Activation`.", func(a *duo.Admin) *string { return a.Status }),
	int64Field("created", "When the administrator was created, in Unix seconds; null for administrators created before October 2021.", func(a *duo.Admin) *duo.Int { return a.Created }),
	int64Field("last_login", "When the administrator last logged in to the Admin Panel, in Unix seconds; null if never.", func(a *duo.Admin) *duo.Int { return a.LastLogin }),
	boolField("password_change_required", "Whether the administrator must change their password at their next login.", func(a *duo.Admin) *duo.Bool { return a.PasswordChangeRequired }),
	boolField("restricted_by_admin_units", "Whether the administrator may only manage the users, groups and integrations of their administrative units.", func(a *duo.Admin) *duo.Bool { return a.RestrictedByAdminUnits }),
	stringListField("admin_units", "The IDs of the administrative units the administrator belongs to; empty for an administrator of the whole account.", func(a *duo.Admin) []string { return a.AdminUnits }),
	nestedObjectField("hardtoken", "The hardware token the administrator logs in with; null when none is attached.", tokenSpec, func(a *duo.Admin) *duo.Token { return a.Hardtoken }),
)

// shortAdminSpec is an administrator as Duo lists it inside hardware tokens
// and WebAuthn credentials.
var shortAdminSpec = adminSpec.only("admin_id", "name", "email", "created", "last_login")
