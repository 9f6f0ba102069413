#!/usr/bin/env bash
# Usage: scripts/bench-plan.sh
#
# The whole-plan benchmark: what a user waits for in `terraform plan`, not
# only the provider's read. Against a fake Duo of BENCH_USERS users that
# answers after BENCH_LATENCY, it times `terraform plan` of two modules,
#   unfiltered: one duo_users of the whole listing;
#   filtered:   five duo_users, each with filters selecting a few hundred
#               users (the users a real audit asks about);
# BENCH_RUNS times each, alternating, then applies each once to measure the
# state it writes. It prints the median plan times, the list requests each
# plan sent (from the fake's counters) and the state sizes, and checks the
# targets: the filtered plan takes at most 0.25 of the unfiltered plan's
# time, sends ceil(users/300) list requests in all, and writes at most a
# twentieth of the state. A missed target is reported and fails the script.
#
# Environment: TERRAFORM (default: the pinned Terraform of
# scripts/install-cli.sh), BENCH_USERS (50000), BENCH_LATENCY (20ms),
# BENCH_RUNS (5).
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo_root"

BENCH_USERS="${BENCH_USERS:-50000}"
BENCH_LATENCY="${BENCH_LATENCY:-20ms}"
BENCH_RUNS="${BENCH_RUNS:-5}"
PROVIDER_SOURCE="$(sed -n 's/^const registryAddress = "\(.*\)"$/\1/p' main.go)"
[[ -n "$PROVIDER_SOURCE" ]] || { echo "registryAddress not found in main.go" >&2; exit 1; }
terraform="${TERRAFORM:-$(scripts/install-cli.sh terraform)}"

log() { printf 'bench-plan: %s\n' "$*" >&2; }

tmp="$(mktemp -d "${TMPDIR:-/tmp}/duo-bench-plan.XXXXXX")"
fake_pid=""
stop_fake() {
	if [[ -n "$fake_pid" ]]; then
		kill -TERM "$fake_pid" 2>/dev/null || true
		wait "$fake_pid" 2>/dev/null || true
		fake_pid=""
	fi
}
trap 'stop_fake; rm -rf "$tmp"' EXIT

log "building the provider and the fake Duo"
mkdir -p "$tmp/plugin"
go build -o "$tmp/plugin/terraform-provider-duo" .
go build -o "$tmp/fakeduo" ./internal/cmd/fakeduo

# start_fake STATE_DIR: serves the generated account until stop_fake, which
# makes it write its request counters to STATE_DIR/stats.json.
start_fake() {
	mkdir -p "$1"
	"$tmp/fakeduo" -users "$BENCH_USERS" -latency "$BENCH_LATENCY" -state-dir "$1" -stats-file "$1/stats.json" >"$1/fakeduo.log" 2>&1 &
	fake_pid=$!
	for _ in $(seq 1 600); do
		if [[ -s "$1/env" ]] && grep -q serving "$1/fakeduo.log"; then
			# shellcheck disable=SC1091
			source "$1/env"
			export DUO_API_HOST DUO_INTEGRATION_KEY DUO_SECRET_KEY DUO_CA_CERT_FILE
			return
		fi
		kill -0 "$fake_pid" 2>/dev/null || { cat "$1/fakeduo.log" >&2; exit 1; }
		sleep 0.1
	done
	log "the fake Duo did not start"
	exit 1
}

cat >"$tmp/terraformrc" <<EOF
provider_installation {
  dev_overrides {
    "$PROVIDER_SOURCE" = "$tmp/plugin"
  }
  direct {}
}
EOF
export TF_CLI_CONFIG_FILE="$tmp/terraformrc" TF_IN_AUTOMATION=1 CHECKPOINT_DISABLE=1

header="terraform {
  required_providers {
    duo = { source = \"$PROVIDER_SOURCE\" }
  }
}
provider \"duo\" {}
"
mkdir -p "$tmp/unfiltered" "$tmp/filtered"
printf '%s\n%s\n' "$header" 'data "duo_users" "all" {}
output "users" { value = length(data.duo_users.all.users) }' >"$tmp/unfiltered/main.tf"
# Each selects a few hundred of GeneratedUsers(50000).
cat >"$tmp/filtered/main.tf" <<EOF
$header
data "duo_users" "bypass" {
  status      = ["bypass"]
  is_enrolled = false
  groups      = ["Contractors"]
}
data "duo_users" "locked_out" {
  status      = ["locked out"]
  is_enrolled = false
  groups      = ["Contractors"]
}
data "duo_users" "disabled" {
  status      = ["disabled"]
  is_enrolled = false
  groups      = ["Contractors"]
}
data "duo_users" "pending_deletion" {
  status      = ["pending deletion"]
  is_enrolled = false
  groups      = ["Contractors"]
}
data "duo_users" "inactive" {
  status            = ["active"]
  is_enrolled       = false
  groups            = ["Contractors"]
  last_login_before = "2024-06-01T06:00:00Z"
}
output "users" {
  value = {
    bypass           = length(data.duo_users.bypass.users)
    locked_out       = length(data.duo_users.locked_out.users)
    disabled         = length(data.duo_users.disabled.users)
    pending_deletion = length(data.duo_users.pending_deletion.users)
    inactive         = length(data.duo_users.inactive.users)
  }
}
EOF

