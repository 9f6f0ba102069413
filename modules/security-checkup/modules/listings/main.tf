# The listings the security checkup reads, each only when the key may read
# it, and only what its findings need. Each output is null when its
# listing was not read.
#
# They are read in a module of their own, apart from the findings, so that
# the checkup's `terraform test` can replace them (override_module): mocks
# of data sources cannot hold lists of nested objects (Terraform 1.16
# leaves them empty, hashicorp/terraform#38369; OpenTofu wants every
# attribute of every object).

data "duo_policies" "all" {
  count      = var.may.read_resource ? 1 : 0
  account_id = var.account_id
}

# Only the users the findings name: the provider reads the user listing
# once for all four.
data "duo_users" "bypass" {
  count      = var.may.read_resource ? 1 : 0
  account_id = var.account_id
  status     = ["bypass"]
}

data "duo_users" "stale" {
  count             = var.may.read_resource ? 1 : 0
  account_id        = var.account_id
  status            = ["active"]
  last_login_before = var.stale_before
}

data "duo_users" "not_enrolled" {
  count       = var.may.read_resource ? 1 : 0
  account_id  = var.account_id
  status      = ["active"]
  is_enrolled = false
}

data "duo_users" "telephony_only" {
  count           = var.may.read_resource ? 1 : 0
  account_id      = var.account_id
  status          = ["active"]
  is_enrolled     = true
  without_factors = ["push", "webauthn", "u2f_token", "hardware_token"]
}

data "duo_phones" "tampered" {
  count      = var.may.read_resource ? 1 : 0
  account_id = var.account_id
  tampered   = ["Tampered"]
}

data "duo_bypass_codes" "all" {
  count      = var.may.read_resource ? 1 : 0
  account_id = var.account_id
}

data "duo_admins" "all" {
  count      = var.may.administrators ? 1 : 0
  account_id = var.account_id
}

data "duo_integrations" "all" {
  count      = var.may.applications ? 1 : 0
  account_id = var.account_id
}

# The authentications that passed without a second factor, or were
# reported as fraud, filtered by Duo: two reads, since Duo's filters of
# different kinds (reasons, factors) must all match.
data "duo_authentication_logs" "without_second_factor" {
  count      = var.may.read_log ? 1 : 0
  account_id = var.account_id
  mintime    = var.mintime
  maxtime    = var.maxtime
  reasons    = ["bypass_user", "allow_unenrolled_user", "user_marked_fraud"]
  max_events = var.max_log_events
}

data "duo_authentication_logs" "bypass_codes" {
  count      = var.may.read_log ? 1 : 0
  account_id = var.account_id
  mintime    = var.mintime
  maxtime    = var.maxtime
  results    = ["success"]
  factors    = ["bypass_code"]
  max_events = var.max_log_events
}

data "duo_trust_monitor_events" "window" {
  count      = var.read_trust_monitor ? 1 : 0
  account_id = var.account_id
  mintime    = var.mintime
  maxtime    = var.maxtime
  max_events = var.max_log_events
}
