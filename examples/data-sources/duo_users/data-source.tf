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
