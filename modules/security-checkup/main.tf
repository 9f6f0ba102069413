# The security checkup of one Duo account: what it reads, each finding's
# rule, and the findings built from them. Each rule is one local below,
#
#   { title, severity, detail, fix, unknown, items[, at_most][, passed] }
#
# where items are what fails the rule ({ key, text }: key is what
# `accepted` names, text what `affected` shows), unknown says why the rule
# could not be evaluated (null when it could), and the rule fails when more
# than at_most (default 0) items are left once the accepted ones are taken
# out. checks.tf turns each finding into a check block's warning.

# What the key may read. Each data source below is read only when it may
# (count), so that the plan succeeds whatever the key's grants, and the
# findings that need it are unknown.
data "duo_api_permissions" "key" {
  account_id = var.account_id
}

locals {
  may = {
    read_resource    = data.duo_api_permissions.key.read_resource == true
    read_log         = data.duo_api_permissions.key.read_log == true
    read_information = data.duo_api_permissions.key.read_information == true
    settings         = data.duo_api_permissions.key.settings == true
    administrators   = data.duo_api_permissions.key.administrators == true
    applications     = data.duo_api_permissions.key.applications == true
  }
  # Why a finding is unknown when the key lacks a grant.
  not_granted = {
    read_resource    = "the key may not read users, devices and policies: grant it \"Grant read resource\""
    read_log         = "the key may not read the logs: grant it \"Grant read log\""
    read_information = "the key may not read the account summary: grant it \"Grant read information\""
    settings         = "the key may not read the settings: grant it \"Grant settings\""
    administrators   = "the key may not read administrators: grant it \"Grant administrators - Read\""
    applications     = "the key may not read applications: grant it \"Grant applications\""
  }
  unknown_without = { for grant, granted in local.may : grant => granted ? null : local.not_granted[grant] }

  # Duo writes times in Unix seconds; timeadd from the epoch turns them
  # into times that timecmp compares, without provider functions
  # (Terraform 1.8), so that the module runs on Terraform 1.5.
  epoch        = "1970-01-01T00:00:00Z"
  now          = plantimestamp()
  stale_before = timeadd(local.now, "-${var.stale_after_days * 24}h")
  enroll_by    = timeadd(local.now, "-${var.enrollment_grace_days * 24}h")
  window_start = timeadd(local.now, "-${var.lookback_days * 24}h")
  days         = "${var.lookback_days} day${var.lookback_days == 1 ? "" : "s"}"
}

data "duo_admin_auth_methods" "admins" {
  count      = local.may.administrators ? 1 : 0
  account_id = var.account_id
}

data "duo_settings" "account" {
  count      = local.may.settings ? 1 : 0
  account_id = var.account_id
}

data "duo_account_summary" "account" {
  count      = local.may.read_information ? 1 : 0
  account_id = var.account_id
}

locals {
  summary = one(data.duo_account_summary.account[*])
  # Trust Monitor comes with Duo Advantage and Premier (Access and Beyond
  # before 2022; PLATFORM and BEYOND in Duo's billing names). An edition
  # the summary does not send is given the benefit of the doubt.
  edition              = try(local.summary.edition, null)
  trust_monitor_denied = try(length(local.edition) > 0 && !can(regex("(?i)advantage|premier|access|beyond|platform", local.edition)), false)
}

# The listings (see its main.tf for why they are a module).
module "listings" {
  source = "./modules/listings"

  account_id         = var.account_id
  may                = local.may
  stale_before       = local.stale_before
  mintime            = local.window_start
  maxtime            = local.now
  max_log_events     = var.max_log_events
  read_trust_monitor = local.may.read_log && !local.trust_monitor_denied
}

locals {
  # The listings, empty where one was not read (the findings it feeds are
  # then unknown, from local.may); flatten rather than a conditional, which
  # would need the objects of a list to be of one type.
  listed = { for name, objects in module.listings : name => [for o in flatten([objects]) : o if o != null] }
}

