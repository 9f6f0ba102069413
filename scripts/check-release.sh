#!/usr/bin/env bash
# Usage: scripts/check-release.sh
#
# Proves, without the release's signing key, that .goreleaser.yml lays a
# release out as the Terraform and OpenTofu registries expect. It runs a
# goreleaser snapshot release for this machine's platform only, publishing
# skipped, signed (when gpg is installed) with a throwaway key made for the
# run, and checks:
#
#   dist/terraform-provider-duo_<version>_<os>_<arch>.zip  holds exactly the
#        binary terraform-provider-duo_v<version>
#   dist/terraform-provider-duo_<version>_SHA256SUMS  covers the zip and
#        terraform-provider-duo_<version>_manifest.json, with the checksum of
#        terraform-registry-manifest.json (protocol_versions ["6.0"]), and
#        nothing else
#   dist/terraform-provider-duo_<version>_SHA256SUMS.sig  verifies: goreleaser
#        rewrites SHA256SUMS after signing it, which only a signed run shows
#   the release uploads terraform-registry-manifest.json under the name
#        SHA256SUMS gives it (goreleaser does not copy it into dist/; its
#        effective configuration, dist/config.yaml, says how it uploads it)
#   the changelog step is not disabled: it is where goreleaser reads the
#        release notes of --release-notes
#
# `goreleaser release` has no --single-target (only `goreleaser build` has),
# so it runs on a copy of .goreleaser.yml whose goos and goarch are this
# machine's. One build of the provider: about a minute with a cold Go build
# cache on 2 cores.
#
# Environment: GORELEASER (path of goreleaser; default: the one pinned in
# tools/go.mod, built by scripts/install-tools.sh).
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo_root"

project=terraform-provider-duo
log() { printf 'check-release: %s\n' "$*" >&2; }
die() { log "error: $*"; exit 1; }

goreleaser="${GORELEASER:-$(scripts/install-tools.sh goreleaser)/goreleaser}"
goos="$(go env GOOS)"
goarch="$(go env GOARCH)"

tmp="$(mktemp -d "${TMPDIR:-/tmp}/duo-release.XXXXXX")"
cleanup() {
	# gpg started an agent for the throwaway keyring; stop it (only it).
	if [[ -n "${GNUPGHOME:-}" ]]; then gpgconf --kill gpg-agent 2>/dev/null || true; fi
	rm -rf "$tmp"
}
trap cleanup EXIT

