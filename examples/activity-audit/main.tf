# Audits what happened in a Duo account over the last seven days: how many
# authentications succeeded, failed or were reported as fraud, which users a
# policy kept out of one application, what administrators changed (in
# applications and administrators, and in the activity log, everything),
# and how many telephony credits SMS and calls cost. Run `terraform plan` on
# a schedule: the outputs summarise the week, each check that fails shows as
# a warning, and nothing is created.
#
# Logins without a second factor (users in bypass, bypass codes, users not
# enrolled), fraud reports and Trust Monitor events nobody has triaged are
# findings of the security checkup module, over the same window
# (lookback_days): see examples/security-checkup.
#
# The Admin API application needs the permissions "Grant read log", "Grant
# read information" and "Grant applications". Duo serves an event about two
# minutes after it happens, and asks that logs be read no more than once a
# minute. The activity log is in Duo's Advantage and Premier editions.

terraform {
  required_providers {
    duo = {
      source = "idaudit/duo"
    }
  }
}

# Credentials come from DUO_INTEGRATION_KEY, DUO_SECRET_KEY and DUO_API_HOST.
provider "duo" {}

variable "days" {
  description = "How many days before the plan to audit (Duo serves the last 180)."
  type        = number
  default     = 7
}

variable "policy_application" {
  description = "The application whose denials by policy to report, by name."
  type        = string
  default     = "Expense Portal"
}

variable "max_telephony_credits" {
  description = "Above how many telephony credits spent in the window to warn."
  type        = number
  default     = 5
}

locals {
  # The same window for every log: the days before the plan.
  maxtime = plantimestamp()
  mintime = timeadd(local.maxtime, "-${var.days * 24}h")

  # Actions on applications and administrators.
  admin_actions = [
    "integration_create", "integration_update", "integration_delete", "integration_skey_view",
    "admin_create", "admin_update", "admin_delete", "admin_reset_password",
  ]
}

data "duo_integrations" "all" {}

# The filters are sent to Duo, so that the read costs the pages of its
# matches only.
data "duo_authentication_logs" "policy_denials" {
  mintime = local.mintime
  maxtime = local.maxtime
  # An application that does not exist gives an empty set, which matches nothing.
  applications = [for i in data.duo_integrations.all.integrations : i.integration_key if i.name == var.policy_application]
  reasons      = ["denied_by_policy"]
}

data "duo_administrator_logs" "changes" {
  mintime = local.mintime
  maxtime = local.maxtime
  actions = local.admin_actions
}

data "duo_telephony_logs" "all" {
  mintime = local.mintime
  maxtime = local.maxtime
}

# What administrators changed, in Duo's newer activity log: every kind of
# change, with what it was before.
data "duo_activity_logs" "all" {
  mintime = local.mintime
  maxtime = local.maxtime
}

# The window's authentications counted by Duo, beside the events read above.
data "duo_authentication_attempts" "window" {
  mintime = local.mintime
  maxtime = local.maxtime
}

locals {
  policy_denials = [for e in data.duo_authentication_logs.policy_denials.authentication_logs : "${e.user.name} at ${e.isotimestamp}"]
  admin_changes  = [for e in data.duo_administrator_logs.changes.administrator_logs : "${e.username}: ${e.action} ${coalesce(e.object, "-")} at ${e.isotimestamp}"]

  calls             = data.duo_telephony_logs.all.telephony_logs
  telephony_credits = sum(concat([0], local.calls[*].credits))

  # Administrators' changes, but their logins; a change without a target
  # (a setting) shows "-".
  activity_changes = [
    for e in data.duo_activity_logs.all.activity_logs :
    "${e.actor.name}: ${e.action} ${try(e.target.name, "-")} at ${e.ts}${try(e.outcome.result, "SUCCESS") == "SUCCESS" ? "" : " (${e.outcome.result})"}"
    if try(e.actor.type, null) == "admin" && e.action != "admin_login"
  ]
}

check "no_policy_denials" {
  assert {
    condition     = length(local.policy_denials) == 0
    error_message = "A policy denied ${length(local.policy_denials)} logins to ${var.policy_application} in the last ${var.days} days: ${join("; ", local.policy_denials)}. Check the application's policy if these users need it."
  }
}

check "admin_changes_reviewed" {
  assert {
    condition     = length(local.admin_changes) == 0
    error_message = "Changes to applications and administrators in the last ${var.days} days: ${join("; ", local.admin_changes)}. Review that each was intended."
  }
}

check "telephony_credits" {
  assert {
    condition     = local.telephony_credits <= var.max_telephony_credits
    error_message = "SMS and calls cost ${local.telephony_credits} telephony credits in the last ${var.days} days, more than ${var.max_telephony_credits}. Move users to Duo Push, which costs none."
  }
}

output "window" {
  description = "The window every log was read over."
  value       = { from = local.mintime, to = local.maxtime }
}

output "policy_denials" {
  description = "The logins a policy denied to the application, oldest first."
  value       = local.policy_denials
}

output "admin_changes" {
  description = "What was done to applications and administrators, oldest first."
  value       = local.admin_changes
}

output "changed_by_administrators" {
  description = "Everything administrators changed, from the activity log, oldest first."
  value       = local.activity_changes
}

output "authentication_attempts" {
  description = "The window's authentications by result (SUCCESS, FAILURE, ERROR, FRAUD), and how many users had each result."
  value = {
    attempts = data.duo_authentication_attempts.window.attempts
    users    = data.duo_authentication_attempts.window.users
  }
}

output "telephony_credits" {
  description = "The telephony credits spent, in all and by type (sms, phone)."
  value = {
    total = local.telephony_credits
    by_type = {
      for type in distinct(local.calls[*].type) :
      type => sum([for c in local.calls : c.credits if c.type == type])
    }
  }
}
