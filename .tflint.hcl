# tflint's configuration for modules/ (make lint). Only the terraform
# ruleset that tflint bundles, so that it runs offline: no plugin is
# downloaded.
plugin "terraform" {
  enabled = true
  preset  = "all"
}

# A module of this repository is released with the provider, from the same
# tag, so it names the provider's source and no version: the one released
# with it.
rule "terraform_required_providers" {
  enabled = true
  version = false
}
