package provider

import (
	"github.com/idaudit/terraform-provider-duo/internal/duo"
)

// The Duo user object, shared by the duo_users and duo_user data sources.
// Attribute names are the Admin API's own JSON field names, so Duo's
// documentation reads beside the provider's.

var userSpec = newObjectSpec(
	stringField("user_id", "The user's ID, such as `DU3RP9I2WOC59VZX672N`.", func(u *duo.User) *string { return u.UserID }),
	stringField("username", "The user's username.", func(u *duo.User) *string { return u.Username }),
	stringField("realname", "The user's full name; may be empty.", func(u *duo.User) *string { return u.Realname }),
	stringField("firstname", "The user's given name; may be empty.", func(u *duo.User) *string { return u.Firstname }),
	stringField("lastname", "The user's surname; may be empty.", func(u *duo.User) *string { return u.Lastname }),
	stringField("email", "The user's email address; may be empty.", func(u *duo.User) *string { return u.Email }),
	stringField("status", "The user's status: `active`, `bypass` (may log in without two-factor authentication), `disabled`, `locked out` or `pending deletion`.", func(u *duo.User) *string { return u.Status }),
	stringField("notes", "Notes about the user, as an administrator wrote them; may be empty.", func(u *duo.User) *string { return u.Notes }),
	int64Field("created", "When the user was created, in Unix seconds.", func(u *duo.User) *duo.Int { return u.Created }),
	int64Field("last_login", "When the user last logged in, in Unix seconds; null if never.", func(u *duo.User) *duo.Int { return u.LastLogin }),
	int64Field("last_directory_sync", "When the user was last synced from a directory, in Unix seconds; null if never.", func(u *duo.User) *duo.Int { return u.LastDirectorySync }),
	boolField("is_enrolled", "Whether the user has enrolled at least one authentication device.", func(u *duo.User) *duo.Bool { return u.IsEnrolled }),
	boolField("enable_auto_prompt", "Whether Duo prompts the user automatically with their last used authentication method; null when Duo does not report it.", func(u *duo.User) *duo.Bool { return u.EnableAutoPrompt }),
	stringField("external_id", "The user's ID in the directory it is synced from; null for users not synced from a directory.", func(u *duo.User) *string { return u.ExternalID }),
	stringField("lockout_reason", "Why the user is locked out; null when the user is not.", func(u *duo.User) *string { return u.LockoutReason }),
	stringField("alias1", "The user's first username alias (legacy field; see `aliases`); null when unset.", func(u *duo.User) *string { return u.Alias1 }),
	stringField("alias2", "The user's second username alias (legacy field; see `aliases`); null when unset.", func(u *duo.User) *string { return u.Alias2 }),
	stringField("alias3", "The user's third username alias (legacy field; see `aliases`); null when unset.", func(u *duo.User) *string { return u.Alias3 }),
	stringField("alias4", "The user's fourth username alias (legacy field; see `aliases`); null when unset.", func(u *duo.User) *string { return u.Alias4 }),
	stringMapField("aliases", "The user's username aliases, keyed `alias1` to `alias8`.", func(u *duo.User) map[string]string { return u.Aliases }),
	nestedListField("groups", "The groups the user belongs to.", groupSpec, func(u *duo.User) []duo.Group { return u.Groups }),
	nestedListField("phones", "The phones and authenticator devices attached to the user.", phoneSpec, func(u *duo.User) []duo.Phone { return u.Phones }),
	nestedListField("tokens", "The hardware OTP tokens attached to the user.", tokenSpec, func(u *duo.User) []duo.Token { return u.Tokens }),
	nestedListField("u2ftokens", "The user's U2F security keys (legacy; see `webauthncredentials`).", u2fTokenSpec, func(u *duo.User) []duo.U2FToken { return u.U2FTokens }),
	nestedListField("webauthncredentials", "The user's WebAuthn credentials: passkeys, security keys and platform authenticators. Older accounts send only their `credential_name`, `label`, `webauthnkey` and `date_added`. `duo_webauthn_credentials` lists every user's and administrator's.", webAuthnCredentialSpec, func(u *duo.User) []duo.WebAuthnCredential { return u.WebAuthnCredentials }),
)

