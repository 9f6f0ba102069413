package provider

import (
	"encoding/json"
	"net/http"
	"regexp"
	"testing"

	duoapi "github.com/duosecurity/duo_api_golang"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/idaudit/terraform-provider-duo/internal/duo"
	"github.com/idaudit/terraform-provider-duo/internal/fakeduo"
)

// policySummaryPath is where Duo tells where policies apply.
const policySummaryPath = "/admin/v2/policies/summary"

// rawAppliesTo reads, through duo_api_golang, where each policy applies,
// by policy key, from the summary in the shape the fake sends.
func (e *accEnv) rawAppliesTo(t *testing.T) map[string]any {
	t.Helper()
	entries, _ := e.rawObject(t, policySummaryPath)["policies"].([]any)
	appliesTo := map[string]any{}
	for _, entry := range entries {
		entry, _ := entry.(map[string]any)
		key, _ := entry["policy_key"].(string)
		places, _ := entry["policy_applies_to"].([]any)
		for _, place := range places {
			// The state holds group_name, null, where Duo leaves it out.
			if place, ok := place.(map[string]any); ok && place["group_name"] == nil {
				place["group_name"] = nil
			}
		}
		appliesTo[key] = places
	}
	return appliesTo
}

// asStatePolicy turns a policy as Duo sent it into what duo_policies
// holds: its sections as sections_json, and where it applies.
func asStatePolicy(t *testing.T, raw map[string]any, appliesTo map[string]any) map[string]any {
	t.Helper()
	out := with(raw, map[string]any{"sections_json": sectionsJSON(t, raw["sections"]), "applies_to": appliesTo[raw["policy_key"].(string)]})
	delete(out, "sections")
	return out
}

// sectionsJSON is the canonical JSON of sections as Duo sent them.
func sectionsJSON(t *testing.T, sections any) any {
	t.Helper()
	if sections == nil {
		return nil
	}
	value, ok := parseJSON([]byte(mustJSON(sections)))
	if !ok {
		t.Fatalf("sections %v are not JSON", sections)
	}
	return canonicalJSON(value)
}

func TestAccPoliciesDataSource_everyPolicyOnEveryPage(t *testing.T) {
	env := newAccEnv(t, largeAccount())
	appliesTo := env.rawAppliesTo(t)
	testListing(t, env, "policies", "/admin/v2/policies", duo.MaxPolicyPageSize, func(raw map[string]any) map[string]any {
		return asStatePolicy(t, raw, appliesTo)
	})
}

// TestAccPoliciesDataSource_oneListingForAPlan reads the policy listing
// once for duo_policies and duo_policy by name.
func TestAccPoliciesDataSource_oneListingForAPlan(t *testing.T) {
	options := largeAccount()
	env := newAccEnv(t, options)
	pages := int64((len(options.Account.Policies) + duo.MaxPolicyPageSize - 1) / duo.MaxPolicyPageSize)
	counts := listRequestsOfSteps(t, env, "/admin/v2/policies",
		resource.TestStep{Config: env.config(`data "duo_policies" "all" {}`)},
		resource.TestStep{
			Config: env.config(`
data "duo_policies" "all" {}
data "duo_policy" "named" { policy_name = "Policy 00600" }
`),
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue("data.duo_policy.named", tfjsonpath.New("policy_key"), knownvalue.StringExact(options.Account.Policies[599].PolicyKey)),
			},
		},
	)
	if alone, together := counts[0], counts[1]; alone == 0 || alone%pages != 0 || together != alone {
		t.Fatalf("the policy listing alone took %d requests, with duo_policy by name beside it %d; want the same multiple of %d", alone, together, pages)
	}
}

