package fakeduo

// User is a Duo Admin API user object exactly as the fake sends it.
//
// Nullable fields are pointers without omitempty so that nil encodes as JSON
// null; fields Duo may leave out entirely are pointers with omitempty. Nil
// slices and maps are sent as [] and {} (Duo always sends them), see
// normalized.
type User struct {
	UserID            string            `json:"user_id"`
	Username          string            `json:"username"`
	Realname          string            `json:"realname"`
	Firstname         string            `json:"firstname"`
	Lastname          string            `json:"lastname"`
	Email             string            `json:"email"`
	Status            string            `json:"status"`
	Notes             string            `json:"notes"`
	Created           int64             `json:"created"`
	LastLogin         *int64            `json:"last_login"`
	LastDirectorySync *int64            `json:"last_directory_sync"`
	IsEnrolled        bool              `json:"is_enrolled"`
	EnableAutoPrompt  *bool             `json:"enable_auto_prompt,omitempty"`
	ExternalID        *string           `json:"external_id,omitempty"`
	LockoutReason     *string           `json:"lockout_reason"`
	Alias1            *string           `json:"alias1"`
	Alias2            *string           `json:"alias2"`
	Alias3            *string           `json:"alias3"`
	Alias4            *string           `json:"alias4"`
	Aliases           map[string]string `json:"aliases"`
	Groups            []Group           `json:"groups"`
	Phones            []Phone           `json:"phones"`
	Tokens            []Token           `json:"tokens"`
	U2FTokens         []U2FToken        `json:"u2ftokens"`
	WebAuthnCreds     []WebAuthnCred    `json:"webauthncredentials"`
}

// Group is a group a user belongs to.
type Group struct {
	GroupID          string `json:"group_id"`
	Name             string `json:"name"`
	Desc             string `json:"desc"`
	Status           string `json:"status"`
	PushEnabled      bool   `json:"push_enabled"`
	SMSEnabled       bool   `json:"sms_enabled"`
	VoiceEnabled     bool   `json:"voice_enabled"`
	MobileOTPEnabled bool   `json:"mobile_otp_enabled"`
}

// Phone is a phone attached to a user, or one of Account.Phones.
type Phone struct {
	PhoneID          string   `json:"phone_id"`
	Number           string   `json:"number"`
	Extension        string   `json:"extension"`
	Name             string   `json:"name"`
	Type             string   `json:"type"`
	Platform         string   `json:"platform"`
	Model            string   `json:"model"`
	Encrypted        string   `json:"encrypted"`
	Fingerprint      string   `json:"fingerprint"`
	Screenlock       string   `json:"screenlock"`
	Tampered         string   `json:"tampered"`
	LastSeen         *string  `json:"last_seen"`
	Postdelay        *string  `json:"postdelay"`
	Predelay         *string  `json:"predelay"`
	Activated        bool     `json:"activated"`
	SMSPasscodesSent bool     `json:"sms_passcodes_sent"`
	Capabilities     []string `json:"capabilities"`
}

// Token is a hardware or OTP token attached to a user, an administrator's
// hardtoken, or one of Account.Tokens.
type Token struct {
	TokenID  string `json:"token_id"`
	Serial   string `json:"serial"`
	Type     string `json:"type"`
	TOTPStep *int64 `json:"totp_step"`
}

// U2FToken is a legacy U2F security key registration.
type U2FToken struct {
	RegistrationID string `json:"registration_id"`
	DateAdded      int64  `json:"date_added"`
}

// normalized returns a copy of u whose nil lists and maps are empty, so they
// encode as [] and {} like Duo sends them. The caller's slices are not
// modified.
func (u User) normalized() User {
	if u.Aliases == nil {
		u.Aliases = map[string]string{}
	}
	if u.Groups == nil {
		u.Groups = []Group{}
	}
	if u.Tokens == nil {
		u.Tokens = []Token{}
	}
	if u.U2FTokens == nil {
		u.U2FTokens = []U2FToken{}
	}
	if u.WebAuthnCreds == nil {
		u.WebAuthnCreds = []WebAuthnCred{}
	}
	phones := make([]Phone, len(u.Phones))
	for i := range phones {
		phones[i] = u.Phones[i].normalized()
	}
	u.Phones = phones
	return u
}

// normalized returns p with capabilities [] rather than null.
func (p Phone) normalized() Phone {
	if p.Capabilities == nil {
		p.Capabilities = []string{}
	}
	return p
}

// shortUser is a user as phones, tokens and bypass codes show their
// holders: 17 keys, without the user's lists and newer fields.
type shortUser struct {
	Alias1            *string           `json:"alias1"`
	Alias2            *string           `json:"alias2"`
	Alias3            *string           `json:"alias3"`
	Alias4            *string           `json:"alias4"`
	Aliases           map[string]string `json:"aliases"`
	Created           int64             `json:"created"`
	Email             string            `json:"email"`
	Firstname         string            `json:"firstname"`
	Lastname          string            `json:"lastname"`
	IsEnrolled        bool              `json:"is_enrolled"`
	LastDirectorySync *int64            `json:"last_directory_sync"`
	LastLogin         *int64            `json:"last_login"`
	Notes             string            `json:"notes"`
	Realname          string            `json:"realname"`
	Status            string            `json:"status"`
	UserID            string            `json:"user_id"`
	Username          string            `json:"username"`
}

func (u *User) short() shortUser {
	aliases := u.Aliases
	if aliases == nil {
		aliases = map[string]string{}
	}
	return shortUser{
		Alias1: u.Alias1, Alias2: u.Alias2, Alias3: u.Alias3, Alias4: u.Alias4, Aliases: aliases,
		Created: u.Created, Email: u.Email, Firstname: u.Firstname, Lastname: u.Lastname,
		IsEnrolled: u.IsEnrolled, LastDirectorySync: u.LastDirectorySync, LastLogin: u.LastLogin,
		Notes: u.Notes, Realname: u.Realname, Status: u.Status, UserID: u.UserID, Username: u.Username,
	}
}

// aliasValues lists every alias a username lookup must match: the legacy
// alias1..alias4 fields and the values of the aliases map.
func (u *User) aliasValues() []string {
	var out []string
	for _, a := range []*string{u.Alias1, u.Alias2, u.Alias3, u.Alias4} {
		if a != nil && *a != "" {
			out = append(out, *a)
		}
	}
	for _, v := range u.Aliases {
		if v != "" {
			out = append(out, v)
		}
	}
	return out
}

func ptr[T any](v T) *T { return &v }
