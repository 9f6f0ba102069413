terraform {
  # check blocks and plantimestamp came with Terraform 1.5; the module
  # calls no provider function, so that it runs on the provider's oldest
  # Terraform.
  required_version = ">= 1.5.7"

  required_providers {
    duo = {
      source = "idaudit/duo"
    }
  }
}
