package provider

import (
	"fmt"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/idaudit/terraform-provider-duo/internal/fakeduo"
)

// usersOverSeveralPages are the sample users followed by enough generated
// ones to fill three pages of 300.
func usersOverSeveralPages() []fakeduo.User {
	return append(fakeduo.SampleUsers(), fakeduo.GeneratedUsers(700)...)
}

func userAt(index int, attribute string) tfjsonpath.Path {
	return itemAt("users", index, attribute)
}

// itemAt is the path of an attribute of the index-th object of a list.
func itemAt(list string, index int, attribute string) tfjsonpath.Path {
	return tfjsonpath.New(list).AtSliceIndex(index).AtMapKey(attribute)
}

func TestAccUsersDataSource_everyUserOnEveryPage(t *testing.T) {
	env := newAccEnv(t, fakeduo.Options{Users: usersOverSeveralPages()})
	want := env.rawUsers(t, nil)
	checks := []statecheck.StateCheck{
		statecheck.ExpectKnownValue("data.duo_users.all", tfjsonpath.New("users"), knownvalue.ListSizeExact(len(want))),
		expectUsers("data.duo_users.all", "users", want),
	}
	if env.fake != nil {
		users := usersOverSeveralPages()
		if len(want) != len(users) {
			t.Fatalf("duo_api_golang listed %d users, the fake holds %d", len(want), len(users))
		}
		// Written out by hand, so that a mistake shared by the fake's JSON
		// and the provider cannot pass unseen.
		first, last := tfjsonpath.New("users").AtSliceIndex(0), tfjsonpath.New("users").AtSliceIndex(len(users)-1)
		checks = append(checks,
			statecheck.ExpectKnownValue("data.duo_users.all", first.AtMapKey("username"), knownvalue.StringExact("jsmith")),
			statecheck.ExpectKnownValue("data.duo_users.all", first.AtMapKey("alias1"), knownvalue.StringExact("john.smith")),
			statecheck.ExpectKnownValue("data.duo_users.all", first.AtMapKey("alias3"), knownvalue.Null()),
			statecheck.ExpectKnownValue("data.duo_users.all", first.AtMapKey("external_id"), knownvalue.Null()),
			statecheck.ExpectKnownValue("data.duo_users.all", first.AtMapKey("aliases"), knownvalue.MapExact(map[string]knownvalue.Check{
				"alias1": knownvalue.StringExact("john.smith"), "alias2": knownvalue.StringExact("jsmith.corp"),
			})),
			statecheck.ExpectKnownValue("data.duo_users.all", first.AtMapKey("phones").AtSliceIndex(0).AtMapKey("capabilities"), knownvalue.ListExact([]knownvalue.Check{
				knownvalue.StringExact("auto"), knownvalue.StringExact("push"), knownvalue.StringExact("sms"), knownvalue.StringExact("phone"), knownvalue.StringExact("mobile_otp"),
			})),
			statecheck.ExpectKnownValue("data.duo_users.all", first.AtMapKey("phones").AtSliceIndex(0).AtMapKey("sms_passcodes_sent"), knownvalue.Bool(true)),
			statecheck.ExpectKnownValue("data.duo_users.all", first.AtMapKey("phones").AtSliceIndex(1).AtMapKey("last_seen"), knownvalue.Null()),
			statecheck.ExpectKnownValue("data.duo_users.all", first.AtMapKey("tokens").AtSliceIndex(0).AtMapKey("totp_step"), knownvalue.Null()),
			statecheck.ExpectKnownValue("data.duo_users.all", tfjsonpath.New("users").AtSliceIndex(1).AtMapKey("realname"), knownvalue.StringExact("Zoë Ñúñez")),
			statecheck.ExpectKnownValue("data.duo_users.all", tfjsonpath.New("users").AtSliceIndex(1).AtMapKey("alias1"), knownvalue.StringExact("")),
			statecheck.ExpectKnownValue("data.duo_users.all", tfjsonpath.New("users").AtSliceIndex(1).AtMapKey("email"), knownvalue.StringExact("")),
			statecheck.ExpectKnownValue("data.duo_users.all", tfjsonpath.New("users").AtSliceIndex(1).AtMapKey("phones").AtSliceIndex(0).AtMapKey("capabilities"), knownvalue.ListSizeExact(0)),
			statecheck.ExpectKnownValue("data.duo_users.all", tfjsonpath.New("users").AtSliceIndex(1).AtMapKey("tokens").AtSliceIndex(0).AtMapKey("totp_step"), knownvalue.Int64Exact(30)),
			statecheck.ExpectKnownValue("data.duo_users.all", tfjsonpath.New("users").AtSliceIndex(2).AtMapKey("enable_auto_prompt"), knownvalue.Null()),
			statecheck.ExpectKnownValue("data.duo_users.all", tfjsonpath.New("users").AtSliceIndex(4).AtMapKey("groups"), knownvalue.ListSizeExact(0)),
			statecheck.ExpectKnownValue("data.duo_users.all", tfjsonpath.New("users").AtSliceIndex(4).AtMapKey("status"), knownvalue.StringExact("pending deletion")),
			statecheck.ExpectKnownValue("data.duo_users.all", last.AtMapKey("username"), knownvalue.StringExact(users[len(users)-1].Username)),
		)
	}
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		Steps: []resource.TestStep{{
			Config:            env.config(`data "duo_users" "all" {}`),
			ConfigStateChecks: checks,
		}},
	})
}

