# Every hardware token of the account, with who holds it.
data "duo_tokens" "all" {}

# One token by type and serial number.
data "duo_tokens" "yubikey" {
  type   = "yk"
  serial = "cccccc000003"
}

output "tokens_nobody_holds" {
  value = [
    for t in data.duo_tokens.all.tokens : "${t.type} ${t.serial}"
    if length(t.users) == 0 && length(t.admins) == 0
  ]
}

output "yubikey_holders" {
  value = flatten(data.duo_tokens.yubikey.tokens[*].users[*].username)
}