var groupSpec = newObjectSpec(
	stringField("group_id", "The group's ID.", func(g *duo.Group) *string { return g.GroupID }),
	stringField("name", "The group's name.", func(g *duo.Group) *string { return g.Name }),
	stringField("desc", "The group's description; may be empty.", func(g *duo.Group) *string { return g.Desc }),
	stringField("status", "The group's status: `Active`, `Bypass` or `Disabled`.", func(g *duo.Group) *string { return g.Status }),
	boolField("push_enabled", "Legacy: whether the group may authenticate with Duo Push.", func(g *duo.Group) *duo.Bool { return g.PushEnabled }),
	boolField("sms_enabled", "Legacy: whether the group may authenticate with SMS passcodes.", func(g *duo.Group) *duo.Bool { return g.SMSEnabled }),
	boolField("voice_enabled", "Legacy: whether the group may authenticate with phone callback.", func(g *duo.Group) *duo.Bool { return g.VoiceEnabled }),
	boolField("mobile_otp_enabled", "Legacy: whether the group may authenticate with Duo Mobile passcodes.", func(g *duo.Group) *duo.Bool { return g.MobileOTPEnabled }),
)

var phoneSpec = newObjectSpec(
	stringField("phone_id", "The phone's ID.", func(p *duo.Phone) *string { return p.PhoneID }),
	stringField("number", "The phone number, such as `+15555550100`; empty for tablets and some authenticators.", func(p *duo.Phone) *string { return p.Number }),
	stringField("extension", "The phone's extension; may be empty.", func(p *duo.Phone) *string { return p.Extension }),
	stringField("name", "The phone's name, as an administrator set it; may be empty.", func(p *duo.Phone) *string { return p.Name }),
	stringField("type", "The phone's type: `mobile`, `landline` or `unknown`.", func(p *duo.Phone) *string { return p.Type }),
	stringField("platform", "The phone's platform, such as `Apple iOS`, `Google Android` or `unknown`.", func(p *duo.Phone) *string { return p.Platform }),
	stringField("model", "The phone's model; may be `Unknown`.", func(p *duo.Phone) *string { return p.Model }),
	boolField("activated", "Whether Duo Mobile is activated on the phone.", func(p *duo.Phone) *duo.Bool { return p.Activated }),
	boolField("sms_passcodes_sent", "Whether SMS passcodes have been sent to the phone.", func(p *duo.Phone) *duo.Bool { return p.SMSPasscodesSent }),
	stringListField("capabilities", "What the phone can do: any of `auto`, `push`, `phone`, `sms` and `mobile_otp`.", func(p *duo.Phone) []string { return p.Capabilities }),
	stringField("encrypted", "Whether the phone's storage is encrypted, as Duo Mobile reports it: `Encrypted`, `Unencrypted` or empty if unknown.", func(p *duo.Phone) *string { return p.Encrypted }),
	stringField("fingerprint", "Whether the phone has biometrics enabled, as Duo Mobile reports it: `Configured`, `Disabled` or empty if unknown.", func(p *duo.Phone) *string { return p.Fingerprint }),
	stringField("screenlock", "Whether the phone has a screen lock, as Duo Mobile reports it: `Locked`, `Unlocked` or empty if unknown.", func(p *duo.Phone) *string { return p.Screenlock }),
	stringField("tampered", "Whether the phone appears jailbroken or rooted, as Duo Mobile reports it: `Tampered`, `Not tampered` or empty if unknown.", func(p *duo.Phone) *string { return p.Tampered }),
	stringField("last_seen", "When the phone last contacted Duo, as an ISO 8601 time; null if never.", func(p *duo.Phone) *string { return p.LastSeen }),
	stringField("postdelay", "Seconds to wait after the phone call is answered before the extension is dialed; null if unset.", func(p *duo.Phone) *string { return p.Postdelay }),
	stringField("predelay", "Seconds to wait after dialing the number before the extension is dialed; null if unset.", func(p *duo.Phone) *string { return p.Predelay }),
)