func TestAccUsersDataSource_username(t *testing.T) {
	env := newAccEnv(t, fakeduo.Options{})
	all := env.rawUsers(t, nil)
	if len(all) == 0 {
		t.Skip("the account has no users")
	}
	username := all[0]["username"].(string)
	steps := []resource.TestStep{
		{
			Config: env.config(fmt.Sprintf(`data "duo_users" "one" { username = %q }`, username)),
			ConfigStateChecks: []statecheck.StateCheck{
				expectUsers("data.duo_users.one", "users", env.rawUsers(t, url.Values{"username": {username}})),
				statecheck.ExpectKnownValue("data.duo_users.one", userAt(0, "username"), knownvalue.StringExact(username)),
			},
		},
		{
			Config: env.config(`data "duo_users" "none" { username = "no-such-user-anywhere" }`),
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue("data.duo_users.none", tfjsonpath.New("users"), knownvalue.ListSizeExact(0)),
			},
		},
	}
	if env.fake != nil {
		steps = append(steps, resource.TestStep{
			Config: env.config(`data "duo_users" "alias" { username = "countess" }`),
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue("data.duo_users.alias", tfjsonpath.New("users"), knownvalue.ListSizeExact(1)),
				statecheck.ExpectKnownValue("data.duo_users.alias", userAt(0, "username"), knownvalue.StringExact("ada.lovelace")),
				statecheck.ExpectKnownValue("data.duo_users.alias", tfjsonpath.New("username"), knownvalue.StringExact("countess")),
			},
		})
	}
	resource.Test(t, resource.TestCase{ProtoV6ProviderFactories: testAccProviders, Steps: steps})
}

func TestAccUsersDataSource_limitAndOffset(t *testing.T) {
	env := newAccEnv(t, fakeduo.Options{Users: usersOverSeveralPages()})
	all := env.rawUsers(t, nil)
	slice := func(offset, limit int) []map[string]any {
		end := min(offset+limit, len(all))
		if offset >= end {
			return []map[string]any{}
		}
		return all[offset:end]
	}
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		Steps: []resource.TestStep{{
			Config: env.config(`
data "duo_users" "across_a_page_boundary" {
  offset = 290
  limit  = 20
}
data "duo_users" "across_pages" {
  offset = 250
  limit  = 400
}
data "duo_users" "first" {
  limit = 1
}
data "duo_users" "rest" {
  offset = 600
}
data "duo_users" "past_the_end" {
  offset = 100000
}
`),
			ConfigStateChecks: []statecheck.StateCheck{
				expectUsers("data.duo_users.across_a_page_boundary", "users", slice(290, 20)),
				expectUsers("data.duo_users.across_pages", "users", slice(250, 400)),
				expectUsers("data.duo_users.first", "users", slice(0, 1)),
				expectUsers("data.duo_users.rest", "users", slice(600, len(all))),
				statecheck.ExpectKnownValue("data.duo_users.past_the_end", tfjsonpath.New("users"), knownvalue.ListSizeExact(0)),
			},
		}},
	})
}

