# Who enrolled in, or lost, offline access to Windows Logon and macOS
# logins in the 30 days before the plan.
data "duo_offline_enrollment_logs" "month" {
  mintime = timeadd(plantimestamp(), "-720h")
  maxtime = plantimestamp()
}

output "offline_enrollments" {
  value = [
    for e in data.duo_offline_enrollment_logs.month.offline_enrollment_logs :
    "${e.isotimestamp}: ${e.username} ${e.action} on ${e.object}${e.description == null ? "" : " (${jsondecode(e.description).hostname})"}"
  ]
}
