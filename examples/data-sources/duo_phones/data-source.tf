# Every phone of the account, including those that no user holds.
data "duo_phones" "all" {}

# One phone by number (E.164) and extension.
data "duo_phones" "desk" {
  number    = "+15555550101"
  extension = "1234"
}

output "phones_nobody_holds" {
  value = [for p in data.duo_phones.all.phones : p.phone_id if length(p.users) == 0]
}

output "tampered_phones" {
  value = {
    for p in data.duo_phones.all.phones : p.phone_id => p.users[*].username
    if p.tampered == "Tampered"
  }
}

output "desk_phone_users" {
  value = flatten(data.duo_phones.desk.phones[*].users[*].username)
}
