terraform {
  required_providers {
    duo = {
      source = "idaudit/duo"
    }
  }
}

# The credentials of a Duo Admin API application with read permissions only
# ("Grant read resource" for users and groups; each data source names the
# permission it needs). Keep the secret key out of the configuration: set
# DUO_INTEGRATION_KEY, DUO_SECRET_KEY and DUO_API_HOST in the environment.
# Arguments that are null, like api_host below when the variable is not set,
# fall back to those variables.
variable "duo_api_host" {
  description = "The Admin API hostname, such as api-xxxxxxxx.duosecurity.com."
  type        = string
  default     = null
}

provider "duo" {
  api_host = var.duo_api_host
}
