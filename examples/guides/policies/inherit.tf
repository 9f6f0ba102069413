data "duo_policy" "global" {
  global = true
}

data "duo_policies" "all" {}

locals {
  global_sections = data.duo_policy.global.sections

  # What each policy in use enforces, section by section: its own section,
  # else the global policy's.
  enforced = {
    for p in data.duo_policies.all.policies : p.policy_name => {
      for name in keys(local.global_sections) :
      name => try(jsondecode(p.sections_json)[name], local.global_sections[name])
    }
    if try(length(p.applies_to) > 0, true) # the global policy, or a custom policy in use
  }
}

check "no_sms_or_phone_calls" {
  assert {
    condition = alltrue([
      for name, sections in local.enforced :
      length(setintersection(sections.authentication_methods.allowed_auth_list, ["sms", "phonecall"])) == 0
    ])
    error_message = "Policies that allow SMS or phone call authentication: ${join(", ", [
      for name, sections in local.enforced : name
      if length(setintersection(sections.authentication_methods.allowed_auth_list, ["sms", "phonecall"])) > 0
    ])}."
  }
}
