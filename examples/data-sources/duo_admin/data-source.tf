# One administrator by email address (matched without regard to case).
data "duo_admin" "olivia" {
  email = "olivia.ortega@example.com"
}

# One administrator by ID.
data "duo_admin" "by_id" {
  admin_id = "DESAMPLE000000000003"
}

output "olivia" {
  value = {
    role       = data.duo_admin.olivia.role
    status     = data.duo_admin.olivia.status
    last_login = data.duo_admin.olivia.last_login
  }
}

output "by_id_has_a_hardware_token" {
  value = data.duo_admin.by_id.hardtoken != null
}
