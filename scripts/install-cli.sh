#!/usr/bin/env bash
# Usage: scripts/install-cli.sh terraform|terraform-new|tofu
#        scripts/install-cli.sh --version terraform|terraform-new|tofu
#
# Prints the absolute path of a cached Terraform / OpenTofu CLI binary,
# building it from the Go module proxy when it is missing (no release
# downloads, no hc-install: only the Go module proxy is needed).
#
#   cache root:     ${DUO_TOOLS_CACHE:-$HOME/.cache/terraform-provider-duo}
#   terraform:      <root>/terraform-<TERRAFORM_VERSION>/terraform      (the oldest supported)
#   terraform-new:  <root>/terraform-<TERRAFORM_NEW_VERSION>/terraform  (the newest)
#   tofu:           <root>/tofu-<TOFU_VERSION>/tofu
#
# Both CLIs are built from their module source (`go mod download`, then
# `go build` as the main module) with the flags of their release builds.
# Terraform 1.6 and later replace their remote-state backends (azurerm,
# consul, cos, gcs, kubernetes, oss, pg, s3, oci) and internal/legacy with
# nested modules that the module zip leaves out; the build drops those
# modules and the backends' registrations. Such a Terraform runs everything
# on the local backend (as the tests do) and the http, inmem, remote and
# cloud backends, and reports an unknown backend type for the others.
#
# Progress goes to stderr, the path (only) to stdout. Builds happen in a
# temporary directory inside the cache root and are moved into place only
# after the binary has been verified, so an interrupted build never leaves a
# broken cached binary. Concurrent invocations are serialised with flock.
set -euo pipefail

# Single source of truth for the CLI versions (the GNUmakefile reads these).
# They can be overridden from the environment, e.g. TERRAFORM_VERSION=1.9.8.
TERRAFORM_VERSION="${TERRAFORM_VERSION:-1.5.7}"
TERRAFORM_NEW_VERSION="${TERRAFORM_NEW_VERSION:-1.16.0}"
TOFU_VERSION="${TOFU_VERSION:-1.12.6}"

CACHE_ROOT="${DUO_TOOLS_CACHE:-$HOME/.cache/terraform-provider-duo}"

log() { printf 'install-cli: %s\n' "$*" >&2; }
die() { log "error: $*"; exit 1; }

usage() {
	echo "usage: $0 [--version] terraform|terraform-new|tofu" >&2
	exit 2
}

print_version=false
if [[ "${1:-}" == "--version" ]]; then
	print_version=true
	shift
fi
[[ $# -eq 1 ]] || usage

case "$1" in
terraform) tool=terraform version="$TERRAFORM_VERSION" ;;
terraform-new) tool=terraform version="$TERRAFORM_NEW_VERSION" ;;
tofu) tool=tofu version="$TOFU_VERSION" ;;
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
	local out line
	# A TF_CLI_CONFIG_FILE naming a missing file makes OpenTofu print a
	# warning on stdout, before the version: drop it, and look for the
	# version line rather than taking the first.
	out="$(env -u TF_CLI_CONFIG_FILE CHECKPOINT_DISABLE=1 "$1" version 2>/dev/null)" || return 1
	verify_out=""
	while IFS= read -r line; do
		if [[ "$line" == "Terraform v"* || "$line" == "OpenTofu v"* ]]; then
			verify_out="$line"
			break
		fi
	done <<<"$out"
	# Exactly "Terraform v1.16.0" / "OpenTofu v1.12.6" (no -dev suffix).
	[[ "$verify_out" == *" v$version" ]]
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

# Serialise concurrent builds of the same CLI (e.g. make -j).
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
trap 'exit 130' INT
trap 'exit 143' TERM

# Build outside of any module so that the repository's go.mod/go.work never
# influence the build; release binaries of both CLIs are built without cgo.
export CGO_ENABLED=0 GOWORK=off GOFLAGS="${GOFLAGS:-} -buildvcs=false"

