package provider

import (
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"

	"github.com/idaudit/terraform-provider-duo/internal/duo"
	"github.com/idaudit/terraform-provider-duo/internal/fakeduo"
)

func TestAccAdminDataSource_byIDAndByEmail(t *testing.T) {
	env := newAccEnv(t, largeAccount())
	admins := env.rawList(t, "/admin/v1/admins", duo.MaxAdminPageSize, nil)
	if len(admins) == 0 {
		t.Skip("the account has no administrators")
	}
	// The last administrator, on the last page of the listing.
	want := env.rawObject(t, "/admin/v1/admins/"+admins[len(admins)-1]["admin_id"].(string))
	email := want["email"].(string)
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		Steps: []resource.TestStep{{
			Config: env.config(fmt.Sprintf(`
data "duo_admin" "by_id" {
  admin_id = %q
}
data "duo_admin" "by_email" {
  email = %q
}
`, want["admin_id"], strings.ToUpper(email))),
			ConfigStateChecks: []statecheck.StateCheck{
				expectUser("data.duo_admin.by_id", want),
				// Matched without regard to case; the state holds Duo's spelling.
				expectUser("data.duo_admin.by_email", want),
			},
		}},
	})
}

func TestAccAdminDataSource_notFound(t *testing.T) {
	env := newAccEnv(t, fakeduo.Options{})
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		Steps: []resource.TestStep{
			{
				Config:      env.config(`data "duo_admin" "x" { admin_id = "DENOSUCHADMIN0000000" }`),
				ExpectError: regexp.MustCompile(`(?s)Duo administrator not found.*No Duo administrator has the ID\s+"DENOSUCHADMIN0000000"`),
			},
			{
				Config:      env.config(`data "duo_admin" "x" { email = "nobody@no-such-domain.invalid" }`),
				ExpectError: regexp.MustCompile(`(?s)Duo administrator not found.*No Duo administrator has the email address\s+"nobody@no-such-domain.invalid".*duo_admins`),
			},
			{
				Config:      env.config(`data "duo_admin" "x" {}`),
				ExpectError: regexp.MustCompile(`(?s)Exactly one of these attributes must be configured:\s+\[admin_id,email\]`),
			},
		},
	})
}

// TestAccAdminDataSource_byIDFromTheListing reads administrators by ID
// after a duo_admins has read the listing: they cost no request of their
// own.
func TestAccAdminDataSource_byIDFromTheListing(t *testing.T) {
	env := newAccEnv(t, largeAccount())
	testByIDFromTheListing(t, env, "admins", "admin", "admin_id", env.rawList(t, "/admin/v1/admins", duo.MaxAdminPageSize, nil))
}
