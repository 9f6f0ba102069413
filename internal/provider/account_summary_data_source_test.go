package provider

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/idaudit/terraform-provider-duo/internal/fakeduo"
)

func TestAccAccountSummaryDataSource(t *testing.T) {
	env := newAccEnv(t, fakeduo.Options{})
	checks := []statecheck.StateCheck{expectUser("data.duo_account_summary.account", env.rawObject(t, "/admin/v1/info/summary"))}
	if env.fake != nil {
		checks = append(checks,
			statecheck.ExpectKnownValue("data.duo_account_summary.account", tfjsonpath.New("telephony_credits_remaining"), knownvalue.Int64Exact(960)),
			statecheck.ExpectKnownValue("data.duo_account_summary.account", tfjsonpath.New("edition"), knownvalue.StringExact("Duo Premier")),
		)
	}
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		Steps:                    []resource.TestStep{{Config: env.config(`data "duo_account_summary" "account" {}`), ConfigStateChecks: checks}},
	})
}
