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

func TestAccTokensDataSource_everyTokenWithItsHolders(t *testing.T) {
	env := newAccEnv(t, largeAccount())
	testListing(t, env, "tokens", "/admin/v1/tokens", duo.MaxTokenPageSize, nil)
}

func TestAccTokensDataSource_byTypeAndSerial(t *testing.T) {
	env := newAccEnv(t, fakeduo.Options{})
	tokens := env.rawList(t, "/admin/v1/tokens", duo.MaxTokenPageSize, nil)
	if len(tokens) == 0 {
		t.Skip("the account has no hardware tokens")
	}
	last := tokens[len(tokens)-1]
	filter := map[string]string{"type": last["type"].(string), "serial": last["serial"].(string)}
	checks := []statecheck.StateCheck{
		expectObjects("data.duo_tokens.one", "tokens", env.rawFiltered(t, "/admin/v1/tokens", duo.MaxTokenPageSize, filter)),
		statecheck.ExpectKnownValue("data.duo_tokens.none", tfjsonpath.New("tokens"), knownvalue.ListSizeExact(0)),
	}
	if env.fake != nil {
		// ada.lovelace's YubiKey is also administrator Ada Lovelace's.
		checks = append(checks,
			statecheck.ExpectKnownValue("data.duo_tokens.yubikey", tfjsonpath.New("tokens").AtSliceIndex(0).AtMapKey("users").AtSliceIndex(0).AtMapKey("username"), knownvalue.StringExact("ada.lovelace")),
			statecheck.ExpectKnownValue("data.duo_tokens.yubikey", tfjsonpath.New("tokens").AtSliceIndex(0).AtMapKey("admins").AtSliceIndex(0).AtMapKey("admin_id"), knownvalue.StringExact("DESAMPLE000000000007")),
			statecheck.ExpectKnownValue("data.duo_tokens.yubikey", tfjsonpath.New("tokens").AtSliceIndex(0).AtMapKey("admins").AtSliceIndex(0).AtMapKey("created"), knownvalue.NotNull()),
		)
	}
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		Steps: []resource.TestStep{{
			Config: env.config(fmt.Sprintf(`
data "duo_tokens" "one" {
  type   = %q
  serial = %q
}
data "duo_tokens" "none" {
  type   = "d1"
  serial = "no-such-serial"
}
data "duo_tokens" "yubikey" {
  type   = "yk"
  serial = "cccccc000003"
}
`, filter["type"], filter["serial"])),
			ConfigStateChecks: checks,
		}},
	})
}

func TestAccTokensDataSource_typeAndSerialGoTogether(t *testing.T) {
	env := newAccEnv(t, fakeduo.Options{})
	var steps []resource.TestStep
	for config, want := range map[string]string{
		`type = "yk"`:                     `(?s)These attributes must be configured together: \[type,serial\]`,
		`serial = "12345"`:                `(?s)These attributes must be configured together: \[type,serial\]`,
		"type = \"ab\"\n  serial = \"1\"": `(?s)type.*value must be one of`,
	} {
		steps = append(steps, resource.TestStep{
			Config:      env.config(fmt.Sprintf("data \"duo_tokens\" \"bad\" {\n  %s\n}", config)),
			ExpectError: regexp.MustCompile(want),
		})
	}
	resource.Test(t, resource.TestCase{ProtoV6ProviderFactories: testAccProviders, Steps: steps})
}
