# The policy Duo applies to one user in one application: the global
# policy, with the sections of the custom policy that applies there.
data "duo_effective_policy" "jsmith_vpn" {
  username        = "jsmith"
  integration_key = "DISAMPLE000000000003"
}

output "jsmith_vpn_methods" {
  value = data.duo_effective_policy.jsmith_vpn.sections.authentication_methods.allowed_auth_list
}

output "jsmith_vpn_skips_two_factor" {
  value = data.duo_effective_policy.jsmith_vpn.sections.authentication_policy.user_auth_behavior == "bypass"
}
