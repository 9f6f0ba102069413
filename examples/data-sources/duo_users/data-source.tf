# Every user of the account, every page.
data "duo_users" "all" {}

# One user by username or alias: a list of one user, or of none.
data "duo_users" "jsmith" {
  username = "jsmith"
}

# A slice of the listing: 50 users from the 101st on.
data "duo_users" "page" {
  offset = 100
  limit  = 50
}

output "user_count" {
  value = length(data.duo_users.all.users)
}

output "jsmith_exists" {
  value = length(data.duo_users.jsmith.users) == 1
}

# Several users by username or alias, in the order given. Names that match
# nobody are listed in missing instead of failing the read.
data "duo_users" "team" {
  usernames      = ["jsmith", "zoe.nunez", "countess", "former.employee"]
  ignore_missing = true
}

# Several users by ID.
data "duo_users" "by_id" {
  user_ids = ["DUSAMPLE000000000001", "DUSAMPLE000000000002"]
}

# The users with one email address.
data "duo_users" "by_email" {
  email = "john.smith@example.com"
}

output "team_not_in_duo" {
  value = data.duo_users.team.missing
}
