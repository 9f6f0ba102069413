# The listings the security checkup reads, each only when the key may read
# it, and only what its findings need. Each output is null when its
# listing was not read.
#
# They are read in a module of their own, apart from the findings, so that
# the checkup's `terraform test` can replace them (override_module): mocks
# of data sources cannot hold lists of nested objects (Terraform 1.16
# leaves them empty, hashicorp/terraform#38369; OpenTofu wants every
# attribute of every object).

terraform {
  required_version = ">= 1.5.7"

  required_providers {
    duo = {
      source = "idaudit/duo"
    }
  }
}

variable "may" {
  description = "Which grants the key has, from duo_api_permissions: read_resource, read_log, administrators and applications."
  type = object({
    read_resource  = bool
    read_log       = bool
    administrators = bool
    applications   = bool
  })
}

variable "stale_before" {
  description = "The users who last logged in before this RFC 3339 time, or never, are read as stale."
  type        = string
}

variable "mintime" {
  description = "The start of the log window, RFC 3339."
  type        = string
}

variable "maxtime" {
  description = "The end of the log window, RFC 3339."
  type        = string
}

variable "max_log_events" {
  description = "The most events each log read may return."
  type        = number
}

variable "read_trust_monitor" {
  description = "Whether to read Trust Monitor: the key may read logs and the account's edition has Trust Monitor."
  type        = bool
}

data "duo_policies" "all" {
  count = var.may.read_resource ? 1 : 0
}

# Only the users the findings name: the provider reads the user listing
# once for all four.
data "duo_users" "bypass" {
  count  = var.may.read_resource ? 1 : 0
  status = ["bypass"]
}

data "duo_users" "stale" {
  count             = var.may.read_resource ? 1 : 0
  status            = ["active"]
  last_login_before = var.stale_before
}

data "duo_users" "not_enrolled" {
  count       = var.may.read_resource ? 1 : 0
  status      = ["active"]
  is_enrolled = false
}

data "duo_users" "telephony_only" {
  count           = var.may.read_resource ? 1 : 0
  status          = ["active"]
  is_enrolled     = true
  without_factors = ["push", "webauthn", "u2f_token", "hardware_token"]
}

data "duo_phones" "tampered" {
  count    = var.may.read_resource ? 1 : 0
  tampered = ["Tampered"]
}

data "duo_bypass_codes" "all" {
  count = var.may.read_resource ? 1 : 0
}

data "duo_admins" "all" {
  count = var.may.administrators ? 1 : 0
}

data "duo_integrations" "all" {
  count = var.may.applications ? 1 : 0
}

# The authentications that passed without a second factor, or were
# reported as fraud, filtered by Duo: two reads, since Duo's filters of
# different kinds (reasons, factors) must all match.
data "duo_authentication_logs" "without_second_factor" {
  count      = var.may.read_log ? 1 : 0
  mintime    = var.mintime
  maxtime    = var.maxtime
  reasons    = ["bypass_user", "allow_unenrolled_user", "user_marked_fraud"]
  max_events = var.max_log_events
}

data "duo_authentication_logs" "bypass_codes" {
  count      = var.may.read_log ? 1 : 0
  mintime    = var.mintime
  maxtime    = var.maxtime
  results    = ["success"]
  factors    = ["bypass_code"]
  max_events = var.max_log_events
}

data "duo_trust_monitor_events" "window" {
  count      = var.read_trust_monitor ? 1 : 0
  mintime    = var.mintime
  maxtime    = var.maxtime
  max_events = var.max_log_events
}

output "policies" {
  description = "Every policy (duo_policies)."
  value       = one(data.duo_policies.all[*].policies)
}

output "bypass_users" {
  description = "The users in bypass."
  value       = one(data.duo_users.bypass[*].users)
}

output "stale_users" {
  description = "The active users who last logged in before stale_before, or never."
  value       = one(data.duo_users.stale[*].users)
}

output "not_enrolled_users" {
  description = "The active users who have not enrolled."
  value       = one(data.duo_users.not_enrolled[*].users)
}

output "telephony_only_users" {
  description = "The active, enrolled users without Duo Push, a WebAuthn credential, a U2F key or a hardware token."
  value       = one(data.duo_users.telephony_only[*].users)
}

output "tampered_phones" {
  description = "The phones Duo Mobile reports as tampered."
  value       = one(data.duo_phones.tampered[*].phones)
}

output "bypass_codes" {
  description = "Every bypass code."
  value       = one(data.duo_bypass_codes.all[*].bypass_codes)
}

output "admins" {
  description = "Every administrator."
  value       = one(data.duo_admins.all[*].admins)
}

output "integrations" {
  description = "Every integration."
  value       = one(data.duo_integrations.all[*].integrations)
}

output "logins_without_second_factor" {
  description = "The window's authentications of users in bypass or not enrolled, and its fraud reports."
  value       = one(data.duo_authentication_logs.without_second_factor[*].authentication_logs)
}

output "bypass_code_logins" {
  description = "The window's successful authentications with a bypass code."
  value       = one(data.duo_authentication_logs.bypass_codes[*].authentication_logs)
}

output "trust_monitor_events" {
  description = "The window's Trust Monitor events."
  value       = one(data.duo_trust_monitor_events.window[*].trust_monitor_events)
}
