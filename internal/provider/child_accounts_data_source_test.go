package provider

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/idaudit/terraform-provider-duo/internal/fakeduo"
)

// mspEnv is a fake MSP: a parent account whose Accounts API key, which the
// provider is configured with, lists and reads its children.
type mspEnv struct {
	msp    *fakeduo.MSP
	caFile string
}

// newMSPEnv starts a fake MSP for one acceptance test. There is no real
// MSP parent to read instead: with DUO_ACC_REAL_ACCOUNT=1 the test is
// skipped.
func newMSPEnv(t *testing.T, opts fakeduo.MSPOptions) *mspEnv {
	t.Helper()
	skipWithoutTFAcc(t)
	if realAccount() {
		t.Skip("needs the fake Duo's MSP parent and its children")
	}
	runInParallel(t)
	return startMSPEnv(t, opts)
}

// startMSPEnv is newMSPEnv for a test that runs alone, such as one that
// sets environment variables.
func startMSPEnv(t *testing.T, opts fakeduo.MSPOptions) *mspEnv {
	t.Helper()
	msp, err := fakeduo.StartMSP(opts)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(msp.Close)
	caFile := filepath.Join(t.TempDir(), "ca.pem")
	if err := os.WriteFile(caFile, msp.CACertPEM(), 0o600); err != nil {
		t.Fatal(err)
	}
	return &mspEnv{msp: msp, caFile: caFile}
}

// config returns body with a provider of the parent's Accounts API key,
// whose block holds more besides.
func (e *mspEnv) config(more, body string) string {
	block := providerBlock(e.msp.AccountsIntegrationKey, e.msp.AccountsSecretKey, e.msp.Parent.Host(), e.caFile)
	block = strings.TrimSuffix(block, "}\n") + more + "}\n"
	return block + "\n" + body
}

// child is child k's own account, read with its own Admin API key: what
// the provider must find there through the parent's key.
func (e *mspEnv) child(t *testing.T, k int) *accEnv {
	t.Helper()
	server := e.msp.Children[k].Server
	return &accEnv{fake: server, duoAccount: accountOf(t, server)}
}

func (e *mspEnv) id(k int) string { return e.msp.Children[k].AccountID }

// expectChildren expects the list of children, with their billing or
// without.
func expectChildren(children []*fakeduo.Child, withBilling bool) statecheck.StateCheck {
	var want []knownvalue.Check
	for _, child := range children {
		var edition, credits knownvalue.Check = knownvalue.Null(), knownvalue.Null()
		if withBilling {
			edition, credits = knownvalue.StringExact(child.Billing.Edition), knownvalue.Int64Exact(int64(child.Billing.TelephonyCredits))
		}
		want = append(want, knownvalue.ObjectExact(map[string]knownvalue.Check{
			"account_id":        knownvalue.StringExact(child.AccountID),
			"name":              knownvalue.StringExact(child.Name),
			"api_hostname":      knownvalue.StringExact(child.Host()),
			"edition":           edition,
			"telephony_credits": credits,
		}))
	}
	return statecheck.ExpectKnownValue("data.duo_child_accounts.all", tfjsonpath.New("accounts"), knownvalue.ListExact(want))
}

const withBilling = `
data "duo_child_accounts" "all" {
  include_billing = true
}
`

func TestAccChildAccountsDataSource_listsTheChildren(t *testing.T) {
	env := newMSPEnv(t, fakeduo.MSPOptions{Children: 2, CrossDeploymentChild: true})
	cross := env.msp.Children[2]
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		Steps: []resource.TestStep{
			{
				Config:            env.config("", `data "duo_child_accounts" "all" {}`),
				ConfigStateChecks: []statecheck.StateCheck{expectChildren(env.msp.Children, false)},
			},
			{
				// The cross-deployment child is listed, but cannot be read.
				Config:      env.config("", withBilling),
				ExpectError: errorText(`(?s)Unable to list Duo child accounts.*Duo's child account "%s" \(%s\) could not be read.*HTTP 400.*Duo does not allow reading a child account that is in another Duo deployment`, cross.Name, cross.AccountID),
			},
		},
	})
}

func TestAccChildAccountsDataSource_billing(t *testing.T) {
	env := newMSPEnv(t, fakeduo.MSPOptions{Children: 2})
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		Steps: []resource.TestStep{{
			Config:            env.config("", withBilling),
			ConfigStateChecks: []statecheck.StateCheck{expectChildren(env.msp.Children, true)},
		}},
	})
}

func TestAccChildAccountsDataSource_billingNotEnabled(t *testing.T) {
	env := newMSPEnv(t, fakeduo.MSPOptions{Children: 3})
	refusing := env.msp.Children[2]
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		Steps: []resource.TestStep{{
			Config:      env.config("", withBilling),
			ExpectError: errorText(`(?s)Duo's child account "%s" \(%s\).*GET /admin/v1/billing/edition.*HTTP 403.*only once Duo support has enabled these billing reads.*without include_billing`, refusing.Name, refusing.AccountID),
		}},
	})
}

func TestAccChildAccountsDataSource_needsAnAccountsAPIKey(t *testing.T) {
	env := newMSPEnv(t, fakeduo.MSPOptions{Children: 1})
	parent := env.msp.Parent
	adminKey := providerBlock(parent.IntegrationKey(), parent.SecretKey(), parent.Host(), env.caFile)
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		Steps: []resource.TestStep{
			{
				Config:      adminKey + `data "duo_child_accounts" "all" {}`,
				ExpectError: errorText(`(?s)Unable to list Duo child accounts.*POST /accounts/v1/account/list with HTTP 403.*needs the key of the parent account's Accounts API application.*an Admin API application's key cannot list them`),
			},
			{
				Config:      adminKey + fmt.Sprintf("data \"duo_settings\" \"child\" {\n  account_id = %q\n}\n", env.id(0)),
				ExpectError: errorText(`(?s)Unable to read the Duo account settings.*where the provider finds the API host of %s.*Accounts API application`, env.id(0)),
			},
		},
	})
}

func TestAccChildAccountsDataSource_schema(t *testing.T) {
	env := newMSPEnv(t, fakeduo.MSPOptions{Children: 1})
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		Steps: []resource.TestStep{{
			// The parent's list takes no account_id: it is the parent's.
			Config:      env.config("", fmt.Sprintf("data \"duo_child_accounts\" \"all\" {\n  account_id = %q\n}\n", env.id(0))),
			ExpectError: regexp.MustCompile(`An argument named "account_id" is not expected here`),
		}},
	})
}