# Policies.
locals {
  policies = [
    for p in local.listed.policies : {
      name = p.policy_name
      # The global policy says so, or, when Duo does not, is the one the
      # policy summary does not list.
      global = p.is_global_policy == true || p.is_global_policy == null && p.applies_to == null
      # The sections the policy sets itself: a custom policy inherits the
      # others, whole, from the global policy.
      own = jsondecode(p.sections_json)
      where = (
        p.applies_to == null ? "every application no custom policy covers" :
        length(p.applies_to) == 0 ? "applied nowhere" :
        join(", ", [for a in p.applies_to : a.apply_type == "group_app" ? "${a.group_name} in ${a.app_name}" : a.app_name])
      )
    }
  ]
  global_policies = [for p in local.policies : p if p.global]
  global_policy   = length(local.global_policies) > 0 ? local.global_policies[0] : null
  # Why the policy findings are unknown, given the global policy's value of
  # the field they read (null when it has none).
  policies_unknown = local.unknown_without.read_resource != null ? local.unknown_without.read_resource : (
    local.global_policy == null ? "no policy of Duo's answer is the global policy (is_global_policy and the policy summary do not tell)" : null
  )
  # global is the global policy's own sections, to read the fields the
  # findings need: a field it lacks (or holds as null) makes them unknown.
  global = try(local.global_policy.own, {})
  lacks  = "Duo's answer lacks the global policy's"

  new_user_policy = {
    title    = "Users who have not enrolled get in without two-factor authentication"
    severity = "high"
    detail   = "These policies let a user who has not enrolled a device log in with a password alone (new user policy: allow access without 2FA)."
    fix      = "Policies: in each policy named, set \"New User policy\" to \"Require enrollment\" (or \"Deny access\")."
    unknown  = local.policies_unknown != null ? local.policies_unknown : try(local.global.new_user.new_user_behavior, null) != null ? null : "${local.lacks} new_user.new_user_behavior"
    items    = [for p in local.policies : { key = p.name, text = p.name } if try(p.own.new_user.new_user_behavior, null) == "allow"]
  }

  no_mfa_bypass_policy = {
    title    = "Policies skip two-factor authentication"
    severity = "high"
    detail   = "Everyone these policies apply to (named after each) logs in with a password alone (authentication policy: bypass 2FA)."
    fix      = "Policies: in each policy named, set \"Authentication policy\" to \"Enforce 2FA\", or delete the policy."
    unknown  = local.policies_unknown != null ? local.policies_unknown : try(local.global.authentication_policy.user_auth_behavior, null) != null ? null : "${local.lacks} authentication_policy.user_auth_behavior"
    items = [
      for p in local.policies : { key = p.name, text = "${p.name} (${p.where})" }
      if try(p.own.authentication_policy.user_auth_behavior, null) == "bypass"
    ]
  }

  no_network_bypass = {
    title    = "Networks skip two-factor authentication"
    severity = "high"
    detail   = "These policies let anyone on the networks named log in with a password alone (authorized networks: allow access without 2FA)."
    fix      = "Policies: in each policy named, empty \"Authorized Networks\" → \"Allow access without 2FA from these networks\"; list the networks under \"Require 2FA\" instead."
    unknown  = local.policies_unknown != null ? local.policies_unknown : try(local.global.authorized_networks.no_2fa_required.ip_list, null) != null ? null : "${local.lacks} authorized_networks.no_2fa_required.ip_list"
    items = [
      for p in local.policies : { key = p.name, text = "${p.name} (${join(", ", p.own.authorized_networks.no_2fa_required.ip_list)})" }
      if try(length(p.own.authorized_networks.no_2fa_required.ip_list), 0) > 0
    ]
  }

  tampered_devices_blocked = {
    title    = "Jailbroken or rooted phones may authenticate"
    severity = "high"
    detail   = "These policies let Duo Mobile on a tampered (jailbroken or rooted) phone approve logins."
    fix      = "Policies: in the global policy and each policy named, set \"Tampered Devices\" to \"Don't allow tampered devices\"."
    unknown  = local.policies_unknown != null ? local.policies_unknown : try(local.global.tampered_devices.block_tampered_devices, null) != null ? null : "${local.lacks} tampered_devices.block_tampered_devices"
    items    = [for p in local.policies : { key = p.name, text = p.name } if try(p.own.tampered_devices.block_tampered_devices, null) == false]
  }

  verified_push = {
    title    = "Duo Push can be approved without Verified Push"
    severity = "medium"
    detail   = "Under these policies a user approves a push without typing the code the login screen shows, so that a flood of pushes can wear them down (push fatigue)."
    fix      = "Policies: in the global policy and each policy named, \"Authentication Methods\" → check \"Require Verified Duo Push\"."
    unknown  = local.policies_unknown != null ? local.policies_unknown : try(local.global.authentication_methods.require_verified_push, null) != null ? null : "${local.lacks} authentication_methods.require_verified_push"
    items    = [for p in local.policies : { key = p.name, text = p.name } if try(p.own.authentication_methods.require_verified_push, null) == false]
  }

  no_telephony_factors = {
    title    = "SMS or phone calls are allowed"
    severity = "medium"
    detail   = "These policies allow SMS passcodes or phone calls (named after each), which can be intercepted or redirected (SIM swapping)."
    fix      = "Policies: in each policy named, \"Authentication Methods\" → uncheck \"SMS passcodes\" and \"Phone callback\"; move users to Duo Push, security keys or passkeys."
    unknown  = local.policies_unknown != null ? local.policies_unknown : try(local.global.authentication_methods.allowed_auth_list, null) != null ? null : "${local.lacks} authentication_methods.allowed_auth_list"
    items = [
      for p in local.policies : { key = p.name, text = "${p.name} (${join(", ", sort(setintersection(p.own.authentication_methods.allowed_auth_list, ["sms", "phonecall"])))})" }
      if try(length(setintersection(p.own.authentication_methods.allowed_auth_list, ["sms", "phonecall"])), 0) > 0
    ]
  }

  screen_lock_required = {
    title    = "Phones without a screen lock may authenticate"
    severity = "low"
    detail   = "Under these policies Duo Mobile approves logins on a phone that anyone who picks it up can unlock."
    fix      = "Policies: in the global policy and each policy named, \"Screen Lock\" → check \"Require screen lock\"."
    unknown  = local.policies_unknown != null ? local.policies_unknown : try(local.global.screen_lock.require_screen_lock, null) != null ? null : "${local.lacks} screen_lock.require_screen_lock"
    items    = [for p in local.policies : { key = p.name, text = p.name } if try(p.own.screen_lock.require_screen_lock, null) == false]
  }

  # How long each policy that remembers browsers' devices remembers them,
  # in days, from the method it sets (null: units the module cannot read).
  per_day = { minutes = 1440, hours = 24, days = 1, weeks = 1 / 7 }
  remembered = [
    for p in local.policies : {
      name = p.name
      days = try(
        p.own.remembered_devices.browser_apps[p.own.remembered_devices.browser_apps.remember_method].max_time_value /
        local.per_day[p.own.remembered_devices.browser_apps[p.own.remembered_devices.browser_apps.remember_method].max_time_units],
      null)
    } if try(p.own.remembered_devices.browser_apps.enabled, false) == true
  ]
  unreadable_remembered = [for r in local.remembered : r.name if r.days == null]
  remembered_devices_limited = {
    title    = "Browsers remember devices for too long"
    severity = "low"
    detail   = "These policies let a browser skip two-factor authentication for longer than ${var.max_remembered_days} days after a login (how many days after each)."
    fix      = "Policies: in each policy named, \"Remembered Devices\" → remember devices for browser-based applications for ${var.max_remembered_days} days or less."
    unknown = local.policies_unknown != null ? local.policies_unknown : try(local.global.remembered_devices.browser_apps.enabled, null) == null ? "${local.lacks} remembered_devices.browser_apps.enabled" : (
      length(local.unreadable_remembered) == 0 ? null : "the policies ${join(", ", local.unreadable_remembered)} remember devices for a time whose max_time_value and max_time_units cannot be read"
    )
    items = [for r in local.remembered : { key = r.name, text = "${r.name} (${floor(r.days * 100) / 100} days)" } if r.days != null && try(r.days > var.max_remembered_days, false)]
  }

  trusted_endpoints_required = {
    title    = "Untrusted endpoints may log in"
    severity = "low"
    detail   = "The global policy lets any device log in, managed by your organization or not (trusted endpoints: allow all endpoints)."
    fix      = "Policies: in the global policy, set \"Trusted Endpoints\" to require trusted endpoints (Duo Advantage and Premier), once your device management is connected to Duo."
    unknown = local.policies_unknown != null ? local.policies_unknown : try(local.global.trusted_endpoints.trusted_endpoint_checking, null) != null ? null : (
      "${local.lacks} trusted_endpoints.trusted_endpoint_checking (Duo Advantage and Premier)"
    )
    items = [for p in local.global_policies : { key = p.name, text = p.name } if try(p.own.trusted_endpoints.trusted_endpoint_checking, null) == "allow-all"]
  }

  device_health_required = {
    title    = "Device health is not checked"
    severity = "low"
    detail   = "The global policy requires neither disk encryption nor a firewall on any operating system through Duo Desktop."
    fix      = "Policies: in the global policy, \"Duo Desktop\" → require Duo Desktop and check \"Require encryption\" and \"Require firewall\" for your operating systems (Duo Advantage and Premier)."
    unknown = local.policies_unknown != null ? local.policies_unknown : try(local.global.duo_desktop.enforce_encryption, null) != null && try(local.global.duo_desktop.enforce_firewall, null) != null ? null : (
      "${local.lacks} duo_desktop.enforce_encryption and enforce_firewall (Duo Advantage and Premier)"
    )
    items = [
      for p in local.global_policies : { key = p.name, text = p.name }
      if try(length(p.own.duo_desktop.enforce_encryption) == 0 && length(p.own.duo_desktop.enforce_firewall) == 0, false)
    ]
  }
}

