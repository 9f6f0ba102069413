# Every administrator of the account.
data "duo_admins" "all" {}

output "owners" {
  value = [for a in data.duo_admins.all.admins : a.email if a.role == "Owner"]
}

output "admins_by_status" {
  value = { for a in data.duo_admins.all.admins : a.email => a.status }
}
