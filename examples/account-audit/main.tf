# Audits a Duo account beyond its users: who administers it and how, with
# which methods administrators may log in, what the audit's own key may do,
# which integrations it has, which devices nobody holds, how it locks users
# out, where its policies apply, and which administrators cannot log in and
# which applications follow a permissive global policy. Its weaknesses (too
# many Owners, administrators who no longer log in, SMS for administrators,
# write keys open to any network, bypass codes that never run out, tampered
# phones, permissive policies, few telephony credits, and the rest) are the
# findings of the security checkup module, which this audit calls. Run
# `terraform plan`: the outputs summarise the account, each check or
# finding that fails shows as a warning, and nothing is created.
#
# The Admin API application needs the permissions "Grant read resource",
# "Grant administrators - Read", "Grant applications", "Grant settings",
# "Grant read information" and, for the checkup's log findings, "Grant read
# log".

terraform {
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
  description = "After how many days without a login an administrator (or a user) should be reviewed."
  type        = number
  default     = 90
}

variable "min_telephony_credits" {
  description = "Below how many telephony credits to warn."
  type        = number
  default     = 1000
}

module "checkup" {
  source = "../../modules/security-checkup"

  max_owners            = var.max_owners
  stale_after_days      = var.admin_inactive_days
  min_telephony_credits = var.min_telephony_credits
}

data "duo_admins" "all" {}
data "duo_integrations" "all" {}
data "duo_phones" "all" {}
data "duo_tokens" "all" {}
data "duo_settings" "account" {}
data "duo_account_summary" "account" {}
data "duo_policies" "all" {}
data "duo_policy" "global" { global = true }
data "duo_admin_auth_methods" "admins" {}
# Needs no permission: it tells which the key has.
data "duo_api_permissions" "key" {}

locals {
  admins = data.duo_admins.all.admins

  # Administrators who cannot log in: disabled, expired after too long
  # without a login, or never activated.
  admins_not_active = { for a in local.admins : a.email => a.status if a.status != "Active" }

  # Policies. A custom policy holds only the sections it sets; the others
  # are the global policy's. Policies applied nowhere enforce nothing.
  global_sections = data.duo_policy.global.sections
  policies_in_use = {
    for p in data.duo_policies.all.policies : p.policy_name => (
      # The global policy applies wherever no custom policy does.
      p.applies_to == null ? ["every other application"] : [
        for a in p.applies_to : a.apply_type == "group_app" ? "${a.group_name} in ${a.app_name}" : a.app_name
      ]
    ) if try(length(p.applies_to) > 0, true)
  }

  # Why the global policy is permissive, if it is.
  global_permissive = compact([
    contains(["enroll", "deny"], coalesce(try(local.global_sections.new_user.new_user_behavior, null), "unknown")) ? "" : "users without a device get in",
    try(local.global_sections.authentication_policy.user_auth_behavior, null) == "bypass" ? "it skips two-factor authentication" : "",
    length(setintersection(try(local.global_sections.authentication_methods.allowed_auth_list, []), ["sms", "phonecall"])) > 0 ? "it allows SMS or phone calls" : "",
    try(local.global_sections.tampered_devices.block_tampered_devices, false) == true ? "" : "it lets tampered devices in",
  ])
  # Applications users log in to (not the Admin and Accounts API
  # applications) that no custom policy applies to as a whole.
  custom_policy_apps = flatten([
    for p in data.duo_policies.all.policies : [for a in coalesce(p.applies_to, []) : a.app_integration_key if a.apply_type == "app"]
  ])
  global_policy_apps = [
    for i in data.duo_integrations.all.integrations : i.name
    if !contains(["adminapi", "accountsapi"], i.type) && !contains(local.custom_policy_apps, i.integration_key)
  ]
}

check "administrators_can_log_in" {
  assert {
    condition     = length(local.admins_not_active) == 0
    error_message = "Administrators who cannot log in: ${join(", ", [for email, status in local.admins_not_active : "${email} (${status})"])}. Remove them, or reactivate those who still need access."
  }
}

check "applications_on_a_strict_policy" {
  assert {
    condition     = length(local.global_permissive) == 0 || length(local.global_policy_apps) == 0
    error_message = "These applications follow the global policy, which is permissive (${join(", ", local.global_permissive)}): ${join(", ", local.global_policy_apps)}. Apply a stricter custom policy to them, or tighten the global policy."
  }
}

output "findings" {
  description = "The security checkup's findings that fail, with what they affect, high severity first."
  value       = { for id in module.checkup.failed : id => module.checkup.findings[id].affected }
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

output "administrator_login_methods" {
  description = "The methods administrators may log in to the Admin Panel with."
  value = [
    for name, allowed in {
      "Duo Push"             = data.duo_admin_auth_methods.admins.push_enabled
      "Verified Duo Push"    = data.duo_admin_auth_methods.admins.verified_push_enabled
      "WebAuthn"             = data.duo_admin_auth_methods.admins.webauthn_enabled
      "Duo Mobile passcodes" = data.duo_admin_auth_methods.admins.mobile_otp_enabled
      "hardware tokens"      = data.duo_admin_auth_methods.admins.hardware_token_enabled
      "YubiKey passcodes"    = data.duo_admin_auth_methods.admins.yubikey_enabled
      "SMS passcodes"        = data.duo_admin_auth_methods.admins.sms_enabled
      "phone calls"          = data.duo_admin_auth_methods.admins.voice_enabled
    } : name if allowed == true
  ]
}

output "audit_key_permissions" {
  description = "What the key this audit runs with may read, and may change (null: cannot be told without writing)."
  value = {
    learned_from = data.duo_api_permissions.key.learned_from
    may_read     = [for name in ["read_resource", "read_log", "read_information", "settings", "administrators", "applications"] : name if data.duo_api_permissions.key[name] == true]
    may_change   = [for name in ["write_resource", "administrators_write", "applications_write", "settings_write", "set_permissions"] : name if data.duo_api_permissions.key[name] == true]
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

output "policies" {
  description = "Each policy in use, with where it applies: applications, and groups within applications."
  value       = local.policies_in_use
}
