# What administrators did to applications and administrators in the seven
# days before the plan. Duo cannot filter this log: the provider reads every
# event of the window and keeps those of these actions.
data "duo_administrator_logs" "changes" {
  mintime = timeadd(plantimestamp(), "-168h")
  maxtime = plantimestamp()
  actions = ["integration_create", "integration_update", "integration_delete", "admin_create", "admin_update", "admin_delete"]
}

output "changes" {
  value = [for e in data.duo_administrator_logs.changes.administrator_logs : "${e.username}: ${e.action} ${coalesce(e.object, "-")}"]
}

# description is JSON in a string: jsondecode reads it.
output "new_administrator_roles" {
  value = {
    for e in data.duo_administrator_logs.changes.administrator_logs : e.object => try(jsondecode(e.description).role, null)
    if e.action == "admin_create"
  }
}
