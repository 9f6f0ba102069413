package provider

import (
	"fmt"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/idaudit/terraform-provider-duo/internal/duo"
	"github.com/idaudit/terraform-provider-duo/internal/fakeduo"
)

func (e *accEnv) rawGroups(t *testing.T) []map[string]any {
	t.Helper()
	return e.rawList(t, "/admin/v1/groups", duo.MaxGroupPageSize, nil)
}

// expectObjects checks a list of objects against Duo's JSON field by field,
// as expectUsers does for users.
func expectObjects(address, attribute string, want []map[string]any) statecheck.StateCheck {
	return expectUsers(address, attribute, want)
}

// extraGroups returns n groups nobody belongs to, to page the group listing.
func extraGroups(n int) []fakeduo.Group {
	groups := make([]fakeduo.Group, n)
	for i := range groups {
		groups[i] = fakeduo.Group{GroupID: fmt.Sprintf("DGEXTRA%013d", i), Name: fmt.Sprintf("Extra group %d", i), Desc: "Paging test", Status: "Active", SMSEnabled: i%2 == 0}
	}
	return groups
}

func TestAccGroupsDataSource_everyGroupOnEveryPage(t *testing.T) {
	env := newAccEnv(t, fakeduo.Options{Groups: extraGroups(250)})
	want := env.rawGroups(t)
	checks := []statecheck.StateCheck{expectObjects("data.duo_groups.all", "groups", want)}
	if env.fake != nil {
		// The sample users' four groups, then the 250 extra ones: three pages.
		groups := tfjsonpath.New("groups")
		checks = append(checks,
			statecheck.ExpectKnownValue("data.duo_groups.all", groups, knownvalue.ListSizeExact(254)),
			statecheck.ExpectKnownValue("data.duo_groups.all", groups.AtSliceIndex(0).AtMapKey("name"), knownvalue.StringExact("Engineering")),
			statecheck.ExpectKnownValue("data.duo_groups.all", groups.AtSliceIndex(0).AtMapKey("voice_enabled"), knownvalue.Bool(true)),
			statecheck.ExpectKnownValue("data.duo_groups.all", groups.AtSliceIndex(1).AtMapKey("desc"), knownvalue.StringExact("")),
			statecheck.ExpectKnownValue("data.duo_groups.all", groups.AtSliceIndex(253).AtMapKey("group_id"), knownvalue.StringExact("DGEXTRA0000000000249")),
		)
	}
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		Steps: []resource.TestStep{{
			Config:            env.config(`data "duo_groups" "all" {}`),
			ConfigStateChecks: checks,
		}},
	})
}

func TestAccGroupsDataSource_name(t *testing.T) {
	env := newAccEnv(t, fakeduo.Options{Groups: extraGroups(250)})
	all := env.rawGroups(t)
	if len(all) == 0 {
		t.Skip("the account has no groups")
	}
	// The last group, so that finding it takes every page.
	name := all[len(all)-1]["name"].(string)
	var want []map[string]any
	for _, group := range all {
		if group["name"] == name {
			want = append(want, group)
		}
	}
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		Steps: []resource.TestStep{{
			Config: env.config(fmt.Sprintf(`
data "duo_groups" "named" {
  name = %q
}
data "duo_groups" "nobody" {
  name = "No such group anywhere"
}
`, name)),
			ConfigStateChecks: []statecheck.StateCheck{
				expectObjects("data.duo_groups.named", "groups", want),
				statecheck.ExpectKnownValue("data.duo_groups.nobody", tfjsonpath.New("groups"), knownvalue.ListSizeExact(0)),
			},
		}},
	})
}

// TestAccGroupsDataSource_oneListingForAPlan counts the group listing
// requests of a step with duo_groups alone, then with duo_group by name
// beside it: sharing one read, they cost the same requests.
func TestAccGroupsDataSource_oneListingForAPlan(t *testing.T) {
	env := newAccEnv(t, fakeduo.Options{Groups: extraGroups(250)})
	counts := listRequestsOfSteps(t, env, "/admin/v1/groups",
		resource.TestStep{Config: env.config(`data "duo_groups" "all" {}`)},
		resource.TestStep{Config: env.config(`
data "duo_groups" "all" {}
data "duo_groups" "engineering" {
  name = "Engineering"
}
data "duo_group" "extra" {
  name = "Extra group 249"
}
`)},
	)
	// The sample users' 4 groups and 250 more: 3 pages for each command of
	// the step that reads.
	if alone, together := counts[0], counts[1]; alone == 0 || alone%3 != 0 || together != alone {
		t.Fatalf("the group listing alone took %d requests, with two more data sources that need it %d; want the same multiple of 3", alone, together)
	}
}
