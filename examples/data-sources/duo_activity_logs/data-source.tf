# What administrators changed in the seven days before the plan, oldest
# first, from Duo's activity log.
data "duo_activity_logs" "week" {
  mintime = timeadd(plantimestamp(), "-168h")
  maxtime = plantimestamp()
}

output "changed_by_administrators" {
  value = [
    for e in data.duo_activity_logs.week.activity_logs :
    "${e.ts}: ${e.actor.name} ${e.action} ${try(e.target.name, "-")} (${try(e.outcome.result, "no result")})"
    if try(e.actor.type, null) == "admin" && e.action != "admin_login"
  ]
}

# What Duo tells of a change is JSON in a string: jsondecode reads it.
output "targets_changed" {
  value = {
    for e in data.duo_activity_logs.week.activity_logs : e.activity_id => jsondecode(e.target.details)
    if try(e.target.details, null) != null
  }
}
