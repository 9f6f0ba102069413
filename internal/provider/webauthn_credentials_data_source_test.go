package provider

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/idaudit/terraform-provider-duo/internal/duo"
	"github.com/idaudit/terraform-provider-duo/internal/fakeduo"
)

func TestAccWebAuthnCredentialsDataSource_everyCredentialWithItsHolder(t *testing.T) {
	env := newAccEnv(t, largeAccount())
	testListing(t, env, "webauthn_credentials", "/admin/v1/webauthncredentials", duo.MaxWebAuthnCredentialPageSize, nil)
}

func TestAccWebAuthnCredentialsDataSource_sampleAccount(t *testing.T) {
	env := newAccEnv(t, fakeduo.Options{})
	env.requireFake(t)
	const address = "data.duo_webauthn_credentials.all"
	at := func(i int, attribute string) tfjsonpath.Path { return itemAt("webauthn_credentials", i, attribute) }
	expect := func(path tfjsonpath.Path, value knownvalue.Check) statecheck.StateCheck {
		return statecheck.ExpectKnownValue(address, path, value)
	}
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		Steps: []resource.TestStep{{
			Config: env.config(`data "duo_webauthn_credentials" "all" {}`),
			ConfigStateChecks: []statecheck.StateCheck{
				// The users' four credentials in user order, then the admins' two.
				expect(tfjsonpath.New("webauthn_credentials"), knownvalue.ListSizeExact(6)),
				expect(at(0, "user").AtMapKey("username"), knownvalue.StringExact("jsmith")),
				expect(at(0, "admin"), knownvalue.Null()),
				expect(at(0, "registered_as"), knownvalue.StringExact("cross-platform")),
				expect(at(0, "transports"), knownvalue.ListExact([]knownvalue.Check{knownvalue.StringExact("usb"), knownvalue.StringExact("nfc")})),
				expect(at(0, "passwordless_authorized"), knownvalue.Bool(false)),
				expect(at(1, "credential_name"), knownvalue.StringExact("Touch ID")),
				expect(at(1, "registered_as"), knownvalue.StringExact("platform")),
				expect(at(1, "passwordless_authorized"), knownvalue.Bool(true)),
				expect(at(1, "backup_eligible"), knownvalue.Bool(true)),
				expect(at(1, "date_last_used"), knownvalue.Int64Exact(1717243260)),
				// As older accounts send it: the newer fields are null.
				expect(at(2, "credential_name"), knownvalue.StringExact("YubiKey 5C")),
				expect(at(2, "date_added"), knownvalue.Int64Exact(1654128000)),
				expect(at(2, "registered_as"), knownvalue.Null()),
				expect(at(2, "date_last_used"), knownvalue.Null()),
				expect(at(2, "transports"), knownvalue.Null()),
				expect(at(2, "passwordless_authorized"), knownvalue.Null()),
				expect(at(2, "user").AtMapKey("username"), knownvalue.StringExact("ada.lovelace")),
				// Never used, with no transports.
				expect(at(3, "registered_as"), knownvalue.StringExact("unknown")),
				expect(at(3, "date_last_used"), knownvalue.Null()),
				expect(at(3, "transports"), knownvalue.ListSizeExact(0)),
				expect(at(3, "uv_capable"), knownvalue.Bool(false)),
				// An administrator's: user is null.
				expect(at(4, "user"), knownvalue.Null()),
				expect(at(4, "admin").AtMapKey("email"), knownvalue.StringExact("olivia.ortega@example.com")),
				expect(at(4, "admin").AtMapKey("created"), knownvalue.Int64Exact(1654041600)),
				expect(at(4, "backup_status"), knownvalue.Bool(true)),
				expect(at(5, "admin").AtMapKey("admin_id"), knownvalue.StringExact("DESAMPLE000000000002")),
				expect(at(5, "admin").AtMapKey("created"), knownvalue.Null()),
				expect(at(5, "date_last_used"), knownvalue.Int64Exact(1673740800)),
			},
		}},
	})
}

// TestAccWebAuthnCredentialsDataSource_sameAsTheUsers reads the users'
// own credentials, with their newer fields, beside the listing.
func TestAccWebAuthnCredentialsDataSource_sameAsTheUsers(t *testing.T) {
	env := newAccEnv(t, fakeduo.Options{})
	checks := []statecheck.StateCheck{
		expectUsers("data.duo_users.all", "users", env.rawUsers(t, nil)),
		expectObjects("data.duo_webauthn_credentials.all", "webauthn_credentials", env.rawList(t, "/admin/v1/webauthncredentials", duo.MaxWebAuthnCredentialPageSize, nil)),
	}
	config := `
data "duo_users" "all" {}
data "duo_webauthn_credentials" "all" {}
`
	if env.fake != nil {
		config += `data "duo_user" "ada" { username = "ada.lovelace" }`
		credentials := tfjsonpath.New("webauthncredentials")
		checks = append(checks,
			statecheck.ExpectKnownValue("data.duo_user.ada", credentials, knownvalue.ListSizeExact(2)),
			statecheck.ExpectKnownValue("data.duo_user.ada", credentials.AtSliceIndex(0).AtMapKey("aaguid"), knownvalue.StringExact("adce0002-35bc-c60a-648b-0b25f1f05503")),
			statecheck.ExpectKnownValue("data.duo_user.ada", credentials.AtSliceIndex(0).AtMapKey("credential_id"), knownvalue.StringExact("d2FzYW1wbGUtY3JlZGVudGlhbC0wMg")),
			statecheck.ExpectKnownValue("data.duo_user.ada", credentials.AtSliceIndex(0).AtMapKey("passwordless_authorized"), knownvalue.Bool(true)),
			statecheck.ExpectKnownValue("data.duo_user.ada", credentials.AtSliceIndex(0).AtMapKey("backup_status"), knownvalue.Bool(true)),
			statecheck.ExpectKnownValue("data.duo_user.ada", credentials.AtSliceIndex(0).AtMapKey("uv_capable"), knownvalue.Bool(true)),
			statecheck.ExpectKnownValue("data.duo_user.ada", credentials.AtSliceIndex(1).AtMapKey("webauthnkey"), knownvalue.StringExact("WASAMPLE000000000003")),
			statecheck.ExpectKnownValue("data.duo_user.ada", credentials.AtSliceIndex(1).AtMapKey("backup_eligible"), knownvalue.Null()),
			statecheck.ExpectKnownValue("data.duo_user.ada", credentials.AtSliceIndex(1).AtMapKey("aaguid"), knownvalue.Null()),
		)
	}
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		Steps: []resource.TestStep{{
			Config:            env.config(config),
			ConfigStateChecks: checks,
		}},
	})
}
