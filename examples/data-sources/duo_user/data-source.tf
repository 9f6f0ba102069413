# One user by username, or by any of the user's aliases.
data "duo_user" "jsmith" {
  username = "jsmith"
}

# One user by ID.
data "duo_user" "by_id" {
  user_id = "DUSAMPLE000000000001"
}

output "jsmith" {
  value = {
    user_id     = data.duo_user.jsmith.user_id
    status      = data.duo_user.jsmith.status
    is_enrolled = data.duo_user.jsmith.is_enrolled
    groups      = data.duo_user.jsmith.groups[*].name
  }
}