func TestAccPolicyDataSource_sampleAccount(t *testing.T) {
	env := newAccEnv(t, fakeduo.Options{})
	env.requireFake(t)
	sections := tfjsonpath.New("sections")
	vpnKey, breakGlassKey := "POSAMPLE000000000001", "POSAMPLE000000000003"
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		Steps: []resource.TestStep{{
			Config: env.config(`
data "duo_policy" "global" { global = true }
data "duo_policy" "vpn" { policy_key = "POSAMPLE000000000001" }
data "duo_policy" "intranet" { policy_name = "Intranet SSO" }
data "duo_policy" "break_glass" { policy_name = "Break-glass bypass" }
data "duo_policy" "draft" { policy_name = "Draft (unused)" }

output "new_user_behavior" {
  value = data.duo_policy.global.sections.new_user.new_user_behavior
}
output "sections_are_jsondecode" {
  value = alltrue([for p in [data.duo_policy.global, data.duo_policy.vpn, data.duo_policy.intranet, data.duo_policy.draft] :
    p.sections == jsondecode(p.sections_json)])
}
output "vpn_blocks_sms" {
  value = contains(data.duo_policy.vpn.sections.authentication_methods.blocked_auth_list, "sms")
}
output "vpn_remembers_hours" {
  value = data.duo_policy.vpn.sections.remembered_devices.browser_apps.risk_based.max_time_value * 1
}
output "inherited_new_user" {
  value = try(data.duo_policy.vpn.sections.new_user, data.duo_policy.global.sections.new_user)
}
`),
			ConfigStateChecks: []statecheck.StateCheck{
				// Written out, so that a mistake shared by the fake's JSON and
				// the provider cannot pass unseen.
				statecheck.ExpectKnownValue("data.duo_policy.global", tfjsonpath.New("policy_key"), knownvalue.StringExact("POSAMPLE000000000000")),
				statecheck.ExpectKnownValue("data.duo_policy.global", tfjsonpath.New("policy_name"), knownvalue.StringExact("Global Policy")),
				statecheck.ExpectKnownValue("data.duo_policy.global", tfjsonpath.New("is_global_policy"), knownvalue.Bool(true)),
				statecheck.ExpectKnownValue("data.duo_policy.global", tfjsonpath.New("global"), knownvalue.Bool(true)),
				statecheck.ExpectKnownValue("data.duo_policy.global", tfjsonpath.New("applies_to"), knownvalue.Null()),
				statecheck.ExpectKnownValue("data.duo_policy.global", sections, knownvalue.MapSizeExact(18)),
				statecheck.ExpectKnownValue("data.duo_policy.global", sections.AtMapKey("duo_mobile_app").AtMapKey("block_version"), knownvalue.Null()),
				statecheck.ExpectKnownValue("data.duo_policy.global", sections.AtMapKey("operating_systems").AtMapKey("os_restrictions").AtMapKey("android").AtMapKey("block_policy"), knownvalue.StringExact("end-of-life")),
				statecheck.ExpectKnownValue("data.duo_policy.vpn", tfjsonpath.New("policy_name"), knownvalue.StringExact("VPN – strict")),
				statecheck.ExpectKnownValue("data.duo_policy.vpn", tfjsonpath.New("policy_key"), knownvalue.StringExact(vpnKey)),
				statecheck.ExpectKnownValue("data.duo_policy.vpn", tfjsonpath.New("is_global_policy"), knownvalue.Bool(false)),
				statecheck.ExpectKnownValue("data.duo_policy.vpn", tfjsonpath.New("global"), knownvalue.Null()),
				statecheck.ExpectKnownValue("data.duo_policy.vpn", sections, knownvalue.MapSizeExact(4)),
				statecheck.ExpectKnownValue("data.duo_policy.vpn", sections.AtMapKey("authentication_methods").AtMapKey("allowed_auth_list"),
					knownvalue.ListExact([]knownvalue.Check{knownvalue.StringExact("duo-push"), knownvalue.StringExact("hardware-token"), knownvalue.StringExact("webauthn-roaming")})),
				statecheck.ExpectKnownValue("data.duo_policy.vpn", sections.AtMapKey("authentication_methods").AtMapKey("require_verified_push"), knownvalue.Bool(true)),
				statecheck.ExpectKnownValue("data.duo_policy.vpn", sections.AtMapKey("authentication_methods").AtMapKey("verified_push_digits"), knownvalue.Int64Exact(6)),
				statecheck.ExpectKnownValue("data.duo_policy.vpn", sections.AtMapKey("user_location").AtMapKey("ignore_location_countries_list"), knownvalue.ListSizeExact(0)),
				statecheck.ExpectKnownValue("data.duo_policy.vpn", tfjsonpath.New("applies_to"), knownvalue.ListExact([]knownvalue.Check{
					knownvalue.ObjectExact(map[string]knownvalue.Check{
						"app_integration_key": knownvalue.StringExact("DISAMPLE000000000003"), "app_name": knownvalue.StringExact("VPN (Auth API)"),
						"apply_type": knownvalue.StringExact("app"), "group_name": knownvalue.Null(),
					}),
				})),
				statecheck.ExpectKnownValue("data.duo_policy.intranet", tfjsonpath.New("sections_json"), knownvalue.StringExact(
					`{"duo_mobile_app":{"block_policy":"warn","block_version":null},"new_user":{"new_user_behavior":"enroll"},"screen_lock":{"require_screen_lock":true},"trusted_endpoints":{"trusted_endpoint_checking":"require-trusted"}}`)),
				statecheck.ExpectKnownValue("data.duo_policy.intranet", tfjsonpath.New("policy_key"), knownvalue.StringExact("POSAMPLE000000000002")),
				statecheck.ExpectKnownValue("data.duo_policy.break_glass", tfjsonpath.New("policy_key"), knownvalue.StringExact(breakGlassKey)),
				statecheck.ExpectKnownValue("data.duo_policy.break_glass", sections.AtMapKey("authentication_policy").AtMapKey("user_auth_behavior"), knownvalue.StringExact("bypass")),
				statecheck.ExpectKnownValue("data.duo_policy.break_glass", tfjsonpath.New("applies_to"), knownvalue.ListExact([]knownvalue.Check{
					knownvalue.ObjectExact(map[string]knownvalue.Check{
						"app_integration_key": knownvalue.StringExact("DISAMPLE000000000003"), "app_name": knownvalue.StringExact("VPN (Auth API)"),
						"apply_type": knownvalue.StringExact("group_app"), "group_name": knownvalue.StringExact("Break-glass"),
					}),
					knownvalue.ObjectExact(map[string]knownvalue.Check{
						"app_integration_key": knownvalue.StringExact("DISAMPLE000000000004"), "app_name": knownvalue.StringExact("Intranet (OIDC)"),
						"apply_type": knownvalue.StringExact("group_app"), "group_name": knownvalue.StringExact("Break-glass"),
					}),
				})),
				statecheck.ExpectKnownValue("data.duo_policy.draft", sections, knownvalue.MapSizeExact(0)),
				statecheck.ExpectKnownValue("data.duo_policy.draft", tfjsonpath.New("sections_json"), knownvalue.StringExact("{}")),
				statecheck.ExpectKnownValue("data.duo_policy.draft", tfjsonpath.New("applies_to"), knownvalue.ListSizeExact(0)),
				statecheck.ExpectKnownOutputValue("new_user_behavior", knownvalue.StringExact("allow")),
				statecheck.ExpectKnownOutputValue("sections_are_jsondecode", knownvalue.Bool(true)),
				statecheck.ExpectKnownOutputValue("vpn_blocks_sms", knownvalue.Bool(true)),
				statecheck.ExpectKnownOutputValue("vpn_remembers_hours", knownvalue.Int64Exact(12)),
				statecheck.ExpectKnownOutputValue("inherited_new_user", knownvalue.ObjectExact(map[string]knownvalue.Check{"new_user_behavior": knownvalue.StringExact("allow")})),
			},
		}},
	})
}

