# Builds a map from Duo group name to the usernames in it, from the users'
# own group lists.

terraform {
  required_providers {
    duo = {
      source = "idaudit/duo"
    }
  }
}

provider "duo" {}

data "duo_users" "all" {}

locals {
  memberships = flatten([
    for u in data.duo_users.all.users : [for g in u.groups : { group = g.name, username = u.username }]
  ])
  usernames_by_group = {
    for m in local.memberships : m.group => m.username...
  }
}

output "usernames_by_group" {
  value = { for group, names in local.usernames_by_group : group => sort(names) }
}
