# The SMS and calls of the seven days before the plan, and what they cost.
data "duo_telephony_logs" "week" {
  mintime = timeadd(plantimestamp(), "-168h")
  maxtime = plantimestamp()
}

output "credits_spent" {
  value = sum(concat([0], data.duo_telephony_logs.week.telephony_logs[*].credits))
}

output "credits_by_type" {
  value = {
    for type in distinct(data.duo_telephony_logs.week.telephony_logs[*].type) :
    type => sum([for e in data.duo_telephony_logs.week.telephony_logs : e.credits if e.type == type])
  }
}
