# Every group of the account, every page.
data "duo_groups" "all" {}

# The groups named exactly "VPN Users": a list of one group, or of none.
data "duo_groups" "vpn" {
  name = "VPN Users"
}

output "group_names" {
  value = data.duo_groups.all.groups[*].name
}

output "vpn_group_exists" {
  value = length(data.duo_groups.vpn.groups) == 1
}
