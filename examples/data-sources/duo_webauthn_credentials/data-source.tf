# Every WebAuthn credential of the account (passkeys, security keys,
# platform authenticators), users' and administrators'.
data "duo_webauthn_credentials" "all" {}

# Who may log in without a password: usernames, or administrators' emails.
output "passwordless_credentials" {
  value = {
    for c in data.duo_webauthn_credentials.all.webauthn_credentials :
    c.webauthnkey => try(c.user.username, "admin ${c.admin.email}")
    if c.passwordless_authorized == true
  }
}

# How the credentials were registered; older accounts do not say ("not sent").
output "credentials_by_registration" {
  value = {
    for kind in distinct([for c in data.duo_webauthn_credentials.all.webauthn_credentials : coalesce(c.registered_as, "not sent")]) :
    kind => length([for c in data.duo_webauthn_credentials.all.webauthn_credentials : c if coalesce(c.registered_as, "not sent") == kind])
  }
}
