# Every policy, with its sections as JSON and where it applies.
data "duo_policies" "all" {}

output "where_policies_apply" {
  value = {
    for p in data.duo_policies.all.policies : p.policy_name => (
      # The global policy applies wherever no custom policy does.
      p.applies_to == null ? ["(every application no custom policy covers)"] :
      [for a in p.applies_to : a.apply_type == "group_app" ? "${a.group_name} in ${a.app_name}" : a.app_name]
    )
  }
}

# A list's policies hold their sections as JSON: jsondecode reads them.
output "policies_that_skip_two_factor" {
  value = [
    for p in data.duo_policies.all.policies : p.policy_name
    if try(jsondecode(p.sections_json).authentication_policy.user_auth_behavior, null) == "bypass"
  ]
}
