# The security checkup's findings, without Duo: the provider is mocked,
# the key's grants, settings, summary and administrators' login methods are
# mock data (override_data in a run), and the listings are the outputs of
# module.listings (override_module; see modules/listings/main.tf for why).
# Every finding has a run where it fails, with its exact affected items,
# one where it passes, and one where it cannot be evaluated.
#
# A run's override_module names every listing, null when not read: one
# that it leaves out is null under Terraform, but the previous run's under
# OpenTofu. A run without it reads the listings from the mock provider,
# which leaves them empty. Times: 946684800 is 2000-01-01, long ago;
# 4102444800 is 2100-01-01, after any plan.

# A key with every read grant and no write grant a finding flags; a
# hardened account.
mock_provider "duo" {
  mock_data "duo_api_permissions" {
    defaults = {
      integration_key      = "DICHECKUPKEY00000001"
      read_resource        = true
      read_log             = true
      read_information     = true
      settings             = true
      administrators       = true
      applications         = true
      write_resource       = false
      administrators_write = false
      applications_write   = true
      settings_write       = true
      set_permissions      = false
    }
  }
  mock_data "duo_admin_auth_methods" {
    defaults = {
      push_enabled           = true
      sms_enabled            = false
      voice_enabled          = false
      mobile_otp_enabled     = true
      yubikey_enabled        = true
      hardware_token_enabled = true
      webauthn_enabled       = true
      verified_push_enabled  = true
      verified_push_length   = 6
    }
  }
  mock_data "duo_settings" {
    defaults = {
      name                     = "Hardened Corp"
      lockout_threshold        = 10
      fraud_email_enabled      = true
      inactive_user_expiration = 90
    }
  }
  mock_data "duo_account_summary" {
    defaults = {
      edition                     = "Duo Premier"
      telephony_credits_remaining = 100
    }
  }
}


run "hardened_account_passes_everything" {
  command = plan
  # Each listing at the edge of its rule: devices remembered for 7 days
  # (168 hours), three Owners, a user and an administrator created after
  # the plan who never logged in.
  override_module {
    target = module.listings
    outputs = {
      policies = [
        {
          policy_name      = "Global Policy"
          is_global_policy = true
          applies_to       = null
          sections_json    = <<-EOT
            {
              "authentication_methods": {"allowed_auth_list": ["duo-push", "hardware-token", "webauthn-platform", "webauthn-roaming"], "blocked_auth_list": ["phonecall", "sms"], "require_verified_push": true},
              "authentication_policy": {"user_auth_behavior": "enforce"},
              "authorized_networks": {"no_2fa_required": {"ip_list": [], "require_enrollment": true}},
              "duo_desktop": {"enforce_encryption": ["windows", "macos"], "enforce_firewall": []},
              "new_user": {"new_user_behavior": "enroll"},
              "remembered_devices": {"browser_apps": {"enabled": true, "remember_method": "risk_based", "risk_based": {"max_time_units": "days", "max_time_value": 7}}},
              "screen_lock": {"require_screen_lock": true},
              "tampered_devices": {"block_tampered_devices": true},
              "trusted_endpoints": {"trusted_endpoint_checking": "require-trusted"}
            }
          EOT
        },
        {
          policy_name      = "VPN"
          is_global_policy = false
          applies_to       = [{ app_name = "VPN", apply_type = "app", group_name = null }]
          sections_json    = <<-EOT
            {
              "authentication_methods": {"allowed_auth_list": ["duo-push"], "require_verified_push": true},
              "remembered_devices": {"browser_apps": {"enabled": true, "remember_method": "user_based", "user_based": {"max_time_units": "hours", "max_time_value": 168}}}
            }
          EOT
        },
      ]
      bypass_users         = []
      stale_users          = [{ username = "new.hire", last_login = null, created = 4102444800 }]
      not_enrolled_users   = [{ username = "new.hire", created = 4102444800 }]
      telephony_only_users = []
      tampered_phones      = []
      bypass_codes         = [{ bypass_code_id = "DBCODE00000000000001", user = { username = "jsmith" }, expiration = 4102444800, reuse_count = 1 }]
      admins = [
        { email = "a@example.com", role = "Owner", last_login = 4102444800, created = 946684800 },
        { email = "b@example.com", role = "Owner", last_login = 4102444800, created = null },
        { email = "c@example.com", role = "Owner", last_login = 4102444800, created = 946684800 },
        { email = "new@example.com", role = "Help Desk", last_login = null, created = 4102444800 },
      ]
      integrations = [
        { name = "Terraform", type = "adminapi", adminapi_write_resource = 1, adminapi_admins = 0, adminapi_integrations = 0, adminapi_settings = 0, adminapi_allow_to_set_permissions = 0, networks_for_api_access = "192.0.2.0/24" },
        { name = "Reporting", type = "adminapi", adminapi_write_resource = 0, adminapi_admins = 0, adminapi_integrations = 0, adminapi_settings = 0, adminapi_allow_to_set_permissions = 0, networks_for_api_access = "" },
        { name = "VPN", type = "authapi", adminapi_write_resource = 0, adminapi_admins = 0, adminapi_integrations = 0, adminapi_settings = 0, adminapi_allow_to_set_permissions = 0, networks_for_api_access = null },
      ]
      logins_without_second_factor = []
      bypass_code_logins           = []
      trust_monitor_events         = [{ sekey = "SE00000000000000001", type = "auth", state = "processed" }]
    }
  }

  assert {
    condition     = length(output.findings) == 29 && jsonencode(output.failed) == jsonencode([]) && jsonencode(output.unknown) == jsonencode([])
    error_message = "Failed ${jsonencode(output.failed)}, unknown ${jsonencode(output.unknown)}: ${jsonencode({ for id, f in output.findings : id => f.detail if f.status != "pass" })}"
  }
  assert {
    condition     = alltrue([for f in values(output.findings) : f.status == "pass" && length(f.affected) == 0])
    error_message = "A finding that passes has affected items."
  }
  assert {
    condition     = output.findings.few_owners.detail == "3 Owners, at most 3." && output.findings.new_user_policy.detail == "Nothing found."
    error_message = "Details: ${output.findings.few_owners.detail} / ${output.findings.new_user_policy.detail}"
  }
  assert {
    condition     = jsonencode(output.summary) == jsonencode({ fail = { high = 0, medium = 0, low = 0, total = 0 }, unknown = { high = 0, medium = 0, low = 0, total = 0 }, pass = { high = 11, medium = 8, low = 10, total = 29 } })
    error_message = "Summary ${jsonencode(output.summary)}"
  }
  assert {
    condition     = output.report == "## Duo security checkup of Hardened Corp\n\n**0 failed** (0 high, 0 medium, 0 low), 0 not evaluated, 29 passed."
    error_message = "Report:\n${output.report}"
  }
}

# Policies.

run "new_user_policy_fails" {
  command = plan
  override_module {
    target = module.listings
    outputs = {
      policies = [
        { policy_name = "Global Policy", is_global_policy = true, applies_to = null, sections_json = "{\"new_user\": {\"new_user_behavior\": \"allow\"}}" },
        { policy_name = "Intranet", is_global_policy = false, applies_to = [], sections_json = "{\"new_user\": {\"new_user_behavior\": \"enroll\"}}" },
        { policy_name = "Kiosk", is_global_policy = false, applies_to = [], sections_json = "{\"new_user\": {\"new_user_behavior\": \"allow\"}}" },
        { policy_name = "Inherits", is_global_policy = false, applies_to = [], sections_json = "{}" },
      ]
      # Not read.
      bypass_users                 = null, stale_users = null, not_enrolled_users = null, telephony_only_users = null,
      tampered_phones              = null, bypass_codes = null, admins = null, integrations = null,
      logins_without_second_factor = null, bypass_code_logins = null, trust_monitor_events = null
    }
  }
  expect_failures = [check.new_user_policy, check.findings_evaluated]

  assert {
    condition     = output.findings.new_user_policy.status == "fail" && jsonencode(output.findings.new_user_policy.affected) == jsonencode(["Global Policy", "Kiosk"])
    error_message = jsonencode(output.findings.new_user_policy)
  }
}

run "new_user_policy_unknown" {
  command         = plan
  expect_failures = [check.findings_evaluated]
  override_module {
    target = module.listings
    outputs = {
      policies = [{ policy_name = "Global Policy", is_global_policy = true, applies_to = null, sections_json = "{\"new_user\": {}}" }]
      # Not read.
      bypass_users                 = null, stale_users = null, not_enrolled_users = null, telephony_only_users = null,
      tampered_phones              = null, bypass_codes = null, admins = null, integrations = null,
      logins_without_second_factor = null, bypass_code_logins = null, trust_monitor_events = null
    }
  }

  assert {
    condition     = output.findings.new_user_policy.status == "unknown" && output.findings.new_user_policy.detail == "Not evaluated: Duo's answer lacks the global policy's new_user.new_user_behavior."
    error_message = jsonencode(output.findings.new_user_policy)
  }
}

