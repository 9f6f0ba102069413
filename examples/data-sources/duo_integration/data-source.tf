# One integration by integration key, without its secret key.
data "duo_integration" "reporting" {
  integration_key = "DISAMPLE000000000002"
}

# The secret key too. The key is then in the Terraform state: keep the
# state as secret as the key. With Terraform 1.10+ or OpenTofu 1.11+, read
# it with the duo_integration_secret_key ephemeral resource instead.
data "duo_integration" "vpn" {
  integration_key    = "DISAMPLE000000000003"
  include_secret_key = true
}

output "reporting_permissions" {
  value = {
    read_resource  = data.duo_integration.reporting.adminapi_read_resource == 1
    write_resource = data.duo_integration.reporting.adminapi_write_resource == 1
  }
}

output "vpn_secret_key" {
  value     = data.duo_integration.vpn.secret_key
  sensitive = true
}
