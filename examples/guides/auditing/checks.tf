data "duo_users" "bypass" {
  status = ["bypass"]
}

data "duo_bypass_codes" "all" {}

# A failed assertion is a warning in plan output; the plan still succeeds.
check "nobody_in_bypass" {
  assert {
    condition     = length(data.duo_users.bypass.users) == 0
    error_message = "Users in bypass log in without a second factor: ${join(", ", data.duo_users.bypass.users[*].username)}."
  }
}

check "bypass_codes_expire" {
  assert {
    condition     = alltrue([for c in data.duo_bypass_codes.all.bypass_codes : c.expiration != null])
    error_message = "Some bypass codes never expire."
  }
}
