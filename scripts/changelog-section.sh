#!/usr/bin/env bash
# Usage: scripts/changelog-section.sh VERSION [CHANGELOG]
#
# Prints the body of VERSION's section of the changelog (default
# CHANGELOG.md): the lines under its heading up to the next `## ` heading,
# without surrounding blank lines. The release workflow passes it to
# goreleaser as the release notes.
#
# VERSION is X.Y.Z (a leading v, as in a tag, is dropped) or Unreleased. Its
# heading is `## X.Y.Z (Month D, YYYY)` or `## X.Y.Z`. Fails, saying why,
# when the section is missing, empty, present twice, or still marked
# `(Unreleased)`.
set -euo pipefail

die() { printf 'changelog-section: error: %s\n' "$*" >&2; exit 1; }

[[ $# -ge 1 && $# -le 2 ]] || { echo "usage: $0 VERSION [CHANGELOG]" >&2; exit 2; }
version="${1#v}"
changelog="${2:-CHANGELOG.md}"
[[ -n "$version" ]] || die "empty version"
[[ -f "$changelog" ]] || die "$changelog not found"

# awk prints "<number of matching headings>\t<heading>" on its first line,
# then the section's lines; index() compares literally (dots are not regex).
extract() {
	awk -v version="$version" '
		/^## / {
			heading = substr($0, 4)
			sub(/[ \t\r]+$/, "", heading)
			if (heading == version || index(heading, version " (") == 1) {
				matches++
				if (matches == 1) { first = heading; in_section = 1; next }
			}
			in_section = 0
		}
		in_section { body[++n] = $0 }
		END {
			printf "%d\t%s\n", matches, first
			for (i = 1; i <= n; i++) print body[i]
		}
	' "$changelog"
}

output="$(extract)"
header="${output%%$'\n'*}"
matches="${header%%$'\t'*}"
heading="${header#*$'\t'}"
body=""
[[ "$output" == *$'\n'* ]] && body="${output#*$'\n'}"

((matches > 0)) || die "$changelog has no section for $version: add a '## $version (Month D, YYYY)' heading with the release's changes"
((matches == 1)) || die "$changelog has $matches sections for $version; keep one"
[[ "$heading" != *"(Unreleased)" ]] || die "$changelog: '## $heading' is still marked Unreleased; give it the release date"

# Drop leading and trailing blank lines; the body itself is kept verbatim.
body="$(printf '%s\n' "$body" | awk 'NF { for (; blank > 0; blank--) print ""; started = 1; print; next } started { blank++ }')"
[[ -n "$body" ]] || die "$changelog: section '## $heading' is empty"
printf '%s\n' "$body"
