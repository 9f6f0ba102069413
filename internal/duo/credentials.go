package duo

import "context"

// ListedWebAuthnCredential is a WebAuthn credential as Duo's credential
// listing shows it: the credential, and the user or the administrator it
// belongs to, each in Duo's short form (a user without its lists; an
// administrator with admin_id, name, email, created and last_login).
type ListedWebAuthnCredential struct {
	WebAuthnCredential
	User  *User  `json:"user"`
	Admin *Admin `json:"admin"`
}

// DesktopAuthenticator is Duo Desktop registered as an authenticator on one
// device, with the user it authenticates in Duo's short form.
type DesktopAuthenticator struct {
	DAKey             *string `json:"dakey"`
	DAID              *string `json:"daid"`
	DeviceName        *string `json:"device_name"`
	DuoDesktopVersion *string `json:"duo_desktop_version"`
	OSFamily          *string `json:"os_family"`
	User              *User   `json:"user"`
}

const (
	// MaxWebAuthnCredentialPageSize is the largest page of WebAuthn
	// credentials the Admin API serves.
	MaxWebAuthnCredentialPageSize = 500
	// MaxDesktopAuthenticatorPageSize is the largest page of desktop
	// authenticators asked for. Duo's documentation does not confirm it;
	// the listing adapts to smaller pages.
	MaxDesktopAuthenticatorPageSize = 500
)

var (
	webAuthnCredentialsAPI = endpoint[ListedWebAuthnCredential]{
		path: "/admin/v1/webauthncredentials", what: "WebAuthn credentials", pageSize: MaxWebAuthnCredentialPageSize,
		permission: permissionReadResource, id: func(c *ListedWebAuthnCredential) *string { return c.WebAuthnKey },
	}
	desktopAuthenticatorsAPI = endpoint[DesktopAuthenticator]{
		path: "/admin/v1/desktop_authenticators", what: "desktop authenticators", pageSize: MaxDesktopAuthenticatorPageSize,
		permission: permissionReadResource, id: func(a *DesktopAuthenticator) *string { return a.DAKey },
	}
)

// StreamWebAuthnCredentials sends every WebAuthn credential of the account,
// users' and administrators', in Duo's order, to sink.
func (c *Client) StreamWebAuthnCredentials(ctx context.Context, sink PageSink[ListedWebAuthnCredential]) error {
	return webAuthnCredentialsAPI.stream(ctx, c, nil, sink)
}

// StreamDesktopAuthenticators sends every desktop authenticator of the
// account, in Duo's order, to sink.
func (c *Client) StreamDesktopAuthenticators(ctx context.Context, sink PageSink[DesktopAuthenticator]) error {
	return desktopAuthenticatorsAPI.stream(ctx, c, nil, sink)
}
