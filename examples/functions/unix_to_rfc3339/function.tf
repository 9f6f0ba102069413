# Duo writes times in Unix seconds; Terraform's time functions take RFC 3339.
data "duo_user" "jsmith" {
  username = "jsmith"
}

output "jsmith_last_login" {
  # "2024-06-01T12:00:00Z"; null if jsmith never logged in.
  value = provider::duo::unix_to_rfc3339(data.duo_user.jsmith.last_login)
}

output "jsmith_logged_in_within_90_days" {
  # A user who never logged in counts as logged in at the epoch.
  value = timecmp(
    coalesce(provider::duo::unix_to_rfc3339(data.duo_user.jsmith.last_login), "1970-01-01T00:00:00Z"),
    timeadd(plantimestamp(), "-2160h"),
  ) > 0
}
