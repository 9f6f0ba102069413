# Audits what happened in a Duo account over the last seven days: how many
# authentications succeeded, failed or were reported as fraud, who logged in
# with a bypass code or as a user in bypass, which authentications were
# reported as fraud, which users a policy kept out of one application, what
# administrators changed (in applications and administrators, and in the
# activity log, everything), which Trust Monitor priority events nobody has
# triaged, and how many telephony credits SMS and calls cost. Run `terraform
# plan` on a schedule: the outputs summarise the week, each check that fails
# shows as a warning, and nothing is created.
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

# Each filter is sent to Duo, so that each read costs the pages of its
# matches only.
data "duo_authentication_logs" "bypass_codes" {
  mintime = local.mintime
  maxtime = local.maxtime
  factors = ["bypass_code"]
}

data "duo_authentication_logs" "bypass_users" {
  mintime = local.mintime
  maxtime = local.maxtime
  reasons = ["bypass_user"]
}

data "duo_authentication_logs" "fraud" {
  mintime = local.mintime
  maxtime = local.maxtime
  results = ["fraud"]
}

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

data "duo_trust_monitor_events" "all" {
  mintime = local.mintime
  maxtime = local.maxtime
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
  bypass_code_logins = [for e in data.duo_authentication_logs.bypass_codes.authentication_logs : "${e.user.name} to ${e.application.name} at ${e.isotimestamp}"]
  bypass_user_logins = [for e in data.duo_authentication_logs.bypass_users.authentication_logs : "${e.user.name} to ${e.application.name} at ${e.isotimestamp}"]
  fraud_reports      = [for e in data.duo_authentication_logs.fraud.authentication_logs : "${e.user.name} to ${e.application.name} at ${e.isotimestamp} (${e.access_device.ip}, ${coalesce(e.access_device.location.country, "unknown country")})"]
  policy_denials     = [for e in data.duo_authentication_logs.policy_denials.authentication_logs : "${e.user.name} at ${e.isotimestamp}"]
  admin_changes      = [for e in data.duo_administrator_logs.changes.administrator_logs : "${e.username}: ${e.action} ${coalesce(e.object, "-")} at ${e.isotimestamp}"]

  # Priority events that nobody has triaged yet.
  untriaged = {
    for e in data.duo_trust_monitor_events.all.trust_monitor_events : e.sekey => "${e.type}: ${join(" ", e.explanations[*].summary)}"
    if e.priority_event && e.state == "new"
  }

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

check "no_bypass_code_logins" {
  assert {
    condition     = length(local.bypass_code_logins) == 0
    error_message = "Logins with a bypass code in the last ${var.days} days: ${join("; ", local.bypass_code_logins)}. Check with each user that it was them, and that the code is still needed."
  }
}

check "no_bypass_user_logins" {
  assert {
    condition     = length(local.bypass_user_logins) == 0
    error_message = "Logins without a second factor by users in bypass in the last ${var.days} days: ${join("; ", local.bypass_user_logins)}. Set them back to active."
  }
}

check "no_fraud_reports" {
  assert {
    condition     = length(local.fraud_reports) == 0
    error_message = "Authentications reported as fraud in the last ${var.days} days: ${join("; ", local.fraud_reports)}. Someone else may have these users' passwords: reset them."
  }
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

check "trust_monitor_triaged" {
  assert {
    condition     = length(local.untriaged) == 0
    error_message = "Trust Monitor priority events nobody has triaged: ${join("; ", [for sekey, about in local.untriaged : "${sekey} (${about})"])}. Triage them in the Admin Panel."
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

output "authentications" {
  description = "The authentications the audit asks about."
  value = {
    bypass_codes   = local.bypass_code_logins
    bypass_users   = local.bypass_user_logins
    fraud          = local.fraud_reports
    policy_denials = local.policy_denials
  }
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

output "untriaged_trust_monitor_events" {
  description = "Trust Monitor priority events not triaged yet, by sekey."
  value       = local.untriaged
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
