package provider

import (
	"fmt"
	"net/url"
	"regexp"
	"time"
	"testing"

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
	return tfjsonpath.New("users").AtSliceIndex(index).AtMapKey(attribute)
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