run "no_mfa_bypass_policy_fails" {
  command = plan
  override_module {
    target = module.listings
    outputs = {
      policies = [
        { policy_name = "Global Policy", is_global_policy = true, applies_to = null, sections_json = "{\"authentication_policy\": {\"user_auth_behavior\": \"enforce\"}}" },
        {
          policy_name      = "Break-glass"
          is_global_policy = false
          applies_to = [
            { app_name = "VPN", apply_type = "group_app", group_name = "Admins" },
            { app_name = "Intranet", apply_type = "app", group_name = null },
          ]
          sections_json = "{\"authentication_policy\": {\"user_auth_behavior\": \"bypass\"}}"
        },
        { policy_name = "Draft", is_global_policy = false, applies_to = [], sections_json = "{\"authentication_policy\": {\"user_auth_behavior\": \"bypass\"}}" },
      ]
      # Not read.
      bypass_users                 = null, stale_users = null, not_enrolled_users = null, telephony_only_users = null,
      tampered_phones              = null, bypass_codes = null, admins = null, integrations = null,
      logins_without_second_factor = null, bypass_code_logins = null, trust_monitor_events = null
    }
  }
  expect_failures = [check.no_mfa_bypass_policy, check.findings_evaluated]

  assert {
    condition     = output.findings.no_mfa_bypass_policy.status == "fail" && jsonencode(output.findings.no_mfa_bypass_policy.affected) == jsonencode(["Break-glass (Admins in VPN, Intranet)", "Draft (applied nowhere)"])
    error_message = jsonencode(output.findings.no_mfa_bypass_policy)
  }
}

run "policy_findings_unknown_without_the_global_policy" {
  command         = plan
  expect_failures = [check.findings_evaluated]
  override_module {
    target = module.listings
    outputs = {
      # Duo tells neither which policy is global nor where this one applies
      # in a way that makes it the global one.
      policies = [{ policy_name = "Custom", is_global_policy = null, applies_to = [], sections_json = "{}" }]
      # Not read.
      bypass_users                 = null, stale_users = null, not_enrolled_users = null, telephony_only_users = null,
      tampered_phones              = null, bypass_codes = null, admins = null, integrations = null,
      logins_without_second_factor = null, bypass_code_logins = null, trust_monitor_events = null
    }
  }

  assert {
    condition = alltrue([for id in ["new_user_policy", "no_mfa_bypass_policy", "no_network_bypass", "tampered_devices_blocked", "verified_push", "no_telephony_factors", "screen_lock_required", "remembered_devices_limited", "trusted_endpoints_required", "device_health_required"] :
    output.findings[id].status == "unknown" && strcontains(output.findings[id].detail, "no policy of Duo's answer is the global policy")])
    error_message = jsonencode(output.findings)
  }
}

run "global_policy_found_without_is_global_policy" {
  command = plan
  override_module {
    target = module.listings
    outputs = {
      # The global policy is the one the policy summary does not list.
      policies = [
        { policy_name = "Global Policy", is_global_policy = null, applies_to = null, sections_json = "{\"authentication_policy\": {\"user_auth_behavior\": \"bypass\"}}" },
        { policy_name = "Custom", is_global_policy = null, applies_to = [], sections_json = "{}" },
      ]
      # Not read.
      bypass_users                 = null, stale_users = null, not_enrolled_users = null, telephony_only_users = null,
      tampered_phones              = null, bypass_codes = null, admins = null, integrations = null,
      logins_without_second_factor = null, bypass_code_logins = null, trust_monitor_events = null
    }
  }
  expect_failures = [check.no_mfa_bypass_policy, check.findings_evaluated]

  assert {
    condition     = jsonencode(output.findings.no_mfa_bypass_policy.affected) == jsonencode(["Global Policy (every application no custom policy covers)"])
    error_message = jsonencode(output.findings.no_mfa_bypass_policy)
  }
}

run "no_mfa_bypass_policy_unknown" {
  command         = plan
  expect_failures = [check.findings_evaluated]
  override_module {
    target = module.listings
    outputs = {
      policies = [{ policy_name = "Global Policy", is_global_policy = true, applies_to = null, sections_json = "{}" }]
      # Not read.
      bypass_users                 = null, stale_users = null, not_enrolled_users = null, telephony_only_users = null,
      tampered_phones              = null, bypass_codes = null, admins = null, integrations = null,
      logins_without_second_factor = null, bypass_code_logins = null, trust_monitor_events = null
    }
  }

  assert {
    condition     = output.findings.no_mfa_bypass_policy.status == "unknown" && output.findings.no_mfa_bypass_policy.detail == "Not evaluated: Duo's answer lacks the global policy's authentication_policy.user_auth_behavior."
    error_message = jsonencode(output.findings.no_mfa_bypass_policy)
  }
}

run "no_network_bypass_fails" {
  command = plan
  override_module {
    target = module.listings
    outputs = {
      policies = [
        { policy_name = "Global Policy", is_global_policy = true, applies_to = null, sections_json = "{\"authorized_networks\": {\"no_2fa_required\": {\"ip_list\": []}}}" },
        { policy_name = "Office", is_global_policy = false, applies_to = [], sections_json = "{\"authorized_networks\": {\"no_2fa_required\": {\"ip_list\": [\"10.0.0.0/8\", \"192.0.2.1\"]}}}" },
      ]
      # Not read.
      bypass_users                 = null, stale_users = null, not_enrolled_users = null, telephony_only_users = null,
      tampered_phones              = null, bypass_codes = null, admins = null, integrations = null,
      logins_without_second_factor = null, bypass_code_logins = null, trust_monitor_events = null
    }
  }
  expect_failures = [check.no_network_bypass, check.findings_evaluated]

  assert {
    condition     = output.findings.no_network_bypass.status == "fail" && jsonencode(output.findings.no_network_bypass.affected) == jsonencode(["Office (10.0.0.0/8, 192.0.2.1)"])
    error_message = jsonencode(output.findings.no_network_bypass)
  }
}

run "no_network_bypass_unknown" {
  command         = plan
  expect_failures = [check.findings_evaluated]
  override_module {
    target = module.listings
    outputs = {
      policies = [{ policy_name = "Global Policy", is_global_policy = true, applies_to = null, sections_json = "{\"authorized_networks\": {\"no_2fa_required\": {\"ip_list\": null}}}" }]
      # Not read.
      bypass_users                 = null, stale_users = null, not_enrolled_users = null, telephony_only_users = null,
      tampered_phones              = null, bypass_codes = null, admins = null, integrations = null,
      logins_without_second_factor = null, bypass_code_logins = null, trust_monitor_events = null
    }
  }

  assert {
    condition     = output.findings.no_network_bypass.status == "unknown" && output.findings.no_network_bypass.detail == "Not evaluated: Duo's answer lacks the global policy's authorized_networks.no_2fa_required.ip_list."
    error_message = jsonencode(output.findings.no_network_bypass)
  }
}

run "tampered_devices_blocked_fails" {
  command = plan
  override_module {
    target = module.listings
    outputs = {
      policies = [
        { policy_name = "Global Policy", is_global_policy = true, applies_to = null, sections_json = "{\"tampered_devices\": {\"block_tampered_devices\": true}}" },
        { policy_name = "Contractors", is_global_policy = false, applies_to = [], sections_json = "{\"tampered_devices\": {\"block_tampered_devices\": false}}" },
      ]
      # Not read.
      bypass_users                 = null, stale_users = null, not_enrolled_users = null, telephony_only_users = null,
      tampered_phones              = null, bypass_codes = null, admins = null, integrations = null,
      logins_without_second_factor = null, bypass_code_logins = null, trust_monitor_events = null
    }
  }
  expect_failures = [check.tampered_devices_blocked, check.findings_evaluated]

  assert {
    condition     = output.findings.tampered_devices_blocked.status == "fail" && jsonencode(output.findings.tampered_devices_blocked.affected) == jsonencode(["Contractors"])
    error_message = jsonencode(output.findings.tampered_devices_blocked)
  }
}

run "tampered_devices_blocked_unknown" {
  command         = plan
  expect_failures = [check.findings_evaluated]
  override_module {
    target = module.listings
    outputs = {
      policies = [{ policy_name = "Global Policy", is_global_policy = true, applies_to = null, sections_json = "{\"tampered_devices\": {}}" }]
      # Not read.
      bypass_users                 = null, stale_users = null, not_enrolled_users = null, telephony_only_users = null,
      tampered_phones              = null, bypass_codes = null, admins = null, integrations = null,
      logins_without_second_factor = null, bypass_code_logins = null, trust_monitor_events = null
    }
  }

  assert {
    condition     = output.findings.tampered_devices_blocked.status == "unknown"
    error_message = jsonencode(output.findings.tampered_devices_blocked)
  }
}

