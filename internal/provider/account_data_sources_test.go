package provider

import (
	"context"
	"fmt"
	"maps"
	"net/url"
	"testing"

	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/idaudit/terraform-provider-duo/internal/fakeduo"
)

// Helpers shared by the tests of the data sources that read the account
// beyond its users and groups.

// largeAccount is a fake account whose every listing spans several pages.
func largeAccount() fakeduo.Options {
	users := fakeduo.GeneratedUsers(1200)
	account := fakeduo.GeneratedAccount(users, 600)
	return fakeduo.Options{Users: users, Account: &account}
}

// testListing checks that data "duo_<name>" "all" {} holds in its list
// attribute exactly what Duo lists at path, every page, field by field;
// adjust, when set, turns what Duo sent into what the state must hold.
func testListing(t *testing.T, env *accEnv, name, path string, pageSize int, adjust func(map[string]any) map[string]any) {
	t.Helper()
	want := env.rawList(t, path, pageSize, nil)
	if adjust != nil {
		for i := range want {
			want[i] = adjust(want[i])
		}
	}
	if env.fake != nil && len(want) <= pageSize {
		t.Fatalf("the fake lists %d objects at %s, not enough for two pages of %d", len(want), path, pageSize)
	}
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		Steps: []resource.TestStep{{
			Config:            env.config(fmt.Sprintf(`data "duo_%s" "all" {}`, name)),
			ConfigStateChecks: []statecheck.StateCheck{expectObjects("data.duo_"+name+".all", name, want)},
		}},
	})
}

// with returns object with the given attributes added, as the state holds
// an object data source's arguments beside the object's fields.
func with[V any](object map[string]V, attributes map[string]V) map[string]V {
	out := maps.Clone(object)
	maps.Copy(out, attributes)
	return out
}

// rawFiltered lists path with the given filters, through duo_api_golang.
func (e *accEnv) rawFiltered(t *testing.T, path string, pageSize int, filters map[string]string) []map[string]any {
	t.Helper()
	params := url.Values{}
	for name, value := range filters {
		params.Set(name, value)
	}
	return e.rawList(t, path, pageSize, params)
}

// listRequestsOfSteps applies each step in turn against env's fake and
// returns the list requests that each made at path, up to its apply: each
// command that reads (plan, apply) counts once.
func listRequestsOfSteps(t *testing.T, env *accEnv, path string, steps ...resource.TestStep) []int64 {
	t.Helper()
	env.requireFake(t)
	counts := make([]int64, len(steps))
	for i := range steps {
		steps[i].PreConfig = env.fake.ResetRequests
		steps[i].Check = func(*terraform.State) error {
			counts[i] = env.fake.ListRequests(path)
			return nil
		}
	}
	resource.Test(t, resource.TestCase{ProtoV6ProviderFactories: testAccProviders, Steps: steps})
	return counts
}

// requestsOfSteps applies each step in turn against env's fake and returns
// the requests (authenticated, to any path) each sent up to its state
// checks.
func requestsOfSteps(t *testing.T, env *accEnv, providers map[string]func() (tfprotov6.ProviderServer, error), steps ...resource.TestStep) []int {
	t.Helper()
	env.requireFake(t)
	counts := make([]int, len(steps))
	for i := range steps {
		steps[i].PreConfig = func() { counts[i] = -env.fake.Stats().Requests }
		steps[i].ConfigStateChecks = append(steps[i].ConfigStateChecks, stateCheckFunc(func() { counts[i] += env.fake.Stats().Requests }))
	}
	resource.Test(t, resource.TestCase{ProtoV6ProviderFactories: providers, Steps: steps})
	return counts
}

// stateCheckFunc is a state check that only calls itself, after the apply
// of its step: Check's state shim cannot read for_each instances.
type stateCheckFunc func()

func (f stateCheckFunc) CheckState(context.Context, statecheck.CheckStateRequest, *statecheck.CheckStateResponse) {
	f()
}

// testByIDFromTheListing reads the last 20 objects of a listing by ID, one
// data source "duo_<object>" each, after a data source "duo_<listing>" has
// read the listing: they must hold what Duo lists and cost no request of
// their own.
func testByIDFromTheListing(t *testing.T, env *accEnv, listing, object, idField string, all []map[string]any) {
	t.Helper()
	var ids []string
	var checks []statecheck.StateCheck
	for i, o := range all[len(all)-20:] {
		ids = append(ids, o[idField].(string))
		checks = append(checks, expectUser(fmt.Sprintf("data.duo_%s.member[%d]", object, i), o))
	}
	listingConfig := fmt.Sprintf(`data "duo_%s" "all" {}`, listing)
	requests := requestsOfSteps(t, env, testAccProviders,
		resource.TestStep{Config: env.config(listingConfig)},
		resource.TestStep{
			Config: env.config(listingConfig + fmt.Sprintf(`
locals {
  ids = %s
}
data "duo_%s" "member" {
  count      = length(local.ids)
  %s = local.ids[count.index]
  depends_on = [data.duo_%s.all]
}
`, hclStrings(ids), object, idField, listing)),
			ConfigStateChecks: checks,
		},
	)
	if alone, with := requests[0], requests[1]; alone == 0 || with != alone {
		t.Fatalf("the listing of duo_%s took %d requests, with 20 duo_%s by ID after it %d; want the same", listing, alone, object, with)
	}
}
