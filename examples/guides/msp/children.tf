# Every customer's users in bypass, each read from that customer's account
# with the parent's one Accounts API key.
data "duo_child_accounts" "all" {}

data "duo_users" "bypass" {
  for_each   = { for child in data.duo_child_accounts.all.accounts : child.name => child.account_id }
  account_id = each.value
  status     = ["bypass"]
}

output "bypass_by_customer" {
  value = { for name, users in data.duo_users.bypass : name => users.users[*].username }
}
