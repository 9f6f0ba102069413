#!/usr/bin/env bash
# Usage: scripts/generate-docs.sh
#
# Renders docs/ with tfplugindocs entirely offline:
#   1. tofu fmt -recursive examples/ (examples are embedded in the docs) and
#      modules/
#   2. builds the provider into a temp dir
#   3. points a temporary CLI config (dev_overrides) at that build and runs
#      `tofu providers schema -json` (no `init`, no registry access)
#   4. runs tfplugindocs with --providers-schema, so it never builds the
#      provider itself or downloads Terraform;
# then writes the requirements, inputs and outputs of each module under
# modules/ into its README.md (tools/moduledocs, with terraform-config-inspect
# as pinned in tools/go.mod).
#
# The schema comes from OpenTofu, or a Terraform of 1.8 or later: older
# Terraform leaves provider functions out of `providers schema -json`, and
# their docs with them.
#
# Environment: TOFU (path of a tofu binary, or of a terraform >= 1.8;
# default: the cached tofu from scripts/install-cli.sh), TFPLUGINDOCS (path
# of tfplugindocs; default: the one pinned in tools/go.mod, built by
# scripts/install-tools.sh).
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo_root"

PROVIDER_NAME=duo
# The provider's registry address is declared once, in main.go.
PROVIDER_SOURCE="$(sed -n 's/^const registryAddress = "\(.*\)"$/\1/p' main.go)"
[[ -n "$PROVIDER_SOURCE" ]] || { echo "registryAddress not found in main.go" >&2; exit 1; }

log() { printf 'generate-docs: %s\n' "$*" >&2; }

tofu="${TOFU:-$(scripts/install-cli.sh tofu)}"
tfplugindocs="${TFPLUGINDOCS:-$(scripts/install-tools.sh tfplugindocs)/tfplugindocs}"

tmp="$(mktemp -d "${TMPDIR:-/tmp}/duo-docs.XXXXXX")"
trap 'rm -rf "$tmp"' EXIT

for dir in examples modules; do
	if [[ -d "$dir" ]]; then
		log "fmt -recursive $dir/"
		"$tofu" fmt -recursive "$dir/" >/dev/null
	fi
done

log "building provider"
mkdir -p "$tmp/plugin" "$tmp/work"
go build -o "$tmp/plugin/terraform-provider-$PROVIDER_NAME" .

cat >"$tmp/terraformrc" <<EOF
provider_installation {
  dev_overrides {
    "$PROVIDER_SOURCE" = "$tmp/plugin"
  }
  direct {}
}
EOF

cat >"$tmp/work/main.tf" <<EOF
terraform {
  required_providers {
    $PROVIDER_NAME = {
      source = "$PROVIDER_SOURCE"
    }
  }
}
EOF

log "providers schema -json (dev_overrides, no init)"
(
	cd "$tmp/work"
	export TF_CLI_CONFIG_FILE="$tmp/terraformrc" TF_DATA_DIR="$tmp/work/.terraform" \
		TF_IN_AUTOMATION=1 TF_INPUT=0 CHECKPOINT_DISABLE=1
	# The dev_overrides warning goes to stderr; keep it out of the way
	# unless the command fails.
	if ! "$tofu" providers schema -json >"$tmp/schema.raw.json" 2>"$tmp/schema.err"; then
		cat "$tmp/schema.err" >&2
		exit 1
	fi
)

# tfplugindocs looks the provider up as "duo" or
# "registry.terraform.io/hashicorp/duo" only, so re-key our entry as "duo".
if command -v jq >/dev/null 2>&1; then
	jq --arg src "$PROVIDER_SOURCE" --arg name "$PROVIDER_NAME" '
		if .provider_schemas[$src] == null then
			error("provider \($src) not found in schema output")
		else
			.provider_schemas = {($name): .provider_schemas[$src]}
		end' "$tmp/schema.raw.json" >"$tmp/schema.json"
else
	grep -q "\"$PROVIDER_SOURCE\":" "$tmp/schema.raw.json" || {
		log "error: provider $PROVIDER_SOURCE not found in schema output"
		exit 1
	}
	sed "s#\"$PROVIDER_SOURCE\":#\"$PROVIDER_NAME\":#" "$tmp/schema.raw.json" >"$tmp/schema.json"
fi

log "tfplugindocs generate"
"$tfplugindocs" generate \
	--provider-dir "$repo_root" \
	--provider-name "$PROVIDER_NAME" \
	--providers-schema "$tmp/schema.json" \
	--examples-dir examples \
	--website-source-dir templates \
	--rendered-website-dir docs \
	--website-temp-dir "$tmp/website"
log "docs/ rendered"

if compgen -G "modules/*/README.md" >/dev/null; then
	log "modules' READMEs"
	(cd tools && GOWORK=off go run ./moduledocs "$repo_root"/modules/*/)
fi
