terraform {
  required_providers {
    duo = {
      source = "idaudit/duo"
    }
  }
}

# The credentials of a Duo Admin API application with the "Grant read
# resource" permission. Keep the secret key out of the configuration: set
# DUO_INTEGRATION_KEY, DUO_SECRET_KEY and DUO_API_HOST in the environment and
# leave the block empty, or pass them in as sensitive variables.
provider "duo" {
  api_host = "api-xxxxxxxx.duosecurity.com"
}
