# Audits a Duo account: who can log in without a second factor, who has not
# enrolled, who has no phone, who is locked out. Run `terraform plan` and read
# the outputs; nothing is created.

terraform {
  required_providers {
    duo = {
      source = "idaudit/duo"
    }
  }
}

# Credentials come from DUO_INTEGRATION_KEY, DUO_SECRET_KEY and DUO_API_HOST.
provider "duo" {}

data "duo_users" "all" {}

locals {
  users = data.duo_users.all.users
}

output "user_count_by_status" {
  description = "How many users have each status."
  value = {
    for status in distinct(local.users[*].status) :
    status => length([for u in local.users : u if u.status == status])
  }
}

output "bypass_users" {
  description = "Users who may log in without two-factor authentication."
  value       = [for u in local.users : u.username if u.status == "bypass"]
}

output "not_enrolled" {
  description = "Active users who have not enrolled a device."
  value       = [for u in local.users : u.username if u.status == "active" && !u.is_enrolled]
}

output "without_phone" {
  description = "Active users with no phone or authenticator device."
  value       = [for u in local.users : u.username if u.status == "active" && length(u.phones) == 0]
}

output "locked_out" {
  description = "Users who are locked out, and why."
  value       = { for u in local.users : u.username => u.lockout_reason if u.status == "locked out" }
}

output "tampered_phones" {
  description = "Users with a phone that Duo Mobile reports as jailbroken or rooted."
  value       = distinct(flatten([for u in local.users : [for p in u.phones : u.username if p.tampered == "Tampered"]]))
}
