# Audits a Duo account beyond its users: who administers it and how, with
# which methods administrators may log in, what the audit's own key may do,
# which applications may change it through the Admin API, which phones report
# tampering, which bypass codes never expire, how many telephony credits are
# left, and what its policies enforce: whether users without a device get
# in, which policies skip two-factor authentication, allow SMS or phone
# calls or let tampered devices in, and which applications follow a
# permissive global policy. Run `terraform plan`: the outputs summarise the
# account, each check that fails shows as a warning, and nothing is created.
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
data "duo_policies" "all" {}
data "duo_policy" "global" { global = true }
data "duo_admin_auth_methods" "admins" {}
# Needs no permission: it tells which the key has.
data "duo_api_permissions" "key" {}

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

  # Administrators' login methods that a phished or hijacked phone number
  # defeats.
  phishable_admin_methods = compact([
    data.duo_admin_auth_methods.admins.sms_enabled == true ? "SMS passcodes" : "",
    data.duo_admin_auth_methods.admins.voice_enabled == true ? "phone calls" : "",
  ])

  # What this audit's own key may change: null where it cannot be told.
  key_write_grants = [
    for name, granted in {
      write_resource       = data.duo_api_permissions.key.write_resource
      administrators_write = data.duo_api_permissions.key.administrators_write
      applications_write   = data.duo_api_permissions.key.applications_write
      settings_write       = data.duo_api_permissions.key.settings_write
      set_permissions      = data.duo_api_permissions.key.set_permissions
    } : name if granted == true
  ]

  admin_api_writers = [
    for i in data.duo_integrations.all.integrations : i.name
    if i.type == "adminapi" && i.adminapi_write_resource == 1
  ]
  codes_without_expiry = [for c in data.duo_bypass_codes.all.bypass_codes : c.user.username if c.expiration == null]
  tampered_phones      = { for p in data.duo_phones.all.phones : p.phone_id => p.users[*].username if p.tampered == "Tampered" }

  # Policies. A custom policy holds only the sections it sets; the others
  # are the global policy's. Policies applied nowhere enforce nothing.
  global_sections = data.duo_policy.global.sections
  policies_in_use = [
    for p in data.duo_policies.all.policies : merge(p, {
      # Each section as the policy enforces it: its own, else the global one.
      own      = jsondecode(p.sections_json)
      sections = merge(local.global_sections, jsondecode(p.sections_json))
      # The global policy applies wherever no custom policy does.
      where = p.applies_to == null ? ["every other application"] : [
        for a in p.applies_to : a.apply_type == "group_app" ? "${a.group_name} in ${a.app_name}" : a.app_name
      ]
    }) if try(length(p.applies_to) > 0, true)
  ]
  global_new_user = try(local.global_sections.new_user.new_user_behavior, null)
  bypass_policies = [for p in local.policies_in_use : "${p.policy_name} (${join(", ", p.where)})" if try(p.sections.authentication_policy.user_auth_behavior, null) == "bypass"]
  telephony_policies = [
    for p in local.policies_in_use : "${p.policy_name} (${join(", ", setintersection(p.sections.authentication_methods.allowed_auth_list, ["sms", "phonecall"]))}${contains(keys(p.own), "authentication_methods") ? "" : ", from the global policy"})"
    if length(setintersection(try(p.sections.authentication_methods.allowed_auth_list, []), ["sms", "phonecall"])) > 0
  ]
  tampered_allowed = [
    for p in local.policies_in_use : "${p.policy_name}${contains(keys(p.own), "tampered_devices") ? "" : " (from the global policy)"}"
    if try(p.sections.tampered_devices.block_tampered_devices, false) != true
  ]

  # Why the global policy is permissive, if it is.
  global_permissive = compact([
    contains(["enroll", "deny"], coalesce(local.global_new_user, "unknown")) ? "" : "users without a device get in",
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

check "administrators_log_in_without_sms_or_calls" {
  assert {
    condition     = length(local.phishable_admin_methods) == 0
    error_message = "Administrators may log in to the Admin Panel with ${join(" and ", local.phishable_admin_methods)}, which reach whoever holds their phone number. Turn them off under Administrators → Administrator Login Settings; allow WebAuthn or Verified Duo Push."
  }
}

check "audit_key_only_reads" {
  assert {
    condition     = length(local.key_write_grants) == 0
    error_message = "The key this audit runs with (${data.duo_api_permissions.key.integration_key}) may change Duo: ${join(", ", local.key_write_grants)}. An audit only reads: give it an Admin API application with read permissions only."
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

check "new_users_must_enroll" {
  assert {
    condition     = contains(["enroll", "deny"], coalesce(local.global_new_user, "unknown"))
    error_message = "The global policy's new user policy is \"${coalesce(local.global_new_user, "not set")}\": users who have not enrolled a device log in with their password alone. Set it to require enrollment (enroll), or to deny access (deny)."
  }
}

check "no_policy_skips_two_factor" {
  assert {
    condition     = length(local.bypass_policies) == 0
    error_message = "Policies whose authentication policy skips two-factor authentication (bypass): ${join("; ", local.bypass_policies)}. Everyone they apply to logs in with a password alone: set them to enforce, or delete them."
  }
}

check "no_sms_or_phone_calls" {
  assert {
    condition     = length(local.telephony_policies) == 0
    error_message = "Policies that allow authentication by SMS or phone call, which can be intercepted or redirected: ${join("; ", local.telephony_policies)}. Block sms and phonecall in their authentication methods (or the global policy's), and move users to Duo Push or security keys."
  }
}

check "tampered_devices_blocked" {
  assert {
    condition     = length(local.tampered_allowed) == 0
    error_message = "Policies that let jailbroken or rooted devices authenticate (tampered devices not blocked): ${join(", ", local.tampered_allowed)}. Turn on blocking of tampered devices in the global policy, or in each of them."
  }
}

check "applications_on_a_strict_policy" {
  assert {
    condition     = length(local.global_permissive) == 0 || length(local.global_policy_apps) == 0
    error_message = "These applications follow the global policy, which is permissive (${join(", ", local.global_permissive)}): ${join(", ", local.global_policy_apps)}. Apply a stricter custom policy to them, or tighten the global policy."
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
    may_change   = local.key_write_grants
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
  value       = { for p in local.policies_in_use : p.policy_name => p.where }
}
