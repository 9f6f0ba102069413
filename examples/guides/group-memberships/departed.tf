variable "team" {
  type    = list(string)
  default = ["jsmith", "zoe.nunez", "former.employee"]
}

# With ignore_missing, names that match nobody are listed in missing instead
# of failing the plan; the users that exist are still resolved.
data "duo_users" "team" {
  usernames      = var.team
  ignore_missing = true
  # Only users who can log in: disabled users are left out, but not missing.
  status = ["active", "bypass"]
}

check "team_in_duo" {
  assert {
    condition     = length(data.duo_users.team.missing) == 0
    error_message = "No Duo user is named ${join(", ", data.duo_users.team.missing)}: remove them from var.team."
  }
}

output "team_user_ids" {
  value = { for u in data.duo_users.team.users : u.username => u.user_id }
}
