variable "engineers" {
  description = "The usernames, or aliases, of the people in the engineering group."
  type        = list(string)
  default     = ["jsmith", "countess", "mary.major"]
}

# One request for up to 100 names. A name that is nobody's username or alias
# fails the plan, with every such name in the error.
data "duo_users" "engineers" {
  usernames = var.engineers
}

locals {
  # Duo user IDs, by the name given: aliases resolve to their user.
  engineer_ids = zipmap(var.engineers, data.duo_users.engineers.users[*].user_id)
}

output "engineer_ids" {
  value = local.engineer_ids
}
