terraform {
  required_version = ">= 1.5.7"

  required_providers {
    duo = {
      source = "idaudit/duo"
    }
  }
}
