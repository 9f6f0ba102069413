terraform {
  # Write-only arguments came with Terraform 1.11 and OpenTofu 1.11.
  required_version = ">= 1.11"
  required_providers {
    duo = {
      source = "idaudit/duo"
    }
    vault = {
      source = "hashicorp/vault"
    }
  }
}

variable "duo_api_host" {
  description = "The account's API hostname, which the application calls too."
  type        = string
}

provider "duo" {}

provider "vault" {}

# The Expense Portal's Web SDK keys, read during the run only.
ephemeral "duo_integration_secret_key" "expense_portal" {
  integration_key = "DISAMPLE000000000005"
}

resource "vault_kv_secret_v2" "expense_portal_duo" {
  mount = "secret"
  name  = "expense-portal/duo"
  # Write-only: sent to Vault at apply, stored in neither the plan nor the
  # state.
  data_json_wo = jsonencode({
    integration_key = ephemeral.duo_integration_secret_key.expense_portal.integration_key
    secret_key      = ephemeral.duo_integration_secret_key.expense_portal.secret_key
    api_host        = var.duo_api_host
  })
  # Terraform cannot see a write-only value change: after resetting the
  # key in the Admin Panel, raise this and apply to write the new key.
  data_json_wo_version = 1
}
