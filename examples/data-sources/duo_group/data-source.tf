# One group by name, with its members.
data "duo_group" "engineering" {
  name            = "Engineering"
  include_members = true
}

# One group by ID, without its members.
data "duo_group" "by_id" {
  group_id = "DGSAMPLE000000000002"
}

output "engineering_members" {
  value = data.duo_group.engineering.users[*].username
}

output "vpn_group" {
  value = {
    name   = data.duo_group.by_id.name
    status = data.duo_group.by_id.status
  }
}
