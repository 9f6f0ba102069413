package provider

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/datasource"

	"github.com/idaudit/terraform-provider-duo/internal/duo"
)

// listedWebAuthnCredentialSpec is a credential as the credential listing
// shows it: a credential as a user's webauthncredentials show it, plus the
// user or administrator it belongs to.
var listedWebAuthnCredentialSpec = newObjectSpec(append(
	within(webAuthnCredentialSpec, func(c *duo.ListedWebAuthnCredential) *duo.WebAuthnCredential { return &c.WebAuthnCredential }),
	nestedObjectField("user", "The user the credential belongs to, without their groups, devices and credentials (read those with `duo_user`); null for an administrator's credential.",
		shortUserSpec, func(c *duo.ListedWebAuthnCredential) *duo.User { return c.User }),
	nestedObjectField("admin", "The administrator who logs in to the Admin Panel with the credential; null for a user's credential.",
		shortAdminSpec, func(c *duo.ListedWebAuthnCredential) *duo.Admin { return c.Admin }),
)...)

// duo_webauthn_credentials: the Admin API's WebAuthn credential listing.
var webAuthnCredentialsListing = listing[duo.ListedWebAuthnCredential]{
	name: "webauthn_credentials",
	what: "WebAuthn credentials",
	description: fmt.Sprintf("Lists the WebAuthn credentials of the Duo account (passkeys, security keys and platform authenticators such as Touch ID or Windows Hello), with the Admin API's [`GET /admin/v1/webauthncredentials`](https://duo.com/docs/adminapi#webauthn-credentials): "+
		"every page (up to %d credentials a request), in the order Duo lists them, users' and administrators' alike, each with the user or the administrator it belongs to. "+
		"Older accounts send only `credential_name`, `label`, `webauthnkey` and `date_added`; the other fields are null there. "+
		"The Admin API application needs the \"Grant read resource\" permission.", duo.MaxWebAuthnCredentialPageSize),
	objects: "The WebAuthn credentials, in the order Duo lists them.",
	spec:    listedWebAuthnCredentialSpec,
	list: func(ctx context.Context, client *account, _ *arguments, sink duo.PageSink[duo.ListedWebAuthnCredential]) error {
		return client.StreamWebAuthnCredentials(ctx, sink)
	},
}

func newWebAuthnCredentialsDataSource() datasource.DataSource {
	return webAuthnCredentialsListing.dataSource()
}
