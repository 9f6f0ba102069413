output "policies" {
  description = "Every policy (duo_policies)."
  value       = one(data.duo_policies.all[*].policies)
}

output "bypass_users" {
  description = "The users in bypass."
  value       = one(data.duo_users.bypass[*].users)
}

output "stale_users" {
  description = "The active users who last logged in before stale_before, or never."
  value       = one(data.duo_users.stale[*].users)
}

output "not_enrolled_users" {
  description = "The active users who have not enrolled."
  value       = one(data.duo_users.not_enrolled[*].users)
}

output "telephony_only_users" {
  description = "The active, enrolled users without Duo Push, a WebAuthn credential, a U2F key or a hardware token."
  value       = one(data.duo_users.telephony_only[*].users)
}

output "tampered_phones" {
  description = "The phones Duo Mobile reports as tampered."
  value       = one(data.duo_phones.tampered[*].phones)
}

output "bypass_codes" {
  description = "Every bypass code."
  value       = one(data.duo_bypass_codes.all[*].bypass_codes)
}

output "admins" {
  description = "Every administrator."
  value       = one(data.duo_admins.all[*].admins)
}

output "integrations" {
  description = "Every integration."
  value       = one(data.duo_integrations.all[*].integrations)
}

output "logins_without_second_factor" {
  description = "The window's authentications of users in bypass or not enrolled, and its fraud reports."
  value       = one(data.duo_authentication_logs.without_second_factor[*].authentication_logs)
}

output "bypass_code_logins" {
  description = "The window's successful authentications with a bypass code."
  value       = one(data.duo_authentication_logs.bypass_codes[*].authentication_logs)
}

output "trust_monitor_events" {
  description = "The window's Trust Monitor events."
  value       = one(data.duo_trust_monitor_events.window[*].trust_monitor_events)
}
