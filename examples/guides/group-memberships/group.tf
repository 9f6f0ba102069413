# The members of a Duo group, by its name.
data "duo_group" "engineering" {
  name            = "Engineering"
  include_members = true
}

output "engineering_user_ids" {
  value = data.duo_group.engineering.users[*].user_id
}
