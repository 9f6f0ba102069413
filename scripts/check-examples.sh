#!/usr/bin/env bash
# Usage: scripts/check-examples.sh
#
# Plans every example against the fake Duo (through scripts/demo.sh), so
# that the examples in examples/ and in the docs keep working: each root
# module (a folder with main.tf), and each data source, function and guide
# example joined with the provider example, as the docs show them. Each is planned
# with OpenTofu, and with Terraform too unless it calls a provider function,
# which Terraform has only from 1.8.
#
# Environment: TERRAFORM (terraform binary), TOFU (tofu binary).
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo_root"

tmp="$(mktemp -d "${TMPDIR:-/tmp}/duo-examples.XXXXXX")"
trap 'rm -rf "$tmp"' EXIT

dirs=()
for dir in examples/*/; do
	[[ -f "$dir/main.tf" ]] && dirs+=("${dir%/}")
done
for example in examples/data-sources/*/data-source.tf examples/functions/*/function.tf examples/guides/*/*.tf; do
	name="${example#examples/}"
	name="${name%.tf}"
	mkdir -p "$tmp/$name"
	# A fragment, as a doc shows it, is planned after the provider example;
	# a whole module (a guide's) as it is.
	if grep -q required_providers "$example"; then
		cat "$example" >"$tmp/$name/main.tf"
	else
		cat examples/provider/provider.tf "$example" >"$tmp/$name/main.tf"
	fi
	dirs+=("$tmp/$name")
done

echo "examples: building the provider and the fake Duo"
go build -o "$tmp/bin/terraform-provider-duo" .
go build -o "$tmp/bin/fakeduo" ./internal/cmd/fakeduo

# plan CLI DIR: plans DIR with CLI, showing the plan only if it fails.
plan() {
	echo "examples: planning ${2#"$tmp"/} with ${1##*/}"
	if ! output="$(TERRAFORM="$1" DEMO_DIR="$2" DEMO_BIN_DIR="$tmp/bin" scripts/demo.sh -no-color 2>&1)"; then
		echo "$output" >&2
		echo "examples: $2 does not plan" >&2
		exit 1
	fi
}

for dir in "${dirs[@]}"; do
	plan "$TOFU" "$dir"
	if ! grep -q 'provider::' "$dir/main.tf"; then
		plan "$TERRAFORM" "$dir"
	fi
done
