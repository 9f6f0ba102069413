package provider

import (
	"fmt"
	"regexp"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/idaudit/terraform-provider-duo/internal/fakeduo"
)

func TestAccUserDataSource_byUsernameAndByID(t *testing.T) {
	env := newAccEnv(t, fakeduo.Options{})
	all := env.rawUsers(t, nil)
	if len(all) == 0 {
		t.Skip("the account has no users")
	}
	want := all[0]
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		Steps: []resource.TestStep{{
			Config: env.config(fmt.Sprintf(`
data "duo_user" "by_username" {
  username = %q
}
data "duo_user" "by_id" {
  user_id = %q
}
`, want["username"], want["user_id"])),
			ConfigStateChecks: []statecheck.StateCheck{
				expectUser("data.duo_user.by_username", want),
				expectUser("data.duo_user.by_id", want),
			},
		}},
	})
}

func TestAccUserDataSource_byAlias(t *testing.T) {
	env := newAccEnv(t, fakeduo.Options{})
	env.requireFake(t)
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		Steps: []resource.TestStep{{
			Config: env.config(`data "duo_user" "joe" { username = "john.smith" }`),
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue("data.duo_user.joe", tfjsonpath.New("user_id"), knownvalue.StringExact("DUSAMPLE000000000001")),
				statecheck.ExpectKnownValue("data.duo_user.joe", tfjsonpath.New("username"), knownvalue.StringExact("jsmith")),
				statecheck.ExpectKnownValue("data.duo_user.joe", tfjsonpath.New("realname"), knownvalue.NotNull()),
				statecheck.ExpectKnownValue("data.duo_user.joe", tfjsonpath.New("phones"), knownvalue.ListSizeExact(2)),
			},
		}},
	})
}

func TestAccUserDataSource_notFound(t *testing.T) {
	env := newAccEnv(t, fakeduo.Options{})
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		Steps: []resource.TestStep{
			{
				Config:      env.config(`data "duo_user" "x" { username = "no-such-user-anywhere" }`),
				ExpectError: regexp.MustCompile(`(?s)Duo user not found.*No Duo user has the username or alias\s+"no-such-user-anywhere"`),
			},
			{
				Config:      env.config(`data "duo_user" "x" { user_id = "DUNOSUCHUSER0000000X" }`),
				ExpectError: regexp.MustCompile(`(?s)Duo user not found.*No Duo user has the ID\s+"DUNOSUCHUSER0000000X"`),
			},
		},
	})
}

func TestAccUserDataSource_exactlyOneLookup(t *testing.T) {
	env := newAccEnv(t, fakeduo.Options{})
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		Steps: []resource.TestStep{
			{
				Config:      env.config(`data "duo_user" "x" {}`),
				ExpectError: regexp.MustCompile(`(?s)Missing Attribute Configuration.*Exactly one of these attributes must be configured:\s+\[username,user_id\]`),
			},
			{
				Config: env.config(`
data "duo_user" "x" {
  username = "jsmith"
  user_id  = "DUSAMPLE000000000001"
}`),
				ExpectError: regexp.MustCompile(`(?s)Invalid Attribute Combination.*username.*user_id`),
			},
		},
	})
}
