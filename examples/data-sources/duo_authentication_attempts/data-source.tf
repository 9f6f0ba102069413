# The authentications of the last 30 days (the default window) by result,
# and how many users had each result.
data "duo_authentication_attempts" "month" {}

locals {
  attempts = data.duo_authentication_attempts.month.attempts
  total    = sum(concat([0], values(local.attempts)))
}

output "authentication_attempts" {
  value = {
    from        = data.duo_authentication_attempts.month.mintime
    to          = data.duo_authentication_attempts.month.maxtime
    by_result   = local.attempts
    users       = data.duo_authentication_attempts.month.users
    failed_rate = local.total == 0 ? 0 : (lookup(local.attempts, "FAILURE", 0) + lookup(local.attempts, "FRAUD", 0)) / local.total
  }
}
