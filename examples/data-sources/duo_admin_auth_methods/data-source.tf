data "duo_admin_auth_methods" "admins" {}

# SMS passcodes and phone calls reach whoever holds the phone number: an
# attacker who takes it over logs in as the administrator.
check "administrators_log_in_without_sms_or_calls" {
  assert {
    condition     = data.duo_admin_auth_methods.admins.sms_enabled != true && data.duo_admin_auth_methods.admins.voice_enabled != true
    error_message = "Administrators may log in to the Admin Panel with SMS passcodes or phone calls. Turn them off under Administrators → Administrator Login Settings, and allow WebAuthn or Verified Duo Push."
  }
}

output "administrator_login_methods" {
  value = {
    push          = data.duo_admin_auth_methods.admins.push_enabled
    verified_push = data.duo_admin_auth_methods.admins.verified_push_enabled
    webauthn      = data.duo_admin_auth_methods.admins.webauthn_enabled
    sms           = data.duo_admin_auth_methods.admins.sms_enabled
    phone_call    = data.duo_admin_auth_methods.admins.voice_enabled
  }
}
