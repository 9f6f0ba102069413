#!/usr/bin/env bash
# Usage: scripts/bench-plan.sh
#
# The whole-plan benchmark: what a user waits for in `terraform plan`, not
# only the provider's read. It has four parts, BENCH_PARTS selecting them.
#
# filters: against a fake Duo of BENCH_USERS users that answers after
# BENCH_LATENCY, it times `terraform plan` of two modules,
#   unfiltered: one duo_users of the whole listing;
#   filtered:   five duo_users, each with filters selecting a few hundred
#               users (the users a real audit asks about);
# BENCH_RUNS times each, alternating, then applies each once to measure the
# state it writes. It prints the median plan times, the list requests each
# plan sent (from the fake's counters) and the state sizes, and checks the
# targets: the filtered plan takes at most 0.25 of the unfiltered plan's
# time, sends ceil(users/300) list requests in all, and writes at most a
# twentieth of the state.
#
# memberships: a group's 300 members read one duo_user each, by username
# in a for_each, against fakes of 10,000 users at BENCH_LATENCY, one
# unlimited and one that answers 429 to a request arriving while three are
# being answered, as a Duo account's rate limit does; and against one that
# answers at once, which tells how long the plan takes Terraform itself
# with either provider, the least the plan can take. The provider built
# from BENCH_BASELINE (the commit before single lookups were batched) and
# the one of the work tree plan it in turn, BENCH_RUNS times each on each
# fake, alternating. It prints the median plan times, requests and 429
# answers (from the fakes' counters), and checks the targets: this
# provider sends at most 35 requests for the 300 lookups (ceil(300/10)
# batches at Terraform's parallelism of ten, plus a few), draws no 429 from
# the limited fake, and plans in at most half the baseline's time against
# it.
#
# msp: a fake MSP parent with BENCH_CHILDREN children of BENCH_CHILD_USERS
# users each, each child answering after BENCH_LATENCY and 429 to a
# request that arrives while three of its own are being answered. One plan
# reads a filtered duo_users (the users in bypass) and the global policy of
# every child, through for_each over duo_child_accounts; beside it, one
# plan per child with the provider's account_id, run one after another as
# an MSP's script would. BENCH_RUNS times each, alternating. It prints the
# median time of the one plan and of the per-child plans together, and,
# from the fakes' counters, the parent's account list requests and each
# child's requests and 429 answers; it checks the targets: one account
# list request per plan, per child the requests of its listing and its
# global policy (ceil(users/300) + 2, the policy summary among them)
# besides the retries of its own 429s and
# nothing more, every plan succeeds, and the one plan takes at most 0.25 of
# the per-child plans' total time. It needs jq.
#
# checkup: modules/security-checkup against a fake Duo of BENCH_USERS
# users that answers after BENCH_LATENCY: the account as fakeduo.Harden
# leaves a generated one, but for one user in every 97 (-weak-every), who
# keeps the weaknesses GeneratedUsers gives it, so that the checkup finds
# some hundreds, as it would in a real account; read with the account's
# read-only checkup key, as the checkup asks. Beside it, the plan of one
# unfiltered duo_users of the same account, BENCH_RUNS times each,
# alternating, then one apply of each to measure the state, and one plan
# of every listing the checkup reads, each read alone once, for its list
# requests. It prints the median plan times, the list requests of each
# listing and the state sizes, and checks the targets: the checkup takes
# at most 0.25 of the unfiltered plan's time and writes at most 0.1 of its
# state, and sends to each listing the requests of one read of it (the user
# listing's ceil(users/300) among them). It needs jq.
#
# A missed target is reported and fails the script. The machine's load
# average is printed before and after, since both parts time Terraform.
#
# Environment: TERRAFORM (default: the pinned Terraform of
# scripts/install-cli.sh), BENCH_PARTS ("filters memberships msp checkup"),
# BENCH_USERS (50000), BENCH_LATENCY (20ms), BENCH_RUNS (5), BENCH_BASELINE
# (f6ce889), BENCH_CHILDREN (20), BENCH_CHILD_USERS (2000).
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo_root"

BENCH_USERS="${BENCH_USERS:-50000}"
BENCH_LATENCY="${BENCH_LATENCY:-20ms}"
BENCH_RUNS="${BENCH_RUNS:-5}"
BENCH_PARTS="${BENCH_PARTS:-filters memberships msp checkup}"
BENCH_CHILDREN="${BENCH_CHILDREN:-20}"
BENCH_CHILD_USERS="${BENCH_CHILD_USERS:-2000}"
BENCH_BASELINE="${BENCH_BASELINE:-f6ce889}"
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

