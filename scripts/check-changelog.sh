#!/usr/bin/env bash
# Usage: scripts/check-changelog.sh
#
# The release workflow takes its release notes from CHANGELOG.md through
# scripts/changelog-section.sh. This checks, in well under a second:
#   1. that script against a small sample changelog (dated, bare, empty,
#      duplicate, missing and still-unreleased sections);
#   2. that CHANGELOG.md's first section (`## Unreleased`, or the latest
#      version right after a release) yields non-empty release notes.
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo_root"
section=scripts/changelog-section.sh

fail() { printf 'check-changelog: FAIL: %s\n' "$*" >&2; exit 1; }

tmp="$(mktemp -d "${TMPDIR:-/tmp}/duo-changelog.XXXXXX")"
trap 'rm -rf "$tmp"' EXIT

cat >"$tmp/CHANGELOG.md" <<'EOF'
## Unreleased

## 1.2.0 (Unreleased)

FEATURES:

* data-source/duo_example: not released yet

## 1.1.0 (March 2, 2027)

ENHANCEMENTS:

* data-source/duo_users: first line

* data-source/duo_users: second line, after a blank line
## 1.0.0

BUG FIXES:

* provider: bare heading
## 1.0.0-rc.1 (January 5, 2027)

* a pre-release, whose version starts with 1.0.0
## 0.9.0

* once
## 0.9.0

* twice
EOF

# expect_notes VERSION EXPECTED: the section's body is exactly EXPECTED.
expect_notes() {
	local got
	got="$("$section" "$1" "$tmp/CHANGELOG.md")" || fail "$section $1 failed on the sample"
	[[ "$got" == "$2" ]] || fail "$section $1 printed:
$got
instead of:
$2"
}
# expect_error VERSION MESSAGE: fails, and says MESSAGE.
expect_error() {
	local err
	if "$section" "$1" "$tmp/CHANGELOG.md" >/dev/null 2>"$tmp/err"; then
		fail "$section $1 succeeded on the sample; it should fail with '$2'"
	fi
	err="$(<"$tmp/err")"
	[[ "$err" == *"$2"* ]] || fail "$section $1 said '$err', not '$2'"
}

notes_1_1_0="ENHANCEMENTS:

* data-source/duo_users: first line

* data-source/duo_users: second line, after a blank line"
expect_notes 1.1.0 "$notes_1_1_0"
expect_notes v1.1.0 "$notes_1_1_0"
expect_notes 1.0.0 "BUG FIXES:

* provider: bare heading"
expect_notes 1.0.0-rc.1 "* a pre-release, whose version starts with 1.0.0"
expect_error Unreleased "is empty"
expect_error 1.2.0 "still marked Unreleased"
expect_error 1.1 "no section for 1.1"
expect_error 2.0.0 "no section for 2.0.0"
expect_error 0.9.0 "2 sections for 0.9.0"
echo "check-changelog: scripts/changelog-section.sh passes its self-test"

first="$(sed -n 's/^## //p' CHANGELOG.md | head -n 1)"
[[ -n "$first" ]] || fail "CHANGELOG.md has no '## ' section"
first="${first%% (*}"
# A version heading still marked (Unreleased) fails here too, with its reason.
notes="$("$section" "$first" CHANGELOG.md)" ||
	fail "CHANGELOG.md's first section ('## $first') gives no release notes (see above)"
echo "check-changelog: CHANGELOG.md's '## $first' section gives release notes ($(wc -l <<<"$notes") lines)"