// TestAccPolicyDataSource_lookups reads the global policy, and the last
// listed policy by key and by name, as Duo sends them.
func TestAccPolicyDataSource_lookups(t *testing.T) {
	env := newAccEnv(t, largeAccount())
	policies := env.rawList(t, "/admin/v2/policies", duo.MaxPolicyPageSize, nil)
	global := env.rawObject(t, "/admin/v2/policies/global")
	last := policies[len(policies)-1]
	appliesTo := env.rawAppliesTo(t)
	state := func(raw map[string]any, arguments map[string]any) map[string]any {
		return with(asStatePolicy(t, raw, appliesTo), with(arguments, map[string]any{"sections": raw["sections"]}))
	}
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		Steps: []resource.TestStep{{
			Config: env.config(`
data "duo_policy" "global" { global = true }
data "duo_policy" "by_key" { policy_key = "` + last["policy_key"].(string) + `" }
data "duo_policy" "by_name" { policy_name = "` + last["policy_name"].(string) + `" }
`),
			ConfigStateChecks: []statecheck.StateCheck{
				expectUser("data.duo_policy.global", state(global, map[string]any{"global": true})),
				expectUser("data.duo_policy.by_key", state(last, map[string]any{"global": nil})),
				expectUser("data.duo_policy.by_name", state(last, map[string]any{"global": nil})),
			},
		}},
	})
}

