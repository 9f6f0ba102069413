# What Trust Monitor surfaced in the seven days before the plan.
data "duo_trust_monitor_events" "week" {
  mintime = timeadd(plantimestamp(), "-168h")
  maxtime = plantimestamp()
}

# Only the users put in bypass.
data "duo_trust_monitor_events" "bypass" {
  mintime = timeadd(plantimestamp(), "-168h")
  maxtime = plantimestamp()
  type    = "bypass_status"
}

# Priority events that nobody has triaged yet.
output "untriaged_priority_events" {
  value = {
    for e in data.duo_trust_monitor_events.week.trust_monitor_events : e.sekey => e.explanations[*].summary
    if e.priority_event && e.state == "new"
  }
}

output "put_in_bypass" {
  value = [for e in data.duo_trust_monitor_events.bypass.trust_monitor_events : "${e.enabled_for.name} by ${e.enabled_by.name}"]
}

# An auth event's surfaced_auth is an authentication log event.
output "surfaced_authentications" {
  value = [
    for e in data.duo_trust_monitor_events.week.trust_monitor_events : "${e.surfaced_auth.user.name} from ${e.surfaced_auth.access_device.ip}"
    if e.type == "auth"
  ]
}
