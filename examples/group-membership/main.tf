# Looks up the Duo users that a group membership refers to, so that a typo or
# a departed user fails the plan instead of producing a silent gap.

terraform {
  required_providers {
    duo = {
      source = "idaudit/duo"
    }
  }
}

provider "duo" {}

variable "admins" {
  description = "Usernames (or aliases) of the people in the admins group."
  type        = set(string)
  default     = ["jsmith", "countess"]
}

data "duo_user" "admin" {
  for_each = var.admins
  username = each.value
}

locals {
  # The IDs to feed to whatever manages the membership.
  admin_user_ids = sort([for u in data.duo_user.admin : u.user_id])
}

check "admins_can_log_in" {
  assert {
    condition     = alltrue([for u in data.duo_user.admin : u.status == "active" && u.is_enrolled])
    error_message = "Every admin must be active and enrolled in Duo."
  }
}

output "admin_user_ids" {
  value = local.admin_user_ids
}
