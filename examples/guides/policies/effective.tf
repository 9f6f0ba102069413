# What Duo enforces for one user in one application.
data "duo_effective_policy" "svc_backup_vpn" {
  username        = "svc-backup"
  integration_key = "DISAMPLE000000000003"
}

check "svc_backup_uses_two_factor" {
  assert {
    condition     = data.duo_effective_policy.svc_backup_vpn.sections.authentication_policy.user_auth_behavior == "enforce"
    error_message = "svc-backup logs in to the VPN without a second factor: authentication policy \"${data.duo_effective_policy.svc_backup_vpn.sections.authentication_policy.user_auth_behavior}\"."
  }
}

output "svc_backup_vpn_new_users" {
  value = data.duo_effective_policy.svc_backup_vpn.sections.new_user.new_user_behavior
}
