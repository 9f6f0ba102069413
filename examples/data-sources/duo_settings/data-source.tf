data "duo_settings" "account" {}

output "lockout" {
  value = {
    threshold = data.duo_settings.account.lockout_threshold
    # null or 0: locked-out users stay locked out until an administrator acts.
    expires_after_minutes = data.duo_settings.account.lockout_expire_duration
  }
}
