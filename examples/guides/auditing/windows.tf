locals {
  # Yesterday, midnight to midnight UTC: a plan scheduled every day reads
  # each event once, whatever the hour it runs, and Duo's two-minute delay
  # has long passed for every event of the window.
  today     = formatdate("YYYY-MM-DD'T'00:00:00Z", plantimestamp())
  yesterday = timeadd(local.today, "-24h")
}

data "duo_authentication_logs" "fraud" {
  mintime = local.yesterday
  maxtime = local.today
  results = ["fraud"]
}

data "duo_trust_monitor_events" "yesterday" {
  mintime = local.yesterday
  maxtime = local.today
}

check "no_fraud_reports" {
  assert {
    condition     = length(data.duo_authentication_logs.fraud.authentication_logs) == 0
    error_message = "Reported as fraud yesterday: ${join(", ", data.duo_authentication_logs.fraud.authentication_logs[*].user.name)}."
  }
}

check "trust_monitor_triaged" {
  assert {
    condition     = alltrue([for e in data.duo_trust_monitor_events.yesterday.trust_monitor_events : e.state != "new" if e.priority_event])
    error_message = "Trust Monitor surfaced priority events yesterday that nobody has triaged."
  }
}