# median FILE: the median of the numbers in FILE, one a line.
median() {
	sort -g "$1" | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

# list_requests STATS_FILE: the list requests the fake answered, all paths
# together: the sum of the numbers in the file's "list_requests" object.
list_requests() {
	tr -d ' \n' <"$1" | sed 's/.*"list_requests":{\([^}]*\)}.*/\1/' | tr ',' '\n' | awk -F: '{ n += $2 } END { print n + 0 }'
}

log "$("$terraform" version | head -n 1), $BENCH_USERS users, $BENCH_LATENCY a request, $BENCH_RUNS plans of each module"
# run MODULE NAME ARGS...: runs `terraform ARGS...` in MODULE against a fake
# started for it alone, so that its counters count that command only, and
# prints how long the command took.
run() {
	local module="$1" name="$2" start end
	shift 2
	start_fake "$tmp/fake-$name"
	start=$(date +%s.%N)
	"$terraform" -chdir="$tmp/$module" "$@" -input=false -lock=false -no-color >"$tmp/$name.log" 2>&1 ||
		{ cat "$tmp/$name.log" >&2; exit 1; }
	end=$(date +%s.%N)
	stop_fake
	awk -v start="$start" -v end="$end" 'BEGIN { printf "%.3f\n", end - start }'
}

for run in $(seq 1 "$BENCH_RUNS"); do
	for module in unfiltered filtered; do
		run "$module" "$module-plan-$run" plan >>"$tmp/$module.seconds"
		list_requests "$tmp/fake-$module-plan-$run/stats.json" >>"$tmp/$module.requests"
		log "run $run, $module: $(tail -n 1 "$tmp/$module.seconds") s, $(tail -n 1 "$tmp/$module.requests") list requests"
	done
done
for module in unfiltered filtered; do
	run "$module" "$module-apply" apply -auto-approve >/dev/null
	wc -c <"$tmp/$module/terraform.tfstate" >"$tmp/$module.state"
done
grep -A 8 '^Outputs:' "$tmp/filtered-apply.log" >&2 || true

unfiltered_seconds=$(median "$tmp/unfiltered.seconds")
filtered_seconds=$(median "$tmp/filtered.seconds")
filtered_requests=$(median "$tmp/filtered.requests")
unfiltered_state=$(cat "$tmp/unfiltered.state")
filtered_state=$(cat "$tmp/filtered.state")
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.4f", a / b }'; }
at_most() { awk -v a="$1" -v b="$2" 'BEGIN { exit !(a <= b) }'; }
time_ratio=$(ratio "$filtered_seconds" "$unfiltered_seconds")
state_ratio=$(ratio "$filtered_state" "$unfiltered_state")
want_requests=$(((BENCH_USERS + 299) / 300))

printf '\n| plan | median time (%s runs) | list requests | state |\n| --- | ---: | ---: | ---: |\n' "$BENCH_RUNS"
printf '| one unfiltered duo_users | %.2f s | %s | %s bytes |\n' "$unfiltered_seconds" "$(median "$tmp/unfiltered.requests")" "$unfiltered_state"
printf '| five filtered duo_users | %.2f s | %s | %s bytes |\n' "$filtered_seconds" "$filtered_requests" "$filtered_state"
printf '\nfiltered / unfiltered: time %s (target <= 0.25), state %s (target <= 0.05); list requests %s (target %s)\n' \
	"$time_ratio" "$state_ratio" "$filtered_requests" "$want_requests"

missed=()
at_most "$time_ratio" 0.25 || missed+=("time")
at_most "$state_ratio" 0.05 || missed+=("state")
[[ "$filtered_requests" == "$want_requests" ]] || missed+=("list requests")
if ((${#missed[@]})); then
	echo "targets missed: ${missed[*]}" >&2
	exit 1
fi
echo "targets met"
