#!/usr/bin/env bash
# Usage: scripts/check-examples.sh
#
# Plans every example against the fake Duo (through scripts/demo.sh), so
# that the examples in examples/ and in the docs keep working: each root
# module (a folder with main.tf), and each data source, ephemeral resource,
# function and guide example joined with the provider example, as the docs
# show them. Each is planned with OpenTofu, and with Terraform: the oldest
# (TERRAFORM) unless the example needs a newer one, when the newest
# (TERRAFORM_NEW) plans it instead. Provider functions came with Terraform
# 1.8, ephemeral resources with 1.10. Then it plans examples/audit once
# more with TF_LOG_PROVIDER=debug, and checks that the provider's log
# reached TF_LOG_PATH.
#
# A guide snippet that needs another provider than duo (a secret store's,
# say) cannot be planned offline: it is listed as not planned; `make
# generate` still checks that it is formatted, hence that it parses.
#
# Environment: TERRAFORM, TERRAFORM_NEW (terraform binaries), TOFU (tofu
# binary). A guide snippet in a .tofu file is planned with OpenTofu alone.
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo_root"

tmp="$(mktemp -d "${TMPDIR:-/tmp}/duo-examples.XXXXXX")"
trap 'rm -rf "$tmp"' EXIT

dirs=()
for dir in examples/*/; do
	[[ -f "$dir/main.tf" ]] && dirs+=("${dir%/}")
done
not_planned=()
# Snippets in .tofu files use what only OpenTofu has (a provider's
# for_each): Terraform ignores such files, and OpenTofu alone plans them.
tofu_only=()
for example in examples/data-sources/*/data-source.tf examples/ephemeral-resources/*/ephemeral-resource.tf \
	examples/functions/*/function.tf examples/guides/*/*.tf examples/guides/*/*.tofu; do
	[[ -f "$example" ]] || continue
	name="${example#examples/}"
	name="${name%.*}"
	extension="${example##*.}"
	if foreign="$(grep -E '^[[:space:]]*source[[:space:]]*=' "$example" | grep -v '"idaudit/duo"' | sed 's/^[^=]*=[[:space:]]*//' | paste -sd ' ')"; then
		not_planned+=("$example (needs $foreign, which cannot be installed offline)")
		continue
	fi
	mkdir -p "$tmp/$name"
	# A fragment, as a doc shows it, is planned after the provider example;
	# a whole module (a guide's) as it is.
	if grep -q required_providers "$example"; then
		cat "$example" >"$tmp/$name/main.$extension"
	else
		cat examples/provider/provider.tf "$example" >"$tmp/$name/main.$extension"
	fi
	if [[ "$extension" == tofu ]]; then
		tofu_only+=("$tmp/$name")
	else
		dirs+=("$tmp/$name")
	fi
done

echo "examples: building the provider and the fake Duo"
go build -o "$tmp/bin/terraform-provider-duo" .
go build -o "$tmp/bin/fakeduo" ./internal/cmd/fakeduo

# The CLIs by the version they report, such as "Terraform v1.16.0".
declare -A cli_names
for cli in "$TOFU" "$TERRAFORM" "$TERRAFORM_NEW"; do
	# awk reads the whole output: a reader that stops early could kill the
	# CLI with SIGPIPE, and fail the pipeline.
	cli_names[$cli]="$(env -u TF_CLI_CONFIG_FILE "$cli" version | awk '/^(Terraform|OpenTofu) v/ && !found { print; found = 1 }')" ||
		{ echo "examples: $cli does not run" >&2; exit 1; }
done

# plan CLI DIR: plans DIR with CLI, showing the plan only if it fails.
plan() {
	echo "examples: planning ${2#"$tmp"/} with ${cli_names[$1]}"
	if ! output="$(TERRAFORM="$1" DEMO_DIR="$2" DEMO_BIN_DIR="$tmp/bin" scripts/demo.sh -no-color 2>&1)"; then
		echo "$output" >&2
		echo "examples: $2 does not plan" >&2
		exit 1
	fi
}

for dir in "${dirs[@]}"; do
	plan "$TOFU" "$dir"
	if grep -qE 'provider::|^[[:space:]]*ephemeral[[:space:]]+"' "$dir"/*.tf; then
		plan "$TERRAFORM_NEW" "$dir"
	else
		plan "$TERRAFORM" "$dir"
	fi
done
for dir in "${tofu_only[@]}"; do
	plan "$TOFU" "$dir"
done
# The provider turns its log off when the CLI would discard it (see main.go);
# asked for, the log is still written.
echo "examples: planning examples/audit with ${cli_names[$TERRAFORM_NEW]} and TF_LOG_PROVIDER=debug"
TF_LOG_PROVIDER=debug TF_LOG_PATH="$tmp/provider.log" TERRAFORM="$TERRAFORM_NEW" DEMO_DIR=examples/audit DEMO_BIN_DIR="$tmp/bin" \
	scripts/demo.sh -no-color >/dev/null 2>&1 || { echo "examples: examples/audit does not plan with TF_LOG_PROVIDER=debug" >&2; exit 1; }
grep -q 'Duo Admin API request' "$tmp/provider.log" ||
	{ echo "examples: TF_LOG_PROVIDER=debug logged no Duo Admin API request to TF_LOG_PATH" >&2; exit 1; }

for example in "${not_planned[@]}"; do
	echo "examples: not planned: $example"
done
