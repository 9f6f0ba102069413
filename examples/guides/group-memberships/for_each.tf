variable "members" {
  description = "The usernames, or aliases, of the group's members."
  type        = set(string)
  default     = ["jsmith", "countess", "mary.major", "zoe.nunez"]
}

# One duo_user for each member. Terraform reads them about ten at a time, and
# the provider sends the lookups that arrive together in one request: 300
# members cost about 30 requests, not 300. A name that is nobody's username or
# alias fails its own instance only.
data "duo_user" "member" {
  for_each = var.members
  username = each.value
}

output "member_ids" {
  value = { for name, user in data.duo_user.member : name => user.user_id }
}
