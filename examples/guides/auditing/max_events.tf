# A busy account's week holds more authentications than the default
# max_events (1000): filter to what the audit asks about, or, to read the
# whole window, say how many the state may hold.
data "duo_authentication_logs" "denied" {
  mintime    = timeadd(plantimestamp(), "-168h")
  maxtime    = plantimestamp()
  results    = ["denied"]
  max_events = 5000
}

output "denials_by_reason" {
  value = {
    for reason in distinct(data.duo_authentication_logs.denied.authentication_logs[*].reason) :
    reason => length([for e in data.duo_authentication_logs.denied.authentication_logs : e if e.reason == reason])
  }
}
