#!/usr/bin/env bash
# Usage: scripts/check-examples.sh
#
# Plans every example against the fake Duo (through scripts/demo.sh), so
# that the examples in examples/ and in the docs keep working: each root
# module (a folder with main.tf), and each data source example joined with
# the provider example, as the docs show them.
#
# Environment: TERRAFORM (terraform or tofu binary).
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo_root"

tmp="$(mktemp -d "${TMPDIR:-/tmp}/duo-examples.XXXXXX")"
trap 'rm -rf "$tmp"' EXIT

dirs=()
for dir in examples/*/; do
	[[ -f "$dir/main.tf" ]] && dirs+=("${dir%/}")
done
for example in examples/data-sources/*/data-source.tf; do
	name="$(basename "$(dirname "$example")")"
	mkdir -p "$tmp/$name"
	cat examples/provider/provider.tf "$example" >"$tmp/$name/main.tf"
	dirs+=("$tmp/$name")
done

for dir in "${dirs[@]}"; do
	echo "examples: planning ${dir#"$tmp"/}"
	if ! output="$(DEMO_DIR="$dir" scripts/demo.sh -no-color 2>&1)"; then
		echo "$output" >&2
		echo "examples: $dir does not plan" >&2
		exit 1
	fi
done
