# What Duo tells of every bypass code: who holds it, who made it, when it
# expires. The codes themselves are never read.
data "duo_bypass_codes" "all" {}

output "codes_that_never_expire" {
  value = [for c in data.duo_bypass_codes.all.bypass_codes : c.user.username if c.expiration == null]
}

output "code_holders" {
  value = distinct([for c in data.duo_bypass_codes.all.bypass_codes : c.user.username])
}
