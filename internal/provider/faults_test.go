package provider

import (
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/idaudit/terraform-provider-duo/internal/fakeduo"
)

// Acceptance tests of reads from a Duo that misbehaves: the fake injects
// the faults, and each test checks with fake.Stats() that they happened,
// since a test under faults that never fired proves nothing.

// newFaultyEnv starts a fake serving users that misbehaves as faults says.
// Fault tests need the fake, so they are skipped against a real account.
func newFaultyEnv(t *testing.T, users []fakeduo.User, faults fakeduo.Faults) *accEnv {
	t.Helper()
	env := newAccEnv(t, fakeduo.Options{Users: users, Faults: &faults})
	env.requireFake(t)
	return env
}

// listedWithoutFaults is what a fake serving users lists when nothing goes
// wrong: what a read under faults must return, or fail.
func listedWithoutFaults(t *testing.T, users []fakeduo.User) []map[string]any {
	t.Helper()
	return newAccEnv(t, fakeduo.Options{Users: users}).rawUsers(t, nil)
}

// configWith is a configuration of the fake behind e whose provider block
// also sets arguments (HCL attributes such as request_timeout).
func (e *accEnv) configWith(arguments, body string) string {
	block := providerBlock(e.ikey, e.skey, e.host, e.caFile)
	return strings.TrimSuffix(block, "}\n") + arguments + "\n}\n\n" + body
}

// stopFaults ends env's faults once the read under test is in the state,
// so that the plans Terraform makes after it do not wait on retries.
func stopFaults(env *accEnv) resource.TestCheckFunc {
	return func(*terraform.State) error {
		env.fake.StopFaults()
		return nil
	}
}

// expectFaults fails t unless every count that fired returns from stats is
// above zero.
func expectFaults(t *testing.T, stats fakeduo.FaultStats, fired func(fakeduo.FaultStats) []int) {
	t.Helper()
	for _, count := range fired(stats) {
		if count <= 0 {
			t.Fatalf("a fault under test never happened: %+v", stats)
		}
	}
}

// usersOverFivePages fill five pages of 300, so that one read makes enough
// requests for faults every third and fifth request to hit it.
func usersOverFivePages() []fakeduo.User {
	return append(fakeduo.SampleUsers(), fakeduo.GeneratedUsers(1300)...)
}

// insertedUsers are users that are not among usersOverSeveralPages.
func insertedUsers() []fakeduo.User {
	return fakeduo.GeneratedUsers(703)[700:]
}

// usersAfter is users after faults' mutation: the inserted users first,
// then the others without the removed ones.
func usersAfter(users []fakeduo.User, faults fakeduo.Faults) []fakeduo.User {
	after := slices.Clone(faults.Insert)
	for _, u := range users {
		if !slices.Contains(faults.RemoveUserIDs, u.UserID) {
			after = append(after, u)
		}
	}
	return after
}

// TestAccFault_readCompletes reads every user under faults that retries or
// a consistent listing overcome: the state must hold exactly the users a
// fault-free read lists, each once and in Duo's order.
func TestAccFault_readCompletes(t *testing.T) {
	runInParallel(t)
	severalPages := usersOverSeveralPages()
	// The first page of users changes after it is served: users are
	// inserted at the front of the listing, removed from the first page, or
	// both as many, which keeps total_objects as it was.
	inserted, removed := insertedUsers(), []string{severalPages[10].UserID, severalPages[20].UserID, severalPages[30].UserID}
	tests := []struct {
		name      string
		users     []fakeduo.User
		faults    fakeduo.Faults
		arguments string
		fired     func(fakeduo.FaultStats) []int
		// orBefore accepts the account as it was before the change too.
		orBefore bool
	}{
		{
			name:   "rate limits and server errors",
			users:  usersOverFivePages(),
			faults: fakeduo.Faults{RateLimitEvery: 3, ServerErrorEvery: 5},
			fired:  func(st fakeduo.FaultStats) []int { return []int{st.RateLimited, st.ServerErrors} },
		},
		{
			name:   "connection resets",
			users:  severalPages,
			faults: fakeduo.Faults{ResetEvery: 2},
			fired:  func(st fakeduo.FaultStats) []int { return []int{st.Resets} },
		},
		{
			name:      "answers slower than request_timeout",
			users:     severalPages,
			faults:    fakeduo.Faults{SlowEvery: 2, SlowDelay: 3 * time.Second},
			arguments: `request_timeout = "1s"`,
			fired:     func(st fakeduo.FaultStats) []int { return []int{st.Slow} },
		},
		// The listing must be of the account after the change, each user
		// once. A client that joins pages read before and after the change
		// repeats or skips users.
		{
			name:   "users inserted during the listing",
			users:  severalPages,
			faults: fakeduo.Faults{MutateAfter: 1, Insert: inserted},
			fired:  func(st fakeduo.FaultStats) []int { return []int{st.Mutations} },
		},
		{
			name:   "users removed during the listing",
			users:  severalPages,
			faults: fakeduo.Faults{MutateAfter: 1, RemoveUserIDs: removed},
			fired:  func(st fakeduo.FaultStats) []int { return []int{st.Mutations} },
		},
		// As many users inserted as removed, all in the first page after it
		// was read: the later pages are the same as before the change, so
		// the listing is the account as it was when the read began. That is
		// a consistent snapshot, each user once, and no check of one
		// listing can tell it from the new account without reading it all
		// twice.
		{
			name:     "as many users inserted as removed during the listing",
			users:    severalPages,
			faults:   fakeduo.Faults{MutateAfter: 1, Insert: inserted, RemoveUserIDs: removed},
			fired:    func(st fakeduo.FaultStats) []int { return []int{st.Mutations} },
			orBefore: true,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			env := newFaultyEnv(t, tt.users, tt.faults)
			wants := [][]map[string]any{listedWithoutFaults(t, usersAfter(tt.users, tt.faults))}
			if tt.orBefore {
				wants = append(wants, listedWithoutFaults(t, tt.users))
			}
			resource.Test(t, resource.TestCase{
				ProtoV6ProviderFactories: testAccProviders,
				Steps: []resource.TestStep{{
					Config:            env.configWith(tt.arguments, `data "duo_users" "all" {}`),
					Check:             stopFaults(env),
					ConfigStateChecks: []statecheck.StateCheck{expectUsersOneOf("data.duo_users.all", "users", wants...)},
				}},
			})
			expectFaults(t, env.fake.Stats(), tt.fired)
		})
	}
}

