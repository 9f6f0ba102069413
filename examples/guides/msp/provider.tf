# One customer read through a provider of its own: its data sources name no
# account_id. The parent's list tells which account IDs there are.
data "duo_child_accounts" "all" {}

provider "duo" {
  alias      = "acme"
  account_id = "DA2I9D94KH6JGJHKUEZ4"
}

data "duo_settings" "acme" {
  provider = duo.acme
}

# A data source may still name another child.
data "duo_settings" "borealis" {
  provider   = duo.acme
  account_id = "DA1GPC5C1I9SAOYNYKHO"
}
