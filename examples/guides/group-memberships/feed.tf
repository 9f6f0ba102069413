variable "approvers" {
  type    = list(string)
  default = ["jsmith", "countess"]
}

data "duo_users" "approvers" {
  usernames = var.approvers
  status    = ["active"]
}

# Any resource that takes a user takes these IDs, one resource per user.
# terraform_data stands in here for the membership resource of the system
# being configured.
resource "terraform_data" "approver" {
  for_each = { for u in data.duo_users.approvers.users : u.username => u.user_id }
  input = {
    duo_user_id = each.value
    email       = one([for u in data.duo_users.approvers.users : u.email if u.username == each.key])
  }
}