# Users and their devices.
locals {
  # Users and administrators who never logged in count from their creation.
  stale_users = [
    for u in local.listed.stale_users : u.username
    if u.last_login != null || (u.created == null ? true : timecmp(timeadd(local.epoch, "${u.created}s"), local.stale_before) < 0)
  ]

  no_users_in_bypass = {
    title    = "Users in bypass"
    severity = "high"
    detail   = "These users log in with a password alone: their status is bypass."
    fix      = "Users: set each user named back to \"Active\"; for a one-off, give them a bypass code that expires instead."
    unknown  = local.unknown_without.read_resource
    items    = [for u in local.listed.bypass_users : { key = u.username, text = u.username }]
  }

  users_active = {
    title    = "Users who no longer log in"
    severity = "low"
    detail   = "These active users have not logged in for ${var.stale_after_days} days (or never, and were created longer ago): people who left, or accounts nobody uses."
    fix      = "Users: delete or disable the users who no longer need access; Settings → \"Inactive user expiration\" removes them automatically."
    unknown  = local.unknown_without.read_resource
    items    = [for username in local.stale_users : { key = username, text = username }]
  }

  users_enrolled = {
    title    = "Users who have not enrolled"
    severity = "medium"
    detail   = "These active users were created more than ${var.enrollment_grace_days} days ago and have no device: whoever enrolls first with their password owns their second factor."
    fix      = "Users: send each user named an enrollment email, or delete those who no longer need access."
    unknown  = local.unknown_without.read_resource
    items = [
      for u in local.listed.not_enrolled_users : { key = u.username, text = u.username }
      if u.created == null ? true : timecmp(timeadd(local.epoch, "${u.created}s"), local.enroll_by) < 0
    ]
  }

  no_telephony_only_users = {
    title    = "Users who can only use phishable factors"
    severity = "low"
    detail   = "These active, enrolled users have no activated phone with Duo Push, no WebAuthn credential or U2F key and no hardware token: they authenticate with SMS, phone calls or passcodes."
    fix      = "Users: add Duo Push (Duo Mobile), a security key or a passkey to each user named, then remove SMS and phone calls from their policies."
    unknown  = local.unknown_without.read_resource
    items    = [for u in local.listed.telephony_only_users : { key = u.username, text = u.username }]
  }

  no_tampered_phones = {
    title    = "Jailbroken or rooted phones"
    severity = "high"
    detail   = "Duo Mobile reports these phones (with their users) as tampered: malware on them can approve logins."
    fix      = "Phones: ask each user named to replace or reset the phone, then delete it and activate Duo Mobile on a phone that is not tampered."
    unknown  = local.unknown_without.read_resource
    items = [
      for p in local.listed.tampered_phones : {
        key  = p.phone_id
        text = "${p.phone_id} (${length(p.users) == 0 ? "no user" : join(", ", p.users[*].username)})"
      }
    ]
  }

  bypass_codes_expire = {
    title    = "Bypass codes that never run out"
    severity = "medium"
    detail   = "These users hold bypass codes that never expire or may be used without limit: a second password that never runs out."
    fix      = "Users: in each user named, delete the bypass codes named and give codes that expire after a time and a number of uses."
    unknown  = local.unknown_without.read_resource
    items = [
      for c in local.listed.bypass_codes : {
        key  = c.user.username
        text = "${c.user.username} (${c.bypass_code_id}: ${join(", ", compact([c.expiration == null ? "never expires" : "", c.reuse_count == 0 ? "unlimited uses" : ""]))})"
      } if c.expiration == null || c.reuse_count == 0
    ]
  }
}

