terraform {
  required_providers {
    duo = {
      source = "idaudit/duo"
    }
  }
}

variable "duo_ca_cert_file" {
  description = "A PEM file of the CA certificates of a TLS-inspecting proxy, if one stands between Terraform and Duo."
  type        = string
  default     = null
}

# integration_key, secret_key and api_host come from DUO_INTEGRATION_KEY,
# DUO_SECRET_KEY and DUO_API_HOST; null arguments fall back to the
# environment too.
provider "duo" {
  ca_cert_file            = var.duo_ca_cert_file
  request_timeout         = "60s"
  max_retry_wait          = "5m"
  max_concurrent_requests = 4
}

data "duo_account_summary" "account" {}

output "users" {
  value = data.duo_account_summary.account.user_count
}