run "verified_push_fails" {
  command = plan
  override_module {
    target = module.listings
    outputs = {
      policies = [
        { policy_name = "Global Policy", is_global_policy = true, applies_to = null, sections_json = "{\"authentication_methods\": {\"require_verified_push\": false}}" },
        { policy_name = "VPN", is_global_policy = false, applies_to = [], sections_json = "{\"authentication_methods\": {\"require_verified_push\": true}}" },
      ]
      # Not read.
      bypass_users                 = null, stale_users = null, not_enrolled_users = null, telephony_only_users = null,
      tampered_phones              = null, bypass_codes = null, admins = null, integrations = null,
      logins_without_second_factor = null, bypass_code_logins = null, trust_monitor_events = null
    }
  }
  expect_failures = [check.verified_push, check.findings_evaluated]

  assert {
    condition     = output.findings.verified_push.status == "fail" && jsonencode(output.findings.verified_push.affected) == jsonencode(["Global Policy"])
    error_message = jsonencode(output.findings.verified_push)
  }
}

run "verified_push_unknown" {
  command         = plan
  expect_failures = [check.findings_evaluated]
  override_module {
    target = module.listings
    outputs = {
      policies = [{ policy_name = "Global Policy", is_global_policy = true, applies_to = null, sections_json = "{\"authentication_methods\": {\"allowed_auth_list\": [\"duo-push\"]}}" }]
      # Not read.
      bypass_users                 = null, stale_users = null, not_enrolled_users = null, telephony_only_users = null,
      tampered_phones              = null, bypass_codes = null, admins = null, integrations = null,
      logins_without_second_factor = null, bypass_code_logins = null, trust_monitor_events = null
    }
  }

  assert {
    condition     = output.findings.verified_push.status == "unknown" && output.findings.no_telephony_factors.status == "pass"
    error_message = jsonencode([output.findings.verified_push, output.findings.no_telephony_factors])
  }
}

run "no_telephony_factors_fails" {
  command = plan
  override_module {
    target = module.listings
    outputs = {
      policies = [
        { policy_name = "Global Policy", is_global_policy = true, applies_to = null, sections_json = "{\"authentication_methods\": {\"allowed_auth_list\": [\"duo-push\", \"sms\"]}}" },
        { policy_name = "Call center", is_global_policy = false, applies_to = [], sections_json = "{\"authentication_methods\": {\"allowed_auth_list\": [\"phonecall\", \"sms\", \"duo-push\"]}}" },
        { policy_name = "VPN", is_global_policy = false, applies_to = [], sections_json = "{\"authentication_methods\": {\"allowed_auth_list\": [\"duo-push\"]}}" },
      ]
      # Not read.
      bypass_users                 = null, stale_users = null, not_enrolled_users = null, telephony_only_users = null,
      tampered_phones              = null, bypass_codes = null, admins = null, integrations = null,
      logins_without_second_factor = null, bypass_code_logins = null, trust_monitor_events = null
    }
  }
  expect_failures = [check.no_telephony_factors, check.findings_evaluated]

  assert {
    condition     = output.findings.no_telephony_factors.status == "fail" && jsonencode(output.findings.no_telephony_factors.affected) == jsonencode(["Call center (phonecall, sms)", "Global Policy (sms)"])
    error_message = jsonencode(output.findings.no_telephony_factors)
  }
}

run "no_telephony_factors_unknown" {
  command         = plan
  expect_failures = [check.findings_evaluated]
  override_module {
    target = module.listings
    outputs = {
      policies = [{ policy_name = "Global Policy", is_global_policy = true, applies_to = null, sections_json = "{\"authentication_methods\": {\"require_verified_push\": true}}" }]
      # Not read.
      bypass_users                 = null, stale_users = null, not_enrolled_users = null, telephony_only_users = null,
      tampered_phones              = null, bypass_codes = null, admins = null, integrations = null,
      logins_without_second_factor = null, bypass_code_logins = null, trust_monitor_events = null
    }
  }

  assert {
    condition     = output.findings.no_telephony_factors.status == "unknown" && output.findings.verified_push.status == "pass"
    error_message = jsonencode([output.findings.no_telephony_factors, output.findings.verified_push])
  }
}

run "screen_lock_required_fails" {
  command = plan
  override_module {
    target = module.listings
    outputs = {
      policies = [{ policy_name = "Global Policy", is_global_policy = true, applies_to = null, sections_json = "{\"screen_lock\": {\"require_screen_lock\": false}}" }]
      # Not read.
      bypass_users                 = null, stale_users = null, not_enrolled_users = null, telephony_only_users = null,
      tampered_phones              = null, bypass_codes = null, admins = null, integrations = null,
      logins_without_second_factor = null, bypass_code_logins = null, trust_monitor_events = null
    }
  }
  expect_failures = [check.screen_lock_required, check.findings_evaluated]

  assert {
    condition     = output.findings.screen_lock_required.status == "fail" && jsonencode(output.findings.screen_lock_required.affected) == jsonencode(["Global Policy"])
    error_message = jsonencode(output.findings.screen_lock_required)
  }
}

run "screen_lock_required_unknown" {
  command         = plan
  expect_failures = [check.findings_evaluated]
  override_module {
    target = module.listings
    outputs = {
      policies = [{ policy_name = "Global Policy", is_global_policy = true, applies_to = null, sections_json = "{}" }]
      # Not read.
      bypass_users                 = null, stale_users = null, not_enrolled_users = null, telephony_only_users = null,
      tampered_phones              = null, bypass_codes = null, admins = null, integrations = null,
      logins_without_second_factor = null, bypass_code_logins = null, trust_monitor_events = null
    }
  }

  assert {
    condition     = output.findings.screen_lock_required.status == "unknown"
    error_message = jsonencode(output.findings.screen_lock_required)
  }
}

run "remembered_devices_limited_fails" {
  command = plan
  override_module {
    target = module.listings
    outputs = {
      policies = [
        { policy_name = "Global Policy", is_global_policy = true, applies_to = null, sections_json = "{\"remembered_devices\": {\"browser_apps\": {\"enabled\": false, \"remember_method\": \"risk_based\", \"risk_based\": {\"max_time_units\": \"days\", \"max_time_value\": 90}}}}" },
        { policy_name = "Eight days", is_global_policy = false, applies_to = [], sections_json = "{\"remembered_devices\": {\"browser_apps\": {\"enabled\": true, \"remember_method\": \"user_based\", \"user_based\": {\"max_time_units\": \"hours\", \"max_time_value\": 192}, \"risk_based\": {\"max_time_units\": \"hours\", \"max_time_value\": 1}}}}" },
        { policy_name = "Two weeks", is_global_policy = false, applies_to = [], sections_json = "{\"remembered_devices\": {\"browser_apps\": {\"enabled\": true, \"remember_method\": \"risk_based\", \"risk_based\": {\"max_time_units\": \"weeks\", \"max_time_value\": 2}}}}" },
      ]
      # Not read.
      bypass_users                 = null, stale_users = null, not_enrolled_users = null, telephony_only_users = null,
      tampered_phones              = null, bypass_codes = null, admins = null, integrations = null,
      logins_without_second_factor = null, bypass_code_logins = null, trust_monitor_events = null
    }
  }
  expect_failures = [check.remembered_devices_limited, check.findings_evaluated]

  assert {
    condition     = output.findings.remembered_devices_limited.status == "fail" && jsonencode(output.findings.remembered_devices_limited.affected) == jsonencode(["Eight days (8 days)", "Two weeks (14 days)"])
    error_message = jsonencode(output.findings.remembered_devices_limited)
  }
}

run "remembered_devices_limited_threshold" {
  command         = plan
  expect_failures = [check.findings_evaluated]
  variables {
    max_remembered_days = 14
  }
  override_module {
    target = module.listings
    outputs = {
      policies = [
        { policy_name = "Global Policy", is_global_policy = true, applies_to = null, sections_json = "{\"remembered_devices\": {\"browser_apps\": {\"enabled\": true, \"remember_method\": \"risk_based\", \"risk_based\": {\"max_time_units\": \"weeks\", \"max_time_value\": 2}}}}" },
      ]
      # Not read.
      bypass_users                 = null, stale_users = null, not_enrolled_users = null, telephony_only_users = null,
      tampered_phones              = null, bypass_codes = null, admins = null, integrations = null,
      logins_without_second_factor = null, bypass_code_logins = null, trust_monitor_events = null
    }
  }

  assert {
    condition     = output.findings.remembered_devices_limited.status == "pass"
    error_message = jsonencode(output.findings.remembered_devices_limited)
  }
}