# The copy of .goreleaser.yml for this platform: the build's `goos:` and
# `goarch:` lists (flow or block style) become one-element flow lists. The
# first such key sets the build's indentation; deeper ones, as in `ignore:`
# entries, are kept as they are.
awk -v goos="$goos" -v goarch="$goarch" '
	skipping {
		match($0, /^[ \t]*/)
		if (RLENGTH > list_indent || (RLENGTH == list_indent && $0 ~ /^[ \t]*- /)) next
		skipping = 0
	}
	/^[ \t]*(goos|goarch):/ {
		match($0, /^[ \t]*/)
		indent = RLENGTH
		if (!have_indent) { have_indent = 1; build_indent = indent }
		if (indent == build_indent) {
			key = ($0 ~ /^[ \t]*goos:/) ? "goos" : "goarch"
			replaced[key]++
			printf "%s%s: [%s]\n", substr($0, 1, indent), key, (key == "goos" ? goos : goarch)
			rest = $0
			sub(/^[ \t]*(goos|goarch):[ \t]*/, "", rest)
			skipping = (rest == "" || rest ~ /^#/)
			list_indent = indent
			next
		}
	}
	{ print }
	END { if (replaced["goos"] != 1 || replaced["goarch"] != 1) exit 3 }
' .goreleaser.yml >"$tmp/goreleaser.yml" ||
	die "could not limit .goreleaser.yml to $goos/$goarch: it should have one build, with one goos and one goarch list"

# goreleaser loads --release-notes in its changelog step; a disabled
# changelog skips that step, and the release would publish empty notes.
changelog_disable="$(awk '/^changelog:/ { block = 1; next } /^[^ \t#]/ { block = 0 } block && /^[ \t]+disable:/ { sub(/^[ \t]+/, ""); print }' .goreleaser.yml)"
[[ -z "$changelog_disable" || "$changelog_disable" =~ disable:[[:space:]]*false ]] ||
	die ".goreleaser.yml disables the changelog (${changelog_disable//$'\n'/ }): goreleaser would then ignore --release-notes, and releases would have empty notes"

skip=publish
if command -v gpg >/dev/null 2>&1; then
	export GNUPGHOME="$tmp/gnupg"
	mkdir -m 700 "$GNUPGHOME"
	gpg --batch --quiet --passphrase '' --quick-gen-key \
		"terraform-provider-duo release check <release-check@example.invalid>" rsa2048 sign never 2>/dev/null ||
		die "gpg could not make a throwaway signing key"
	GPG_FINGERPRINT="$(gpg --batch --list-secret-keys --with-colons 2>/dev/null | awk -F: '/^fpr/ { print $10; exit }')"
	export GPG_FINGERPRINT
	log "goreleaser snapshot release for $goos/$goarch, signed with a throwaway key, not published"
else
	skip=sign,publish
	log "goreleaser snapshot release for $goos/$goarch, not published; gpg is not installed, so not signed and the signature not checked"
fi
start=$SECONDS
if ! "$goreleaser" release --config "$tmp/goreleaser.yml" --snapshot --clean --skip="$skip" \
	>"$tmp/goreleaser.log" 2>&1; then
	cat "$tmp/goreleaser.log" >&2
	die "the goreleaser snapshot release failed (its log is above)"
fi
log "snapshot built in $((SECONDS - start))s"

[[ -f dist/metadata.json ]] || die "goreleaser wrote no dist/metadata.json"
version="$(tr -d '\n' <dist/metadata.json | sed -n 's/.*"version": *"\([^"]*\)".*/\1/p')"
[[ "$version" =~ ^[0-9]+\.[0-9]+\.[0-9]+(-[0-9A-Za-z.-]+)?$ ]] ||
	die "the snapshot's version '$version' (dist/metadata.json) is not semver, which the registries require"

exe=""
[[ "$goos" == windows ]] && exe=".exe"
zip="${project}_${version}_${goos}_${goarch}.zip"
binary="${project}_v${version}${exe}"
manifest="${project}_${version}_manifest.json"
sums="${project}_${version}_SHA256SUMS"

failures=()
fail() { failures+=("$*"); }

sha256() {
	if command -v sha256sum >/dev/null 2>&1; then
		sha256sum "$1" | cut -d' ' -f1
	else
		shasum -a 256 "$1" | cut -d' ' -f1
	fi
}

zip_entries() {
	if command -v unzip >/dev/null 2>&1; then
		unzip -Z1 "$1"
	else
		python3 -c 'import sys, zipfile; print("\n".join(zipfile.ZipFile(sys.argv[1]).namelist()))' "$1"
	fi
}

if [[ ! -f "dist/$zip" ]]; then
	fail "no dist/$zip: the archive must be named ${project}_<version>_<os>_<arch>.zip"
else
	entries="$(zip_entries "dist/$zip")" || die "cannot list dist/$zip (needs unzip or python3)"
	[[ "$entries" == "$binary" ]] ||
		fail "dist/$zip holds [${entries//$'\n'/ }]; it must hold exactly $binary"
fi

# The manifest is not built into dist/: the release uploads the repository's
# terraform-registry-manifest.json under the manifest's name
# (release.extra_files), and SHA256SUMS covers it under the same name
# (checksum.extra_files). The effective configuration goreleaser wrote to
# dist/config.yaml shows both.
manifest_source=terraform-registry-manifest.json
if [[ "$(tr -d ' \t\r\n' <"$manifest_source")" != *'"protocol_versions":["6.0"]'* ]]; then
	fail "$manifest_source does not declare protocol_versions [\"6.0\"]: $(tr -d '\n' <"$manifest_source")"
fi
# extra_files_of SECTION: the extra_files entries of a top-level section of
# dist/config.yaml, one "key: value" a line.
extra_files_of() {
	awk -v section="$1" '
		$0 ~ "^" section ":" { in_section = 1; next }
		/^[^ ]/ { in_section = 0 }
		in_section && /^  extra_files:/ { in_list = 1; next }
		in_section && /^  [^ -]/ { in_list = 0 }
		in_section && in_list { sub(/^[ -]+/, ""); print }
	' dist/config.yaml
}
uploaded="$(extra_files_of release)"
checksummed="$(extra_files_of checksum)"
if [[ "$uploaded" != *"glob: $manifest_source"* ]]; then
	fail "the release does not upload $manifest_source (release.extra_files in dist/config.yaml: [${uploaded//$'\n'/ }])"
elif [[ "$uploaded" != "$checksummed" ]]; then
	fail "the release uploads [${uploaded//$'\n'/ }] but SHA256SUMS covers [${checksummed//$'\n'/ }]: the registries need SHA256SUMS to cover the manifest under the name it is published as"
fi

if [[ ! -f "dist/$sums" ]]; then
	fail "no dist/$sums: the checksums must be named ${project}_<version>_SHA256SUMS"
else
	listed=()
	while read -r sum name; do
		listed+=("$name")
		if [[ ! "$sum" =~ ^[0-9a-f]{64}$ ]]; then
			fail "dist/$sums: '$sum  $name' is not a sha256 line"
		elif [[ "$name" != "$manifest" && "$name" != "${project}_${version}_"*.zip ]]; then
			fail "dist/$sums lists $name: the registries take only the zips and the manifest in it"
		elif [[ "$name" == "$manifest" ]]; then
			continue # checked below, against $manifest_source
		elif [[ ! -f "dist/$name" ]]; then
			fail "dist/$sums lists $name, which is not in dist/"
		elif [[ "$(sha256 "dist/$name")" != "$sum" ]]; then
			fail "dist/$sums: the sha256 of $name is not $sum"
		fi
	done <"dist/$sums"
	[[ " ${listed[*]} " == *" $zip "* ]] || fail "dist/$sums does not cover $zip"
	manifest_line="$(grep -E "^[0-9a-f]{64}  $manifest\$" "dist/$sums" || true)"
	if [[ -z "$manifest_line" ]]; then
		fail "dist/$sums does not cover $manifest: the manifest must be published as ${project}_<version>_manifest.json"
	elif [[ "${manifest_line%% *}" != "$(sha256 "$manifest_source")" ]]; then
		fail "dist/$sums: the sha256 of $manifest is not that of $manifest_source"
	fi
fi

if [[ -n "${GPG_FINGERPRINT:-}" ]]; then
	if [[ ! -f "dist/$sums.sig" ]]; then
		fail "no dist/$sums.sig: the registries need the signature of SHA256SUMS named ${project}_<version>_SHA256SUMS.sig"
	elif ! gpg --batch --verify "dist/$sums.sig" "dist/$sums" 2>"$tmp/verify.log"; then
		fail "dist/$sums.sig does not verify dist/$sums (was SHA256SUMS written again after it was signed?): $(tr '\n' ' ' <"$tmp/verify.log")"
	fi
fi

if ((${#failures[@]} > 0)); then
	log "dist/ as goreleaser left it:"
	ls -l dist/ >&2
	for failure in "${failures[@]}"; do log "FAIL: $failure"; done
	die "the release layout is not what the registries expect (see .goreleaser.yml)"
fi
signed=""
[[ -n "${GPG_FINGERPRINT:-}" ]] && signed=", and dist/$sums.sig verifies it"
log "release layout as the registries expect: dist/$zip holds $binary; dist/$sums covers it and $manifest, uploaded from $manifest_source$signed"
