package provider

import (
	"archive/zip"
	"bytes"
	"context"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-testing/echoprovider"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"
	"github.com/hashicorp/terraform-plugin-testing/tfversion"

	"github.com/idaudit/terraform-provider-duo/internal/duo"
	"github.com/idaudit/terraform-provider-duo/internal/fakeduo"
)

// TestAccIntegrationSecretKeyEphemeralResource_echo hands the ephemeral
// resource's attributes to the echo provider, which stores what its
// configuration received in the state of echo.app: the value reaches a
// provider configuration, and the plan holds none of it.
func TestAccIntegrationSecretKeyEphemeralResource_echo(t *testing.T) {
	env := newSerialAccEnv(t, fakeduo.Options{})
	integrations := env.rawList(t, "/admin/v3/integrations", duo.MaxIntegrationPageSize, nil)
	if len(integrations) == 0 {
		t.Skip("the account has no integrations")
	}
	integration := integrations[len(integrations)-1]
	key := integration["integration_key"].(string)
	secretKey := env.rawObject(t, "/admin/v1/integrations/"+key+"/skey")["secret_key"].(string)
	workDirs := keepWorkingDirs(t)
	// OpenTofu marks what the schema calls sensitive in an ephemeral
	// resource's result. Terraform (1.16 at least) does not: it marks the
	// whole result ephemeral, which keeps it out of plans and states, and
	// its diagnostics show an ephemeral value as "(ephemeral value)". The
	// docs say so; this tells when it changes.
	sensitive := testCLIIsOpenTofu()
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: map[string]func() (tfprotov6.ProviderServer, error){
			"duo":  NewServer("test"),
			"echo": echoprovider.NewProviderServer(),
		},
		TerraformVersionChecks: []tfversion.TerraformVersionCheck{skipWithout(ephemeralResources)},
		Steps: []resource.TestStep{{
			Config: env.config(fmt.Sprintf(`
ephemeral "duo_integration_secret_key" "app" {
  integration_key = %q
}
provider "echo" {
  data = {
    integration_key         = ephemeral.duo_integration_secret_key.app.integration_key
    name                    = ephemeral.duo_integration_secret_key.app.name
    type                    = ephemeral.duo_integration_secret_key.app.type
    secret_key              = ephemeral.duo_integration_secret_key.app.secret_key
    secret_key_is_sensitive = issensitive(ephemeral.duo_integration_secret_key.app.secret_key)
    name_is_sensitive       = issensitive(ephemeral.duo_integration_secret_key.app.name)
  }
}
resource "echo" "app" {}
`, key)),
			ConfigPlanChecks: resource.ConfigPlanChecks{
				PreApply: []plancheck.PlanCheck{
					// The echo provider learns the value only at apply.
					plancheck.ExpectUnknownValue("echo.app", tfjsonpath.New("data")),
					noSecretIn(workDirs, "tfplan", secretKey),
				},
				// Once applied, a saved plan holds the state, echo.app's
				// key with it: the file check must find it in the plan.
				PostApplyPreRefresh: []plancheck.PlanCheck{expectSecretIn(noSecretIn(workDirs, "tfplan", secretKey))},
			},
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue("echo.app", tfjsonpath.New("data"), knownvalue.ObjectExact(map[string]knownvalue.Check{
					"integration_key":         knownvalue.StringExact(key),
					"name":                    knownvalue.StringExact(integration["name"].(string)),
					"type":                    knownvalue.StringExact(integration["type"].(string)),
					"secret_key":              knownvalue.StringExact(secretKey),
					"secret_key_is_sensitive": knownvalue.Bool(sensitive),
					"name_is_sensitive":       knownvalue.Bool(false),
				})),
				// The echo provider writes the key to its state, where
				// the file check must find it, or it could never fail.
				expectSecretIn(noSecretIn(workDirs, "terraform.tfstate", secretKey)),
			},
		}},
	})
}

// TestIntegrationSecretKeySchema: the provider serves secret_key as
// sensitive, so that a CLI that honours it hides the key.
func TestIntegrationSecretKeySchema(t *testing.T) {
	server, err := NewServer("test")()
	if err != nil {
		t.Fatal(err)
	}
	schemas, err := server.GetProviderSchema(context.Background(), &tfprotov6.GetProviderSchemaRequest{})
	if err != nil {
		t.Fatal(err)
	}
	schema, ok := schemas.EphemeralResourceSchemas["duo_integration_secret_key"]
	if !ok {
		t.Fatalf("the provider serves no duo_integration_secret_key ephemeral resource: %v", schemas.Diagnostics)
	}
	want := map[string]string{"integration_key": "required", "account_id": "optional", "name": "computed", "type": "computed", "secret_key": "computed, sensitive"}
	got := map[string]string{}
	for _, attribute := range schema.Block.Attributes {
		var kind []string
		if attribute.Required {
			kind = append(kind, "required")
		}
		if attribute.Optional {
			kind = append(kind, "optional")
		}
		if attribute.Computed {
			kind = append(kind, "computed")
		}
		if attribute.Sensitive {
			kind = append(kind, "sensitive")
		}
		got[attribute.Name] = strings.Join(kind, ", ")
	}
	if !maps.Equal(got, want) {
		t.Errorf("attributes %v, want %v", got, want)
	}
}

