# Every integration of the account. No secret key is read.
data "duo_integrations" "all" {}

output "admin_api_apps_that_can_write" {
  value = [
    for i in data.duo_integrations.all.integrations : i.name
    if i.type == "adminapi" && i.adminapi_write_resource == 1
  ]
}

output "integrations_by_type" {
  value = {
    for type in distinct(data.duo_integrations.all.integrations[*].type) :
    type => [for i in data.duo_integrations.all.integrations : i.name if i.type == type]
  }
}