func TestAccPolicyDataSource_notFound(t *testing.T) {
	env := newAccEnv(t, fakeduo.Options{})
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		Steps: []resource.TestStep{
			{
				Config:      env.config(`data "duo_policy" "x" { policy_key = "PONOSUCHPOLICY000000" }`),
				ExpectError: regexp.MustCompile(`(?s)Duo policy not found.*with data.duo_policy.x.*policy_key.*No Duo policy has the key\s+"PONOSUCHPOLICY000000"`),
			},
			{
				Config:      env.config(`data "duo_policy" "x" { policy_name = "No such policy" }`),
				ExpectError: regexp.MustCompile(`(?s)Duo policy not found.*policy_name.*No Duo policy is named\s+"No such policy".*duo_policies`),
			},
			{
				Config:      env.config(`data "duo_policy" "x" { global = false }`),
				ExpectError: regexp.MustCompile(`(?s)Invalid global.*global = false names nothing to read`),
			},
			{
				Config:      env.config(`data "duo_policy" "x" {}`),
				ExpectError: regexp.MustCompile(`(?s)Exactly one of these attributes must be configured:\s+\[policy_key,policy_name,global\]`),
			},
		},
	})
}

func TestAccPolicyDataSource_duplicateName(t *testing.T) {
	account := fakeduo.SampleAccount()
	account.Policies[4].PolicyName = account.Policies[3].PolicyName
	env := newAccEnv(t, fakeduo.Options{Account: &account})
	env.requireFake(t)
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		Steps: []resource.TestStep{{
			Config:      env.config(`data "duo_policy" "x" { policy_name = "Break-glass bypass" }`),
			ExpectError: regexp.MustCompile(`(?s)Several Duo policies have this name.*2 Duo policies are named\s+"Break-glass\s+bypass"\s+\(keys\s+"POSAMPLE000000000003",\s+"POSAMPLE000000000004"\).*policy_key`),
		}},
	})
}

// TestAccPolicies_signedV5 shows that the fake refuses the policy
// endpoints a v2 signature, as the provider would then be refused by a
// Duo that requires v5, and that the provider's requests pass.
func TestAccPolicies_signedV5(t *testing.T) {
	env := newAccEnv(t, fakeduo.Options{})
	env.requireFake(t)
	for _, path := range []string{"/admin/v2/policies", "/admin/v2/policies/global", policySummaryPath} {
		resp, body, err := env.rawAPI(t).SignedCall(http.MethodGet, path, nil, duoapi.UseTimeout)
		if err != nil {
			t.Fatal(err)
		}
		var answer struct {
			Code int `json:"code"`
		}
		if json.Unmarshal(body, &answer) != nil || resp.StatusCode != http.StatusUnauthorized || answer.Code != duo.CodeInvalidSignature {
			t.Fatalf("a v2-signed GET %s got HTTP %d %s, want 401 with code %d", path, resp.StatusCode, body, duo.CodeInvalidSignature)
		}
	}
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		Steps: []resource.TestStep{{
			Config: env.config(`
data "duo_policies" "all" {}
data "duo_policy" "global" { global = true }
data "duo_effective_policy" "jsmith" {
  username        = "jsmith"
  integration_key = "DISAMPLE000000000003"
}
`),
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue("data.duo_policies.all", tfjsonpath.New("policies"), knownvalue.ListSizeExact(5)),
			},
		}},
	})
}
