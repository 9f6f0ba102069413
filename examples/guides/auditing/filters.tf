# Contractors who have not enrolled a device: a few users of a large account.
data "duo_users" "contractors_not_enrolled" {
  groups      = ["Contractors", "VPN Users"]
  is_enrolled = false
  status      = ["active", "bypass"]
}

# Active users who have not logged in for 90 days, or never did.
data "duo_users" "inactive" {
  status            = ["active"]
  last_login_before = timeadd(plantimestamp(), "-2160h")
}

output "contractors_not_enrolled" {
  value = data.duo_users.contractors_not_enrolled.users[*].username
}

output "inactive" {
  value = data.duo_users.inactive.users[*].username
}
