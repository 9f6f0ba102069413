# The telephony credits that SMS and phone calls used in the seven days
# before the plan (maxtime defaults to the time of the read).
data "duo_telephony_credits_used" "week" {
  mintime = timeadd(plantimestamp(), "-168h")
}

output "telephony_credits_used" {
  value = data.duo_telephony_credits_used.week.telephony_credits_used
}