# part NAME: whether BENCH_PARTS selects the part NAME.
part() { [[ " $BENCH_PARTS " == *" $1 "* ]]; }

# start_fake STATE_DIR [FAKEDUO FLAGS...]: serves a generated account of
# BENCH_USERS users, or as the flags say, until stop_fake, which makes it
# write its request counters to STATE_DIR/stats.json.
start_fake() {
	local dir="$1"
	shift
	mkdir -p "$dir"
	"$tmp/fakeduo" -users "$BENCH_USERS" -latency "$BENCH_LATENCY" "$@" -state-dir "$dir" -stats-file "$dir/stats.json" >"$dir/fakeduo.log" 2>&1 &
	fake_pid=$!
	for _ in $(seq 1 600); do
		if [[ -s "$dir/env" ]] && grep -q serving "$dir/fakeduo.log"; then
			# shellcheck disable=SC1091
			source "$dir/env"
			export DUO_API_HOST DUO_INTEGRATION_KEY DUO_SECRET_KEY DUO_CA_CERT_FILE
			return
		fi
		kill -0 "$fake_pid" 2>/dev/null || { cat "$dir/fakeduo.log" >&2; exit 1; }
		sleep 0.1
	done
	log "the fake Duo did not start"
	exit 1
}

# terraformrc PLUGIN_DIR: writes a CLI configuration that takes the
# provider from PLUGIN_DIR, and prints its path.
terraformrc() {
	cat >"$1.terraformrc" <<EOF
provider_installation {
  dev_overrides {
    "$PROVIDER_SOURCE" = "$1"
  }
  direct {}
}
EOF
	echo "$1.terraformrc"
}
TF_CLI_CONFIG_FILE="$(terraformrc "$tmp/plugin")"
export TF_CLI_CONFIG_FILE TF_IN_AUTOMATION=1 CHECKPOINT_DISABLE=1

header="terraform {
  required_providers {
    duo = { source = \"$PROVIDER_SOURCE\" }
  }
}
provider \"duo\" {}
"

