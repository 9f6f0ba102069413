#!/usr/bin/env bash
# Usage: scripts/demo.sh [extra terraform plan args...]
#
# End-to-end demo without any real Duo account and without `terraform init`:
#   1. builds the provider and the fake Duo Admin API (internal/cmd/fakeduo)
#   2. starts the fake in the background (an MSP parent with four children
#      when the example lists child accounts) and waits for <state>/env
#   3. sources that env (DUO_API_HOST, DUO_INTEGRATION_KEY, DUO_SECRET_KEY,
#      DUO_CA_CERT_FILE)
#   4. runs `terraform plan` in examples/audit/ with a temporary dev_overrides
#      CLI config pointing at the freshly built provider (after `terraform
#      get` when the example calls a module).
# The fake is always stopped and temp files removed on exit.
#
# Environment: TERRAFORM (terraform/tofu binary; default: `terraform` on PATH
# if it is 1.8 or later, else `tofu` on PATH if it is 1.7 or later, else the
# pinned OpenTofu of scripts/install-cli.sh, built into the cache once),
# DEMO_DIR (default examples/audit), DEMO_BIN_DIR (a folder where
# terraform-provider-duo and fakeduo are already built, to plan many
# examples without building them each time), FAKEDUO_TIMEOUT (seconds to
# wait for the fake, default 60).
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo_root"

# The provider's registry address is declared once, in main.go.
PROVIDER_SOURCE="$(sed -n 's/^const registryAddress = "\(.*\)"$/\1/p' main.go)"
[[ -n "$PROVIDER_SOURCE" ]] || { echo "registryAddress not found in main.go" >&2; exit 1; }
DEMO_DIR="${DEMO_DIR:-examples/audit}"
FAKEDUO_TIMEOUT="${FAKEDUO_TIMEOUT:-60}"

log() { printf 'demo: %s\n' "$*" >&2; }
die() { log "error: $*"; exit 1; }

[[ -f "$DEMO_DIR/main.tf" || -f "$DEMO_DIR/main.tofu" ]] || die "$DEMO_DIR/main.tf not found"

# cli_version BINARY: the version line of `BINARY version`, such as
# "Terraform v1.11.4" or "OpenTofu v1.12.6", or nothing if it does not run.
# It may follow warnings (OpenTofu 1.12 writes one about a TF_CLI_CONFIG_FILE
# that does not exist to stdout), and the whole output is read before the
# line is picked: `| head -n 1` could kill the CLI with SIGPIPE.
cli_version() {
	local out line
	out="$(CHECKPOINT_DISABLE=1 "$1" version 2>/dev/null)" || return 0
	while IFS= read -r line; do
		if [[ "$line" == "Terraform v"* || "$line" == "OpenTofu v"* ]]; then
			printf '%s\n' "$line"
			return 0
		fi
	done <<<"$out"
}

# at_least VERSION_LINE MAJOR MINOR: the line's "vX.Y..." is X.Y or later.
at_least() {
	[[ "$1" =~ \ v([0-9]+)\.([0-9]+)\. ]] || return 1
	local major="${BASH_REMATCH[1]}" minor="${BASH_REMATCH[2]}"
	((major > $2 || (major == $2 && minor >= $3)))
}

# The CLI: TERRAFORM if set; else a terraform or tofu found on PATH that
# has provider functions (Terraform 1.8, OpenTofu 1.7), which the examples
# call, which saves building one; else the pinned OpenTofu, built once.
if [[ -n "${TERRAFORM:-}" ]]; then
	terraform="$TERRAFORM"
	why="TERRAFORM is set"
else
	terraform=""
	why=""
	if path="$(command -v terraform)"; then
		found="$(cli_version "$path")"
		if at_least "$found" 1 8; then
			terraform="$path"
			why="terraform on PATH is 1.8 or later"
		else
			why="terraform on PATH (${found:-does not run}) is older than 1.8; "
		fi
	fi
	if [[ -z "$terraform" ]] && path="$(command -v tofu)"; then
		found="$(cli_version "$path")"
		if at_least "$found" 1 7; then
			terraform="$path"
			why+="tofu on PATH is 1.7 or later"
		else
			why+="tofu on PATH (${found:-does not run}) is older than 1.7; "
		fi
	fi
	if [[ -z "$terraform" ]]; then
		why+="no terraform 1.8+ or tofu 1.7+ on PATH, so the pinned OpenTofu $(scripts/install-cli.sh --version tofu) (built once into the cache)"
		terraform="$(scripts/install-cli.sh tofu)"
	fi
