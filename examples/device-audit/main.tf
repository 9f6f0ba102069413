# Audits the devices and credentials of a Duo account: which administrators'
# user accounts can log in without a password, which WebAuthn credentials
# have not been used for a year, which endpoints run without disk encryption
# or firewall, which are not trusted, and who runs which version of Duo
# Desktop. Run `terraform plan`: the outputs summarise them, each check that
# fails shows as a warning, and nothing is created.
#
# The Admin API application needs the permissions "Grant read resource" and
# "Grant administrators - Read". Endpoints are part of the Duo Advantage and
# Premier editions.

terraform {
  # unix_to_rfc3339 is a provider function: Terraform 1.8, OpenTofu 1.7.
  required_version = ">= 1.8"
  required_providers {
    duo = {
      source = "idaudit/duo"
    }
  }
}

# Credentials come from DUO_INTEGRATION_KEY, DUO_SECRET_KEY and DUO_API_HOST.
provider "duo" {}

variable "credential_unused_days" {
  description = "After how many days without use a WebAuthn credential should be reviewed."
  type        = number
  default     = 365
}

data "duo_admins" "all" {}
data "duo_webauthn_credentials" "all" {}
data "duo_endpoints" "all" {}
data "duo_desktop_authenticators" "all" {}

locals {
  credentials = data.duo_webauthn_credentials.all.webauthn_credentials
  endpoints   = data.duo_endpoints.all.endpoints

  # A credential's holder: a user's username, or an administrator's email
  # (an administrator's credential logs in to the Admin Panel).
  holders = { for c in local.credentials : c.webauthnkey => try(c.user.username, "admin ${c.admin.email}") }

  # Administrators are matched to their user accounts by email address.
  admin_emails = toset([for a in data.duo_admins.all.admins : lower(a.email)])
  passwordless_admin_users = [
    for c in local.credentials : "${c.user.username} (${c.credential_name})"
    if c.passwordless_authorized == true && contains(local.admin_emails, lower(try(c.user.email, "")))
  ]

  # A credential never used counts from when it was registered, and so
  # does one of an older account, which sends neither date_last_used nor
  # registered_as.
  unused_since = timeadd(plantimestamp(), "-${var.credential_unused_days * 24}h")
  unused_credentials = [
    for c in local.credentials :
    "${local.holders[c.webauthnkey]}: ${c.credential_name}, last used ${coalesce(provider::duo::unix_to_rfc3339(c.date_last_used), c.registered_as == null ? "unknown" : "never")}"
    if timecmp(provider::duo::unix_to_rfc3339(coalesce(c.date_last_used, c.date_added)), local.unused_since) < 0
  ]

  # Duo sends "" for what it does not know, such as the user of an
  # endpoint nobody logged in from.
  endpoint_names = { for e in local.endpoints : e.epkey => "${coalesce(e.device_name, e.epkey)} (${coalesce(e.username, "no user")})" }
  unprotected_endpoints = [
    for e in local.endpoints :
    "${local.endpoint_names[e.epkey]}: ${join(", ", compact([
      e.disk_encryption_status == "Off" ? "disk not encrypted" : "",
      e.firewall_status == "Off" ? "firewall off" : "",
    ]))}"
    if e.disk_encryption_status == "Off" || e.firewall_status == "Off"
  ]
  untrusted_endpoints = [for e in local.endpoints : local.endpoint_names[e.epkey] if e.trusted_endpoint != "yes"]
}

check "admins_use_passwords" {
  assert {
    condition     = length(local.passwordless_admin_users) == 0
    error_message = "Administrators' user accounts hold passwordless credentials: ${join(", ", local.passwordless_admin_users)}. Whoever holds the device logs in as them without a password: make sure that is intended."
  }
}

check "credentials_in_use" {
  assert {
    condition     = length(local.unused_credentials) == 0
    error_message = "WebAuthn credentials unused for ${var.credential_unused_days} days: ${join("; ", local.unused_credentials)}. Remove those that are lost or no longer needed."
  }
}

check "endpoints_protected" {
  assert {
    condition     = length(local.unprotected_endpoints) == 0
    error_message = "Endpoints without disk encryption or firewall: ${join("; ", local.unprotected_endpoints)}. Turn them on, or require them with a Duo device health policy."
  }
}

check "endpoints_trusted" {
  assert {
    condition     = length(local.untrusted_endpoints) == 0
    error_message = "Endpoints that are not trusted: ${join(", ", local.untrusted_endpoints)}. Enroll them in your device management, or restrict applications to trusted endpoints."
  }
}

output "summary" {
  description = "The account's devices and credentials at a glance."
  value = {
    webauthn_credentials   = length(local.credentials)
    passwordless           = length([for c in local.credentials : c if c.passwordless_authorized == true])
    endpoints              = length(local.endpoints)
    trusted_endpoints      = length([for e in local.endpoints : e if e.trusted_endpoint == "yes"])
    desktop_authenticators = length(data.duo_desktop_authenticators.all.desktop_authenticators)
  }
}

output "credentials_by_registration" {
  description = "WebAuthn credentials' holders, by how the credentials were registered (\"not sent\": an older account's)."
  value = {
    for kind in distinct([for c in local.credentials : coalesce(c.registered_as, "not sent")]) :
    kind => [for c in local.credentials : local.holders[c.webauthnkey] if coalesce(c.registered_as, "not sent") == kind]
  }
}

output "endpoints_by_os" {
  description = "The endpoints' names, by operating system."
  value = {
    for os in distinct(local.endpoints[*].os_family) :
    os => [for e in local.endpoints : local.endpoint_names[e.epkey] if e.os_family == os]
  }
}

output "duo_desktop_versions" {
  description = "Who runs which version of Duo Desktop as an authenticator."
  value = {
    for version in distinct(data.duo_desktop_authenticators.all.desktop_authenticators[*].duo_desktop_version) :
    version => [for a in data.duo_desktop_authenticators.all.desktop_authenticators : a.user.username if a.duo_desktop_version == version]
  }
}
