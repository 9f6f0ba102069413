# Audits the users of a Duo account: who may log in without a second factor,
# who is locked out, who has not enrolled, who has not logged in for a while.
# Run `terraform plan`: the outputs list them, each check that fails shows as
# a warning, and nothing is created.
#
# Each duo_users keeps only the users it asks about, so the state stays small
# on an account of tens of thousands of users, and all of them share one
# read of the user listing.

terraform {
  # unix_to_rfc3339 is a provider function: Terraform 1.8, OpenTofu 1.7.
  required_version = ">= 1.8"
  required_providers {
    duo = {
      source = "idaudit/duo"
    }
  }
}

# Credentials come from DUO_INTEGRATION_KEY, DUO_SECRET_KEY and DUO_API_HOST;
# the Admin API application needs "Grant read resource" only.
provider "duo" {}

variable "inactive_days" {
  description = "After how many days without a login an active user counts as inactive."
  type        = number
  default     = 90
}

locals {
  inactive_since = timeadd(plantimestamp(), "-${var.inactive_days * 24}h")
}

data "duo_users" "bypass" {
  status = ["bypass"]
}

data "duo_users" "locked_out" {
  status = ["locked out"]
}

data "duo_users" "not_enrolled" {
  status      = ["active"]
  is_enrolled = false
}

# Active users who last logged in before inactive_since, or never did.
data "duo_users" "inactive" {
  status            = ["active"]
  last_login_before = local.inactive_since
}

check "nobody_in_bypass" {
  assert {
    condition     = length(data.duo_users.bypass.users) == 0
    error_message = "Users in bypass log in without a second factor: ${join(", ", data.duo_users.bypass.users[*].username)}. Set them back to active, or give them a bypass code that expires."
  }
}

check "everyone_enrolled" {
  assert {
    condition     = length(data.duo_users.not_enrolled.users) == 0
    error_message = "Active users who have not enrolled a device cannot complete two-factor authentication (or enroll on their next login, depending on policy): ${join(", ", data.duo_users.not_enrolled.users[*].username)}."
  }
}

output "bypass_users" {
  description = "Users who may log in without two-factor authentication."
  value       = data.duo_users.bypass.users[*].username
}

output "locked_out" {
  description = "Users who are locked out, and why."
  value       = { for u in data.duo_users.locked_out.users : u.username => u.lockout_reason }
}

output "not_enrolled" {
  description = "Active users who have not enrolled a device."
  value       = data.duo_users.not_enrolled.users[*].username
}

output "inactive" {
  description = "Active users who have not logged in for inactive_days, with their last login (null if never)."
  value = {
    for u in data.duo_users.inactive.users :
    u.username => provider::duo::unix_to_rfc3339(u.last_login)
  }
}