func TestAccUsersDataSource_wrongSecretKey(t *testing.T) {
	env := newAccEnv(t, fakeduo.Options{})
	wrongKey := "0123456789012345678901234567890123456789"
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		Steps: []resource.TestStep{{
			Config:      providerBlock(env.ikey, wrongKey, env.host, env.caFile) + `data "duo_users" "all" {}`,
			ExpectError: regexp.MustCompile(`(?s)Unable to list Duo users.*HTTP 401, code 40103.*secret key`),
		}},
	})
}

func TestAccUsersDataSource_invalidArguments(t *testing.T) {
	env := newAccEnv(t, fakeduo.Options{})
	var steps []resource.TestStep
	for config, want := range map[string]string{
		`limit = 0`:                      `Attribute limit value must be at least 1`,
		`offset = -1`:                    `Attribute offset value must be at least 0`,
		`username = ""`:                  `Attribute username string length must be at least 1`,
		"username = \"a\"\n  limit = 5":  `(?s)Invalid Attribute Combination.*username.*limit`,
		"username = \"a\"\n  offset = 5": `(?s)Invalid Attribute Combination.*username.*offset`,
	} {
		steps = append(steps, resource.TestStep{
			Config:      env.config(fmt.Sprintf("data \"duo_users\" \"bad\" {\n  %s\n}", config)),
			ExpectError: regexp.MustCompile(want),
		})
	}
	resource.Test(t, resource.TestCase{ProtoV6ProviderFactories: testAccProviders, Steps: steps})
}

func TestAccUsersDataSource_readTimeout(t *testing.T) {
	env := newAccEnv(t, fakeduo.Options{Latency: 3 * time.Second})
	env.requireFake(t)
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		Steps: []resource.TestStep{{
			Config: env.config(`
data "duo_users" "all" {
  timeouts {
    read = "500ms"
  }
}`),
			ExpectError: regexp.MustCompile(`(?s)Unable to list Duo users.*did not finish within the read timeout`),
		}},
	})
}

// hclStrings writes values as an HCL list of strings.
func hclStrings(values []string) string {
	return mustJSON(values)
}

// rawUsersBy returns, for each value, the user in all whose field is that
// value, in the order of values: what a batch lookup must return.
func rawUsersBy(t *testing.T, all []map[string]any, field string, values []string) []map[string]any {
	t.Helper()
	byValue := map[any]map[string]any{}
	for _, user := range all {
		byValue[user[field]] = user
	}
	want := make([]map[string]any, len(values))
	for i, value := range values {
		if want[i] = byValue[value]; want[i] == nil {
			t.Fatalf("no user has the %s %q", field, value)
		}
	}
	return want
}

// reversedField returns field of the users, last first, so that the order
// asked differs from Duo's.
func reversedField(users []map[string]any, field string) []string {
	values := make([]string, len(users))
	for i, user := range users {
		values[len(users)-1-i] = user[field].(string)
	}
	return values
}

