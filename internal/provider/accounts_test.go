package provider

import (
	"fmt"
	"net/url"
	"regexp"
	"testing"

	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-testing/echoprovider"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"
	"github.com/hashicorp/terraform-plugin-testing/tfversion"

	"github.com/idaudit/terraform-provider-duo/internal/duo"
	"github.com/idaudit/terraform-provider-duo/internal/fakeduo"
)

// expectSignedByParent fails unless the child's fake answered requests
// signed with the parent's Accounts API key (which it accepts only over
// its own host, with its own account_id, signed) and none signed with its
// own keys but those the test made itself.
func expectSignedByParent(t *testing.T, env *mspEnv, k int) {
	t.Helper()
	if got := env.msp.Children[k].RequestsSignedBy(env.msp.AccountsIntegrationKey); got == 0 {
		t.Errorf("child %d answered no request signed with the parent's Accounts API key", k)
	}
}

// TestAccAccountID_readsEveryKind reads a child with each kind of data
// source: a listing, an object, a log window and policies. Requests are
// signed v5 (the fake refuses v2 for policies), but those that repeat a
// parameter, such as the log's two results, which are signed v2; the fake
// checks the host, the signature and the account_id of every request.
func TestAccAccountID_readsEveryKind(t *testing.T) {
	env := newMSPEnv(t, fakeduo.MSPOptions{Children: 2})
	child := env.child(t, 1)
	users := child.rawUsers(t, nil)
	settings := child.rawObject(t, "/admin/v1/settings")
	week := lastDays(7)
	results := url.Values{"results": {"success", "denied"}}
	authentications := child.rawAuthLog(t, week, results)
	policies := child.rawList(t, "/admin/v2/policies", duo.MaxPolicyPageSize, nil)
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		Steps: []resource.TestStep{{
			Config: env.config("", fmt.Sprintf(`
locals {
  child = %q
}
data "duo_users" "all" {
  account_id = local.child
}
data "duo_settings" "child" {
  account_id = local.child
}
data "duo_authentication_logs" "week" {
  account_id = local.child
  results    = ["success", "denied"]
  %s
}
data "duo_policies" "all" {
  account_id = local.child
}
data "duo_policy" "global" {
  account_id = local.child
  global     = true
}
`, env.id(1), week.arguments())),
			ConfigStateChecks: []statecheck.StateCheck{
				expectUsers("data.duo_users.all", "users", users),
				expectUser("data.duo_settings.child", with(settings, map[string]any{"account_id": env.id(1)})),
				expectObjects("data.duo_authentication_logs.week", "authentication_logs", authentications),
				statecheck.ExpectKnownValue("data.duo_policies.all", tfjsonpath.New("policies"), knownvalue.ListSizeExact(len(policies))),
				// The second child lets new users in unenrolled (see StartMSP).
				statecheck.ExpectKnownValue("data.duo_policy.global", tfjsonpath.New("sections").AtMapKey("new_user").AtMapKey("new_user_behavior"), knownvalue.StringExact("allow")),
			},
		}},
	})
	expectSignedByParent(t, env, 1)
	if got := env.msp.Children[0].RequestsSignedBy(env.msp.AccountsIntegrationKey); got != 0 {
		t.Errorf("the first child, which no data source names, answered %d requests", got)
	}
	if got := env.msp.Parent.ListRequests("/accounts/v1/account/list"); got == 0 {
		t.Error("the parent's list of children was never read")
	}
}

// TestAccAccountID_providerDefault: the provider's account_id is the child
// of every data source that names none; one that names another reads that
// one, in the same plan.
func TestAccAccountID_providerDefault(t *testing.T) {
	env := newMSPEnv(t, fakeduo.MSPOptions{Children: 2})
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		Steps: []resource.TestStep{{
			Config: env.config(fmt.Sprintf("  account_id      = %q\n", env.id(0)), fmt.Sprintf(`
data "duo_settings" "default" {}
data "duo_settings" "other" {
  account_id = %q
}
`, env.id(1))),
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue("data.duo_settings.default", tfjsonpath.New("name"), knownvalue.StringExact(env.msp.Children[0].Name)),
				statecheck.ExpectKnownValue("data.duo_settings.default", tfjsonpath.New("account_id"), knownvalue.Null()),
				statecheck.ExpectKnownValue("data.duo_settings.other", tfjsonpath.New("name"), knownvalue.StringExact(env.msp.Children[1].Name)),
			},
		}},
	})
	expectSignedByParent(t, env, 0)
	expectSignedByParent(t, env, 1)
}

