# The security checkup of every customer account of a managed service
# provider, in one plan: the module once for each child account of the MSP's
# parent account, and an output of the failed findings by customer. Each
# failed finding shows as a warning of `terraform plan` that names the
# customer's account. Nothing is created.
#
# One key reads them all: that of the parent account's Accounts API
# application. The module reads each child with account_id, from the
# child's own API host.

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
  description = "Child accounts not to check, such as those in another Duo deployment than the parent, which Duo does not let the Accounts API read."
  type        = set(string)
  default     = []
}

data "duo_child_accounts" "all" {}

module "checkup" {
  # From outside this repository:
  # source = "github.com/idaudit/terraform-provider-duo//modules/security-checkup?ref=v0.1.0"
  source = "../../modules/security-checkup"
  for_each = {
    for child in data.duo_child_accounts.all.accounts : child.name => child.account_id
    if !contains(var.excluded_account_ids, child.account_id)
  }

  account_id = each.value
}

output "failed_by_customer" {
  description = "For each customer, the findings that fail, high severity first, with what they affect."
  value = {
    for customer, checkup in module.checkup : customer => [
      for id in checkup.failed : {
        id       = id
        severity = checkup.findings[id].severity
        affected = checkup.findings[id].affected
      }
    ]
  }
}

output "summary_by_customer" {
  description = "For each customer, how many findings fail, by severity, and how many could not be evaluated."
  value = {
    for customer, checkup in module.checkup : customer => {
      fail    = checkup.summary.fail
      unknown = checkup.summary.unknown.total
    }
  }
}
