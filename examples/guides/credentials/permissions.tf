# Plan this first with a new key: what it may read, and whether it may
# change Duo, which a key for this provider never needs.
data "duo_api_permissions" "key" {}

output "key" {
  value = data.duo_api_permissions.key
}

check "key_only_reads" {
  assert {
    condition = !anytrue([for granted in [
      data.duo_api_permissions.key.write_resource,
      data.duo_api_permissions.key.administrators_write,
      data.duo_api_permissions.key.applications_write,
      data.duo_api_permissions.key.settings_write,
      data.duo_api_permissions.key.set_permissions,
    ] : granted == true])
    error_message = "The key ${data.duo_api_permissions.key.integration_key} may change Duo: edit its Admin API application and leave the read permissions only."
  }
}