// TestAccAccountID_providerDefaultFromEnvironment: DUO_ACCOUNT_ID sets the
// provider's account_id.
func TestAccAccountID_providerDefaultFromEnvironment(t *testing.T) {
	skipWithoutTFAcc(t)
	if realAccount() {
		t.Skip("needs the fake Duo's MSP parent and its children")
	}
	env := startMSPEnv(t, fakeduo.MSPOptions{Children: 2})
	t.Setenv("DUO_ACCOUNT_ID", env.id(1))
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		Steps: []resource.TestStep{{
			Config: env.config("", `data "duo_settings" "default" {}`),
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue("data.duo_settings.default", tfjsonpath.New("name"), knownvalue.StringExact(env.msp.Children[1].Name)),
			},
		}},
	})
	t.Setenv("DUO_ACCOUNT_ID", "not-an-account")
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		Steps: []resource.TestStep{{
			Config:      env.config("", `data "duo_settings" "default" {}`),
			ExpectError: errorText(`(?s)Invalid Duo child account ID.*"not-an-account", from account_id or .DUO_ACCOUNT_ID., is not a Duo account ID`),
		}},
	})
}

// TestAccAccountID_accountsAreApart: the same username is each child's own
// user, looked up in batches that never mix children.
func TestAccAccountID_accountsAreApart(t *testing.T) {
	env := newMSPEnv(t, fakeduo.MSPOptions{Children: 2})
	first, second := env.child(t, 0), env.child(t, 1)
	firstUser := first.rawUsers(t, url.Values{"username": {"user00003"}})[0]
	secondUser := second.rawUsers(t, url.Values{"username": {"user00003"}})[0]
	if firstUser["user_id"] == secondUser["user_id"] {
		t.Fatal("the children give user00003 the same user_id: the test could not tell them apart")
	}
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		Steps: []resource.TestStep{{
			Config: env.config("", fmt.Sprintf(`
data "duo_user" "first" {
  account_id = %[1]q
  username   = "user00003"
}
data "duo_user" "second" {
  account_id = %[2]q
  username   = "user00003"
}
data "duo_user" "second_by_id" {
  account_id = %[2]q
  user_id    = %[3]q
}
`, env.id(0), env.id(1), secondUser["user_id"])),
			ConfigStateChecks: []statecheck.StateCheck{
				expectUser("data.duo_user.first", with(firstUser, map[string]any{"account_id": env.id(0)})),
				expectUser("data.duo_user.second", with(secondUser, map[string]any{"account_id": env.id(1)})),
				expectUser("data.duo_user.second_by_id", with(secondUser, map[string]any{"account_id": env.id(1)})),
			},
		}},
	})
}

// TestAccAccountID_listingsSharedWithinAChild: every data source of a
// child that needs its user listing shares one read of it, and the
// listing of another child is read apart.
func TestAccAccountID_listingsSharedWithinAChild(t *testing.T) {
	env := newMSPEnv(t, fakeduo.MSPOptions{Children: 2})
	body := func(listings int) string {
		config := fmt.Sprintf("data \"duo_users\" \"second\" {\n  account_id = %q\n}\n", env.id(1))
		for i := range listings {
			config += fmt.Sprintf("data \"duo_users\" \"first_%d\" {\n  account_id = %q\n  status     = [\"active\"]\n}\n", i, env.id(0))
		}
		return config
	}
	var one, three [2]int64
	counted := func(into *[2]int64) resource.TestStep {
		return resource.TestStep{
			PreConfig: func() {
				for _, child := range env.msp.Children {
					child.ResetRequests()
				}
			},
			ConfigStateChecks: []statecheck.StateCheck{stateCheckFunc(func() {
				for k, child := range env.msp.Children {
					into[k] = child.ListRequests("/admin/v1/users")
				}
			})},
		}
	}
	steps := []resource.TestStep{counted(&one), counted(&three)}
	steps[0].Config, steps[1].Config = env.config("", body(1)), env.config("", body(3))
	resource.Test(t, resource.TestCase{ProtoV6ProviderFactories: testAccProviders, Steps: steps})
	// Each command that reads (plan, apply) reads each child's listing
	// once, however many data sources of that child read it.
	if one != three || one[0] == 0 || one[1] == 0 {
		t.Errorf("the user listings of the two children took %v requests with one filtered duo_users in the first child, and %v with three; want the same, and some in each", one, three)
	}
}

