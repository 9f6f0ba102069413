package fakeduo

import (
	"encoding/json"
)

const webAuthnCredentialsPath = "/admin/v1/webauthncredentials"

var webAuthnCredentialsListing = listing{webAuthnCredentialsPath, 100, 500}

// WebAuthnCred is a WebAuthn credential (a passkey, a security key or a
// platform authenticator) of a user or of an administrator. A user's
// webauthncredentials and the credential listing send it alike.
type WebAuthnCred struct {
	CredentialName string `json:"credential_name"`
	Label          string `json:"label"`
	WebAuthnKey    string `json:"webauthnkey"`
	DateAdded      int64  `json:"date_added"`
	// Older sends the credential as older accounts do: with the four
	// fields above only.
	Older                  bool     `json:"-"`
	DateLastUsed           *int64   `json:"date_last_used"` // null: never used
	AAGUID                 string   `json:"aaguid"`
	CredentialID           string   `json:"credential_id"`
	RegisteredAs           string   `json:"registered_as"` // platform, cross-platform or unknown
	Transports             []string `json:"transports"`    // nil is sent as []
	BackupEligible         bool     `json:"backup_eligible"`
	BackupStatus           bool     `json:"backup_status"`
	PasswordlessAuthorized bool     `json:"passwordless_authorized"`
	UVCapable              bool     `json:"uv_capable"`
}

func (c WebAuthnCred) MarshalJSON() ([]byte, error) {
	if c.Older {
		return json.Marshal(struct {
			CredentialName string `json:"credential_name"`
			Label          string `json:"label"`
			WebAuthnKey    string `json:"webauthnkey"`
			DateAdded      int64  `json:"date_added"`
		}{c.CredentialName, c.Label, c.WebAuthnKey, c.DateAdded})
	}
	if c.Transports == nil {
		c.Transports = []string{}
	}
	type newer WebAuthnCred // without this method
	return json.Marshal(newer(c))
}

// indexWebAuthnCredentials lists the users' credentials in user order,
// each with its user's short form under "user", then the admins'
// credentials in admin order, each with "user" null and the admin's short
// form under "admin". shortUsers and shortAdmins are the holders' short
// forms.
func indexWebAuthnCredentials(users []User, shortUsers [][]byte, admins []Admin, shortAdmins [][]byte) (collection, error) {
	var credentials []WebAuthnCred
	var holders [][]rawField
	for i := range users {
		for _, c := range users[i].WebAuthnCreds {
			credentials = append(credentials, c)
			holders = append(holders, []rawField{{"user", shortUsers[i]}})
		}
	}
	for i := range admins {
		for _, c := range admins[i].WebAuthnCreds {
			credentials = append(credentials, c)
			holders = append(holders, []rawField{{"user", []byte("null")}, {"admin", shortAdmins[i]}})
		}
	}
	return newCollection("webauthnkey", len(credentials),
		func(i int) string { return credentials[i].WebAuthnKey },
		func(i int) ([]byte, error) {
			credential, err := json.Marshal(credentials[i])
			if err != nil {
				return nil, err
			}
			return withRawFields(credential, holders[i]...), nil
		}, nil)
}

var generatedRegistrations = []string{"platform", "cross-platform", "unknown"}

// generatedCredential returns the credential whose webauthnkey derives from
// id; k varies the other fields. Every fourth is sent as older accounts
// send it.
func generatedCredential(id uint64, k int) WebAuthnCred {
	c := WebAuthnCred{
		CredentialName: []string{"Security key", "Touch ID", "Windows Hello", "YubiKey 5"}[k%4],
		Label:          []string{"Security Key", "Laptop", ""}[k%3],
		WebAuthnKey:    generatedID("WA", id),
		DateAdded:      sampleAdded + int64(k)*3600,
	}
	if k%4 == 3 {
		c.Older = true
		return c
	}
	c.RegisteredAs = generatedRegistrations[k%len(generatedRegistrations)]
	c.AAGUID = "00000000-0000-0000-0000-000000000000"
	c.CredentialID = generatedID("cr", id)
	if k%5 != 1 {
		c.DateLastUsed = ptr(sampleLastLogin - int64(k)*86400)
	}
	switch c.RegisteredAs {
	case "platform":
		c.Transports = []string{"internal", "hybrid"}
		c.BackupEligible, c.BackupStatus = true, k%2 == 0
		c.UVCapable = true
	case "cross-platform":
		c.Transports = []string{"usb", "nfc"}
		c.UVCapable = k%2 == 1
	}
	c.PasswordlessAuthorized = c.UVCapable && k%3 != 2
	return c
}
