data "duo_admins" "all" {}

locals {
  # Duo's times are Unix seconds; unix_to_rfc3339 makes them RFC 3339, which
  # timecmp, timeadd and formatdate take. It returns null for a null time,
  # such as the last_login of someone who never logged in.
  admin_last_logins = {
    for a in data.duo_admins.all.admins :
    a.email => provider::duo::unix_to_rfc3339(a.last_login)
  }
  cutoff = timeadd(plantimestamp(), "-2160h")
}

output "admins_without_a_login_in_90_days" {
  value = [
    for email, last_login in local.admin_last_logins : email
    if last_login == null ? true : timecmp(last_login, local.cutoff) < 0
  ]
}

output "admin_last_logins" {
  value = {
    for email, last_login in local.admin_last_logins :
    email => last_login == null ? "never" : formatdate("D MMM YYYY", last_login)
  }
}