run "remembered_devices_limited_unknown" {
  command         = plan
  expect_failures = [check.findings_evaluated]
  override_module {
    target = module.listings
    outputs = {
      policies = [
        { policy_name = "Global Policy", is_global_policy = true, applies_to = null, sections_json = "{\"remembered_devices\": {\"browser_apps\": {\"enabled\": false}}}" },
        { policy_name = "Fortnight", is_global_policy = false, applies_to = [], sections_json = "{\"remembered_devices\": {\"browser_apps\": {\"enabled\": true, \"remember_method\": \"risk_based\", \"risk_based\": {\"max_time_units\": \"fortnights\", \"max_time_value\": 1}}}}" },
      ]
      # Not read.
      bypass_users                 = null, stale_users = null, not_enrolled_users = null, telephony_only_users = null,
      tampered_phones              = null, bypass_codes = null, admins = null, integrations = null,
      logins_without_second_factor = null, bypass_code_logins = null, trust_monitor_events = null
    }
  }

  assert {
    condition     = output.findings.remembered_devices_limited.status == "unknown" && output.findings.remembered_devices_limited.detail == "Not evaluated: the policies Fortnight remember devices for a time whose max_time_value and max_time_units cannot be read."
    error_message = jsonencode(output.findings.remembered_devices_limited)
  }
}

run "trusted_endpoints_required_fails" {
  command = plan
  override_module {
    target = module.listings
    outputs = {
      policies = [
        { policy_name = "Global Policy", is_global_policy = true, applies_to = null, sections_json = "{\"trusted_endpoints\": {\"trusted_endpoint_checking\": \"allow-all\"}}" },
        # Only the global policy's counts.
        { policy_name = "Custom", is_global_policy = false, applies_to = [], sections_json = "{\"trusted_endpoints\": {\"trusted_endpoint_checking\": \"allow-all\"}}" },
      ]
      # Not read.
      bypass_users                 = null, stale_users = null, not_enrolled_users = null, telephony_only_users = null,
      tampered_phones              = null, bypass_codes = null, admins = null, integrations = null,
      logins_without_second_factor = null, bypass_code_logins = null, trust_monitor_events = null
    }
  }
  expect_failures = [check.trusted_endpoints_required, check.findings_evaluated]

  assert {
    condition     = output.findings.trusted_endpoints_required.status == "fail" && jsonencode(output.findings.trusted_endpoints_required.affected) == jsonencode(["Global Policy"])
    error_message = jsonencode(output.findings.trusted_endpoints_required)
  }
}

run "trusted_endpoints_required_unknown" {
  command         = plan
  expect_failures = [check.findings_evaluated]
  override_module {
    target = module.listings
    outputs = {
      policies = [{ policy_name = "Global Policy", is_global_policy = true, applies_to = null, sections_json = "{}" }]
      # Not read.
      bypass_users                 = null, stale_users = null, not_enrolled_users = null, telephony_only_users = null,
      tampered_phones              = null, bypass_codes = null, admins = null, integrations = null,
      logins_without_second_factor = null, bypass_code_logins = null, trust_monitor_events = null
    }
  }

  assert {
    condition     = output.findings.trusted_endpoints_required.status == "unknown" && strcontains(output.findings.trusted_endpoints_required.detail, "(Duo Advantage and Premier)")
    error_message = jsonencode(output.findings.trusted_endpoints_required)
  }
}

run "device_health_required_fails" {
  command = plan
  override_module {
    target = module.listings
    outputs = {
      policies = [{ policy_name = "Global Policy", is_global_policy = true, applies_to = null, sections_json = "{\"duo_desktop\": {\"enforce_encryption\": [], \"enforce_firewall\": []}}" }]
      # Not read.
      bypass_users                 = null, stale_users = null, not_enrolled_users = null, telephony_only_users = null,
      tampered_phones              = null, bypass_codes = null, admins = null, integrations = null,
      logins_without_second_factor = null, bypass_code_logins = null, trust_monitor_events = null
    }
  }
  expect_failures = [check.device_health_required, check.findings_evaluated]

  assert {
    condition     = output.findings.device_health_required.status == "fail" && jsonencode(output.findings.device_health_required.affected) == jsonencode(["Global Policy"])
    error_message = jsonencode(output.findings.device_health_required)
  }
}

run "device_health_required_passes_with_a_firewall" {
  command         = plan
  expect_failures = [check.findings_evaluated]
  override_module {
    target = module.listings
    outputs = {
      policies = [{ policy_name = "Global Policy", is_global_policy = true, applies_to = null, sections_json = "{\"duo_desktop\": {\"enforce_encryption\": [], \"enforce_firewall\": [\"macos\"]}}" }]
      # Not read.
      bypass_users                 = null, stale_users = null, not_enrolled_users = null, telephony_only_users = null,
      tampered_phones              = null, bypass_codes = null, admins = null, integrations = null,
      logins_without_second_factor = null, bypass_code_logins = null, trust_monitor_events = null
    }
  }

  assert {
    condition     = output.findings.device_health_required.status == "pass"
    error_message = jsonencode(output.findings.device_health_required)
  }
}

run "device_health_required_unknown" {
  command         = plan
  expect_failures = [check.findings_evaluated]
  override_module {
    target = module.listings
    outputs = {
      policies = [{ policy_name = "Global Policy", is_global_policy = true, applies_to = null, sections_json = "{\"duo_desktop\": {\"enforce_encryption\": []}}" }]
      # Not read.
      bypass_users                 = null, stale_users = null, not_enrolled_users = null, telephony_only_users = null,
      tampered_phones              = null, bypass_codes = null, admins = null, integrations = null,
      logins_without_second_factor = null, bypass_code_logins = null, trust_monitor_events = null
    }
  }

  assert {
    condition     = output.findings.device_health_required.status == "unknown"
    error_message = jsonencode(output.findings.device_health_required)
  }
}

# Users and their devices.

run "no_users_in_bypass_fails" {
  command = plan
  override_module {
    target = module.listings
    outputs = {
      bypass_users = [{ username = "zoe" }, { username = "adam" }]
      # Not read.
      policies                     = null, stale_users = null, not_enrolled_users = null, telephony_only_users = null,
      tampered_phones              = null, bypass_codes = null, admins = null, integrations = null,
      logins_without_second_factor = null, bypass_code_logins = null, trust_monitor_events = null
    }
  }
  expect_failures = [check.no_users_in_bypass, check.findings_evaluated]

  assert {
    condition     = output.findings.no_users_in_bypass.status == "fail" && jsonencode(output.findings.no_users_in_bypass.affected) == jsonencode(["adam", "zoe"])
    error_message = jsonencode(output.findings.no_users_in_bypass)
  }
  assert {
    condition     = jsonencode(output.failed) == jsonencode(["no_users_in_bypass"])
    error_message = jsonencode(output.failed)
  }
}

run "read_resource_findings_unknown_without_the_grant" {
  command         = plan
  expect_failures = [check.findings_evaluated]
  override_data {
    target = data.duo_api_permissions.key
    values = {
      integration_key      = "DICHECKUPKEY00000001"
      read_resource        = false
      read_log             = true
      read_information     = true
      settings             = true
      administrators       = true
      applications         = true
      write_resource       = false
      administrators_write = false
      applications_write   = true
      settings_write       = true
      set_permissions      = false
    }
  }

  assert {
    condition = alltrue([for id in ["new_user_policy", "no_mfa_bypass_policy", "no_network_bypass", "tampered_devices_blocked", "verified_push", "no_telephony_factors", "screen_lock_required", "remembered_devices_limited", "trusted_endpoints_required", "device_health_required", "no_users_in_bypass", "users_active", "users_enrolled", "no_telephony_only_users", "no_tampered_phones", "bypass_codes_expire"] :
    output.findings[id].status == "unknown" && output.findings[id].detail == "Not evaluated: the key may not read users, devices and policies: grant it \"Grant read resource\"."])
    error_message = jsonencode(output.findings)
  }
  assert {
    condition     = length(output.unknown) == 16 && jsonencode(output.failed) == jsonencode([])
    error_message = jsonencode(output.unknown)
  }
}

run "users_active_fails" {
  command = plan
  variables {
    stale_after_days = 30
  }
  override_module {
    target = module.listings
    outputs = {
      stale_users = [
        { username = "left.long.ago", last_login = 946684800, created = 946684800 },
        { username = "never.logged.in", last_login = null, created = 946684800 },
        { username = "created.after.the.plan", last_login = null, created = 4102444800 },
      ]
      # Not read.
      policies                     = null, bypass_users = null, not_enrolled_users = null, telephony_only_users = null,
      tampered_phones              = null, bypass_codes = null, admins = null, integrations = null,
      logins_without_second_factor = null, bypass_code_logins = null, trust_monitor_events = null
    }
  }
  expect_failures = [check.users_active, check.findings_evaluated]

  assert {
    condition     = output.findings.users_active.status == "fail" && jsonencode(output.findings.users_active.affected) == jsonencode(["left.long.ago", "never.logged.in"])
    error_message = jsonencode(output.findings.users_active)
  }
  assert {
    condition     = strcontains(output.findings.users_active.detail, "for 30 days")
    error_message = output.findings.users_active.detail
  }
}