# median FILE: the median of the numbers in FILE, one a line.
median() {
	sort -g "$1" | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

# largest FILE: the largest of the numbers in FILE, one a line.
largest() {
	sort -g "$1" | tail -n 1
}

# list_requests STATS_FILE: the list requests the fake answered, all paths
# together: the sum of the numbers in the file's "list_requests" object.
list_requests() {
	tr -d ' \n' <"$1" | sed 's/.*"list_requests":{\([^}]*\)}.*/\1/' | tr ',' '\n' | awk -F: '{ n += $2 } END { print n + 0 }'
}

# counter STATS_FILE NAME: the fake's counter NAME, such as "requests"
# (every authenticated request) or "rate_limited" (those answered 429).
counter() {
	tr -d ' \n' <"$1" | sed -n "s/.*\"$2\":\([0-9]*\).*/\1/p"
	echo
}

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.4f", a / b }'; }
at_most() { awk -v a="$1" -v b="$2" 'BEGIN { exit !(a <= b) }'; }

# run MODULE NAME FAKE_FLAGS ARGS...: runs `terraform ARGS...` in MODULE
# against a fake started for it alone with FAKE_FLAGS (one word, split on
# spaces), so that its counters count that command only, and prints how
# long the command took.
run() {
	local module="$1" name="$2" flags="$3" start end
	shift 3
	# shellcheck disable=SC2086
	start_fake "$tmp/fake-$name" $flags
	start=$(date +%s.%N)
	"$terraform" -chdir="$tmp/$module" "$@" -input=false -lock=false -no-color >"$tmp/$name.log" 2>&1 ||
		{ cat "$tmp/$name.log" >&2; exit 1; }
	end=$(date +%s.%N)
	stop_fake
	awk -v start="$start" -v end="$end" 'BEGIN { printf "%.3f\n", end - start }'
}

log "$("$terraform" version | head -n 1), $BENCH_LATENCY a request, $BENCH_RUNS plans of each module; parts: $BENCH_PARTS"
log "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
missed=()
results=""

if part filters; then
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

	log "filters: $BENCH_USERS users"
	for run in $(seq 1 "$BENCH_RUNS"); do
		for module in unfiltered filtered; do
			run "$module" "$module-plan-$run" "" plan >>"$tmp/$module.seconds"
			list_requests "$tmp/fake-$module-plan-$run/stats.json" >>"$tmp/$module.requests"
			log "run $run, $module: $(tail -n 1 "$tmp/$module.seconds") s, $(tail -n 1 "$tmp/$module.requests") list requests"
		done
	done
	for module in unfiltered filtered; do
		run "$module" "$module-apply" "" apply -auto-approve >/dev/null
		wc -c <"$tmp/$module/terraform.tfstate" >"$tmp/$module.state"
	done
	grep -A 8 '^Outputs:' "$tmp/filtered-apply.log" >&2 || true

	unfiltered_seconds=$(median "$tmp/unfiltered.seconds")
	filtered_seconds=$(median "$tmp/filtered.seconds")
	filtered_requests=$(median "$tmp/filtered.requests")
	unfiltered_state=$(cat "$tmp/unfiltered.state")
	filtered_state=$(cat "$tmp/filtered.state")
	time_ratio=$(ratio "$filtered_seconds" "$unfiltered_seconds")
	state_ratio=$(ratio "$filtered_state" "$unfiltered_state")
	want_requests=$(((BENCH_USERS + 299) / 300))

	results+=$(
		printf '\n| plan (%s users) | median time (%s runs) | list requests | state |\n| --- | ---: | ---: | ---: |\n' "$BENCH_USERS" "$BENCH_RUNS"
		printf '| one unfiltered duo_users | %.2f s | %s | %s bytes |\n' "$unfiltered_seconds" "$(median "$tmp/unfiltered.requests")" "$unfiltered_state"
		printf '| five filtered duo_users | %.2f s | %s | %s bytes |\n' "$filtered_seconds" "$filtered_requests" "$filtered_state"
		printf '\nfiltered / unfiltered: time %s (target <= 0.25), state %s (target <= 0.05); list requests %s (target %s)\n' \
			"$time_ratio" "$state_ratio" "$filtered_requests" "$want_requests"
	)$'\n'
	at_most "$time_ratio" 0.25 || missed+=("filters: time")
	at_most "$state_ratio" 0.05 || missed+=("filters: state")
	[[ "$filtered_requests" == "$want_requests" ]] || missed+=("filters: list requests")
fi

if part memberships; then
	log "memberships: building the provider of $BENCH_BASELINE"
	mkdir -p "$tmp/baseline-src" "$tmp/plugin-baseline"
	git archive "$BENCH_BASELINE" | tar -x -C "$tmp/baseline-src"
	(cd "$tmp/baseline-src" && go build -o "$tmp/plugin-baseline/terraform-provider-duo" .)
	declare -A plugins=([baseline]="$tmp/plugin-baseline" [batched]="$tmp/plugin")
	declare -A fakes=([unlimited]="-users 10000" [limited]="-users 10000 -max-in-flight 3" [instant]="-users 10000 -latency 0s")

	# 300 members spread over GeneratedUsers(10000): user00033, user00066, ...
	mkdir -p "$tmp/memberships"
	cat >"$tmp/memberships/main.tf" <<EOF
$header
locals {
  members = [for i in range(1, 301) : format("user%05d", i * 33)]
}
data "duo_user" "member" {
  for_each = toset(local.members)
  username = each.value
}
output "members" { value = length(data.duo_user.member) }
EOF

	for run in $(seq 1 "$BENCH_RUNS"); do
		# Alternating: each run starts with the other provider.
		order="baseline batched"
		((run % 2)) || order="batched baseline"
		for fake in unlimited limited instant; do
			for provider in $order; do
				name="$provider-$fake-$run"
				TF_CLI_CONFIG_FILE="$(terraformrc "${plugins[$provider]}")" \
					run memberships "$name" "${fakes[$fake]}" plan >>"$tmp/$provider-$fake.seconds"
				counter "$tmp/fake-$name/stats.json" requests >>"$tmp/$provider-$fake.requests"
				counter "$tmp/fake-$name/stats.json" rate_limited >>"$tmp/$provider-$fake.rate_limited"
				log "run $run, $provider provider, $fake fake: $(tail -n 1 "$tmp/$provider-$fake.seconds") s, $(tail -n 1 "$tmp/$provider-$fake.requests") requests, $(tail -n 1 "$tmp/$provider-$fake.rate_limited") answered 429"
			done
		done
	done

	results+=$(
		printf '\n| 300 duo_user by username, 10000 users | fake | median plan (%s runs) | requests (median, most) | 429 answers (median, most) |\n| --- | --- | ---: | ---: | ---: |\n' "$BENCH_RUNS"
		for provider in baseline batched; do
			label="batched (this tree)"
			[[ "$provider" == batched ]] || label="baseline ($BENCH_BASELINE)"
			for fake in unlimited limited instant; do
				printf '| %s | %s | %.2f s | %s, %s | %s, %s |\n' "$label" "$fake" \
					"$(median "$tmp/$provider-$fake.seconds")" \
					"$(median "$tmp/$provider-$fake.requests")" "$(largest "$tmp/$provider-$fake.requests")" \
					"$(median "$tmp/$provider-$fake.rate_limited")" "$(largest "$tmp/$provider-$fake.rate_limited")"
			done
		done
	)$'\n'
	limited_ratio=$(ratio "$(median "$tmp/batched-limited.seconds")" "$(median "$tmp/baseline-limited.seconds")")
	half_baseline=$(awk -v s="$(median "$tmp/baseline-limited.seconds")" 'BEGIN { printf "%.2f", s / 2 }')
	batched_requests=$(median "$tmp/batched-unlimited.requests")
	limited_requests=$(median "$tmp/batched-limited.requests")
	rate_limited=$(largest "$tmp/batched-limited.rate_limited")
	results+=$(
		printf '\nbatched / baseline against the limited fake: time %s (target <= 0.5); batched requests (median) %s unlimited, %s limited (target <= 35); 429 answers to the batched provider %s (target 0)\n' \
			"$limited_ratio" "$batched_requests" "$limited_requests" "$rate_limited"
		printf 'half the time of the baseline against the limited fake is %s s; against the fake that answers at once, the plan takes %.2f s with the baseline, %.2f s with this provider\n' \
			"$half_baseline" "$(median "$tmp/baseline-instant.seconds")" "$(median "$tmp/batched-instant.seconds")"
	)$'\n'
	at_most "$limited_ratio" 0.5 || missed+=("memberships: time")
	at_most "$batched_requests" 35 || missed+=("memberships: requests")
	at_most "$limited_requests" 35 || missed+=("memberships: requests against the limited fake")
	[[ "$rate_limited" == 0 ]] || missed+=("memberships: 429 answers")
fi

if part msp; then
	command -v jq >/dev/null || { log "msp: jq is needed to read the fake's counters"; exit 1; }
	msp_flags="-children $BENCH_CHILDREN -users $BENCH_CHILD_USERS -max-in-flight 3"
	mkdir -p "$tmp/msp-one" "$tmp/msp-each"
	cat >"$tmp/msp-one/main.tf" <<EOF
$header
data "duo_child_accounts" "all" {}
locals {
  children = { for child in data.duo_child_accounts.all.accounts : child.name => child.account_id }
}
data "duo_users" "bypass" {
  for_each   = local.children
  account_id = each.value
  status     = ["bypass"]
}
data "duo_policy" "global" {
  for_each   = local.children
  account_id = each.value
  global     = true
}
output "bypass" { value = { for name, users in data.duo_users.bypass : name => length(users.users) } }
EOF
	cat >"$tmp/msp-each/main.tf" <<EOF
terraform {
  required_providers {
    duo = { source = "$PROVIDER_SOURCE" }
  }
}
variable "account_id" { type = string }
provider "duo" {
  account_id = var.account_id
}
data "duo_users" "bypass" {
  status = ["bypass"]
}
data "duo_policy" "global" {
  global = true
}
output "bypass" { value = length(data.duo_users.bypass.users) }
EOF
	# The listing's pages, the global policy and the policy summary (where
	# the policy applies).
	want_child_requests=$(((BENCH_CHILD_USERS + 299) / 300 + 2))

	# msp_counts STATS_FILE NAME: appends the parent's account list requests
	# to NAME.lists, and each child's requests besides its 429 answers and
	# its 429 answers to NAME.children and NAME.rate_limited, a line a run.
	msp_counts() {
		jq -r '.list_requests["/accounts/v1/account/list"]' "$1" >>"$tmp/$2.lists"
		jq -r '[.children[] | .requests - .rate_limited | tostring] | join(" ")' "$1" >>"$tmp/$2.children"
		jq -r '[.children[] | .rate_limited | tostring] | join(" ")' "$1" >>"$tmp/$2.rate_limited"
	}
	# distinct FILE: the distinct numbers of FILE, comma-separated.
	distinct() { tr ' ' '\n' <"$1" | sort -un | paste -sd, -; }

	log "msp: $BENCH_CHILDREN children of $BENCH_CHILD_USERS users, each answering 429 above 3 requests in flight"
	for run in $(seq 1 "$BENCH_RUNS"); do
		order="one each"
		((run % 2)) || order="each one"
		for how in $order; do
			# shellcheck disable=SC2086
			start_fake "$tmp/fake-msp-$how-$run" $msp_flags
			start=$(date +%s.%N)
			if [[ "$how" == one ]]; then
				"$terraform" -chdir="$tmp/msp-one" plan -input=false -lock=false -no-color >"$tmp/msp-one-$run.log" 2>&1 ||
					{ cat "$tmp/msp-one-$run.log" >&2; exit 1; }
			else
				while read -r account_id _; do
					TF_VAR_account_id="$account_id" "$terraform" -chdir="$tmp/msp-each" plan -input=false -lock=false -no-color >"$tmp/msp-each-$run.log" 2>&1 ||
						{ cat "$tmp/msp-each-$run.log" >&2; exit 1; }
				done <"$tmp/fake-msp-$how-$run/children"
			fi
			end=$(date +%s.%N)
			stop_fake
			awk -v start="$start" -v end="$end" 'BEGIN { printf "%.3f\n", end - start }' >>"$tmp/msp-$how.seconds"
			msp_counts "$tmp/fake-msp-$how-$run/stats.json" "msp-$how"
			log "run $run, $how: $(tail -n 1 "$tmp/msp-$how.seconds") s, $(tail -n 1 "$tmp/msp-$how.lists") account list requests; requests of each child besides 429s: $(tail -n 1 "$tmp/msp-$how.children"); 429s: $(tail -n 1 "$tmp/msp-$how.rate_limited")"
		done
	done

	one_seconds=$(median "$tmp/msp-one.seconds")
	each_seconds=$(median "$tmp/msp-each.seconds")
	msp_ratio=$(ratio "$one_seconds" "$each_seconds")
	results+=$(
		printf '\n| %s children of %s users | median time (%s runs) | account list requests | requests of each child besides 429s | 429 answers of each child, run by run |\n| --- | ---: | ---: | ---: | --- |\n' "$BENCH_CHILDREN" "$BENCH_CHILD_USERS" "$BENCH_RUNS"
		printf '| one plan of every child | %.2f s | %s | %s | %s |\n' "$one_seconds" "$(distinct "$tmp/msp-one.lists")" \
			"$(distinct "$tmp/msp-one.children")" "$(paste -sd'|' "$tmp/msp-one.rate_limited" | sed 's/|/ \/ /g')"
		printf '| %s plans of one child each | %.2f s | %s | %s | %s |\n' "$BENCH_CHILDREN" "$each_seconds" "$(distinct "$tmp/msp-each.lists")" \
			"$(distinct "$tmp/msp-each.children")" "$(paste -sd'|' "$tmp/msp-each.rate_limited" | sed 's/|/ \/ /g')"
		printf '\none plan / %s plans: time %s (target <= 0.25); account list requests of the one plan %s (target 1); requests of each child besides 429s %s (target %s)\n' \
			"$BENCH_CHILDREN" "$msp_ratio" "$(distinct "$tmp/msp-one.lists")" "$(distinct "$tmp/msp-one.children")" "$want_child_requests"
	)$'\n'
	at_most "$msp_ratio" 0.25 || missed+=("msp: time")
	[[ "$(distinct "$tmp/msp-one.lists")" == 1 ]] || missed+=("msp: account list requests")
	[[ "$(cat "$tmp/msp-one.children" "$tmp/msp-each.children" | tr ' ' '\n' | sort -u)" == "$want_child_requests" ]] || missed+=("msp: requests of each child")
fi

if part checkup; then
	command -v jq >/dev/null || { log "checkup: jq is needed to read the fake's counters"; exit 1; }
	checkup_flags="-hardened -weak-every 97"
	mkdir -p "$tmp/unfiltered" "$tmp/checkup" "$tmp/listings"
	printf '%s\n%s\n' "$header" 'data "duo_users" "all" {}
output "users" { value = length(data.duo_users.all.users) }' >"$tmp/unfiltered/main.tf"
	cat >"$tmp/checkup/main.tf" <<EOF
$header
module "checkup" {
  source = "$repo_root/modules/security-checkup"
}
output "failed" { value = module.checkup.failed }
output "summary" { value = module.checkup.summary }
EOF
	# Each listing the checkup reads, alone, with filters that keep nothing,
	# so that it is read whole and costs no state.
	cat >"$tmp/listings/main.tf" <<EOF
$header
data "duo_users" "all" {
  status = []
}
data "duo_phones" "all" {
  tampered = []
}
data "duo_bypass_codes" "all" {}
data "duo_admins" "all" {}
data "duo_integrations" "all" {}
data "duo_policies" "all" {}
EOF
	"$terraform" -chdir="$tmp/checkup" get -no-color >/dev/null
	listings=(/admin/v1/users /admin/v1/phones /admin/v1/bypass_codes /admin/v1/admins /admin/v3/integrations /admin/v2/policies)

	log "checkup: $BENCH_USERS users, one in 97 with a generated user's weaknesses"
	for run in $(seq 1 "$BENCH_RUNS"); do
		for module in unfiltered checkup; do
			run "$module" "checkup-$module-plan-$run" "$checkup_flags" plan >>"$tmp/checkup-$module.seconds"
			log "run $run, $module: $(tail -n 1 "$tmp/checkup-$module.seconds") s"
		done
	done
	for module in unfiltered checkup; do
		run "$module" "checkup-$module-apply" "$checkup_flags" apply -auto-approve >/dev/null
		wc -c <"$tmp/$module/terraform.tfstate" >"$tmp/checkup-$module.state"
	done
	grep -A 40 '^Outputs:' "$tmp/checkup-checkup-apply.log" >&2 || true
	run listings checkup-listings-plan "$checkup_flags" plan >/dev/null

	# listing_requests NAME PATH: the list requests of the plan NAME at PATH.
	listing_requests() { jq -r --arg path "$2" '.list_requests[$path] // 0' "$tmp/fake-$1/stats.json"; }
	unfiltered_seconds=$(median "$tmp/checkup-unfiltered.seconds")
	checkup_seconds=$(median "$tmp/checkup-checkup.seconds")
	unfiltered_state=$(cat "$tmp/checkup-unfiltered.state")
	checkup_state=$(cat "$tmp/checkup-checkup.state")
	time_ratio=$(ratio "$checkup_seconds" "$unfiltered_seconds")
	state_ratio=$(ratio "$checkup_state" "$unfiltered_state")
	results+=$(
		printf '\n| plan (%s users, the checkup account) | median time (%s runs) | state |\n| --- | ---: | ---: |\n' "$BENCH_USERS" "$BENCH_RUNS"
		printf '| one unfiltered duo_users | %.2f s | %s bytes |\n' "$unfiltered_seconds" "$unfiltered_state"
		printf '| modules/security-checkup | %.2f s | %s bytes |\n' "$checkup_seconds" "$checkup_state"
		printf '\n| listing | list requests of the checkup | of one read of it alone |\n| --- | ---: | ---: |\n'
		for path in "${listings[@]}"; do
			printf '| %s | %s | %s |\n' "$path" "$(listing_requests checkup-checkup-plan-1 "$path")" "$(listing_requests checkup-listings-plan "$path")"
		done
		jq -r '.list_requests | to_entries[] | select(.key | test("/logs/|trust_monitor")) | select(.value > 0) | "| \(.key) (a log window) | \(.value) | |"' \
			"$tmp/fake-checkup-checkup-plan-1/stats.json"
		printf '\ncheckup / unfiltered: time %s (target <= 0.25), state %s (target <= 0.1)\n' "$time_ratio" "$state_ratio"
	)$'\n'
	at_most "$time_ratio" 0.25 || missed+=("checkup: time")
	at_most "$state_ratio" 0.1 || missed+=("checkup: state")
	[[ "$(listing_requests checkup-listings-plan /admin/v1/users)" == $(((BENCH_USERS + 299) / 300)) ]] || missed+=("checkup: the user listing's requests")
	for run in $(seq 1 "$BENCH_RUNS"); do
		for path in "${listings[@]}"; do
			[[ "$(listing_requests "checkup-checkup-plan-$run" "$path")" == "$(listing_requests checkup-listings-plan "$path")" ]] ||
				missed+=("checkup: $path read more or less than once in run $run")
		done
	done
fi

log "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%s' "$results"
if ((${#missed[@]})); then
	echo "targets missed: ${missed[*]}" >&2
	exit 1
fi
echo "targets met"