// TestAccIntegrationSecretKeyEphemeralResource_providerConfiguration
// configures a second duo provider with the keys of an Admin API
// application, read by the ephemeral resource, and reads users through
// it. The key is in no plan file, no state and no trace log.
func TestAccIntegrationSecretKeyEphemeralResource_providerConfiguration(t *testing.T) {
	env := newSerialAccEnv(t, fakeduo.Options{})
	var key string
	for _, integration := range env.rawList(t, "/admin/v3/integrations", duo.MaxIntegrationPageSize, nil) {
		if integration["type"] == "adminapi" && fmt.Sprint(integration["adminapi_read_resource"]) == "1" && integration["integration_key"] != env.ikey {
			key = integration["integration_key"].(string)
		}
	}
	if key == "" {
		t.Skip("the account has no other Admin API application that may read users")
	}
	secretKey := env.rawObject(t, "/admin/v1/integrations/"+key+"/skey")["secret_key"].(string)
	logFile := traceLogging(t, env)
	workDirs := keepWorkingDirs(t)
	noSecret := func(file string) noSecretInFiles { return noSecretIn(workDirs, file, secretKey) }
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		TerraformVersionChecks:   []tfversion.TerraformVersionCheck{skipWithout(ephemeralResources)},
		Steps: []resource.TestStep{{
			Config: fmt.Sprintf(`
provider "duo" {}

ephemeral "duo_integration_secret_key" "reporting" {
  integration_key = %q
}
provider "duo" {
  alias           = "reporting"
  integration_key = ephemeral.duo_integration_secret_key.reporting.integration_key
  secret_key      = ephemeral.duo_integration_secret_key.reporting.secret_key
  api_host        = %q
  ca_cert_file    = %q
}
data "duo_users" "through_reporting" {
  provider = duo.reporting
}
`, key, env.host, env.caFile),
			ConfigPlanChecks: resource.ConfigPlanChecks{
				PreApply:             []plancheck.PlanCheck{noSecret("tfplan")},
				PostApplyPreRefresh:  []plancheck.PlanCheck{noSecret("tfplan")},
				PostApplyPostRefresh: []plancheck.PlanCheck{noSecret("tfplan")},
			},
			ConfigStateChecks: []statecheck.StateCheck{
				expectUsers("data.duo_users.through_reporting", "users", env.rawUsers(t, nil)),
				noSecret("terraform.tfstate"),
			},
		}},
	})
	if env.fake != nil && env.fake.RequestsSignedBy(key) == 0 {
		t.Fatalf("no request was signed with %s's keys: the provider alias did not use them", key)
	}
	log := readLog(t, logFile)
	if !strings.Contains(log, "/admin/v1/integrations/"+key+"/skey") {
		t.Fatal("the log does not show the secret key being read, so it proves nothing")
	}
	if line := secretLine(log, secretKey); line != "" {
		t.Fatalf("the trace log holds the secret key, or half of it, here shown as <secret>:\n%s", line)
	}
}

// TestAccIntegrationSecretKeyEphemeralResource_errors: a missing
// integration, a missing permission and a masked answer fail as they do
// for duo_integration, without the key.
func TestAccIntegrationSecretKeyEphemeralResource_errors(t *testing.T) {
	env := newAccEnv(t, fakeduo.Options{})
	env.requireFake(t)
	denied := newAccEnv(t, fakeduo.Options{Denied: []string{"/admin/v1/integrations"}})
	masked := newAccEnv(t, fakeduo.Options{Faults: &fakeduo.Faults{MaskedSecretKeys: true}})
	integration := fakeduo.SampleAccount().Integrations[0]
	read := func(integrationKey string) string {
		return fmt.Sprintf(`
ephemeral "duo_integration_secret_key" "x" {
  integration_key = %q
}
`, integrationKey)
	}
	// Terraform wraps the diagnostic's lines where it likes.
	want := func(pattern string) *regexp.Regexp {
		return regexp.MustCompile(`(?s)` + strings.ReplaceAll(pattern, " ", `\s+`))
	}
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		TerraformVersionChecks:   []tfversion.TerraformVersionCheck{skipWithout(ephemeralResources)},
		Steps: []resource.TestStep{
			{
				Config:      env.config(read("DINOSUCHINTEGRATION0")),
				ExpectError: want(`Duo integration not found.*No Duo integration has the integration key "DINOSUCHINTEGRATION0".*duo_integrations`),
			},
			{
				Config:      denied.config(read(integration.IntegrationKey)),
				ExpectError: want(`Unable to read the Duo integration's secret key.*HTTP 403, code 40301.*Duo Admin Panel.*grant it "Grant applications"`),
			},
			{
				Config:      masked.config(read(integration.IntegrationKey)),
				ExpectError: want(`Unable to read the Duo integration's secret key.*reading the integration's secret key: Duo answered GET /admin/v1/integrations/` + integration.IntegrationKey + `/skey without a full secret key`),
			},
			{
				Config:      env.config(`ephemeral "duo_integration_secret_key" "x" {}`),
				ExpectError: want(`The argument "integration_key" is required`),
			},
		},
	})
}

