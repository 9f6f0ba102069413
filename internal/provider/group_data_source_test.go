package provider

import (
	"fmt"
	"regexp"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/idaudit/terraform-provider-duo/internal/duo"
	"github.com/idaudit/terraform-provider-duo/internal/fakeduo"
)

func (e *accEnv) rawGroupMembers(t *testing.T, groupID string) []map[string]any {
	t.Helper()
	return e.rawList(t, "/admin/v2/groups/"+groupID+"/users", duo.MaxGroupMemberPageSize, nil)
}

func TestAccGroupDataSource_byIDAndByName(t *testing.T) {
	env := newAccEnv(t, fakeduo.Options{Groups: extraGroups(250)})
	all := env.rawGroups(t)
	if len(all) == 0 {
		t.Skip("the account has no groups")
	}
	want := all[len(all)-1]
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		Steps: []resource.TestStep{{
			Config: env.config(fmt.Sprintf(`
data "duo_group" "by_id" {
  group_id = %q
}
data "duo_group" "by_name" {
  name = %q
}
`, want["group_id"], want["name"])),
			ConfigStateChecks: []statecheck.StateCheck{
				expectUser("data.duo_group.by_id", want),
				expectUser("data.duo_group.by_name", want),
				// Members are read only when asked for.
				statecheck.ExpectKnownValue("data.duo_group.by_id", tfjsonpath.New("users"), knownvalue.Null()),
			},
		}},
	})
}

func TestAccGroupDataSource_membersOverSeveralPages(t *testing.T) {
	// GeneratedUsers puts user i in the first i%3 of its three groups: the
	// first, "All Staff", has 800 of 1200 users, two pages of 500.
	env := newAccEnv(t, fakeduo.Options{Users: fakeduo.GeneratedUsers(1200)})
	groups := env.rawGroups(t)
	if len(groups) == 0 {
		t.Skip("the account has no groups")
	}
	groupID := groups[0]["group_id"].(string)
	want := env.rawGroupMembers(t, groupID)
	checks := []statecheck.StateCheck{expectObjects("data.duo_group.staff", "users", want)}
	if env.fake != nil {
		users := tfjsonpath.New("users")
		checks = append(checks,
			statecheck.ExpectKnownValue("data.duo_group.staff", tfjsonpath.New("name"), knownvalue.StringExact("All Staff")),
			statecheck.ExpectKnownValue("data.duo_group.staff", users, knownvalue.ListSizeExact(800)),
			statecheck.ExpectKnownValue("data.duo_group.staff", users.AtSliceIndex(0).AtMapKey("username"), knownvalue.StringExact("user00002")),
			statecheck.ExpectKnownValue("data.duo_group.staff", users.AtSliceIndex(799).AtMapKey("username"), knownvalue.StringExact("user01200")),
		)
	}
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		Steps: []resource.TestStep{{
			Config: env.config(fmt.Sprintf(`
data "duo_group" "staff" {
  group_id        = %q
  include_members = true
}
`, groupID)),
			ConfigStateChecks: checks,
		}},
	})
}

func TestAccGroupDataSource_emptyGroupHasAnEmptyMemberList(t *testing.T) {
	env := newAccEnv(t, fakeduo.Options{Groups: extraGroups(1)})
	env.requireFake(t)
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		Steps: []resource.TestStep{{
			Config: env.config(`
data "duo_group" "empty" {
  name            = "Extra group 0"
  include_members = true
}
`),
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue("data.duo_group.empty", tfjsonpath.New("group_id"), knownvalue.StringExact("DGEXTRA0000000000000")),
				statecheck.ExpectKnownValue("data.duo_group.empty", tfjsonpath.New("users"), knownvalue.ListSizeExact(0)),
			},
		}},
	})
}

func TestAccGroupDataSource_notFound(t *testing.T) {
	env := newAccEnv(t, fakeduo.Options{})
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		Steps: []resource.TestStep{
			{
				Config:      env.config(`data "duo_group" "x" { group_id = "DGNOSUCHGROUP000000X" }`),
				ExpectError: regexp.MustCompile(`(?s)Duo group not found.*No Duo group has the ID\s+"DGNOSUCHGROUP000000X"`),
			},
			{
				Config:      env.config(`data "duo_group" "x" { name = "No such group anywhere" }`),
				ExpectError: regexp.MustCompile(`(?s)Duo group not found.*No Duo group is named\s+"No\s+such\s+group\s+anywhere"`),
			},
		},
	})
}

func TestAccGroupDataSource_exactlyOneLookup(t *testing.T) {
	env := newAccEnv(t, fakeduo.Options{})
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		Steps: []resource.TestStep{
			{
				Config:      env.config(`data "duo_group" "x" { include_members = true }`),
				ExpectError: regexp.MustCompile(`(?s)Missing Attribute Configuration.*Exactly one of these attributes must be configured:\s+\[group_id,name\]`),
			},
			{
				Config: env.config(`
data "duo_group" "x" {
  group_id = "DGSAMPLE000000000001"
  name     = "Engineering"
}`),
				ExpectError: regexp.MustCompile(`(?s)Invalid Attribute Combination.*group_id.*name`),
			},
		},
	})
}

// TestAccGroupDataSource_byIDFromTheListing reads groups by ID after a
// duo_groups has read the listing: they cost no request of their own.
func TestAccGroupDataSource_byIDFromTheListing(t *testing.T) {
	env := newAccEnv(t, fakeduo.Options{Groups: extraGroups(250)})
	testByIDFromTheListing(t, env, "groups", "group", "group_id", env.rawGroups(t))
}
