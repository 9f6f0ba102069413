#!/usr/bin/env bash
# Usage: scripts/test-modules.sh
#
# Runs the `terraform test` files of each module under modules/ (its
# tests/*.tftest.hcl) with Terraform and with OpenTofu. The tests mock the
# provider and need no Duo, but a mock provider still takes its schema from
# the provider itself: the one built from this tree, through a temporary
# dev_overrides CLI configuration, so that nothing comes from a registry.
# `get` records the module's own nested modules; no `init` is needed.
#
# Environment: TERRAFORM_NEW (a terraform of 1.7 or later, which mock
# providers need; default: the newest pinned by scripts/install-cli.sh),
# TOFU (a tofu of 1.8 or later; default: the pinned one).
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo_root"

# The provider's registry address is declared once, in main.go.
PROVIDER_SOURCE="$(sed -n 's/^const registryAddress = "\(.*\)"$/\1/p' main.go)"
[[ -n "$PROVIDER_SOURCE" ]] || { echo "registryAddress not found in main.go" >&2; exit 1; }
terraform_new="${TERRAFORM_NEW:-$(scripts/install-cli.sh terraform-new)}"
tofu="${TOFU:-$(scripts/install-cli.sh tofu)}"

log() { printf 'test-modules: %s\n' "$*" >&2; }

tmp="$(mktemp -d "${TMPDIR:-/tmp}/duo-module-tests.XXXXXX")"
trap 'rm -rf "$tmp"' EXIT

log "building the provider"
go build -o "$tmp/bin/terraform-provider-duo" .
cat >"$tmp/terraformrc" <<EOF
provider_installation {
  dev_overrides {
    "$PROVIDER_SOURCE" = "$tmp/bin"
    "registry.opentofu.org/${PROVIDER_SOURCE#*/}" = "$tmp/bin"
  }
  direct {}
}
EOF
export TF_CLI_CONFIG_FILE="$tmp/terraformrc" TF_IN_AUTOMATION=1 CHECKPOINT_DISABLE=1

for module in modules/*/; do
	module="${module%/}"
	compgen -G "$module/tests/*.tftest.hcl" >/dev/null || continue
	for cli in "$terraform_new" "$tofu"; do
		version="$(env -u TF_CLI_CONFIG_FILE "$cli" version | awk '/^(Terraform|OpenTofu) v/ && !found { print; found = 1 }')"
		log "$module with $version"
		# Each run keeps its .terraform out of the module, in a folder of its own.
		data="$(mktemp -d "$tmp/data.XXXXXX")"
		TF_DATA_DIR="$data" "$cli" -chdir="$module" get -no-color >"$data/get.log" 2>&1 || { cat "$data/get.log" >&2; exit 1; }
		if ! TF_DATA_DIR="$data" "$cli" -chdir="$module" test -no-color >"$data/test.log" 2>&1; then
			cat "$data/test.log" >&2
			log "$module fails its tests with $version"
			exit 1
		fi
		grep -E '^(Success|Failure)!' "$data/test.log" >&2
	done
done