run "users_enrolled_fails" {
  command = plan
  override_module {
    target = module.listings
    outputs = {
      not_enrolled_users = [
        { username = "old", created = 946684800 },
        { username = "new", created = 4102444800 },
      ]
      # Not read.
      policies                     = null, bypass_users = null, stale_users = null, telephony_only_users = null,
      tampered_phones              = null, bypass_codes = null, admins = null, integrations = null,
      logins_without_second_factor = null, bypass_code_logins = null, trust_monitor_events = null
    }
  }
  expect_failures = [check.users_enrolled, check.findings_evaluated]

  assert {
    condition     = output.findings.users_enrolled.status == "fail" && jsonencode(output.findings.users_enrolled.affected) == jsonencode(["old"])
    error_message = jsonencode(output.findings.users_enrolled)
  }
}

run "no_telephony_only_users_fails" {
  command = plan
  override_module {
    target = module.listings
    outputs = {
      telephony_only_users = [{ username = "sms.only" }]
      # Not read.
      policies                     = null, bypass_users = null, stale_users = null, not_enrolled_users = null,
      tampered_phones              = null, bypass_codes = null, admins = null, integrations = null,
      logins_without_second_factor = null, bypass_code_logins = null, trust_monitor_events = null
    }
  }
  expect_failures = [check.no_telephony_only_users, check.findings_evaluated]

  assert {
    condition     = output.findings.no_telephony_only_users.status == "fail" && jsonencode(output.findings.no_telephony_only_users.affected) == jsonencode(["sms.only"])
    error_message = jsonencode(output.findings.no_telephony_only_users)
  }
}

run "no_tampered_phones_fails" {
  command = plan
  override_module {
    target = module.listings
    outputs = {
      tampered_phones = [
        { phone_id = "DP00000000000000002", users = [{ username = "zoe" }, { username = "adam" }] },
        { phone_id = "DP00000000000000001", users = [] },
      ]
      # Not read.
      policies                     = null, bypass_users = null, stale_users = null, not_enrolled_users = null,
      telephony_only_users         = null, bypass_codes = null, admins = null, integrations = null,
      logins_without_second_factor = null, bypass_code_logins = null, trust_monitor_events = null
    }
  }
  expect_failures = [check.no_tampered_phones, check.findings_evaluated]

  assert {
    condition     = output.findings.no_tampered_phones.status == "fail" && jsonencode(output.findings.no_tampered_phones.affected) == jsonencode(["DP00000000000000001 (no user)", "DP00000000000000002 (zoe, adam)"])
    error_message = jsonencode(output.findings.no_tampered_phones)
  }
}

run "bypass_codes_expire_fails" {
  command = plan
  override_module {
    target = module.listings
    outputs = {
      bypass_codes = [
        { bypass_code_id = "DB00000000000000001", user = { username = "zoe" }, expiration = null, reuse_count = 0 },
        { bypass_code_id = "DB00000000000000002", user = { username = "adam" }, expiration = null, reuse_count = 3 },
        { bypass_code_id = "DB00000000000000003", user = { username = "adam" }, expiration = 4102444800, reuse_count = 0 },
        { bypass_code_id = "DB00000000000000004", user = { username = "eve" }, expiration = 4102444800, reuse_count = 1 },
      ]
      # Not read.
      policies                     = null, bypass_users = null, stale_users = null, not_enrolled_users = null,
      telephony_only_users         = null, tampered_phones = null, admins = null, integrations = null,
      logins_without_second_factor = null, bypass_code_logins = null, trust_monitor_events = null
    }
  }
  expect_failures = [check.bypass_codes_expire, check.findings_evaluated]

  assert {
    condition = output.findings.bypass_codes_expire.status == "fail" && jsonencode(output.findings.bypass_codes_expire.affected) == jsonencode([
      "adam (DB00000000000000002: never expires)", "adam (DB00000000000000003: unlimited uses)", "zoe (DB00000000000000001: never expires, unlimited uses)",
    ])
    error_message = jsonencode(output.findings.bypass_codes_expire)
  }
}

# Administrators and API keys.

run "few_owners_fails" {
  command = plan
  variables {
    max_owners = 1
  }
  override_module {
    target = module.listings
    outputs = {
      admins = [
        { email = "b@example.com", role = "Owner", last_login = 4102444800, created = null },
        { email = "a@example.com", role = "Owner", last_login = 4102444800, created = null },
        { email = "c@example.com", role = "Administrator", last_login = 4102444800, created = null },
      ]
      # Not read.
      policies                     = null, bypass_users = null, stale_users = null, not_enrolled_users = null,
      telephony_only_users         = null, tampered_phones = null, bypass_codes = null, integrations = null,
      logins_without_second_factor = null, bypass_code_logins = null, trust_monitor_events = null
    }
  }
  expect_failures = [check.few_owners, check.findings_evaluated]

  assert {
    condition     = output.findings.few_owners.status == "fail" && jsonencode(output.findings.few_owners.affected) == jsonencode(["a@example.com", "b@example.com"])
    error_message = jsonencode(output.findings.few_owners)
  }
}

run "few_owners_unknown_without_roles" {
  command         = plan
  expect_failures = [check.findings_evaluated]
  override_module {
    target = module.listings
    outputs = {
      admins = [{ email = "a@example.com", role = null, last_login = 4102444800, created = null }]
      # Not read.
      policies                     = null, bypass_users = null, stale_users = null, not_enrolled_users = null,
      telephony_only_users         = null, tampered_phones = null, bypass_codes = null, integrations = null,
      logins_without_second_factor = null, bypass_code_logins = null, trust_monitor_events = null
    }
  }

  assert {
    condition     = output.findings.few_owners.status == "unknown" && output.findings.few_owners.detail == "Not evaluated: Duo sends no administrator roles: the account's edition has none."
    error_message = jsonencode(output.findings.few_owners)
  }
}

run "admins_active_fails" {
  command = plan
  override_module {
    target = module.listings
    outputs = {
      admins = [
        { email = "gone@example.com", role = "Owner", last_login = 946684800, created = null },
        { email = "never@example.com", role = "Help Desk", last_login = null, created = null },
        { email = "active@example.com", role = "Owner", last_login = 4102444800, created = 946684800 },
      ]
      # Not read.
      policies                     = null, bypass_users = null, stale_users = null, not_enrolled_users = null,
      telephony_only_users         = null, tampered_phones = null, bypass_codes = null, integrations = null,
      logins_without_second_factor = null, bypass_code_logins = null, trust_monitor_events = null
    }
  }
  expect_failures = [check.admins_active, check.findings_evaluated]

  assert {
    condition     = output.findings.admins_active.status == "fail" && jsonencode(output.findings.admins_active.affected) == jsonencode(["gone@example.com", "never@example.com"])
    error_message = jsonencode(output.findings.admins_active)
  }
}

run "administrators_findings_unknown_without_the_grant" {
  command         = plan
  expect_failures = [check.findings_evaluated]
  override_data {
    target = data.duo_api_permissions.key
    values = {
      integration_key      = "DICHECKUPKEY00000001"
      read_resource        = true
      read_log             = true
      read_information     = true
      settings             = true
      administrators       = false
      applications         = true
      write_resource       = false
      administrators_write = false
      applications_write   = true
      settings_write       = true
      set_permissions      = false
    }
  }

  assert {
    condition = alltrue([for id in ["few_owners", "admins_active", "admin_login_phishing_resistant"] :
    output.findings[id].status == "unknown" && output.findings[id].detail == "Not evaluated: the key may not read administrators: grant it \"Grant administrators - Read\"."])
    error_message = jsonencode(output.findings)
  }
}

run "admin_login_phishing_resistant_fails" {
  command = plan
  override_data {
    target = data.duo_admin_auth_methods.admins
    values = {
      sms_enabled   = true
      voice_enabled = true
    }
  }
  expect_failures = [check.admin_login_phishing_resistant, check.findings_evaluated]

  assert {
    condition     = output.findings.admin_login_phishing_resistant.status == "fail" && jsonencode(output.findings.admin_login_phishing_resistant.affected) == jsonencode(["sms_enabled = true", "voice_enabled = true"])
    error_message = jsonencode(output.findings.admin_login_phishing_resistant)
  }
}

