# The global policy: its sections are an object, read without jsondecode.
data "duo_policy" "global" {
  global = true
}

# A custom policy, by name (or by policy_key).
data "duo_policy" "vpn" {
  policy_name = "VPN – strict"
}

output "global_new_user_policy" {
  value = data.duo_policy.global.sections.new_user.new_user_behavior # enroll, allow or deny
}

# A section a custom policy does not set is the global policy's.
output "vpn_authentication_methods" {
  value = try(data.duo_policy.vpn.sections.authentication_methods, data.duo_policy.global.sections.authentication_methods)
}

output "vpn_applies_to" {
  value = data.duo_policy.vpn.applies_to[*].app_name
}
