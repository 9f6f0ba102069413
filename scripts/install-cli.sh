#!/usr/bin/env bash
# Usage: scripts/install-cli.sh terraform|tofu
#        scripts/install-cli.sh --version terraform|tofu
#
# Prints the absolute path of a cached Terraform / OpenTofu CLI binary,
# building it from the Go module proxy when it is missing (no release
# downloads, no hc-install: only the Go module proxy is needed).
#
#   cache root: ${DUO_TOOLS_CACHE:-$HOME/.cache/terraform-provider-duo}
#   terraform:  <root>/terraform-<TERRAFORM_VERSION>/terraform
#   tofu:       <root>/tofu-<TOFU_VERSION>/tofu
#
# Progress goes to stderr, the path (only) to stdout. Builds happen in a
# temporary directory inside the cache root and are moved into place only
# after the binary has been verified, so an interrupted build never leaves a
# broken cached binary. Concurrent invocations are serialised with flock.
set -euo pipefail

# Single source of truth for the CLI versions (the GNUmakefile reads these).
# They can be overridden from the environment, e.g. TERRAFORM_VERSION=1.9.8.
TERRAFORM_VERSION="${TERRAFORM_VERSION:-1.5.7}"
TOFU_VERSION="${TOFU_VERSION:-1.10.10}"

CACHE_ROOT="${DUO_TOOLS_CACHE:-$HOME/.cache/terraform-provider-duo}"

log() { printf 'install-cli: %s\n' "$*" >&2; }
die() { log "error: $*"; exit 1; }

usage() {
	echo "usage: $0 [--version] terraform|tofu" >&2
	exit 2
}

print_version=false
if [[ "${1:-}" == "--version" ]]; then
	print_version=true
	shift
fi
[[ $# -eq 1 ]] || usage
tool="$1"

case "$tool" in
terraform) version="$TERRAFORM_VERSION" ;;
tofu) version="$TOFU_VERSION" ;;
*) usage ;;
esac

if $print_version; then
	echo "$version"
	exit 0
fi

command -v go >/dev/null 2>&1 || die "go is not on PATH"

dest_dir="$CACHE_ROOT/$tool-$version"
dest="$dest_dir/$tool"

# verify BINARY: the binary runs and reports the expected version.
verify() {
	local out
	# The whole output, then its first line: `| head -n 1` would close the
	# pipe early, and under pipefail the CLI's SIGPIPE fails the check.
	out="$(CHECKPOINT_DISABLE=1 "$1" version 2>/dev/null)" || return 1
	out="${out%%$'\n'*}"
	# Exactly "Terraform v1.5.7" / "OpenTofu v1.10.10" (no -dev suffix).
	[[ "$out" == *" v$version" ]] || {
		verify_out="$out"
		return 1
	}
}
verify_out=""

if [[ -x "$dest" ]]; then
	if verify "$dest"; then
		echo "$dest"
		exit 0
	fi
	log "cached $dest is unusable (version: '${verify_out:-none}'); rebuilding"
fi

mkdir -p "$CACHE_ROOT"

# Serialise concurrent builds of the same tool (e.g. make -j).
if command -v flock >/dev/null 2>&1; then
	exec 9>"$CACHE_ROOT/.$tool-$version.lock"
	flock 9
	# Someone else may have finished the build while we waited.
	if [[ -x "$dest" ]] && verify "$dest"; then
		echo "$dest"
		exit 0
	fi
fi

work="$(mktemp -d "$CACHE_ROOT/.build-$tool-$version.XXXXXX")"
cleanup() {
	chmod -R u+w "$work" 2>/dev/null || true
	rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# Build outside of any module so that the repository's go.mod/go.work never
# influence the build; release binaries of both CLIs are built without cgo.
export CGO_ENABLED=0 GOWORK=off GOFLAGS="${GOFLAGS:-} -buildvcs=false"

start=$SECONDS
case "$tool" in
terraform)
	log "building terraform v$version with $(go env GOVERSION) (go install github.com/hashicorp/terraform@v$version; takes a few minutes the first time)..."
	(cd "$work" && GOBIN="$work/bin" go install -trimpath "github.com/hashicorp/terraform@v$version") >&2
	built="$work/bin/terraform"
	;;
tofu)
	# OpenTofu's go.mod has replace directives, so `go install pkg@version`
	# refuses it: fetch the module source and build it as the main module.
	log "downloading github.com/opentofu/opentofu@v$version from the module proxy..."
	src="$(cd "$work" && go mod download -json "github.com/opentofu/opentofu@v$version" | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",*$/\1/p')"
	[[ -n "$src" && -d "$src" ]] || die "could not download github.com/opentofu/opentofu@v$version"
	cp -r "$src" "$work/src"
	chmod -R u+w "$work/src"
	log "building tofu v$version with $(go env GOVERSION) (takes a few minutes the first time)..."
	# Same flags as OpenTofu's release build (.goreleaser.yaml); without
	# version.dev=no the binary reports itself as "v<version>-dev".
	(cd "$work/src" && go build -mod=readonly -trimpath \
		-ldflags="-s -w -X github.com/opentofu/opentofu/version.dev=no" \
		-o "$work/bin/tofu" ./cmd/tofu) >&2
	built="$work/bin/tofu"
	;;
esac

verify "$built" || die "built $tool binary failed verification (version: '${verify_out:-none}')"

mkdir -p "$dest_dir"
# Same filesystem as the cache root, so this rename is atomic.
mv -f "$built" "$dest.tmp.$$"
mv -f "$dest.tmp.$$" "$dest"
log "built $dest in $((SECONDS - start))s: $("$dest" version 2>/dev/null | head -n 1)"
echo "$dest"
