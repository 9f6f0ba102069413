# Who logged in with a bypass code in the seven days before the plan: the
# filter is sent to Duo, so the read costs the pages of the matches only.
data "duo_authentication_logs" "bypass_codes" {
  mintime = timeadd(plantimestamp(), "-168h")
  maxtime = plantimestamp()
  factors = ["bypass_code"]
}

# Authentications reported as fraud, or denied, of two users.
data "duo_authentication_logs" "refused" {
  mintime = timeadd(plantimestamp(), "-168h")
  maxtime = plantimestamp()
  users   = ["DUSAMPLE000000000004", "DUSAMPLE000000000008"]
  results = ["fraud", "denied"]
}

output "bypass_code_logins" {
  value = [for e in data.duo_authentication_logs.bypass_codes.authentication_logs : "${e.user.name} to ${e.application.name} at ${e.isotimestamp}"]
}

output "refused" {
  value = {
    for e in data.duo_authentication_logs.refused.authentication_logs : e.txid => "${e.user.name}: ${e.result} (${e.reason}) from ${e.access_device.ip}"
  }
}

# Where the refused authentications came from, unless Duo Desktop reported
# an encrypted disk: is_encryption_enabled is "true", "false" or "unknown".
output "refused_from_devices_not_known_encrypted" {
  value = distinct([
    for e in data.duo_authentication_logs.refused.authentication_logs : e.access_device.ip
    if e.access_device.is_encryption_enabled != "true"
  ])
}
