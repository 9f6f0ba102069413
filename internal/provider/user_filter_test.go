package provider

import (
	"fmt"
	"regexp"
	"slices"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/idaudit/terraform-provider-duo/internal/fakeduo"
)

// The filters, written again over the JSON Duo sent, independently of the
// provider's own, to compute what a filtered duo_users must hold.

type rawUserFilter func(user map[string]any) bool

func withStatus(statuses ...string) rawUserFilter {
	return func(u map[string]any) bool { return slices.Contains(statuses, u["status"].(string)) }
}

func enrolled(want bool) rawUserFilter {
	return func(u map[string]any) bool { return u["is_enrolled"] == want }
}

func inGroup(namesOrIDs ...string) rawUserFilter {
	return func(u map[string]any) bool {
		for _, g := range u["groups"].([]any) {
			group := g.(map[string]any)
			if slices.Contains(namesOrIDs, group["name"].(string)) || slices.Contains(namesOrIDs, group["group_id"].(string)) {
				return true
			}
		}
		return false
	}
}

func lastLoginBefore(rfc3339 string) rawUserFilter {
	t, err := time.Parse(time.RFC3339, rfc3339)
	if err != nil {
		panic(err)
	}
	return func(u map[string]any) bool {
		lastLogin, ok := u["last_login"].(float64)
		return !ok || time.Unix(int64(lastLogin), 0).Before(t)
	}
}

// withoutFactors keeps the users who hold none of the factors, named as
// without_factors names them.
func withoutFactors(names ...string) rawUserFilter {
	return func(u map[string]any) bool {
		list := func(key string) []any { l, _ := u[key].([]any); return l }
		held := map[string]bool{
			"push": slices.ContainsFunc(list("phones"), func(p any) bool {
				phone := p.(map[string]any)
				capabilities, _ := phone["capabilities"].([]any)
				return phone["activated"] == true && slices.Contains(capabilities, any("push"))
			}),
			"webauthn":       len(list("webauthncredentials")) > 0,
			"u2f_token":      len(list("u2ftokens")) > 0,
			"hardware_token": len(list("tokens")) > 0,
		}
		return !slices.ContainsFunc(names, func(name string) bool { return held[name] })
	}
}

// keep returns the users that every filter keeps, in order.
func keep(users []map[string]any, filters ...rawUserFilter) []map[string]any {
	kept := []map[string]any{}
	for _, u := range users {
		if !slices.ContainsFunc(filters, func(f rawUserFilter) bool { return !f(u) }) {
			kept = append(kept, u)
		}
	}
	return kept
}

// window returns users[offset:offset+limit], clipped to users.
func window(users []map[string]any, offset, limit int) []map[string]any {
	return users[min(offset, len(users)):min(offset+limit, len(users))]
}

// everyFactor is every value of without_factors.
var everyFactor = []string{"push", "webauthn", "u2f_token", "hardware_token"}

func TestAccUsersDataSource_filters(t *testing.T) {
	env := newAccEnv(t, fakeduo.Options{Users: usersOverSeveralPages()})
	all := env.rawUsers(t, nil)
	const before = "2024-06-01T06:00:00Z"
	active := keep(all, withStatus("active"))
	checks := []statecheck.StateCheck{
		expectUsers("data.duo_users.bypass_or_locked", "users", keep(all, withStatus("bypass", "locked out"))),
		expectUsers("data.duo_users.not_enrolled", "users", keep(all, enrolled(false))),
		expectUsers("data.duo_users.in_groups", "users", keep(all, inGroup("VPN Users", "DGGENERATED000000002"))),
		expectUsers("data.duo_users.stale", "users", keep(all, lastLoginBefore(before))),
		expectUsers("data.duo_users.all_of_them", "users", keep(all, withStatus("active"), enrolled(true), inGroup("All Staff"), lastLoginBefore("2024-06-01T12:00:00Z"))),
		expectUsers("data.duo_users.without_push", "users", keep(all, withoutFactors("push"))),
		expectUsers("data.duo_users.telephony_only", "users", keep(all, withStatus("active"), enrolled(true), withoutFactors(everyFactor...))),
		expectUsers("data.duo_users.a_page_of_matches", "users", window(active, 5, 10)),
		expectUsers("data.duo_users.past_the_matches", "users", window(active, len(active), 10)),
		statecheck.ExpectKnownValue("data.duo_users.no_such_group", tfjsonpath.New("users"), knownvalue.ListSizeExact(0)),
		statecheck.ExpectKnownValue("data.duo_users.no_status", tfjsonpath.New("users"), knownvalue.ListSizeExact(0)),
	}
	if env.fake != nil {
		// Each filter keeps some users and leaves out others, or the checks
		// above could pass without filtering.
		for _, kept := range [][]map[string]any{
			keep(all, withStatus("bypass", "locked out")), keep(all, enrolled(false)), keep(all, inGroup("VPN Users", "DGGENERATED000000002")),
			keep(all, lastLoginBefore(before)), keep(all, withStatus("active"), enrolled(true), inGroup("All Staff"), lastLoginBefore("2024-06-01T12:00:00Z")),
			keep(all, withoutFactors("push")), keep(all, withStatus("active"), enrolled(true), withoutFactors(everyFactor...)),
		} {
			if len(kept) == 0 || len(kept) == len(all) {
				t.Fatalf("a filter under test keeps %d of %d users", len(kept), len(all))
			}
		}
	}
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		Steps: []resource.TestStep{{
			Config: env.config(fmt.Sprintf(`
data "duo_users" "bypass_or_locked" {
  status = ["bypass", "locked out"]
}
data "duo_users" "not_enrolled" {
  is_enrolled = false
}
data "duo_users" "in_groups" {
  groups = ["VPN Users", "DGGENERATED000000002"]
}
data "duo_users" "stale" {
  last_login_before = %q
}
data "duo_users" "all_of_them" {
  status            = ["active"]
  is_enrolled       = true
  groups            = ["All Staff"]
  last_login_before = "2024-06-01T12:00:00Z"
}
data "duo_users" "without_push" {
  without_factors = ["push"]
}
data "duo_users" "telephony_only" {
  status          = ["active"]
  is_enrolled     = true
  without_factors = ["push", "webauthn", "u2f_token", "hardware_token"]
}
data "duo_users" "a_page_of_matches" {
  status = ["active"]
  offset = 5
  limit  = 10
}
data "duo_users" "past_the_matches" {
  status = ["active"]
  offset = %d
}
data "duo_users" "no_such_group" {
  groups = ["No such group anywhere"]
}
data "duo_users" "no_status" {
  status = []
}
`, before, len(active))),
			ConfigStateChecks: checks,
		}},
	})
}

