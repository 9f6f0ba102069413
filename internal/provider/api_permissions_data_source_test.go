package provider

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/idaudit/terraform-provider-duo/internal/fakeduo"
)

// grants are what duo_api_permissions must hold: each grant true, false,
// or null (absent).
type grants map[string]bool

var (
	readGrants  = []string{"read_resource", "read_log", "read_information", "settings", "administrators", "applications"}
	writeGrants = []string{"write_resource", "administrators_write", "applications_write", "settings_write", "set_permissions"}
)

// expectPermissions checks every grant of the data source at address, and
// how they were learned.
func expectPermissions(address, integrationKey, learnedFrom string, want grants) []statecheck.StateCheck {
	checks := []statecheck.StateCheck{
		statecheck.ExpectKnownValue(address, tfjsonpath.New("integration_key"), knownvalue.StringExact(integrationKey)),
		statecheck.ExpectKnownValue(address, tfjsonpath.New("learned_from"), knownvalue.StringExact(learnedFrom)),
	}
	for _, name := range append(readGrants, writeGrants...) {
		var value knownvalue.Check = knownvalue.Null()
		if granted, ok := want[name]; ok {
			value = knownvalue.Bool(granted)
		}
		checks = append(checks, statecheck.ExpectKnownValue(address, tfjsonpath.New(name), value))
	}
	return checks
}

// probed are the read grants as probes find them: the given ones true, the
// others false; the write grants stay null.
func probed(granted ...string) grants {
	g := grants{}
	for _, name := range readGrants {
		g[name] = false
	}
	for _, name := range granted {
		g[name] = true
	}
	return g
}

// TestAccAPIPermissionsDataSource reads the permissions of keys with
// several grant sets: the account's Admin API applications, whose own
// records give every grant (or, without "Grant applications", the probes
// the read grants), and the fake's own key, of which Duo holds no record,
// with every grant, some of them, and none at all, when it still reads.
func TestAccAPIPermissionsDataSource(t *testing.T) {
	sample := newAccEnv(t, fakeduo.Options{})
	config := `data "duo_api_permissions" "key" {}`
	address := "data.duo_api_permissions.key"
	if sample.fake == nil {
		resource.Test(t, resource.TestCase{ProtoV6ProviderFactories: testAccProviders, Steps: []resource.TestStep{{
			Config: sample.config(config),
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue(address, tfjsonpath.New("integration_key"), knownvalue.StringExact(sample.ikey)),
			},
		}}})
		return
	}
	readWrite, reporting := fakeduo.SampleAccount().Integrations[0], fakeduo.SampleAccount().Integrations[1]
	withKey := func(env *accEnv, ikey, skey string) string {
		return providerBlock(ikey, skey, env.host, env.caFile) + "\n" + config
	}
	noGrant := newAccEnv(t, fakeduo.Options{Grants: &fakeduo.Grants{}})
	noLogNorAdmins := newAccEnv(t, fakeduo.Options{Grants: &fakeduo.Grants{ReadResource: true, Applications: true, Settings: true, Information: true}})
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		Steps: []resource.TestStep{
			{
				// Every grant but set_permissions, written in its record.
				Config: withKey(sample, readWrite.IntegrationKey, readWrite.SecretKey),
				ConfigStateChecks: expectPermissions(address, readWrite.IntegrationKey, "integration", grants{
					"read_resource": true, "read_log": true, "read_information": true, "settings": true, "administrators": true, "applications": true,
					"write_resource": true, "administrators_write": true, "applications_write": true, "settings_write": true, "set_permissions": false,
				}),
			},
			{
				// Without "Grant applications", it may not read its record.
				Config:            withKey(sample, reporting.IntegrationKey, reporting.SecretKey),
				ConfigStateChecks: expectPermissions(address, reporting.IntegrationKey, "probes", probed("read_resource", "read_log", "read_information", "administrators")),
			},
			{
				Config:            sample.config(config),
				ConfigStateChecks: expectPermissions(address, sample.ikey, "probes", probed(readGrants...)),
			},
			{
				Config:            noLogNorAdmins.config(config),
				ConfigStateChecks: expectPermissions(address, noLogNorAdmins.ikey, "probes", probed("read_resource", "applications", "settings", "read_information")),
			},
			{
				Config:            noGrant.config(config),
				ConfigStateChecks: expectPermissions(address, noGrant.ikey, "probes", probed()),
			},
		},
	})
	// The key without any grant was refused everything it asked: its own
	// record and the six probes, each once a read.
	if stats := noGrant.fake.Stats(); stats.Requests%7 != 0 || stats.Requests == 0 {
		t.Errorf("the key without grants sent %d requests, want 7 a read", stats.Requests)
	}
}