fi
terraform_version="$(cli_version "$terraform")"
[[ -n "$terraform_version" ]] || die "$terraform does not run ($why)"
log "using $terraform ($terraform_version): $why"

tmp="$(mktemp -d "${TMPDIR:-/tmp}/duo-demo.XXXXXX")"
fake_pid=""
cleanup() {
	local rc=$?
	if [[ -n "$fake_pid" ]] && kill -0 "$fake_pid" 2>/dev/null; then
		kill -TERM "$fake_pid" 2>/dev/null || true
		# Give it a moment to shut down cleanly, then insist.
		for _ in $(seq 1 50); do
			kill -0 "$fake_pid" 2>/dev/null || break
			sleep 0.1
		done
		kill -KILL "$fake_pid" 2>/dev/null || true
		wait "$fake_pid" 2>/dev/null || true
	fi
	rm -rf "$tmp"
	exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

mkdir -p "$tmp/state" "$tmp/data"
bin="${DEMO_BIN_DIR:-$tmp/bin}"
if [[ -z "${DEMO_BIN_DIR:-}" ]]; then
	log "building provider and fake Duo"
	go build -o "$bin/terraform-provider-duo" .
	go build -o "$bin/fakeduo" ./internal/cmd/fakeduo
fi

# An example that lists child accounts needs an MSP parent: the fake then
# serves one with a few customers, and its env holds the parent's Accounts
# API key.
fake_args=()
if grep -qsE '^[[:space:]]*data[[:space:]]+"duo_child_accounts"' "$DEMO_DIR"/*.tf "$DEMO_DIR"/*.tofu; then
	fake_args=(-children 4)
fi
log "starting fake Duo ${fake_args[*]}"
"$bin/fakeduo" -state-dir "$tmp/state" "${fake_args[@]}" >"$tmp/fakeduo.log" 2>&1 &
fake_pid=$!

deadline=$((SECONDS + FAKEDUO_TIMEOUT))
until [[ -s "$tmp/state/env" ]] && grep -q 'serving' "$tmp/fakeduo.log"; do
	if ! kill -0 "$fake_pid" 2>/dev/null; then
		cat "$tmp/fakeduo.log" >&2
		die "fake Duo exited early"
	fi
	if ((SECONDS >= deadline)); then
		cat "$tmp/fakeduo.log" >&2
		# env present but no "serving" line: carry on, the server may log
		# differently; without env there is nothing to connect to.
		[[ -s "$tmp/state/env" ]] && break
		die "fake Duo did not write $tmp/state/env within ${FAKEDUO_TIMEOUT}s"
	fi
	sleep 0.2
done
sed 's/^/  /' "$tmp/fakeduo.log" >&2

# shellcheck disable=SC1091
source "$tmp/state/env"
export DUO_API_HOST DUO_INTEGRATION_KEY DUO_SECRET_KEY DUO_CA_CERT_FILE

# OpenTofu resolves the examples' "idaudit/duo" in its own registry.
cat >"$tmp/terraformrc" <<EOF
provider_installation {
  dev_overrides {
    "$PROVIDER_SOURCE" = "$bin"
    "registry.opentofu.org/${PROVIDER_SOURCE#*/}" = "$bin"
  }
  direct {}
}
EOF
export TF_CLI_CONFIG_FILE="$tmp/terraformrc" TF_DATA_DIR="$tmp/data" \
	TF_IN_AUTOMATION=1 CHECKPOINT_DISABLE=1

# A module call needs its module installed, which plan does not do: get
# records it in TF_DATA_DIR, without installing any provider.
if grep -qE '^[[:space:]]*module[[:space:]]+"' "$DEMO_DIR"/*.tf; then
	log "$terraform_version: get the modules of $DEMO_DIR"
	"$terraform" -chdir="$DEMO_DIR" get -no-color >"$tmp/get.log" 2>&1 || { cat "$tmp/get.log" >&2; die "terraform get failed in $DEMO_DIR"; }
fi

log "$terraform_version: plan in $DEMO_DIR (dev_overrides, no init)"
# -lock=false and TF_DATA_DIR keep the example directory free of lock files
# and .terraform/; plan never writes state.
color=()
[[ -t 1 ]] || color=(-no-color)
"$terraform" -chdir="$DEMO_DIR" plan -input=false -lock=false "${color[@]}" "$@"