run "admin_login_phishing_resistant_unknown" {
  command         = plan
  expect_failures = [check.findings_evaluated]
  override_data {
    target = data.duo_admin_auth_methods.admins
    values = {
      sms_enabled   = false
      voice_enabled = null
    }
  }

  assert {
    condition     = output.findings.admin_login_phishing_resistant.status == "unknown" && output.findings.admin_login_phishing_resistant.detail == "Not evaluated: Duo's answer lacks voice_enabled of the administrators' allowed methods."
    error_message = jsonencode(output.findings.admin_login_phishing_resistant)
  }
}

run "admin_api_keys_restricted_fails" {
  command = plan
  override_module {
    target = module.listings
    outputs = {
      integrations = [
        { name = "Everywhere", type = "adminapi", adminapi_write_resource = 0, adminapi_admins = 0, adminapi_integrations = 0, adminapi_settings = 0, adminapi_allow_to_set_permissions = 1, networks_for_api_access = "" },
        { name = "Null networks", type = "adminapi", adminapi_write_resource = 0, adminapi_admins = 1, adminapi_integrations = 0, adminapi_settings = 0, adminapi_allow_to_set_permissions = 0, networks_for_api_access = null },
        { name = "Restricted", type = "adminapi", adminapi_write_resource = 1, adminapi_admins = 1, adminapi_integrations = 1, adminapi_settings = 1, adminapi_allow_to_set_permissions = 1, networks_for_api_access = "10.0.0.0/8" },
        { name = "Read only", type = "adminapi", adminapi_write_resource = 0, adminapi_admins = 0, adminapi_integrations = 0, adminapi_settings = 0, adminapi_allow_to_set_permissions = 0, networks_for_api_access = "" },
        { name = "Accounts", type = "accountsapi", adminapi_write_resource = 1, adminapi_admins = 1, adminapi_integrations = 1, adminapi_settings = 1, adminapi_allow_to_set_permissions = 1, networks_for_api_access = "" },
      ]
      # Not read.
      policies                     = null, bypass_users = null, stale_users = null, not_enrolled_users = null,
      telephony_only_users         = null, tampered_phones = null, bypass_codes = null, admins = null,
      logins_without_second_factor = null, bypass_code_logins = null, trust_monitor_events = null
    }
  }
  expect_failures = [check.admin_api_keys_restricted, check.findings_evaluated]

  assert {
    condition     = output.findings.admin_api_keys_restricted.status == "fail" && jsonencode(output.findings.admin_api_keys_restricted.affected) == jsonencode(["Everywhere", "Null networks"])
    error_message = jsonencode(output.findings.admin_api_keys_restricted)
  }
}

run "admin_api_keys_restricted_unknown" {
  command         = plan
  expect_failures = [check.findings_evaluated]
  override_data {
    target = data.duo_api_permissions.key
    values = {
      integration_key      = "DICHECKUPKEY00000001"
      read_resource        = true
      read_log             = true
      read_information     = true
      settings             = true
      administrators       = true
      applications         = false
      write_resource       = false
      administrators_write = false
      applications_write   = true
      settings_write       = true
      set_permissions      = false
    }
  }

  assert {
    condition     = output.findings.admin_api_keys_restricted.status == "unknown" && output.findings.admin_api_keys_restricted.detail == "Not evaluated: the key may not read applications: grant it \"Grant applications\"."
    error_message = jsonencode(output.findings.admin_api_keys_restricted)
  }
}

run "key_least_privilege_fails" {
  command = plan
  override_data {
    target = data.duo_api_permissions.key
    values = {
      integration_key      = "DIWRITER000000000001"
      read_resource        = true
      read_log             = true
      read_information     = true
      settings             = true
      administrators       = true
      applications         = true
      write_resource       = true
      administrators_write = null
      applications_write   = true
      settings_write       = true
      set_permissions      = true
    }
  }
  expect_failures = [check.key_least_privilege, check.findings_evaluated]

  assert {
    condition     = output.findings.key_least_privilege.status == "fail" && jsonencode(output.findings.key_least_privilege.affected) == jsonencode(["set_permissions", "write_resource"])
    error_message = jsonencode(output.findings.key_least_privilege)
  }
  assert {
    condition     = strcontains(output.findings.key_least_privilege.detail, "(DIWRITER000000000001)")
    error_message = output.findings.key_least_privilege.detail
  }
}

run "key_least_privilege_unknown" {
  command         = plan
  expect_failures = [check.findings_evaluated]
  override_data {
    target = data.duo_api_permissions.key
    values = {
      integration_key      = "DICHECKUPKEY00000001"
      read_resource        = true
      read_log             = true
      read_information     = true
      settings             = true
      administrators       = true
      applications         = true
      write_resource       = false
      administrators_write = null
      applications_write   = true
      settings_write       = true
      set_permissions      = null
    }
  }

  assert {
    condition     = output.findings.key_least_privilege.status == "unknown" && strcontains(output.findings.key_least_privilege.detail, "the key's administrators_write, set_permissions cannot be told without writing")
    error_message = jsonencode(output.findings.key_least_privilege)
  }
}

# Settings and the account summary.

run "lockout_threshold_fails_at_zero" {
  command = plan
  override_data {
    target = data.duo_settings.account
    values = {
      name                     = "Hardened Corp"
      lockout_threshold        = 0
      fraud_email_enabled      = true
      inactive_user_expiration = 90
    }
  }
  expect_failures = [check.lockout_threshold, check.findings_evaluated]

  assert {
    condition     = output.findings.lockout_threshold.status == "fail" && jsonencode(output.findings.lockout_threshold.affected) == jsonencode(["lockout_threshold = 0"])
    error_message = jsonencode(output.findings.lockout_threshold)
  }
}

run "lockout_threshold_fails_above_ten" {
  command = plan
  override_data {
    target = data.duo_settings.account
    values = {
      name                     = "Hardened Corp"
      lockout_threshold        = 11
      fraud_email_enabled      = true
      inactive_user_expiration = 90
    }
  }
  expect_failures = [check.lockout_threshold, check.findings_evaluated]

  assert {
    condition     = jsonencode(output.findings.lockout_threshold.affected) == jsonencode(["lockout_threshold = 11"])
    error_message = jsonencode(output.findings.lockout_threshold)
  }
}

run "lockout_threshold_unknown" {
  command         = plan
  expect_failures = [check.findings_evaluated]
  override_data {
    target = data.duo_settings.account
    values = {
      name                     = "Hardened Corp"
      lockout_threshold        = null
      fraud_email_enabled      = true
      inactive_user_expiration = 90
    }
  }

  assert {
    condition     = output.findings.lockout_threshold.status == "unknown" && output.findings.lockout_threshold.detail == "Not evaluated: Duo's answer lacks the setting lockout_threshold."
    error_message = jsonencode(output.findings.lockout_threshold)
  }
}

run "fraud_reports_alerted_fails" {
  command = plan
  override_data {
    target = data.duo_settings.account
    values = {
      name                     = "Hardened Corp"
      lockout_threshold        = 10
      fraud_email_enabled      = false
      inactive_user_expiration = 90
    }
  }
  expect_failures = [check.fraud_reports_alerted, check.findings_evaluated]

  assert {
    condition     = output.findings.fraud_reports_alerted.status == "fail" && jsonencode(output.findings.fraud_reports_alerted.affected) == jsonencode(["fraud_email_enabled = false"])
    error_message = jsonencode(output.findings.fraud_reports_alerted)
  }
}

run "inactive_users_expire_fails" {
  command = plan
  override_data {
    target = data.duo_settings.account
    values = {
      name                     = "Hardened Corp"
      lockout_threshold        = 10
      fraud_email_enabled      = null
      inactive_user_expiration = 0
    }
  }
  expect_failures = [check.inactive_users_expire, check.findings_evaluated]

  assert {
    condition     = output.findings.inactive_users_expire.status == "fail" && jsonencode(output.findings.inactive_users_expire.affected) == jsonencode(["inactive_user_expiration = 0"])
    error_message = jsonencode(output.findings.inactive_users_expire)
  }
  assert {
    condition     = output.findings.fraud_reports_alerted.status == "unknown"
    error_message = jsonencode(output.findings.fraud_reports_alerted)
  }
}

run "settings_findings_unknown_without_the_grant" {
  command         = plan
  expect_failures = [check.findings_evaluated]
  override_data {
    target = data.duo_api_permissions.key
    values = {
      integration_key      = "DICHECKUPKEY00000001"
      read_resource        = true
      read_log             = true
      read_information     = true
      settings             = false
      administrators       = true
      applications         = true
      write_resource       = false
      administrators_write = false
      applications_write   = true
      settings_write       = true
      set_permissions      = false
    }
  }

  assert {
    condition = alltrue([for id in ["lockout_threshold", "fraud_reports_alerted", "inactive_users_expire"] :
    output.findings[id].status == "unknown" && output.findings[id].detail == "Not evaluated: the key may not read the settings: grant it \"Grant settings\"."])
    error_message = jsonencode(output.findings)
  }
}