func TestAccUsersDataSource_usernames(t *testing.T) {
	env := newAccEnv(t, fakeduo.Options{Users: usersOverSeveralPages()})
	all := env.rawUsers(t, nil)
	// More than 100 names, so several requests, asked in reverse order.
	names := reversedField(all[:min(len(all), 250)], "username")
	want := rawUsersBy(t, all, "username", names)
	steps := []resource.TestStep{{
		Config: env.config(fmt.Sprintf(`data "duo_users" "batch" { usernames = %s }`, hclStrings(names))),
		ConfigStateChecks: []statecheck.StateCheck{
			expectUsers("data.duo_users.batch", "users", want),
			statecheck.ExpectKnownValue("data.duo_users.batch", tfjsonpath.New("missing"), knownvalue.ListSizeExact(0)),
		},
	}}
	if env.fake != nil {
		// An alias, which username_list does not match, between usernames.
		steps = append(steps, resource.TestStep{
			Config: env.config(`data "duo_users" "aliases" { usernames = ["zoe.nunez", "countess", "jsmith"] }`),
			ConfigStateChecks: []statecheck.StateCheck{
				expectUsers("data.duo_users.aliases", "users", rawUsersBy(t, all, "username", []string{"zoe.nunez", "ada.lovelace", "jsmith"})),
			},
		})
	}
	resource.Test(t, resource.TestCase{ProtoV6ProviderFactories: testAccProviders, Steps: steps})
}

func TestAccUsersDataSource_userIDs(t *testing.T) {
	env := newAccEnv(t, fakeduo.Options{Users: usersOverSeveralPages()})
	all := env.rawUsers(t, nil)
	ids := reversedField(all[max(0, len(all)-230):], "user_id")
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		Steps: []resource.TestStep{{
			Config: env.config(fmt.Sprintf(`
data "duo_users" "batch" {
  user_ids = %s
}
data "duo_users" "none" {
  user_ids = []
}
data "duo_users" "listing" {
  limit = 1
}
`, hclStrings(ids))),
			ConfigStateChecks: []statecheck.StateCheck{
				expectUsers("data.duo_users.batch", "users", rawUsersBy(t, all, "user_id", ids)),
				statecheck.ExpectKnownValue("data.duo_users.batch", tfjsonpath.New("missing"), knownvalue.ListSizeExact(0)),
				statecheck.ExpectKnownValue("data.duo_users.none", tfjsonpath.New("users"), knownvalue.ListSizeExact(0)),
				statecheck.ExpectKnownValue("data.duo_users.none", tfjsonpath.New("missing"), knownvalue.ListSizeExact(0)),
				// Without a batch argument, missing is null rather than empty.
				statecheck.ExpectKnownValue("data.duo_users.listing", tfjsonpath.New("missing"), knownvalue.Null()),
			},
		}},
	})
}

func TestAccUsersDataSource_email(t *testing.T) {
	env := newAccEnv(t, fakeduo.Options{})
	var email string
	for _, user := range env.rawUsers(t, nil) {
		if email, _ = user["email"].(string); email != "" {
			break
		}
	}
	if email == "" {
		t.Skip("no user of the account has an email address")
	}
	want := env.rawUsers(t, url.Values{"email": {email}})
	if len(want) == 0 {
		t.Fatalf("Duo found nobody by the email %q", email)
	}
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		Steps: []resource.TestStep{{
			Config: env.config(fmt.Sprintf(`
data "duo_users" "by_email" {
  email = %q
}
data "duo_users" "nobody" {
  email = "nobody@no-such-domain.invalid"
}
`, email)),
			ConfigStateChecks: []statecheck.StateCheck{
				expectUsers("data.duo_users.by_email", "users", want),
				statecheck.ExpectKnownValue("data.duo_users.nobody", tfjsonpath.New("users"), knownvalue.ListSizeExact(0)),
				statecheck.ExpectKnownValue("data.duo_users.nobody", tfjsonpath.New("missing"), knownvalue.Null()),
			},
		}},
	})
}