func TestAccUsersDataSource_filtersOnLookups(t *testing.T) {
	env := newAccEnv(t, fakeduo.Options{})
	all := env.rawUsers(t, nil)
	if len(all) < 3 {
		t.Skip("the account has fewer than three users")
	}
	// The status of the second user keeps it and leaves out the first.
	status := all[1]["status"].(string)
	names := []string{all[0]["username"].(string), all[1]["username"].(string), all[2]["username"].(string), "no-such-user"}
	kept := keep(all[:3], withStatus(status))
	if len(kept) == 3 {
		t.Skip("the account's first three users have the same status")
	}
	ids := []string{all[0]["user_id"].(string), all[1]["user_id"].(string)}
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		Steps: []resource.TestStep{{
			Config: env.config(fmt.Sprintf(`
data "duo_users" "by_names" {
  usernames      = %s
  ignore_missing = true
  status         = [%[2]q]
}
data "duo_users" "by_ids" {
  user_ids = %[3]s
  status   = [%[2]q]
}
data "duo_users" "by_name_left_out" {
  username = %[4]q
  status   = [%[2]q]
}
`, hclStrings(names), status, hclStrings(ids), all[0]["username"])),
			ConfigStateChecks: []statecheck.StateCheck{
				expectUsers("data.duo_users.by_names", "users", kept),
				// Users left out by a filter exist: they are not missing.
				statecheck.ExpectKnownValue("data.duo_users.by_names", tfjsonpath.New("missing"), knownvalue.ListExact([]knownvalue.Check{knownvalue.StringExact("no-such-user")})),
				expectUsers("data.duo_users.by_ids", "users", keep(all[:2], withStatus(status))),
				statecheck.ExpectKnownValue("data.duo_users.by_ids", tfjsonpath.New("missing"), knownvalue.ListSizeExact(0)),
				expectUsers("data.duo_users.by_name_left_out", "users", keep(all[:1], withStatus(status))),
			},
		}},
	})
}

func TestAccUsersDataSource_invalidFilters(t *testing.T) {
	env := newAccEnv(t, fakeduo.Options{})
	var steps []resource.TestStep
	for config, want := range map[string]string{
		`last_login_before = "yesterday"`:              `(?s)Invalid time.*last_login_before must be a time in RFC 3339 form.*"yesterday"`,
		`last_login_before = "2024-06-01 00:00:00"`:    `(?s)Invalid time.*last_login_before`,
		`status = ["enabled"]`:                         `(?s)status.*value must be one of.*"active".*"locked out"`,
		`groups = [""]`:                                `(?s)groups.*string length must be at least 1`,
		`without_factors = ["sms"]`:                    `(?s)without_factors.*value must be one of.*"push".*"hardware_token"`,
		"username = \"a\"\n  last_login_before = \"\"": `(?s)Invalid time`,
	} {
		steps = append(steps, resource.TestStep{
			Config:      env.config(fmt.Sprintf("data \"duo_users\" \"bad\" {\n  %s\n}", config)),
			ExpectError: regexp.MustCompile(want),
		})
	}
	resource.Test(t, resource.TestCase{ProtoV6ProviderFactories: testAccProviders, Steps: steps})
	// Invalid filters fail the plan before anything is asked of Duo.
	if env.fake != nil && env.fake.Stats().Requests != 0 {
		t.Fatalf("invalid filters sent %d requests to Duo", env.fake.Stats().Requests)
	}
}

// TestAccUsersDataSource_oneListingForAPlan counts the listing requests of
// a step with one duo_users of the whole listing, then of a step with five
// filtered ones beside it: sharing one read, they cost the same requests.
func TestAccUsersDataSource_oneListingForAPlan(t *testing.T) {
	env := newAccEnv(t, fakeduo.Options{Users: fakeduo.GeneratedUsers(1000)})
	counts := listRequestsOfSteps(t, env, "/admin/v1/users",
		resource.TestStep{Config: env.config(`data "duo_users" "all" {}`)},
		resource.TestStep{Config: env.config(`
data "duo_users" "all" {}
data "duo_users" "bypass" {
  status = ["bypass"]
}
data "duo_users" "locked_out" {
  status = ["locked out"]
}
data "duo_users" "not_enrolled" {
  is_enrolled = false
}
data "duo_users" "contractors" {
  groups = ["Contractors"]
}
data "duo_users" "stale" {
  last_login_before = "2024-06-01T06:00:00Z"
}
`)},
	)
	// ceil(1000/300) = 4 requests for each command of the step that reads.
	if alone, together := counts[0], counts[1]; alone == 0 || alone%4 != 0 || together != alone {
		t.Fatalf("the whole listing alone took %d list requests, with five filtered duo_users beside it %d; want the same multiple of 4", alone, together)
	}
}
