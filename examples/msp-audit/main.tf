# Audits every customer account of a managed service provider in one plan:
# for each child account of the MSP's parent account, the users in bypass,
# whether the global policy lets new users in without enrolling, and who
# the Owners are. Run `terraform plan`: the output lists them by customer,
# each check that fails names the customers it fails for, and nothing is
# created.
#
# One key reads them all: that of the parent account's Accounts API
# application. Each data source names its customer with account_id, and
# the provider sends its requests to that customer's own API host.

terraform {
  required_providers {
    duo = {
      source = "idaudit/duo"
    }
  }
}

# Credentials come from DUO_INTEGRATION_KEY, DUO_SECRET_KEY and DUO_API_HOST:
# the parent account's Accounts API application and its API host.
provider "duo" {}

variable "excluded_account_ids" {
  description = "Child accounts not to audit, such as those in another Duo deployment than the parent, which Duo does not let the Accounts API read."
  type        = set(string)
  default     = []
}

variable "max_owners" {
  description = "The most administrators with the Owner role a customer account should have."
  type        = number
  default     = 3
}

data "duo_child_accounts" "all" {}

locals {
  # Customer name => account ID.
  customers = {
    for child in data.duo_child_accounts.all.accounts : child.name => child.account_id
    if !contains(var.excluded_account_ids, child.account_id)
  }
}

data "duo_users" "bypass" {
  for_each   = local.customers
  account_id = each.value
  status     = ["bypass"]
}

data "duo_policy" "global" {
  for_each   = local.customers
  account_id = each.value
  global     = true
}

data "duo_admins" "all" {
  for_each   = local.customers
  account_id = each.value
}

locals {
  audit = {
    for name, id in local.customers : name => {
      account_id   = id
      bypass_users = sort(data.duo_users.bypass[name].users[*].username)
      # allow lets a user who has not enrolled in while the policy applies.
      new_user_behavior = try(data.duo_policy.global[name].sections.new_user.new_user_behavior, null)
      owners            = sort([for admin in data.duo_admins.all[name].admins : admin.email if admin.role == "Owner"])
    }
  }
}

output "customers" {
  value = local.audit
}

check "no_users_in_bypass" {
  assert {
    condition     = alltrue([for customer in values(local.audit) : length(customer.bypass_users) == 0])
    error_message = "Users in bypass log in without a second factor: ${join("; ", [for name, customer in local.audit : "${name}: ${join(", ", customer.bypass_users)}" if length(customer.bypass_users) > 0])}. Set them back to active, or give them bypass codes that expire."
  }
}

check "new_users_enroll" {
  assert {
    condition     = alltrue([for customer in values(local.audit) : customer.new_user_behavior != "allow"])
    error_message = "The global policy lets new users in without enrolling in: ${join(", ", [for name, customer in local.audit : name if customer.new_user_behavior == "allow"])}. In the Admin Panel, set the global policy's New User policy to Require enrollment."
  }
}

check "few_owners" {
  assert {
    condition     = alltrue([for customer in values(local.audit) : length(customer.owners) <= var.max_owners])
    error_message = "More than ${var.max_owners} Owners in: ${join("; ", [for name, customer in local.audit : "${name}: ${join(", ", customer.owners)}" if length(customer.owners) > var.max_owners])}. Give the others a role with fewer rights."
  }
}