# download MODULE: copies MODULE's source from the module proxy into
# $work/src, writable.
download() {
	log "downloading $1 from the module proxy..."
	local info src
	if ! info="$(cd "$work" && go mod download -json "$1")"; then
		die "could not download $1: $(sed -n 's/^[[:space:]]*"Error": "\(.*\)",*$/\1/p' <<<"$info")"
	fi
	src="$(sed -n 's/^[[:space:]]*"Dir": "\(.*\)",*$/\1/p' <<<"$info")"
	[[ -n "$src" && -d "$src" ]] || die "go mod download gave no source directory for $1"
	cp -r "$src" "$work/src"
	chmod -R u+w "$work/src"
}

# drop_missing_modules: removes from Terraform's source in $work/src the
# nested modules that its go.mod replaces with a directory the module zip
# left out, with their registrations as backends. Any other use of them
# means the source layout changed: stop, and say so.
drop_missing_modules() {
	local src="$work/src" module dir init="internal/backend/init/init.go"
	local dropped=()
	while read -r module dir; do
		if [[ ! -f "$src/$dir/go.mod" ]]; then
			dropped+=("$module")
		fi
	done < <(sed -n 's#^replace \(github\.com/hashicorp/terraform/[^ ]*\) => \./\([^ ]*\)$#\1 \2#p' "$src/go.mod")
	[[ ${#dropped[@]} -gt 0 ]] || return 0
	grep -q '^replace (' "$src/go.mod" &&
		die "terraform v$version's go.mod has a replace block, which this script does not read: update drop_missing_modules"

	log "leaving out ${#dropped[@]} nested modules the module zip does not hold: ${dropped[*]#github.com/hashicorp/terraform/}"
	local alias users
	for module in "${dropped[@]}"; do
		# Its require line (in a require block or alone) and its replace line.
		grep -qE "^[[:space:]]*(require[[:space:]]+)?$module[[:space:]]+v" "$src/go.mod" ||
			die "terraform v$version's go.mod replaces $module without requiring it: the source layout changed; update drop_missing_modules"
		sed -i -E "\#^[[:space:]]*(require[[:space:]]+)?$module[[:space:]]+v#d; \#^replace $module => #d" "$src/go.mod"

		# Its import in the backend registry, and the registration of the
		# backend it provides: `"name": func() backend.Backend { return alias.New() },`.
		alias="$(sed -n "s#^[[:space:]]*\([A-Za-z0-9_]*\)[[:space:]]*\"$module\"\$#\1#p" "$src/$init")"
		if [[ -n "$alias" ]]; then
			sed -i "\#^[[:space:]]*$alias[[:space:]]*\"$module\"\$#d; /[^A-Za-z0-9_]$alias\.New(/d" "$src/$init"
			! grep -qE "[^A-Za-z0-9_]$alias\." "$src/$init" ||
				die "terraform v$version's $init uses $alias (from $module) in a way this script does not remove: update drop_missing_modules"
		fi
		# Nothing else that is built may import it.
		users="$(grep -rlF --include='*.go' --exclude='*_test.go' "\"$module" "$src" | grep -v "^$src/${module#github.com/hashicorp/terraform/}/" || true)"
		[[ -z "$users" ]] ||
			die "terraform v$version builds code that imports $module, which the module zip leaves out: ${users//$src\//}; update drop_missing_modules"
	done
}

start=$SECONDS
case "$tool" in
terraform)
	# Terraform's go.mod has replace directives from 1.6, so
	# `go install pkg@version` refuses it: build its source as the main module.
	download "github.com/hashicorp/terraform@v$version"
	drop_missing_modules
	log "building terraform v$version with $(go env GOVERSION) (takes a few minutes the first time)..."
	# Same flags as Terraform's release build; without version.dev=no,
	# 1.6 and later report themselves as "v<version>-dev".
	(cd "$work/src" && go build -mod=readonly -trimpath \
		-ldflags="-s -w -X github.com/hashicorp/terraform/version.dev=no" \
		-o "$work/bin/terraform" .) >&2
	built="$work/bin/terraform"
	;;
tofu)
	# OpenTofu's go.mod has replace directives too.
	download "github.com/opentofu/opentofu@v$version"
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
log "built $dest in $((SECONDS - start))s: $verify_out"
echo "$dest"