# Administrators and API keys.
locals {
  admins = local.listed.admins
  owners = [for a in local.admins : a.email if a.role == "Owner"]

  few_owners = {
    title    = "Too many Owners"
    severity = "medium"
    detail   = "These administrators have the role Owner, more than ${var.max_owners}: an Owner can do anything, including add administrators and change every setting."
    fix      = "Administrators: keep ${var.max_owners} Owners at most and give the others a narrower role."
    unknown = local.unknown_without.administrators != null ? local.unknown_without.administrators : (
      length(local.admins) > 0 && length([for a in local.admins : a if a.role != null]) == 0 ? "Duo sends no administrator roles: the account's edition has none" : null
    )
    items   = [for email in local.owners : { key = email, text = email }]
    at_most = var.max_owners
    passed  = "${length(local.owners)} Owners, at most ${var.max_owners}."
  }

  admins_active = {
    title    = "Administrators who no longer log in"
    severity = "low"
    detail   = "These administrators have not logged in for ${var.stale_after_days} days (or never, and were created longer ago)."
    fix      = "Administrators: delete the administrators who no longer need access."
    unknown  = local.unknown_without.administrators
    items = [
      for a in local.admins : { key = a.email, text = a.email }
      if a.last_login == null ? (a.created == null ? true : timecmp(timeadd(local.epoch, "${a.created}s"), local.stale_before) < 0) :
      timecmp(timeadd(local.epoch, "${a.last_login}s"), local.stale_before) < 0
    ]
  }

  admin_methods = one(data.duo_admin_auth_methods.admins[*])
  phishable_admin_methods = {
    sms_enabled   = try(local.admin_methods.sms_enabled, null)
    voice_enabled = try(local.admin_methods.voice_enabled, null)
  }
  admin_login_phishing_resistant = {
    title    = "Administrators may log in with SMS or phone calls"
    severity = "high"
    detail   = "Administrators may log in to the Admin Panel with SMS passcodes or phone calls (the settings named), which an attacker can intercept or redirect."
    fix      = "Administrators → Admin Login Settings: uncheck \"SMS passcode\" and \"Phone call\" among the allowed methods; keep Duo Push (Verified Push), security keys and hardware tokens."
    unknown = local.unknown_without.administrators != null ? local.unknown_without.administrators : (
      contains(values(local.phishable_admin_methods), true) || !anytrue([for on in values(local.phishable_admin_methods) : on == null]) ? null :
      "Duo's answer lacks ${join(" and ", [for field, on in local.phishable_admin_methods : field if on == null])} of the administrators' allowed methods"
    )
    items = [for field, on in local.phishable_admin_methods : { key = field, text = "${field} = true" } if on == true]
  }

  # Admin API applications that may change Duo: Duo's write grants.
  admin_api_writers = [
    for i in local.listed.integrations : i
    if i.type == "adminapi" && anytrue([
      for grant in [i.adminapi_write_resource, i.adminapi_admins, i.adminapi_integrations, i.adminapi_settings, i.adminapi_allow_to_set_permissions] : grant == 1
    ])
  ]
  admin_api_keys_restricted = {
    title    = "Admin API keys that may change Duo from any network"
    severity = "high"
    detail   = "These Admin API applications hold a write grant and may be used from any network: whoever steals their secret key can change the account from anywhere."
    fix      = "Applications: in each application named, set \"Networks for API access\" to the networks that call it, and remove the write grants it does not need."
    unknown  = local.unknown_without.applications
    items    = [for i in local.admin_api_writers : { key = i.name, text = i.name } if i.networks_for_api_access == null || i.networks_for_api_access == ""]
  }

  # The grants that let the checkup's key change Duo and that no finding
  # needs.
  key_writes = {
    write_resource       = data.duo_api_permissions.key.write_resource
    administrators_write = data.duo_api_permissions.key.administrators_write
    set_permissions      = data.duo_api_permissions.key.set_permissions
  }
  key_least_privilege = {
    title    = "The checkup's key may change Duo"
    severity = "medium"
    detail   = "The Admin API key that runs this checkup (${data.duo_api_permissions.key.integration_key}) holds write grants that no finding needs: whoever holds it can change users, administrators or permissions."
    fix      = "Applications: in the checkup's Admin API application, uncheck \"Grant write resource\", \"Grant administrators\" (keep \"Grant administrators - Read\") and \"Grant permission to set permissions\"."
    unknown = contains(values(local.key_writes), true) || !anytrue([for on in values(local.key_writes) : on == null]) ? null : (
      "the key's ${join(", ", [for grant, on in local.key_writes : grant if on == null])} cannot be told without writing (duo_api_permissions reads them from the key's own application record)"
    )
    items = [for grant, on in local.key_writes : { key = grant, text = grant } if on == true]
  }
}