run "telephony_credits_fails" {
  command = plan
  override_data {
    target = data.duo_account_summary.account
    values = {
      edition                     = "Duo Premier"
      telephony_credits_remaining = 99
    }
  }
  expect_failures = [check.telephony_credits, check.findings_evaluated]

  assert {
    condition     = output.findings.telephony_credits.status == "fail" && jsonencode(output.findings.telephony_credits.affected) == jsonencode(["telephony_credits_remaining = 99"])
    error_message = jsonencode(output.findings.telephony_credits)
  }
}

run "telephony_credits_unknown" {
  command         = plan
  expect_failures = [check.findings_evaluated]
  override_data {
    target = data.duo_api_permissions.key
    values = {
      integration_key      = "DICHECKUPKEY00000001"
      read_resource        = true
      read_log             = true
      read_information     = false
      settings             = true
      administrators       = true
      applications         = true
      write_resource       = false
      administrators_write = false
      applications_write   = true
      settings_write       = true
      set_permissions      = false
    }
  }

  assert {
    condition     = output.findings.telephony_credits.status == "unknown" && output.findings.telephony_credits.detail == "Not evaluated: the key may not read the account summary: grant it \"Grant read information\"."
    error_message = jsonencode(output.findings.telephony_credits)
  }
}

# What happened in the last lookback_days.

run "no_bypass_logins_fails" {
  command = plan
  override_module {
    target = module.listings
    outputs = {
      logins_without_second_factor = [
        { reason = "bypass_user", result = "success", user = { name = "zoe", key = "DU00000000000000001" } },
        { reason = "bypass_user", result = "success", user = { name = "zoe", key = "DU00000000000000001" } },
        { reason = "user_marked_fraud", result = "fraud", user = { name = "eve", key = "DU00000000000000003" } },
      ]
      bypass_code_logins = [
        { reason = "valid_passcode", result = "success", user = { name = "adam", key = "DU00000000000000002" } },
        { reason = "valid_passcode", result = "success", user = { name = null, key = "DU00000000000000009" } },
      ]
      # Not read.
      policies             = null, bypass_users = null, stale_users = null, not_enrolled_users = null,
      telephony_only_users = null, tampered_phones = null, bypass_codes = null, admins = null,
      integrations         = null, trust_monitor_events = null
    }
  }
  expect_failures = [check.no_bypass_logins, check.no_fraud_reports, check.findings_evaluated]

  assert {
    condition     = output.findings.no_bypass_logins.status == "fail" && jsonencode(output.findings.no_bypass_logins.affected) == jsonencode(["DU00000000000000009 (1)", "adam (1)", "zoe (2)"])
    error_message = jsonencode(output.findings.no_bypass_logins)
  }
  assert {
    condition     = strcontains(output.findings.no_bypass_logins.detail, "In the last 7 days")
    error_message = output.findings.no_bypass_logins.detail
  }
}

run "no_unenrolled_logins_fails" {
  command = plan
  variables {
    lookback_days = 1
  }
  override_module {
    target = module.listings
    outputs = {
      logins_without_second_factor = [
        { reason = "allow_unenrolled_user", result = "success", user = { name = "new.hire", key = "DU00000000000000004" } },
      ]
      # Not read.
      policies             = null, bypass_users = null, stale_users = null, not_enrolled_users = null,
      telephony_only_users = null, tampered_phones = null, bypass_codes = null, admins = null,
      integrations         = null, bypass_code_logins = null, trust_monitor_events = null
    }
  }
  expect_failures = [check.no_unenrolled_logins, check.findings_evaluated]

  assert {
    condition     = output.findings.no_unenrolled_logins.status == "fail" && jsonencode(output.findings.no_unenrolled_logins.affected) == jsonencode(["new.hire (1)"])
    error_message = jsonencode(output.findings.no_unenrolled_logins)
  }
  assert {
    condition     = strcontains(output.findings.no_unenrolled_logins.detail, "In the last 1 day,")
    error_message = output.findings.no_unenrolled_logins.detail
  }
}

run "no_fraud_reports_fails" {
  command = plan
  override_module {
    target = module.listings
    outputs = {
      logins_without_second_factor = [
        { reason = "user_marked_fraud", result = "fraud", user = { name = "eve", key = "DU00000000000000003" } },
      ]
      # Not read.
      policies             = null, bypass_users = null, stale_users = null, not_enrolled_users = null,
      telephony_only_users = null, tampered_phones = null, bypass_codes = null, admins = null,
      integrations         = null, bypass_code_logins = null, trust_monitor_events = null
    }
  }
  expect_failures = [check.no_fraud_reports, check.findings_evaluated]

  assert {
    condition     = output.findings.no_fraud_reports.status == "fail" && jsonencode(output.findings.no_fraud_reports.affected) == jsonencode(["eve (1)"]) && output.findings.no_bypass_logins.status == "pass"
    error_message = jsonencode(output.findings.no_fraud_reports)
  }
}

run "trust_monitor_triaged_fails" {
  command = plan
  override_module {
    target = module.listings
    outputs = {
      trust_monitor_events = [
        { sekey = "SE00000000000000002", type = "bypass_status", state = "new" },
        { sekey = "SE00000000000000001", type = "auth", state = "processed" },
        { sekey = "SE00000000000000003", type = "auth", state = "new" },
      ]
      # Not read.
      policies             = null, bypass_users = null, stale_users = null, not_enrolled_users = null,
      telephony_only_users = null, tampered_phones = null, bypass_codes = null, admins = null,
      integrations         = null, logins_without_second_factor = null, bypass_code_logins = null
    }
  }
  expect_failures = [check.trust_monitor_triaged, check.findings_evaluated]

  assert {
    condition     = output.findings.trust_monitor_triaged.status == "fail" && jsonencode(output.findings.trust_monitor_triaged.affected) == jsonencode(["SE00000000000000002 (bypass_status)", "SE00000000000000003 (auth)"])
    error_message = jsonencode(output.findings.trust_monitor_triaged)
  }
}

run "trust_monitor_triaged_unknown_on_an_edition_without_it" {
  command         = plan
  expect_failures = [check.findings_evaluated]
  override_data {
    target = data.duo_account_summary.account
    values = {
      edition                     = "Duo Essentials"
      telephony_credits_remaining = 100
    }
  }

  assert {
    condition     = output.findings.trust_monitor_triaged.status == "unknown" && output.findings.trust_monitor_triaged.detail == "Not evaluated: the account's edition (Duo Essentials) has no Trust Monitor."
    error_message = jsonencode(output.findings.trust_monitor_triaged)
  }
}

run "log_findings_unknown_without_the_grant" {
  command         = plan
  expect_failures = [check.findings_evaluated]
  override_data {
    target = data.duo_api_permissions.key
    values = {
      integration_key      = "DICHECKUPKEY00000001"
      read_resource        = true
      read_log             = false
      read_information     = true
      settings             = true
      administrators       = true
      applications         = true
      write_resource       = false
      administrators_write = false
      applications_write   = true
      settings_write       = true
      set_permissions      = false
    }
  }

  assert {
    condition = alltrue([for id in ["no_bypass_logins", "no_unenrolled_logins", "no_fraud_reports", "trust_monitor_triaged"] :
    output.findings[id].status == "unknown" && output.findings[id].detail == "Not evaluated: the key may not read the logs: grant it \"Grant read log\"."])
    error_message = jsonencode(output.findings)
  }
}

# exclude, accepted and the outputs.

run "exclude_leaves_findings_out" {
  command         = plan
  expect_failures = [check.findings_evaluated]
  variables {
    exclude = ["no_users_in_bypass", "telephony_credits"]
  }
  override_module {
    target = module.listings
    outputs = {
      bypass_users = [{ username = "zoe" }]
      # Not read.
      policies                     = null, stale_users = null, not_enrolled_users = null, telephony_only_users = null,
      tampered_phones              = null, bypass_codes = null, admins = null, integrations = null,
      logins_without_second_factor = null, bypass_code_logins = null, trust_monitor_events = null
    }
  }

  assert {
    condition     = !contains(keys(output.findings), "no_users_in_bypass") && !contains(keys(output.findings), "telephony_credits") && length(output.findings) == 27
    error_message = jsonencode(keys(output.findings))
  }
  assert {
    condition     = !contains(output.failed, "no_users_in_bypass")
    error_message = jsonencode(output.failed)
  }
}

