# The security checkup of a Duo account: every known weakness, as findings
# and as warnings of `terraform plan`. Nothing is created.
#
# The Admin API application needs the read grants the findings read:
# "Grant read resource", "Grant read log", "Grant read information",
# "Grant settings", "Grant administrators - Read" and "Grant
# applications". Without one of them, the findings that need it are
# reported as not evaluated, and the plan still succeeds.

terraform {
  required_providers {
    duo = {
      source = "idaudit/duo"
    }
  }
}

# Credentials come from DUO_INTEGRATION_KEY, DUO_SECRET_KEY and DUO_API_HOST.
provider "duo" {}

module "checkup" {
  # From outside this repository:
  # source = "github.com/idaudit/terraform-provider-duo//modules/security-checkup?ref=v0.1.0"
  source = "../../modules/security-checkup"

  # A service account that logs in with a bypass code.
  accepted = {
    no_bypass_logins = ["svc-backup"]
  }
}

output "failed" {
  description = "The findings that fail, high severity first, each with what it affects."
  value = [
    for id in module.checkup.failed :
    "${module.checkup.findings[id].severity}: ${module.checkup.findings[id].title} (${id}): ${join(", ", module.checkup.findings[id].affected)}"
  ]
}

output "summary" {
  description = "How many findings pass, fail or could not be evaluated, by severity."
  value       = module.checkup.summary
}