# Settings and the account summary.
locals {
  settings = one(data.duo_settings.account[*])
  # setting_unknown: why a finding on setting is unknown.
  setting_unknown = { for field in ["lockout_threshold", "fraud_email_enabled", "inactive_user_expiration"] : field => (
    local.unknown_without.settings != null ? local.unknown_without.settings : try(local.settings[field], null) == null ? "Duo's answer lacks the setting ${field}" : null
  ) }

  lockout_threshold = {
    title    = "Failed logins do not lock users out"
    severity = "medium"
    detail   = "Users are locked out after no number of failed attempts (0), or after more than 10: someone can try passcodes and pushes again and again."
    fix      = "Settings → Lockout and Fraud: lock users out after 10 failed attempts or fewer."
    unknown  = local.setting_unknown.lockout_threshold
    items = [
      for t in [try(local.settings.lockout_threshold, null)] : { key = "lockout_threshold", text = "lockout_threshold = ${t}" }
      if t == null ? false : t == 0 || t > 10
    ]
  }

  fraud_reports_alerted = {
    title    = "Fraud reports alert nobody"
    severity = "low"
    detail   = "When a user reports a push they did not start, no administrator is emailed."
    fix      = "Settings → Lockout and Fraud: turn fraud email alerts on, to all administrators or to a team's address."
    unknown  = local.setting_unknown.fraud_email_enabled
    items    = try(local.settings.fraud_email_enabled, null) == false ? [{ key = "fraud_email_enabled", text = "fraud_email_enabled = false" }] : []
  }

  inactive_users_expire = {
    title    = "Inactive users are never removed"
    severity = "low"
    detail   = "Duo never removes users who stop logging in (inactive user expiration: never)."
    fix      = "Settings: set \"Inactive user expiration\" to delete users after a number of days without a login, such as 90."
    unknown  = local.setting_unknown.inactive_user_expiration
    items    = try(local.settings.inactive_user_expiration, null) == 0 ? [{ key = "inactive_user_expiration", text = "inactive_user_expiration = 0" }] : []
  }

  telephony_credits = {
    title    = "Few telephony credits left"
    severity = "low"
    detail   = "Fewer than ${var.min_telephony_credits} telephony credits remain: SMS and phone call authentication stop when they run out."
    fix      = "Billing: buy telephony credits, or move users to Duo Push, which costs none."
    unknown = local.unknown_without.read_information != null ? local.unknown_without.read_information : (
      try(local.summary.telephony_credits_remaining, null) == null ? "Duo's answer lacks telephony_credits_remaining" : null
    )
    items = [
      for n in [try(local.summary.telephony_credits_remaining, null)] : { key = "telephony_credits_remaining", text = "telephony_credits_remaining = ${n}" }
      if n == null ? false : n < var.min_telephony_credits
    ]
  }
}

