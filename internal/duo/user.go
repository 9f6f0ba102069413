package duo

// User is a Duo user as the Admin API returns it. Every field is a pointer or
// a slice so that JSON null (and a field Duo does not send) stays
// distinguishable from "" and from an empty list.
type User struct {
	UserID              *string              `json:"user_id"`
	Username            *string              `json:"username"`
	Realname            *string              `json:"realname"`
	Firstname           *string              `json:"firstname"`
	Lastname            *string              `json:"lastname"`
	Email               *string              `json:"email"`
	Status              *string              `json:"status"`
	Notes               *string              `json:"notes"`
	Created             *Int                 `json:"created"`
	LastLogin           *Int                 `json:"last_login"`
	LastDirectorySync   *Int                 `json:"last_directory_sync"`
	IsEnrolled          *Bool                `json:"is_enrolled"`
	EnableAutoPrompt    *Bool                `json:"enable_auto_prompt"`
	ExternalID          *string              `json:"external_id"`
	LockoutReason       *string              `json:"lockout_reason"`
	Alias1              *string              `json:"alias1"`
	Alias2              *string              `json:"alias2"`
	Alias3              *string              `json:"alias3"`
	Alias4              *string              `json:"alias4"`
	Aliases             map[string]string    `json:"aliases"`
	Groups              []Group              `json:"groups"`
	Phones              []Phone              `json:"phones"`
	Tokens              []Token              `json:"tokens"`
	U2FTokens           []U2FToken           `json:"u2ftokens"`
	WebAuthnCredentials []WebAuthnCredential `json:"webauthncredentials"`
}

// Group is a group as listed inside a user.
type Group struct {
	GroupID          *string `json:"group_id"`
	Name             *string `json:"name"`
	Desc             *string `json:"desc"`
	Status           *string `json:"status"`
	PushEnabled      *Bool   `json:"push_enabled"`
	SMSEnabled       *Bool   `json:"sms_enabled"`
	VoiceEnabled     *Bool   `json:"voice_enabled"`
	MobileOTPEnabled *Bool   `json:"mobile_otp_enabled"`
}

// Phone is a phone or authenticator device attached to a user.
type Phone struct {
	PhoneID          *string  `json:"phone_id"`
	Number           *string  `json:"number"`
	Extension        *string  `json:"extension"`
	Name             *string  `json:"name"`
	Type             *string  `json:"type"`
	Platform         *string  `json:"platform"`
	Model            *string  `json:"model"`
	Activated        *Bool    `json:"activated"`
	SMSPasscodesSent *Bool    `json:"sms_passcodes_sent"`
	Capabilities     []string `json:"capabilities"`
	Encrypted        *string  `json:"encrypted"`
	Fingerprint      *string  `json:"fingerprint"`
	Screenlock       *string  `json:"screenlock"`
	Tampered         *string  `json:"tampered"`
	LastSeen         *string  `json:"last_seen"`
	Postdelay        *string  `json:"postdelay"`
	Predelay         *string  `json:"predelay"`
}

// Token is a hardware OTP token.
type Token struct {
	TokenID  *string `json:"token_id"`
	Serial   *string `json:"serial"`
	Type     *string `json:"type"`
	TOTPStep *Int    `json:"totp_step"`
}

// U2FToken is a legacy U2F security key registration.
type U2FToken struct {
	RegistrationID *string `json:"registration_id"`
	DateAdded      *Int    `json:"date_added"`
}

// WebAuthnCredential is a WebAuthn credential: a passkey, a security key or
// a platform authenticator. Older accounts send only its first four
// fields; the others are null then.
type WebAuthnCredential struct {
	CredentialName         *string  `json:"credential_name"`
	Label                  *string  `json:"label"`
	WebAuthnKey            *string  `json:"webauthnkey"`
	DateAdded              *Int     `json:"date_added"`
	DateLastUsed           *Int     `json:"date_last_used"`
	AAGUID                 *string  `json:"aaguid"`
	CredentialID           *string  `json:"credential_id"`
	RegisteredAs           *string  `json:"registered_as"`
	Transports             []string `json:"transports"`
	BackupEligible         *Bool    `json:"backup_eligible"`
	BackupStatus           *Bool    `json:"backup_status"`
	PasswordlessAuthorized *Bool    `json:"passwordless_authorized"`
	UVCapable              *Bool    `json:"uv_capable"`
}

// UsernameAndAliases are the names a username lookup matches a user by, in
// the order of precedence Duo gives them: first its username, then its
// aliases (alias1 to alias4 and the values of aliases, but empty ones). A
// name that is one user's username and another's alias names the first.
func (u *User) UsernameAndAliases() [][]string {
	var username, aliases []string
	if u.Username != nil {
		username = append(username, *u.Username)
	}
	for _, alias := range []*string{u.Alias1, u.Alias2, u.Alias3, u.Alias4} {
		if alias != nil && *alias != "" {
			aliases = append(aliases, *alias)
		}
	}
	for _, alias := range u.Aliases {
		if alias != "" {
			aliases = append(aliases, alias)
		}
	}
	return [][]string{username, aliases}
}

// id names a user in a listing, to notice one listed twice.
func (u *User) id() *string { return u.UserID }

// id names a group in a listing, to notice one listed twice.
func (g *Group) id() *string { return g.GroupID }
