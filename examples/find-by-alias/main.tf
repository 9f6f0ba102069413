# Finds users by an alias, such as an employee number or an old username that
# other systems still use.

terraform {
  required_providers {
    duo = {
      source = "idaudit/duo"
    }
  }
}

provider "duo" {}

variable "aliases" {
  description = "Aliases to resolve to usernames."
  type        = list(string)
  default     = ["john.smith", "countess", "mmajor", "no-such-alias"]
}

# duo_users with username matches a username or any alias, and returns an
# empty list, not an error, when nobody matches.
data "duo_users" "by_alias" {
  for_each = toset(var.aliases)
  username = each.value
}

output "username_by_alias" {
  value = { for alias, found in data.duo_users.by_alias : alias => try(found.users[0].username, null) }
}

output "unknown_aliases" {
  value = [for alias, found in data.duo_users.by_alias : alias if length(found.users) == 0]
}
