data "duo_policy" "global" {
  global = true
}

data "duo_policies" "all" {}

locals {
  # Each policy of the list with its sections decoded, as duo_policy holds them.
  policies = [for p in data.duo_policies.all.policies : merge(p, { sections = jsondecode(p.sections_json) })]
}

output "global_new_user_policy" {
  value = data.duo_policy.global.sections.new_user.new_user_behavior
}

output "sections_each_policy_sets" {
  value = { for p in local.policies : p.policy_name => keys(p.sections) }
}