func TestAccUsersDataSource_missingValuesAreAnError(t *testing.T) {
	env := newAccEnv(t, fakeduo.Options{})
	all := env.rawUsers(t, nil)
	if len(all) == 0 {
		t.Skip("the account has no users")
	}
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		Steps: []resource.TestStep{
			{
				Config:      env.config(fmt.Sprintf(`data "duo_users" "x" { usernames = ["no-such-user-1", %q, "no-such-user-2"] }`, all[0]["username"])),
				ExpectError: regexp.MustCompile(`(?s)Duo users not found.*No Duo user has the username or alias\s+"no-such-user-1",\s+"no-such-user-2"\s+\(2\s+of\s+the\s+values\s+in\s+usernames\).*ignore_missing`),
			},
			{
				Config:      env.config(fmt.Sprintf(`data "duo_users" "x" { user_ids = [%q, "DUNOSUCHUSER0000000X"] }`, all[0]["user_id"])),
				ExpectError: regexp.MustCompile(`(?s)Duo users not found.*No Duo user has the user ID\s+"DUNOSUCHUSER0000000X"\s+\(1\s+of\s+the\s+values\s+in\s+user_ids\)`),
			},
		},
	})
}

func TestAccUsersDataSource_ignoreMissing(t *testing.T) {
	env := newAccEnv(t, fakeduo.Options{})
	all := env.rawUsers(t, nil)
	if len(all) < 2 {
		t.Skip("the account has fewer than two users")
	}
	names := []string{"no-such-user-2", all[1]["username"].(string), "no-such-user-1", all[0]["username"].(string)}
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		Steps: []resource.TestStep{{
			Config: env.config(fmt.Sprintf(`
data "duo_users" "some" {
  usernames      = %s
  ignore_missing = true
}
data "duo_users" "ids" {
  user_ids       = ["DUNOSUCHUSER0000000X", %q]
  ignore_missing = true
}
`, hclStrings(names), all[0]["user_id"])),
			ConfigStateChecks: []statecheck.StateCheck{
				expectUsers("data.duo_users.some", "users", []map[string]any{all[1], all[0]}),
				statecheck.ExpectKnownValue("data.duo_users.some", tfjsonpath.New("missing"), knownvalue.ListExact([]knownvalue.Check{
					knownvalue.StringExact("no-such-user-2"), knownvalue.StringExact("no-such-user-1"),
				})),
				expectUsers("data.duo_users.ids", "users", all[:1]),
				statecheck.ExpectKnownValue("data.duo_users.ids", tfjsonpath.New("missing"), knownvalue.ListExact([]knownvalue.Check{
					knownvalue.StringExact("DUNOSUCHUSER0000000X"),
				})),
			},
		}},
	})
}

func TestAccUsersDataSource_lookupsExcludeEachOther(t *testing.T) {
	env := newAccEnv(t, fakeduo.Options{})
	var steps []resource.TestStep
	for config, want := range map[string]string{
		"usernames = [\"a\"]\n  user_ids = [\"b\"]":  `(?s)Invalid Attribute Combination.*cannot be configured together.*usernames.*user_ids`,
		"usernames = [\"a\"]\n  username = \"a\"":    `(?s)Invalid Attribute Combination.*cannot be configured together.*username.*usernames`,
		"email = \"a@example.com\"\n  user_ids = []": `(?s)Invalid Attribute Combination.*cannot be configured together.*user_ids.*email`,
		"email = \"a@example.com\"\n  limit = 5":     `(?s)Invalid Attribute Combination.*email.*limit`,
		"user_ids = [\"a\"]\n  offset = 5":           `(?s)Invalid Attribute Combination.*user_ids.*offset`,
		"usernames = [\"a\"]\n  limit = 5":           `(?s)Invalid Attribute Combination.*usernames.*limit`,
		"ignore_missing = true":                      `(?s)Attribute "usernames" must be specified when "ignore_missing" is\s+specified.*Attribute "user_ids" must be specified`,
		"ignore_missing = true\n  email = \"a@b.c\"": `(?s)Attribute "usernames" must be specified when "ignore_missing"`,
		`usernames = ["a", "b", "a"]`:                `(?s)usernames.*This attribute contains duplicate values of: "a"`,
		`user_ids = ["DU1", ""]`:                     `Attribute user_ids\[1\] string length must be at least 1`,
		`usernames = ["a", null]`:                    `(?s)usernames.*null`,
		`email = ""`:                                 `Attribute email string length must be at least 1`,
	} {
		steps = append(steps, resource.TestStep{
			Config:      env.config(fmt.Sprintf("data \"duo_users\" \"bad\" {\n  %s\n}", config)),
			ExpectError: regexp.MustCompile(want),
		})
	}
	resource.Test(t, resource.TestCase{ProtoV6ProviderFactories: testAccProviders, Steps: steps})
}