# What happened in the last lookback_days.
locals {
  logins_without_second_factor = local.listed.logins_without_second_factor
  # The user an event names, as a person would look them up.
  logins = { for name, events in {
    bypass = concat(
      [for e in local.logins_without_second_factor : e if e.reason == "bypass_user" && e.result == "success"],
      local.listed.bypass_code_logins,
    )
    unenrolled = [for e in local.logins_without_second_factor : e if e.reason == "allow_unenrolled_user" && e.result == "success"]
    fraud      = [for e in local.logins_without_second_factor : e if e.reason == "user_marked_fraud"]
    } : name => [for e in events : try(coalesce(e.user.name, e.user.key), "an unknown user")]
  }
  # logins_affected lists each user of events once, with their count.
  logins_affected = { for name, users in local.logins : name => [
    for user in distinct(users) : { key = user, text = "${user} (${length([for u in users : u if u == user])})" }
  ] }

  no_bypass_logins = {
    title    = "Logins without a second factor"
    severity = "high"
    detail   = "In the last ${local.days}, these users (how many times after each) logged in without a second factor: as users in bypass, or with a bypass code."
    fix      = "Check with each user named that it was them; set users in bypass back to \"Active\" and delete bypass codes no longer needed (Reports → Authentication Log)."
    unknown  = local.unknown_without.read_log
    items    = local.logins_affected.bypass
  }

  no_unenrolled_logins = {
    title    = "Logins of users who have not enrolled"
    severity = "high"
    detail   = "In the last ${local.days}, these users logged in with a password alone because they had not enrolled (allow_unenrolled_user)."
    fix      = "Policies: set \"New User policy\" to \"Require enrollment\" in the policies of the applications they used; check with each user named that it was them."
    unknown  = local.unknown_without.read_log
    items    = local.logins_affected.unenrolled
  }

  no_fraud_reports = {
    title    = "Users reported logins as fraud"
    severity = "high"
    detail   = "In the last ${local.days}, these users denied a push they did not start and reported it as fraud: someone else may have their password."
    fix      = "Reset the password of each user named, and check where the request came from (Reports → Authentication Log, result Fraud)."
    unknown  = local.unknown_without.read_log
    items    = local.logins_affected.fraud
  }

  trust_monitor_triaged = {
    title    = "Trust Monitor events nobody has triaged"
    severity = "medium"
    detail   = "Trust Monitor surfaced these events in the last ${local.days} and they are still new."
    fix      = "Trust Monitor: triage each event named (mark it as interesting or not)."
    unknown = local.unknown_without.read_log != null ? local.unknown_without.read_log : (
      local.trust_monitor_denied ? "the account's edition (${local.edition}) has no Trust Monitor" : null
    )
    items = [
      for e in local.listed.trust_monitor_events : { key = e.sekey, text = "${e.sekey} (${e.type})" }
      if e.state == "new"
    ]
  }
}

