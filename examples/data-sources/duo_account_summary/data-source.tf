data "duo_account_summary" "account" {}

output "telephony_credits_remaining" {
  value = data.duo_account_summary.account.telephony_credits_remaining
}

output "users" {
  value = data.duo_account_summary.account.user_count
}
