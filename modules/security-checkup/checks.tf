# One check per finding: a finding that fails shows as a warning of the
# plan, with the message local.warnings holds for it, and one more names
# the findings that could not be evaluated.

check "new_user_policy" {
  assert {
    condition     = !contains(local.with_status.fail, "new_user_policy")
    error_message = local.warnings.new_user_policy
  }
}

check "no_mfa_bypass_policy" {
  assert {
    condition     = !contains(local.with_status.fail, "no_mfa_bypass_policy")
    error_message = local.warnings.no_mfa_bypass_policy
  }
}

check "no_network_bypass" {
  assert {
    condition     = !contains(local.with_status.fail, "no_network_bypass")
    error_message = local.warnings.no_network_bypass
  }
}

check "tampered_devices_blocked" {
  assert {
    condition     = !contains(local.with_status.fail, "tampered_devices_blocked")
    error_message = local.warnings.tampered_devices_blocked
  }
}

check "verified_push" {
  assert {
    condition     = !contains(local.with_status.fail, "verified_push")
    error_message = local.warnings.verified_push
  }
}

check "no_telephony_factors" {
  assert {
    condition     = !contains(local.with_status.fail, "no_telephony_factors")
    error_message = local.warnings.no_telephony_factors
  }
}

check "screen_lock_required" {
  assert {
    condition     = !contains(local.with_status.fail, "screen_lock_required")
    error_message = local.warnings.screen_lock_required
  }
}

check "remembered_devices_limited" {
  assert {
    condition     = !contains(local.with_status.fail, "remembered_devices_limited")
    error_message = local.warnings.remembered_devices_limited
  }
}

check "trusted_endpoints_required" {
  assert {
    condition     = !contains(local.with_status.fail, "trusted_endpoints_required")
    error_message = local.warnings.trusted_endpoints_required
  }
}

check "device_health_required" {
  assert {
    condition     = !contains(local.with_status.fail, "device_health_required")
    error_message = local.warnings.device_health_required
  }
}

check "no_users_in_bypass" {
  assert {
    condition     = !contains(local.with_status.fail, "no_users_in_bypass")
    error_message = local.warnings.no_users_in_bypass
  }
}

check "users_active" {
  assert {
    condition     = !contains(local.with_status.fail, "users_active")
    error_message = local.warnings.users_active
  }
}

check "users_enrolled" {
  assert {
    condition     = !contains(local.with_status.fail, "users_enrolled")
    error_message = local.warnings.users_enrolled
  }
}

check "no_telephony_only_users" {
  assert {
    condition     = !contains(local.with_status.fail, "no_telephony_only_users")
    error_message = local.warnings.no_telephony_only_users
  }
}

check "no_tampered_phones" {
  assert {
    condition     = !contains(local.with_status.fail, "no_tampered_phones")
    error_message = local.warnings.no_tampered_phones
  }
}

check "bypass_codes_expire" {
  assert {
    condition     = !contains(local.with_status.fail, "bypass_codes_expire")
    error_message = local.warnings.bypass_codes_expire
  }
}

check "few_owners" {
  assert {
    condition     = !contains(local.with_status.fail, "few_owners")
    error_message = local.warnings.few_owners
  }
}

check "admins_active" {
  assert {
    condition     = !contains(local.with_status.fail, "admins_active")
    error_message = local.warnings.admins_active
  }
}

check "admin_login_phishing_resistant" {
  assert {
    condition     = !contains(local.with_status.fail, "admin_login_phishing_resistant")
    error_message = local.warnings.admin_login_phishing_resistant
  }
}

check "admin_api_keys_restricted" {
  assert {
    condition     = !contains(local.with_status.fail, "admin_api_keys_restricted")
    error_message = local.warnings.admin_api_keys_restricted
  }
}

check "key_least_privilege" {
  assert {
    condition     = !contains(local.with_status.fail, "key_least_privilege")
    error_message = local.warnings.key_least_privilege
  }
}

check "lockout_threshold" {
  assert {
    condition     = !contains(local.with_status.fail, "lockout_threshold")
    error_message = local.warnings.lockout_threshold
  }
}

check "fraud_reports_alerted" {
  assert {
    condition     = !contains(local.with_status.fail, "fraud_reports_alerted")
    error_message = local.warnings.fraud_reports_alerted
  }
}

check "inactive_users_expire" {
  assert {
    condition     = !contains(local.with_status.fail, "inactive_users_expire")
    error_message = local.warnings.inactive_users_expire
  }
}

check "no_bypass_logins" {
  assert {
    condition     = !contains(local.with_status.fail, "no_bypass_logins")
    error_message = local.warnings.no_bypass_logins
  }
}

check "no_unenrolled_logins" {
  assert {
    condition     = !contains(local.with_status.fail, "no_unenrolled_logins")
    error_message = local.warnings.no_unenrolled_logins
  }
}

check "no_fraud_reports" {
  assert {
    condition     = !contains(local.with_status.fail, "no_fraud_reports")
    error_message = local.warnings.no_fraud_reports
  }
}

check "trust_monitor_triaged" {
  assert {
    condition     = !contains(local.with_status.fail, "trust_monitor_triaged")
    error_message = local.warnings.trust_monitor_triaged
  }
}

check "telephony_credits" {
  assert {
    condition     = !contains(local.with_status.fail, "telephony_credits")
    error_message = local.warnings.telephony_credits
  }
}

check "findings_evaluated" {
  assert {
    condition     = length(local.with_status.unknown) == 0
    error_message = "Findings not evaluated${local.in_account}: ${join("; ", [for id in local.with_status.unknown : "${id} (${local.results[id].detail})"])}"
  }
}