// TestAccFault_readFails reads users under faults that no retry overcomes:
// the read must fail, explaining why, rather than return a partial or empty
// list.
func TestAccFault_readFails(t *testing.T) {
	runInParallel(t)
	tests := []struct {
		name      string
		faults    fakeduo.Faults
		arguments string
		// dataSource is the data source read; by default every user.
		dataSource string
		wantError  string
		fired      func(fakeduo.FaultStats) []int
	}{
		{
			name:      "rate limited for longer than max_retry_wait",
			faults:    fakeduo.Faults{RateLimitBurst: 1000},
			arguments: `max_retry_wait = "3s"`,
			wantError: `(?s)Unable to list Duo users.*GET /admin/v1/users with HTTP 429, code 42901.*gave\s+up`,
			// More than one: the rate limit was retried before giving up.
			fired: func(st fakeduo.FaultStats) []int { return []int{st.RateLimited - 1} },
		},
		{
			// Retries of server errors are bounded by their number: four,
			// with the backoff of 1 s doubling, well within max_retry_wait.
			name:      "server errors on every request",
			faults:    fakeduo.Faults{ServerErrorEvery: 1},
			wantError: `(?s)Unable to list Duo users.*GET /admin/v1/users with HTTP 503, code 50301.*gave\s+up\s+after\s+5\s+attempts`,
			fired:     func(st fakeduo.FaultStats) []int { return []int{st.ServerErrors} },
		},
		{
			name:      "an HTML page from a proxy",
			faults:    fakeduo.Faults{HTMLEvery: 1},
			arguments: `max_retry_wait = "2s"`,
			wantError: `(?s)Unable to list Duo users.*GET /admin/v1/users with HTTP\s+502.*<html>\s+<head><title>502\s+Bad\s+Gateway</title>`,
			fired:     func(st fakeduo.FaultStats) []int { return []int{st.HTML} },
		},
		{
			name:      "a truncated body",
			faults:    fakeduo.Faults{TruncateEvery: 1},
			arguments: `max_retry_wait = "2s"`,
			wantError: `(?s)Unable to list Duo users.*GET /admin/v1/users.*unexpected\s+EOF`,
			fired:     func(st fakeduo.FaultStats) []int { return []int{st.Truncated} },
		},
		{
			// The read timeout ends the wait for Duo to stop rate limiting,
			// long before max_retry_wait (5 minutes by default) would.
			name:       "rate limited past the read timeout",
			faults:     fakeduo.Faults{RateLimitBurst: 1000},
			dataSource: `data "duo_users" "all" {` + "\n" + `timeouts { read = "2s" }` + "\n}",
			wantError:  `(?s)Unable to list Duo users.*did not finish within the read\s+timeout.*while\s+waiting\s+to\s+retry.*42901`,
			fired:      func(st fakeduo.FaultStats) []int { return []int{st.RateLimited} },
		},
		{
			name:      "an empty body",
			faults:    fakeduo.Faults{EmptyEvery: 1},
			arguments: `max_retry_wait = "2s"`,
			wantError: `(?s)Unable to list Duo users.*GET /admin/v1/users with HTTP\s+200.*empty\s+body`,
			fired:     func(st fakeduo.FaultStats) []int { return []int{st.Empty} },
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			env := newFaultyEnv(t, usersOverSeveralPages(), tt.faults)
			dataSource := tt.dataSource
			if dataSource == "" {
				dataSource = `data "duo_users" "all" {}`
			}
			resource.Test(t, resource.TestCase{
				ProtoV6ProviderFactories: testAccProviders,
				Steps: []resource.TestStep{{
					Config:      env.configWith(tt.arguments, dataSource),
					ExpectError: regexp.MustCompile(tt.wantError),
				}},
			})
			expectFaults(t, env.fake.Stats(), tt.fired)
		})
	}
}

// TestAccFault_codesAsStrings checks that an error code sent as a JSON
// string is still recognised and explained.
func TestAccFault_codesAsStrings(t *testing.T) {
	env := newFaultyEnv(t, nil, fakeduo.Faults{CodesAsStrings: true})
	wrongKey := strings.Repeat("0", len(env.skey))
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		Steps: []resource.TestStep{{
			Config:      providerBlock(env.ikey, wrongKey, env.host, env.caFile) + `data "duo_users" "all" {}`,
			ExpectError: regexp.MustCompile(`(?s)Unable to list Duo users.*HTTP 401, code 40103.*secret key`),
		}},
	})
}