# The findings.
locals {
  rules = {
    new_user_policy                = local.new_user_policy
    no_mfa_bypass_policy           = local.no_mfa_bypass_policy
    no_network_bypass              = local.no_network_bypass
    tampered_devices_blocked       = local.tampered_devices_blocked
    verified_push                  = local.verified_push
    no_telephony_factors           = local.no_telephony_factors
    screen_lock_required           = local.screen_lock_required
    remembered_devices_limited     = local.remembered_devices_limited
    trusted_endpoints_required     = local.trusted_endpoints_required
    device_health_required         = local.device_health_required
    no_users_in_bypass             = local.no_users_in_bypass
    users_active                   = local.users_active
    users_enrolled                 = local.users_enrolled
    no_telephony_only_users        = local.no_telephony_only_users
    no_tampered_phones             = local.no_tampered_phones
    bypass_codes_expire            = local.bypass_codes_expire
    few_owners                     = local.few_owners
    admins_active                  = local.admins_active
    admin_login_phishing_resistant = local.admin_login_phishing_resistant
    admin_api_keys_restricted      = local.admin_api_keys_restricted
    key_least_privilege            = local.key_least_privilege
    lockout_threshold              = local.lockout_threshold
    fraud_reports_alerted          = local.fraud_reports_alerted
    inactive_users_expire          = local.inactive_users_expire
    no_bypass_logins               = local.no_bypass_logins
    no_unenrolled_logins           = local.no_unenrolled_logins
    no_fraud_reports               = local.no_fraud_reports
    trust_monitor_triaged          = local.trust_monitor_triaged
    telephony_credits              = local.telephony_credits
  }
  severities = ["high", "medium", "low"]
  # exclude and accepted must name findings; outputs.tf fails the plan
  # otherwise.
  unknown_ids = sort(setsubtract(setunion(var.exclude, keys(var.accepted)), keys(local.rules)))

  findings = { for id, rule in local.rules : id => {
    title     = rule.title
    severity  = rule.severity
    fix       = rule.fix
    unknown   = rule.unknown
    accepted  = sort(distinct([for item in rule.items : item.text if contains(lookup(var.accepted, id, []), item.key)]))
    remaining = sort(distinct([for item in rule.items : item.text if !contains(lookup(var.accepted, id, []), item.key)]))
    at_most   = try(rule.at_most, 0)
    detail    = rule.detail
    passed    = try(rule.passed, "Nothing found.")
  } if !contains(var.exclude, id) }

  results = { for id, f in local.findings : id => {
    id       = id
    title    = f.title
    severity = f.severity
    status   = length(f.remaining) > f.at_most ? "fail" : f.unknown != null ? "unknown" : "pass"
    affected = length(f.remaining) > f.at_most ? f.remaining : []
    detail = join(" ", compact([
      length(f.remaining) > f.at_most ? f.detail : f.unknown != null ? "Not evaluated: ${f.unknown}." : f.passed,
      length(f.accepted) > 0 ? "Accepted, so left out: ${join(", ", f.accepted)}." : "",
    ]))
    fix = f.fix
  } }

  # Ids of the findings with a status, high severity first.
  with_status = { for status in ["fail", "unknown", "pass"] : status => flatten([
    for severity in local.severities : sort([for id, r in local.results : id if r.status == status && r.severity == severity])
  ]) }

  # The account a warning is about, by the name its settings give it,
  # so that the warnings of many accounts (an MSP's customers) tell apart.
  in_account = try(" in ${local.settings.name}", "")
  # Each failed finding's warning, "" for the others; checks.tf shows them.
  warnings = { for id in keys(local.rules) : id => (
    try(local.results[id].status, "") != "fail" ? "" : format("%s (%s)%s: %s. %s Fix: %s",
    local.results[id].title, local.results[id].severity, local.in_account, local.shown[id], local.results[id].detail, local.results[id].fix)
  ) }
  # Up to ten of a finding's affected items, and how many more.
  shown = { for id, r in local.results : id => join("", [
    join(", ", slice(r.affected, 0, min(10, length(r.affected)))),
    length(r.affected) > 10 ? " and ${length(r.affected) - 10} more" : "",
  ]) }
}
