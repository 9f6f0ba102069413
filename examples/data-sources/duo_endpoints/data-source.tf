# Every endpoint Duo knows of: the devices that reached applications Duo
# protects in the last 30 days.
data "duo_endpoints" "all" {}

output "endpoints_without_disk_encryption" {
  value = [
    for e in data.duo_endpoints.all.endpoints : "${coalesce(e.device_name, e.epkey)} (${coalesce(e.username, "no user")})"
    if e.disk_encryption_status == "Off"
  ]
}

output "untrusted_endpoints" {
  value = [for e in data.duo_endpoints.all.endpoints : coalesce(e.device_name, e.epkey) if e.trusted_endpoint != "yes"]
}

output "endpoints_by_os" {
  value = {
    for os in distinct(data.duo_endpoints.all.endpoints[*].os_family) :
    os => length([for e in data.duo_endpoints.all.endpoints : e if e.os_family == os])
  }
}
