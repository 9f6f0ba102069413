# Audits a Duo account beyond its users: who administers it and how, which
# applications may change it through the Admin API, which phones report
# tampering, which bypass codes never expire, how many telephony credits are
# left. Run `terraform plan`: the outputs summarise the account, each check
# that fails shows as a warning, and nothing is created.
#
# The Admin API application needs the permissions "Grant read resource",
# "Grant administrators - Read", "Grant applications", "Grant settings" and
# "Grant read information".

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

variable "max_owners" {
  description = "The most administrators that should have the Owner role."
  type        = number
  default     = 1
}

variable "admin_inactive_days" {
  description = "After how many days without a login an active administrator should be reviewed."
  type        = number
  default     = 90
}

variable "min_telephony_credits" {
  description = "Below how many telephony credits to warn."
  type        = number
  default     = 1000
}

data "duo_admins" "all" {}
data "duo_integrations" "all" {}
data "duo_phones" "all" {}
data "duo_tokens" "all" {}
data "duo_bypass_codes" "all" {}
data "duo_settings" "account" {}
data "duo_account_summary" "account" {}

locals {
  admins         = data.duo_admins.all.admins
  owners         = [for a in local.admins : a.email if a.role == "Owner"]
  inactive_since = timeadd(plantimestamp(), "-${var.admin_inactive_days * 24}h")

  # Administrators who cannot log in: disabled, expired after too long
  # without a login, or never activated.
  admins_not_active = { for a in local.admins : a.email => a.status if a.status != "Active" }
  admins_inactive = [
    for a in local.admins : a.email
    # Never logged in counts as logged in at the epoch.
    if a.status == "Active" && timecmp(coalesce(provider::duo::unix_to_rfc3339(a.last_login), "1970-01-01T00:00:00Z"), local.inactive_since) < 0
  ]

  admin_api_writers = [
    for i in data.duo_integrations.all.integrations : i.name
    if i.type == "adminapi" && i.adminapi_write_resource == 1
  ]
  codes_without_expiry = [for c in data.duo_bypass_codes.all.bypass_codes : c.user.username if c.expiration == null]
  tampered_phones      = { for p in data.duo_phones.all.phones : p.phone_id => p.users[*].username if p.tampered == "Tampered" }
}

check "few_owners" {
  assert {
    condition     = length(local.owners) <= var.max_owners
    error_message = "${length(local.owners)} administrators are Owners (${join(", ", local.owners)}), more than ${var.max_owners}. Owners can do anything, including adding administrators: give the others a narrower role."
  }
}

check "administrators_can_log_in" {
  assert {
    condition     = length(local.admins_not_active) == 0
    error_message = "Administrators who cannot log in: ${join(", ", [for email, status in local.admins_not_active : "${email} (${status})"])}. Remove them, or reactivate those who still need access."
  }
}

check "administrators_log_in" {
  assert {
    condition     = length(local.admins_inactive) == 0
    error_message = "Active administrators who have not logged in for ${var.admin_inactive_days} days: ${join(", ", local.admins_inactive)}. Review whether they still need access."
  }
}

check "no_admin_api_writers" {
  assert {
    condition     = length(local.admin_api_writers) == 0
    error_message = "Admin API applications that can change users, groups and devices (Grant write resource): ${join(", ", local.admin_api_writers)}. Keep their secret keys in a secrets manager, or grant read permissions only."
  }
}

check "bypass_codes_expire" {
  assert {
    condition     = length(local.codes_without_expiry) == 0
    error_message = "Bypass codes that never expire are held by: ${join(", ", local.codes_without_expiry)}. Replace them with codes that expire."
  }
}

check "no_tampered_phones" {
  assert {
    condition     = length(local.tampered_phones) == 0
    error_message = "Duo Mobile reports these phones as jailbroken or rooted: ${join(", ", [for id, users in local.tampered_phones : "${id} (${join(", ", users)})"])}."
  }
}

check "telephony_credits" {
  assert {
    condition     = data.duo_account_summary.account.telephony_credits_remaining >= var.min_telephony_credits
    error_message = "Only ${data.duo_account_summary.account.telephony_credits_remaining} telephony credits are left (warning below ${var.min_telephony_credits}): SMS and phone call authentication stops when they run out."
  }
}

output "summary" {
  description = "The account at a glance."
  value = {
    edition                     = data.duo_account_summary.account.edition
    users                       = data.duo_account_summary.account.user_count
    users_pending_deletion      = data.duo_account_summary.account.user_pending_deletion_count
    administrators              = data.duo_account_summary.account.admin_count
    integrations                = data.duo_account_summary.account.integration_count
    telephony_credits_remaining = data.duo_account_summary.account.telephony_credits_remaining
  }
}

output "administrators_by_role" {
  description = "The administrators' email addresses, by role (\"none\" where the edition has no roles)."
  value = {
    for role in distinct([for a in local.admins : coalesce(a.role, "none")]) :
    role => [for a in local.admins : a.email if coalesce(a.role, "none") == role]
  }
}

output "integrations_by_type" {
  description = "The integrations' names, by type."
  value = {
    for type in distinct(data.duo_integrations.all.integrations[*].type) :
    type => [for i in data.duo_integrations.all.integrations : i.name if i.type == type]
  }
}

output "unassigned_devices" {
  description = "Phones and hardware tokens that nobody holds."
  value = {
    phones = [for p in data.duo_phones.all.phones : p.phone_id if length(p.users) == 0]
    tokens = [for t in data.duo_tokens.all.tokens : "${t.type} ${t.serial}" if length(t.users) == 0 && length(t.admins) == 0]
  }
}

output "lockout_policy" {
  description = "After how many failed attempts users are locked out, and for how long (null or 0: until an administrator unlocks them)."
  value = {
    threshold             = data.duo_settings.account.lockout_threshold
    expire_after_minutes  = data.duo_settings.account.lockout_expire_duration
    helpdesk_bypass_codes = data.duo_settings.account.helpdesk_bypass
  }
}
