variable "account_id" {
  description = "The child account to check, by its `account_id` (as `duo_child_accounts` lists them), when the provider's key is the Accounts API key of an MSP's parent account. Null checks the provider's own account (or the provider's `account_id`)."
  type        = string
  default     = null
}

variable "exclude" {
  description = "Ids of findings to leave out, such as `[\"telephony_credits\"]`: they are not evaluated, not in the outputs and raise no warning."
  type        = set(string)
  default     = []
  nullable    = false
}

variable "accepted" {
  description = "Known exceptions, by finding id: the items (usernames, policy names, emails, application names, phone IDs, setting names, as the finding's `affected` names them before any parenthesis) to take out of its `affected`, such as `{ no_users_in_bypass = [\"svc-backup\"] }`. The finding's `detail` names them; a finding left with nothing affected passes."
  type        = map(list(string))
  default     = {}
  nullable    = false
}

variable "stale_after_days" {
  description = "After how many days without a login an active user or an administrator is reported (`users_active`, `admins_active`)."
  type        = number
  default     = 90
  nullable    = false
  validation {
    condition     = var.stale_after_days >= 1 && floor(var.stale_after_days) == var.stale_after_days
    error_message = "stale_after_days must be a whole number of days, at least 1."
  }
}

variable "enrollment_grace_days" {
  description = "How many days an active user may go without enrolling after being created (`users_enrolled`)."
  type        = number
  default     = 14
  nullable    = false
  validation {
    condition     = var.enrollment_grace_days >= 0 && floor(var.enrollment_grace_days) == var.enrollment_grace_days
    error_message = "enrollment_grace_days must be a whole number of days, 0 or more."
  }
}

variable "max_owners" {
  description = "The most administrators that may have the role Owner (`few_owners`)."
  type        = number
  default     = 3
  nullable    = false
  validation {
    condition     = var.max_owners >= 1 && floor(var.max_owners) == var.max_owners
    error_message = "max_owners must be a whole number, at least 1: an account needs an Owner."
  }
}

variable "max_remembered_days" {
  description = "The most days a policy may let a browser remember a device (`remembered_devices_limited`)."
  type        = number
  default     = 7
  nullable    = false
  validation {
    condition     = var.max_remembered_days >= 0
    error_message = "max_remembered_days must be 0 or more."
  }
}

variable "lookback_days" {
  description = "How many days before the plan the log findings read (`no_bypass_logins`, `no_unenrolled_logins`, `no_fraud_reports`, `trust_monitor_triaged`). Duo keeps 180 days of logs."
  type        = number
  default     = 7
  nullable    = false
  validation {
    condition     = var.lookback_days >= 1 && var.lookback_days <= 180 && floor(var.lookback_days) == var.lookback_days
    error_message = "lookback_days must be a whole number of days from 1 to 180: Duo keeps 180 days of logs."
  }
}

variable "max_log_events" {
  description = "The most events each log read may return (the log data sources' `max_events`): a window with more fails the plan, saying how many, rather than leave events out. Raise it for an account with many bypass logins, or shorten `lookback_days`."
  type        = number
  default     = 1000
  nullable    = false
  validation {
    condition     = var.max_log_events >= 1 && floor(var.max_log_events) == var.max_log_events
    error_message = "max_log_events must be a whole number, at least 1."
  }
}

variable "min_telephony_credits" {
  description = "Below how many telephony credits left to report (`telephony_credits`)."
  type        = number
  default     = 100
  nullable    = false
  validation {
    condition     = var.min_telephony_credits >= 0
    error_message = "min_telephony_credits must be 0 or more."
  }
}