// TestAccUsersDataSource_aliasesMatchedByTheListAnswer reads users by
// alias from a Duo whose username_list answer matches aliases: no name is
// then looked up alone, so the lookup costs the one request of a lookup by
// usernames.
func TestAccUsersDataSource_aliasesMatchedByTheListAnswer(t *testing.T) {
	env := newAccEnv(t, fakeduo.Options{UsernameListMatchesAliases: true})
	env.requireFake(t)
	all := env.rawUsers(t, nil)
	counts := listRequestsOfSteps(t, env, "/admin/v1/users",
		resource.TestStep{Config: env.config(`data "duo_users" "x" { usernames = ["jsmith", "ada.lovelace", "mary.major"] }`)},
		resource.TestStep{
			Config: env.config(`data "duo_users" "x" { usernames = ["john.smith", "countess", "mmajor"] }`),
			ConfigStateChecks: []statecheck.StateCheck{
				expectUsers("data.duo_users.x", "users", rawUsersBy(t, all, "username", []string{"jsmith", "ada.lovelace", "mary.major"})),
			},
		},
	)
	if usernames, aliases := counts[0], counts[1]; usernames == 0 || aliases != usernames {
		t.Fatalf("a lookup by usernames took %d list requests, by aliases %d; want the same", usernames, aliases)
	}
}

// TestAccUsersDataSource_usernameLookupsInBatches reads 60 users, one
// duo_users by username each, half of them with a filter: their lookups go
// in batches, and each applies its own filter. How many requests batching
// saves depends on how Terraform's reads arrive, and so on the machine's
// load: the benchmark measures it (scripts/bench-plan.sh, memberships).
// Here, each lookup is answered correctly, and batching never costs more
// than a request a lookup.
func TestAccUsersDataSource_usernameLookupsInBatches(t *testing.T) {
	env := newAccEnv(t, fakeduo.Options{Users: fakeduo.GeneratedUsers(1000)})
	all := env.rawUsers(t, nil)
	if len(all) < 60 {
		t.Skipf("the account has %d users, fewer than the 60 this test reads", len(all))
	}
	var lookups []string
	var checks []statecheck.StateCheck
	for i, user := range all[:60] {
		status := "null"
		want := []map[string]any{user}
		if i%2 == 1 {
			// Keeps the user only if it is active.
			status = `["active"]`
			want = keep(want, withStatus("active"))
		}
		lookups = append(lookups, fmt.Sprintf("{ username = %q, status = %s }", user["username"], status))
		checks = append(checks, expectUsers(fmt.Sprintf("data.duo_users.member[%d]", i), "users", want))
	}
	config := env.config(fmt.Sprintf(`
locals {
  lookups = [%s]
}
data "duo_users" "member" {
  count    = length(local.lookups)
  username = local.lookups[count.index].username
  status   = local.lookups[count.index].status
}
`, strings.Join(lookups, ", ")))
	if env.fake == nil {
		resource.Test(t, resource.TestCase{ProtoV6ProviderFactories: testAccProviders, Steps: []resource.TestStep{{Config: config, ConfigStateChecks: checks}}})
		return
	}
	recorder := &readRecorder{}
	var reads int
	checks = append(checks, stateCheckFunc(func() { reads = len(recorder.recorded("duo_users")) }))
	requests := requestsOfSteps(t, env, recorder.providers(), resource.TestStep{Config: config, ConfigStateChecks: checks})
	if reads < 60 || requests[0] > reads {
		t.Fatalf("%d reads of duo_users by username took %d requests, want at most one a read", reads, requests[0])
	}
}