// keepWorkingDirs puts the working directories of the test's Terraform
// runs under a directory of its own, and returns that directory.
func keepWorkingDirs(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	t.Setenv("TF_ACC_TEMP_DIR", dir)
	return dir
}

// noSecretIn checks, as a plan check or a state check, that no file under
// dir holds secret or half of it: states, their backups, saved plans (zip
// archives, read member by member) and the rest. A file named name must
// be among them, or the check would prove nothing.
func noSecretIn(dir, name, secret string) noSecretInFiles {
	return noSecretInFiles{dir: dir, name: name, secret: secret}
}

type noSecretInFiles struct {
	dir, name, secret string
}

func (c noSecretInFiles) CheckPlan(_ context.Context, _ plancheck.CheckPlanRequest, resp *plancheck.CheckPlanResponse) {
	resp.Error = c.check()
}

func (c noSecretInFiles) CheckState(_ context.Context, _ statecheck.CheckStateRequest, resp *statecheck.CheckStateResponse) {
	resp.Error = c.check()
}

func (c noSecretInFiles) check() error {
	holding, found, err := c.scan()
	switch {
	case err != nil:
		return err
	case len(holding) > 0:
		return fmt.Errorf("the secret key, or half of it, is in %s", strings.Join(holding, ", "))
	case !found:
		return fmt.Errorf("no file named %s under %s, so the check proves nothing", c.name, c.dir)
	}
	return nil
}

// scan returns the files (and members) that hold the secret, and whether
// a file named c.name is among those read.
func (c noSecretInFiles) scan() (holding []string, found bool, err error) {
	err = filepath.WalkDir(c.dir, func(path string, entry fs.DirEntry, err error) error {
		if err != nil || !entry.Type().IsRegular() {
			return err
		}
		found = found || entry.Name() == c.name
		contents, err := fileContents(path)
		if err != nil {
			return err
		}
		for member, data := range contents {
			if secretLine(string(data), c.secret) != "" {
				holding = append(holding, strings.TrimPrefix(path, c.dir)+member)
			}
		}
		return nil
	})
	slices.Sort(holding)
	return holding, found, err
}

// expectSecretIn passes, as a plan check or a state check, when the files
// c reads hold the secret in a file named c.name, to prove that c can fail.
func expectSecretIn(c noSecretInFiles) secretInFiles {
	return secretInFiles{c}
}

type secretInFiles struct {
	files noSecretInFiles
}

func (c secretInFiles) CheckPlan(_ context.Context, _ plancheck.CheckPlanRequest, resp *plancheck.CheckPlanResponse) {
	resp.Error = c.check()
}

func (c secretInFiles) CheckState(_ context.Context, _ statecheck.CheckStateRequest, resp *statecheck.CheckStateResponse) {
	resp.Error = c.check()
}

func (c secretInFiles) check() error {
	holding, _, err := c.files.scan()
	if err != nil {
		return err
	}
	for _, file := range holding {
		// A saved plan's members are named file!member.
		if name, _, _ := strings.Cut(filepath.Base(file), "!"); name == c.files.name {
			return nil
		}
	}
	return fmt.Errorf("no file named %s holds the secret key (those that do: %q)", c.files.name, holding)
}

// fileContents returns the file's contents under "", or, for a zip archive
// such as a saved plan, each member's under "!member".
func fileContents(path string) (map[string][]byte, error) {
	data, err := os.ReadFile(path)
	if err != nil || !bytes.HasPrefix(data, []byte("PK\x03\x04")) {
		return map[string][]byte{"": data}, err
	}
	archive, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	contents := map[string][]byte{}
	for _, member := range archive.File {
		r, err := member.Open()
		if err != nil {
			return nil, fmt.Errorf("%s!%s: %w", path, member.Name, err)
		}
		data, err := io.ReadAll(r)
		r.Close()
		if err != nil {
			return nil, fmt.Errorf("%s!%s: %w", path, member.Name, err)
		}
		contents["!"+member.Name] = data
	}
	return contents, nil
}

// secretLine returns the first line of text holding secret or either half
// of it, with each shown as <secret>, or "".
func secretLine(text, secret string) string {
	half := len(secret) / 2
	for _, part := range []string{secret, secret[:half], secret[half:]} {
		if line := lineHolding(text, part); line != "" {
			return strings.ReplaceAll(line, part, "<secret>")
		}
	}
	return ""
}
