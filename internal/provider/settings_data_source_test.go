package provider

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/idaudit/terraform-provider-duo/internal/fakeduo"
)

func TestAccSettingsDataSource(t *testing.T) {
	env := newAccEnv(t, fakeduo.Options{})
	checks := []statecheck.StateCheck{expectUser("data.duo_settings.account", env.rawObject(t, "/admin/v1/settings"))}
	if env.fake != nil {
		checks = append(checks,
			statecheck.ExpectKnownValue("data.duo_settings.account", tfjsonpath.New("lockout_expire_duration"), knownvalue.Null()),
			statecheck.ExpectKnownValue("data.duo_settings.account", tfjsonpath.New("log_retention_days"), knownvalue.Int64Exact(180)),
			statecheck.ExpectKnownValue("data.duo_settings.account", tfjsonpath.New("user_telephony_cost_max"), knownvalue.Float64Exact(20)),
		)
	}
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		Steps:                    []resource.TestStep{{Config: env.config(`data "duo_settings" "account" {}`), ConfigStateChecks: checks}},
	})
}