var tokenSpec = newObjectSpec(
	stringField("token_id", "The token's ID.", func(t *duo.Token) *string { return t.TokenID }),
	stringField("serial", "The token's serial number.", func(t *duo.Token) *string { return t.Serial }),
	stringField("type", "The token's type: `h6` or `h8` (HOTP), `t6` or `t8` (TOTP), `yk` (YubiKey) or `d1` (Duo-D100).", func(t *duo.Token) *string { return t.Type }),
	int64Field("totp_step", "The TOTP time step in seconds; null for tokens that are not TOTP.", func(t *duo.Token) *duo.Int { return t.TOTPStep }),
)

var u2fTokenSpec = newObjectSpec(
	stringField("registration_id", "The U2F registration's ID.", func(t *duo.U2FToken) *string { return t.RegistrationID }),
	int64Field("date_added", "When the key was registered, in Unix seconds.", func(t *duo.U2FToken) *duo.Int { return t.DateAdded }),
)

// webAuthnCredentialSpec is a WebAuthn credential as a user's
// webauthncredentials and the credential listing show it.
var webAuthnCredentialSpec = newObjectSpec(
	stringField("credential_name", "The credential's name, as the user or Duo set it.", func(c *duo.WebAuthnCredential) *string { return c.CredentialName }),
	stringField("label", "The credential's label.", func(c *duo.WebAuthnCredential) *string { return c.Label }),
	stringField("webauthnkey", "The credential's ID in Duo.", func(c *duo.WebAuthnCredential) *string { return c.WebAuthnKey }),
	int64Field("date_added", "When the credential was registered, in Unix seconds.", func(c *duo.WebAuthnCredential) *duo.Int { return c.DateAdded }),
	int64Field("date_last_used", "When the credential was last used, in Unix seconds; null if it never was, and when Duo does not send it, as older accounts do not.", func(c *duo.WebAuthnCredential) *duo.Int { return c.DateLastUsed }),
	stringField("aaguid", "The AAGUID of the authenticator that holds the credential, which names its make and model."+sentByNewerAccounts, func(c *duo.WebAuthnCredential) *string { return c.AAGUID }),
	stringField("credential_id", "The credential's WebAuthn credential ID, as Duo writes it."+sentByNewerAccounts, func(c *duo.WebAuthnCredential) *string { return c.CredentialID }),
	stringField("registered_as", "How the credential was registered: `platform` (built into the device, such as Touch ID or Windows Hello), `cross-platform` (an authenticator of its own, such as a security key) or `unknown`."+sentByNewerAccounts, func(c *duo.WebAuthnCredential) *string { return c.RegisteredAs }),
	stringListField("transports", "How a browser reaches the authenticator, as WebAuthn names it, such as `usb`, `nfc`, `ble`, `hybrid` or `internal`."+sentByNewerAccounts, func(c *duo.WebAuthnCredential) []string { return c.Transports }),
	boolField("backup_eligible", "Whether the credential may be backed up or synced to other devices, as a synced passkey is."+sentByNewerAccounts, func(c *duo.WebAuthnCredential) *duo.Bool { return c.BackupEligible }),
	boolField("backup_status", "Whether the credential is backed up or synced."+sentByNewerAccounts, func(c *duo.WebAuthnCredential) *duo.Bool { return c.BackupStatus }),
	boolField("passwordless_authorized", "Whether the credential may log in without a password (Duo Passwordless)."+sentByNewerAccounts, func(c *duo.WebAuthnCredential) *duo.Bool { return c.PasswordlessAuthorized }),
	boolField("uv_capable", "Whether the authenticator can verify the user itself, with a PIN or biometrics."+sentByNewerAccounts, func(c *duo.WebAuthnCredential) *duo.Bool { return c.UVCapable }),
)

// sentByNewerAccounts ends the description of a credential's field that
// older accounts do not send.
const sentByNewerAccounts = " Null when Duo does not send it, as older accounts do not."
