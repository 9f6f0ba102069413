package provider

import (
	"fmt"
	"regexp"
	"slices"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/idaudit/terraform-provider-duo/internal/duo"
	"github.com/idaudit/terraform-provider-duo/internal/fakeduo"
)

func TestAccPhonesDataSource_everyPhoneWithItsUsers(t *testing.T) {
	env := newAccEnv(t, largeAccount())
	testListing(t, env, "phones", "/admin/v1/phones", duo.MaxPhonePageSize, nil)
}

func TestAccPhonesDataSource_tampered(t *testing.T) {
	env := newAccEnv(t, largeAccount())
	all := env.rawList(t, "/admin/v1/phones", duo.MaxPhonePageSize, nil)
	withTampered := func(values ...string) []map[string]any {
		kept := []map[string]any{}
		for _, phone := range all {
			if slices.Contains(values, phone["tampered"].(string)) {
				kept = append(kept, phone)
			}
		}
		return kept
	}
	if env.fake != nil {
		// The filter keeps some phones and leaves out others, over several pages.
		if tampered := len(withTampered("Tampered")); tampered == 0 || tampered == len(all) || len(all) <= duo.MaxPhonePageSize {
			t.Fatalf("%d of the %d phones under test are tampered", tampered, len(all))
		}
	}
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		Steps: []resource.TestStep{{
			Config: env.config(`
data "duo_phones" "tampered" {
  tampered = ["Tampered"]
}
data "duo_phones" "not_tampered_or_unknown" {
  tampered = ["Not tampered", ""]
}
data "duo_phones" "none" {
  tampered = []
}
`),
			ConfigStateChecks: []statecheck.StateCheck{
				expectObjects("data.duo_phones.tampered", "phones", withTampered("Tampered")),
				expectObjects("data.duo_phones.not_tampered_or_unknown", "phones", withTampered("Not tampered", "")),
				statecheck.ExpectKnownValue("data.duo_phones.none", tfjsonpath.New("phones"), knownvalue.ListSizeExact(0)),
			},
		}},
	})
}

func TestAccPhonesDataSource_byNumber(t *testing.T) {
	env := newAccEnv(t, fakeduo.Options{})
	// A phone with an extension, if there is one.
	var number, extension string
	for _, phone := range env.rawList(t, "/admin/v1/phones", duo.MaxPhonePageSize, nil) {
		if phone["number"] != "" && (number == "" || phone["extension"] != "") {
			number, extension = phone["number"].(string), phone["extension"].(string)
		}
		if extension != "" {
			break
		}
	}
	if number == "" {
		t.Skip("no phone of the account has a number")
	}
	checks := []statecheck.StateCheck{
		expectObjects("data.duo_phones.number", "phones", env.rawFiltered(t, "/admin/v1/phones", duo.MaxPhonePageSize, map[string]string{"number": number})),
		expectObjects("data.duo_phones.extension", "phones", env.rawFiltered(t, "/admin/v1/phones", duo.MaxPhonePageSize, map[string]string{"number": number, "extension": extension})),
		statecheck.ExpectKnownValue("data.duo_phones.nobody", tfjsonpath.New("phones"), knownvalue.ListSizeExact(0)),
	}
	config := fmt.Sprintf(`
data "duo_phones" "number" {
  number = %q
}
data "duo_phones" "nobody" {
  number = "+19999999999"
}
`, number)
	if extension != "" {
		config += fmt.Sprintf(`
data "duo_phones" "extension" {
  number    = %q
  extension = %q
}
`, number, extension)
	} else {
		checks = checks[:1]
	}
	if env.fake != nil {
		// jsmith's desk phone shares its number with the reception's.
		checks = append(checks,
			statecheck.ExpectKnownValue("data.duo_phones.number", tfjsonpath.New("phones"), knownvalue.ListSizeExact(2)),
			statecheck.ExpectKnownValue("data.duo_phones.extension", tfjsonpath.New("phones").AtSliceIndex(0).AtMapKey("users").AtSliceIndex(0).AtMapKey("username"), knownvalue.StringExact("jsmith")),
		)
	}
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		Steps:                    []resource.TestStep{{Config: env.config(config), ConfigStateChecks: checks}},
	})
}

func TestAccPhonesDataSource_invalidArguments(t *testing.T) {
	env := newAccEnv(t, fakeduo.Options{})
	var steps []resource.TestStep
	for config, want := range map[string]string{
		`number = "555-0100"`: `(?s)number.*must be a phone number in E.164 form`,
		`extension = "12"`:    `(?s)Attribute "number" must be specified when "extension" is specified`,
	} {
		steps = append(steps, resource.TestStep{
			Config:      env.config(fmt.Sprintf("data \"duo_phones\" \"bad\" {\n  %s\n}", config)),
			ExpectError: regexp.MustCompile(want),
		})
	}
	resource.Test(t, resource.TestCase{ProtoV6ProviderFactories: testAccProviders, Steps: steps})
}
