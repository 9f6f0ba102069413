# Every administrative unit, with its administrators, groups and integrations.
data "duo_administrative_units" "all" {}

output "units" {
  value = {
    for u in data.duo_administrative_units.all.administrative_units : u.name => {
      admins       = length(u.admins)
      groups       = length(u.groups)
      integrations = length(u.integrations)
    }
  }
}