// TestAccAccountID_errors: a child the parent does not have, a child of
// another deployment, an Accounts API key without account_id, a child
// that refuses one endpoint; a child's failure fails its own data
// sources only.
func TestAccAccountID_errors(t *testing.T) {
	env := newMSPEnv(t, fakeduo.MSPOptions{Children: 1, CrossDeploymentChild: true})
	cross := env.msp.Children[1]
	const stranger = "DA0000000000000000ZZ"
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		Steps: []resource.TestStep{
			{
				Config:      env.config("", fmt.Sprintf("data \"duo_settings\" \"x\" {\n  account_id = %q\n}\n", stranger)),
				ExpectError: errorText(`(?s)Unknown Duo child account.*with data.duo_settings.x.*account_id.*%s is not a child account of this parent: its Accounts API lists 2 child accounts.*duo_child_accounts`, stranger),
			},
			{
				Config:      env.config(fmt.Sprintf("  account_id      = %q\n", stranger), `data "duo_settings" "x" {}`),
				ExpectError: errorText(`(?s)The provider's account_id %s is not a child account of this parent`, stranger),
			},
			{
				Config:      env.config("", `data "duo_settings" "x" { account_id = "DA-not-an-id" }`),
				ExpectError: regexp.MustCompile(`(?s)Invalid Attribute Value Match.*must be a Duo account ID`),
			},
			{
				Config:      env.config("  account_id      = \"da0000000000000000zz\"\n", `data "duo_settings" "x" {}`),
				ExpectError: regexp.MustCompile(`(?s)Invalid Attribute Value Match.*account_id.*must be a Duo account ID`),
			},
			{
				Config:      env.config("", fmt.Sprintf("data \"duo_users\" \"x\" {\n  account_id = %q\n}\n", cross.AccountID)),
				ExpectError: errorText(`(?s)Unable to list Duo users.*Duo's child account "%s" \(%s\) could not be read.*HTTP 400.*Duo does not allow reading a child account that is in another Duo deployment than its parent through the Accounts API.*https://duo.com/docs/accountsapi#using-accounts-api-with-admin-api`, cross.Name, cross.AccountID),
			},
			{
				Config:      env.config("", `data "duo_settings" "x" {}`),
				ExpectError: errorText(`(?s)Unable to read the Duo account settings.*Duo refused the provider's key: it is an Accounts API application's.*Set account_id on this data source, or on the provider.*duo_child_accounts`),
			},
			{
				// The readable child reads while the other fails.
				Config: env.config("", fmt.Sprintf(`
data "duo_settings" "readable" {
  account_id = %q
}
data "duo_settings" "cross" {
  account_id = %q
}
`, env.id(0), cross.AccountID)),
				ExpectError: errorText(`(?s)Duo's child account "%s"`, cross.Name),
			},
		},
	})
	// In that last plan, the readable child was read all the same.
	expectSignedByParent(t, env, 0)
}

// TestAccAccountID_childRefusesOneEndpoint: a child that refuses an
// endpoint to the parent's key fails the data sources of that endpoint,
// naming the child and the endpoint.
func TestAccAccountID_childRefusesOneEndpoint(t *testing.T) {
	env := newMSPEnv(t, fakeduo.MSPOptions{Children: 1, Denied: []string{"/admin/v1/trust_monitor"}})
	child := env.msp.Children[0]
	week := lastDays(7)
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		Steps: []resource.TestStep{{
			Config:      env.config(fmt.Sprintf("  account_id      = %q\n", child.AccountID), fmt.Sprintf("data \"duo_trust_monitor_events\" \"week\" {\n  %s\n}\n", week.arguments())),
			ExpectError: errorText(`(?s)Duo's child account "%s" \(%s\).*GET /admin/v1/trust_monitor/events with HTTP 403.*Duo does not serve every read of a child account through the Accounts API`, child.Name, child.AccountID),
		}},
	})
}

// TestAccAccountID_ephemeralResource reads the secret key of a child's
// integration through the parent's key.
func TestAccAccountID_ephemeralResource(t *testing.T) {
	env := newMSPEnv(t, fakeduo.MSPOptions{Children: 2})
	child := env.child(t, 1)
	integrations := child.rawList(t, "/admin/v3/integrations", duo.MaxIntegrationPageSize, nil)
	key := integrations[0]["integration_key"].(string)
	secretKey := child.rawObject(t, "/admin/v1/integrations/"+key+"/skey")["secret_key"].(string)
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: map[string]func() (tfprotov6.ProviderServer, error){
			"duo":  NewServer("test"),
			"echo": echoprovider.NewProviderServer(),
		},
		TerraformVersionChecks: []tfversion.TerraformVersionCheck{skipWithout(ephemeralResources)},
		Steps: []resource.TestStep{{
			Config: env.config("", fmt.Sprintf(`
ephemeral "duo_integration_secret_key" "app" {
  account_id      = %q
  integration_key = %q
}
provider "echo" {
  data = {
    name       = ephemeral.duo_integration_secret_key.app.name
    secret_key = ephemeral.duo_integration_secret_key.app.secret_key
  }
}
resource "echo" "app" {}
`, env.id(1), key)),
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue("echo.app", tfjsonpath.New("data"), knownvalue.ObjectExact(map[string]knownvalue.Check{
					"name":       knownvalue.StringExact(integrations[0]["name"].(string)),
					"secret_key": knownvalue.StringExact(secretKey),
				})),
			},
		}},
	})
	expectSignedByParent(t, env, 1)
}
