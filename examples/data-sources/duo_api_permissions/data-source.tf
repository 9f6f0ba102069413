# The first thing to plan with a new key: what it may read, and whether it
# may change Duo. No missing permission fails this read.
data "duo_api_permissions" "key" {}

locals {
  key = data.duo_api_permissions.key
  reads = {
    read_resource    = local.key.read_resource
    read_log         = local.key.read_log
    read_information = local.key.read_information
    settings         = local.key.settings
    administrators   = local.key.administrators
    applications     = local.key.applications
  }
  writes = {
    write_resource       = local.key.write_resource
    administrators_write = local.key.administrators_write
    applications_write   = local.key.applications_write
    settings_write       = local.key.settings_write
    set_permissions      = local.key.set_permissions
  }
}

check "key_only_reads" {
  assert {
    condition     = !anytrue([for granted in values(local.writes) : granted == true])
    error_message = "The key ${local.key.integration_key} may change Duo (${join(", ", [for name, granted in local.writes : name if granted == true])}). This provider only reads: give it an Admin API application with read permissions only."
  }
}

output "permissions" {
  value = {
    learned_from = local.key.learned_from
    may_read     = [for name, granted in local.reads : name if granted]
    may_not_read = [for name, granted in local.reads : name if !granted]
    # Null where the key may not read its own application: it cannot be
    # told without writing.
    may_change = { for name, granted in local.writes : name => granted }
  }
}
