# With the Accounts API key of an MSP's parent account: every customer
# account, and the settings of each, read through that one key.
data "duo_child_accounts" "all" {}

data "duo_settings" "customer" {
  for_each   = { for child in data.duo_child_accounts.all.accounts : child.account_id => child }
  account_id = each.key
}

output "lockout_threshold_by_customer" {
  value = { for id, settings in data.duo_settings.customer : settings.name => settings.lockout_threshold }
}