run "accepted_takes_exceptions_out" {
  command = plan
  variables {
    accepted = {
      no_users_in_bypass  = ["svc-backup", "not-in-bypass"]
      bypass_codes_expire = ["svc-backup"]
    }
  }
  override_module {
    target = module.listings
    outputs = {
      bypass_users = [{ username = "zoe" }, { username = "svc-backup" }]
      bypass_codes = [{ bypass_code_id = "DB00000000000000001", user = { username = "svc-backup" }, expiration = null, reuse_count = 0 }]
      # Not read.
      policies           = null, stale_users = null, not_enrolled_users = null, telephony_only_users = null,
      tampered_phones    = null, admins = null, integrations = null, logins_without_second_factor = null,
      bypass_code_logins = null, trust_monitor_events = null
    }
  }
  expect_failures = [check.no_users_in_bypass, check.findings_evaluated]

  assert {
    condition     = output.findings.no_users_in_bypass.status == "fail" && jsonencode(output.findings.no_users_in_bypass.affected) == jsonencode(["zoe"])
    error_message = jsonencode(output.findings.no_users_in_bypass)
  }
  assert {
    condition     = endswith(output.findings.no_users_in_bypass.detail, " Accepted, so left out: svc-backup.")
    error_message = output.findings.no_users_in_bypass.detail
  }
  assert {
    # Nothing left: the finding passes, and says what it accepted.
    condition     = output.findings.bypass_codes_expire.status == "pass" && output.findings.bypass_codes_expire.detail == "Nothing found. Accepted, so left out: svc-backup (DB00000000000000001: never expires, unlimited uses)."
    error_message = jsonencode(output.findings.bypass_codes_expire)
  }
}

run "accepted_owners_are_not_counted" {
  command         = plan
  expect_failures = [check.findings_evaluated]
  variables {
    max_owners = 2
    accepted = {
      few_owners = ["break-glass@example.com"]
    }
  }
  override_module {
    target = module.listings
    outputs = {
      admins = [
        { email = "a@example.com", role = "Owner", last_login = 4102444800, created = null },
        { email = "b@example.com", role = "Owner", last_login = 4102444800, created = null },
        { email = "break-glass@example.com", role = "Owner", last_login = 4102444800, created = null },
      ]
      # Not read.
      policies                     = null, bypass_users = null, stale_users = null, not_enrolled_users = null,
      telephony_only_users         = null, tampered_phones = null, bypass_codes = null, integrations = null,
      logins_without_second_factor = null, bypass_code_logins = null, trust_monitor_events = null
    }
  }

  assert {
    condition     = output.findings.few_owners.status == "pass" && jsonencode(output.findings.few_owners.affected) == jsonencode([])
    error_message = jsonencode(output.findings.few_owners)
  }
}

run "unknown_finding_names_fail_the_plan" {
  command = plan
  variables {
    exclude  = ["no_such_finding"]
    accepted = { users_in_bypass = ["zoe"] }
  }
  expect_failures = [output.findings, check.findings_evaluated]
}

run "thresholds_are_validated" {
  command = plan
  variables {
    lookback_days    = 181
    stale_after_days = 0.5
    max_owners       = 0
  }
  expect_failures = [var.lookback_days, var.stale_after_days, var.max_owners]
}

run "outputs_order_and_report" {
  command = plan
  override_data {
    target = data.duo_api_permissions.key
    values = {
      integration_key      = "DICHECKUPKEY00000001"
      read_resource        = true
      read_log             = false
      read_information     = true
      settings             = true
      administrators       = true
      applications         = true
      write_resource       = false
      administrators_write = false
      applications_write   = true
      settings_write       = true
      set_permissions      = false
    }
  }
  override_data {
    target = data.duo_settings.account
    values = {
      name                     = "Example | Corp"
      lockout_threshold        = 0
      fraud_email_enabled      = true
      inactive_user_expiration = 90
    }
  }
  override_module {
    target = module.listings
    outputs = {
      policies = [
        { policy_name = "Global Policy", is_global_policy = true, applies_to = null, sections_json = "{\"authentication_policy\": {\"user_auth_behavior\": \"enforce\"}, \"authentication_methods\": {\"allowed_auth_list\": [\"sms\"], \"require_verified_push\": true}, \"authorized_networks\": {\"no_2fa_required\": {\"ip_list\": []}}, \"duo_desktop\": {\"enforce_encryption\": [\"windows\"], \"enforce_firewall\": []}, \"new_user\": {\"new_user_behavior\": \"enroll\"}, \"remembered_devices\": {\"browser_apps\": {\"enabled\": false}}, \"screen_lock\": {\"require_screen_lock\": true}, \"tampered_devices\": {\"block_tampered_devices\": true}, \"trusted_endpoints\": {\"trusted_endpoint_checking\": \"require-trusted\"}}" },
      ]
      bypass_users = [
        { username = "user00" }, { username = "user01" }, { username = "user02" }, { username = "user03" }, { username = "user04" }, { username = "user05" },
        { username = "user06" }, { username = "user07" }, { username = "user08" }, { username = "user09" }, { username = "user10" }, { username = "user11" },
      ]
      stale_users          = []
      not_enrolled_users   = []
      telephony_only_users = []
      tampered_phones      = []
      bypass_codes         = []
      admins               = [{ email = "a|b@example.com", role = "Owner", last_login = 946684800, created = null }]
      integrations         = []
      # Not read.
      logins_without_second_factor = null, bypass_code_logins = null, trust_monitor_events = null
    }
  }
  expect_failures = [check.no_users_in_bypass, check.no_telephony_factors, check.lockout_threshold, check.admins_active, check.findings_evaluated]

  assert {
    condition     = jsonencode(output.failed) == jsonencode(["no_users_in_bypass", "lockout_threshold", "no_telephony_factors", "admins_active"])
    error_message = jsonencode(output.failed)
  }
  assert {
    condition     = jsonencode(output.unknown) == jsonencode(["no_bypass_logins", "no_fraud_reports", "no_unenrolled_logins", "trust_monitor_triaged"])
    error_message = jsonencode(output.unknown)
  }
  assert {
    condition = jsonencode(output.summary) == jsonencode({
      fail    = { high = 1, medium = 2, low = 1, total = 4 }
      unknown = { high = 3, medium = 1, low = 0, total = 4 }
      pass    = { high = 7, medium = 5, low = 9, total = 21 }
    })
    error_message = jsonencode(output.summary)
  }
  assert {
    condition = output.report == join("\n", [
      "## Duo security checkup of Example | Corp",
      "",
      "**4 failed** (1 high, 2 medium, 1 low), 4 not evaluated, 21 passed.",
      "",
      "| status | severity | finding | affected | fix |",
      "| --- | --- | --- | --- | --- |",
      "| fail | high | Users in bypass (`no_users_in_bypass`) | user00, user01, user02, user03, user04, user05, user06, user07, user08, user09 and 2 more | Users: set each user named back to \"Active\"; for a one-off, give them a bypass code that expires instead. |",
      "| fail | medium | Failed logins do not lock users out (`lockout_threshold`) | lockout_threshold = 0 | Settings → Lockout and Fraud: lock users out after 10 failed attempts or fewer. |",
      "| fail | medium | SMS or phone calls are allowed (`no_telephony_factors`) | Global Policy (sms) | Policies: in each policy named, \"Authentication Methods\" → uncheck \"SMS passcodes\" and \"Phone callback\"; move users to Duo Push, security keys or passkeys. |",
      "| fail | low | Administrators who no longer log in (`admins_active`) | a\\|b@example.com | Administrators: delete the administrators who no longer need access. |",
      "| unknown | high | Logins without a second factor (`no_bypass_logins`) | Not evaluated: the key may not read the logs: grant it \"Grant read log\". |  |",
      "| unknown | high | Users reported logins as fraud (`no_fraud_reports`) | Not evaluated: the key may not read the logs: grant it \"Grant read log\". |  |",
      "| unknown | high | Logins of users who have not enrolled (`no_unenrolled_logins`) | Not evaluated: the key may not read the logs: grant it \"Grant read log\". |  |",
      "| unknown | medium | Trust Monitor events nobody has triaged (`trust_monitor_triaged`) | Not evaluated: the key may not read the logs: grant it \"Grant read log\". |  |",
    ])
    error_message = "Report:\n${output.report}"
  }
}

run "account_id_reaches_every_read" {
  command         = plan
  expect_failures = [check.findings_evaluated]
  variables {
    account_id = "DACHILD0000000000001"
  }

  assert {
    condition = alltrue([
      data.duo_api_permissions.key.account_id == "DACHILD0000000000001",
      data.duo_settings.account[0].account_id == "DACHILD0000000000001",
      data.duo_account_summary.account[0].account_id == "DACHILD0000000000001",
      data.duo_admin_auth_methods.admins[0].account_id == "DACHILD0000000000001",
    ])
    error_message = "A read does not name the child account."
  }
}
