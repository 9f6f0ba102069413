#!/usr/bin/env bash
# Usage: scripts/install-tools.sh [tool...]
#        scripts/install-tools.sh --bin-dir
#
# Builds the developer tools pinned in tools/go.mod (tfplugindocs,
# golangci-lint, goreleaser, tflint) into the shared cache and prints the
# directory holding them (stdout; progress on stderr). With tool names,
# builds only those (names: tfplugindocs golangci-lint goreleaser tflint).
#
#   <root>/bin/<key>/<tool>
#
# where <root> is ${DUO_TOOLS_CACHE:-$HOME/.cache/terraform-provider-duo} and
# <key> is a hash of tools/go.mod, tools/go.sum, this script and the Go
# version, so bumping a tool (or the Go toolchain, which golangci-lint must
# match) rebuilds it, and an unchanged pin never rebuilds. Each binary is built into a temp file and
# renamed into place (atomic). --bin-dir only prints the directory.
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
tools_dir="$repo_root/tools"
CACHE_ROOT="${DUO_TOOLS_CACHE:-$HOME/.cache/terraform-provider-duo}"

log() { printf 'install-tools: %s\n' "$*" >&2; }
die() { log "error: $*"; exit 1; }

command -v go >/dev/null 2>&1 || die "go is not on PATH"

# name -> package path (must match the tool directives in tools/go.mod)
declare -A pkgs=(
	[tfplugindocs]=github.com/hashicorp/terraform-plugin-docs/cmd/tfplugindocs
	[golangci-lint]=github.com/golangci/golangci-lint/v2/cmd/golangci-lint
	[goreleaser]=github.com/goreleaser/goreleaser/v2
	[tflint]=github.com/terraform-linters/tflint
)
all=(tfplugindocs golangci-lint goreleaser tflint)

# golangci-lint must be built with the Go that lints, i.e. the toolchain the
# provider module selects (honours GOTOOLCHAIN and the repository's go.mod),
# so the tools are built with exactly that toolchain.
gover="$(cd "$repo_root" && go env GOVERSION)"
export GOTOOLCHAIN="$gover"
# This script is part of the key too: changing how tools are built rebuilds.
key="$( (cat "$tools_dir/go.mod" "$tools_dir/go.sum" "${BASH_SOURCE[0]}"; echo "$gover") | sha256sum | cut -c1-16)"
bin_dir="$CACHE_ROOT/bin/$gover-$key"

if [[ "${1:-}" == "--bin-dir" ]]; then
	echo "$bin_dir"
	exit 0
fi

want=("$@")
[[ ${#want[@]} -gt 0 ]] || want=("${all[@]}")
for t in "${want[@]}"; do
	[[ -n "${pkgs[$t]:-}" ]] || die "unknown tool '$t' (known: ${all[*]})"
done

mkdir -p "$bin_dir"
trap 'exit 130' INT
trap 'exit 143' TERM
export GOWORK=off GOFLAGS="${GOFLAGS:-} -buildvcs=false -mod=readonly"
for t in "${want[@]}"; do
	if [[ -x "$bin_dir/$t" ]]; then
		continue
	fi
	# One lock per tool: concurrent runs (make -j) never build the same tool
	# twice, and `make lint` does not wait for a goreleaser build.
	if command -v flock >/dev/null 2>&1; then
		exec 9>"$bin_dir/.$t.lock"
		flock 9
		if [[ -x "$bin_dir/$t" ]]; then
			exec 9>&-
			continue
		fi
	fi
	ver="$(cd "$tools_dir" && go list -f '{{.Module.Version}}' "${pkgs[$t]}")"
	log "building $t ${ver} with $gover..."
	# Built inside the tools module, the tools cannot see their own version
	# in the build info, so stamp it the way their release builds do.
	ldflags="-s -w"
	case "$t" in
	tfplugindocs) ldflags+=" -X github.com/hashicorp/terraform-plugin-docs/cmd/tfplugindocs/build.version=${ver#v}" ;;
	golangci-lint) ldflags+=" -X main.version=${ver#v} -X main.date=pinned-in-tools/go.mod" ;;
	goreleaser) ldflags+=" -X main.version=${ver#v} -X main.builtBy=terraform-provider-duo/tools" ;;
	esac
	start=$SECONDS
	tmp="$bin_dir/.$t.tmp.$$"
	trap 'rm -f "$tmp"' EXIT
	# tools/go.mod's versions are authoritative; CGO is not needed by any tool.
	(cd "$tools_dir" && CGO_ENABLED=0 go build -trimpath -ldflags="$ldflags" -o "$tmp" "${pkgs[$t]}") >&2
	mv -f "$tmp" "$bin_dir/$t"
	trap - EXIT
	exec 9>&-
	log "built $bin_dir/$t in $((SECONDS - start))s"
done

echo "$bin_dir"
