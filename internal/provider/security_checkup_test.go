package provider

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/config"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/idaudit/terraform-provider-duo/internal/fakeduo"
)

// The acceptance tests of modules/security-checkup: the module, as a
// configuration calls it, planned and applied by the real CLI against a
// fake Duo.

// checkupFindings are the ids of the checkup's findings.
var checkupFindings = []string{
	"new_user_policy", "no_mfa_bypass_policy", "no_network_bypass", "tampered_devices_blocked", "verified_push", "no_telephony_factors",
	"screen_lock_required", "remembered_devices_limited", "trusted_endpoints_required", "device_health_required", "no_users_in_bypass",
	"users_active", "users_enrolled", "no_telephony_only_users", "no_tampered_phones", "bypass_codes_expire", "few_owners", "admins_active",
	"admin_login_phishing_resistant", "admin_api_keys_restricted", "key_least_privilege", "lockout_threshold", "fraud_reports_alerted",
	"inactive_users_expire", "no_bypass_logins", "no_unenrolled_logins", "no_fraud_reports", "trust_monitor_triaged", "telephony_credits",
}

// securityCheckupModule copies modules/security-checkup into a folder of
// the test, as a configuration of the test can call it (source = the
// returned path). The copy requires the provider as the test harness
// serves it (TF_ACC_PROVIDER_HOST and TF_ACC_PROVIDER_NAMESPACE, as
// terraform-plugin-testing reads them), since a module that requires
// idaudit/duo would have Terraform look for a provider that the harness
// does not serve; it is otherwise the module as published.
func securityCheckupModule(t *testing.T) string {
	t.Helper()
	_, file, _, _ := runtime.Caller(0)
	module := filepath.Join(filepath.Dir(file), "..", "..", "modules", "security-checkup")
	host, namespace := os.Getenv(resource.EnvTfAccProviderHost), os.Getenv(resource.EnvTfAccProviderNamespace)
	if host == "" {
		host = "registry.terraform.io"
	}
	if namespace == "" {
		namespace = "hashicorp"
	}
	published := regexp.MustCompile(`source\s*=\s*"idaudit/duo"`)
	copied := t.TempDir()
	err := filepath.WalkDir(module, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || filepath.Ext(path) != ".tf" {
			return err
		}
		rel, err := filepath.Rel(module, path)
		if err != nil {
			return err
		}
		text, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		text = published.ReplaceAll(text, []byte(fmt.Sprintf(`source = "%s/%s/duo"`, host, namespace)))
		if err := os.MkdirAll(filepath.Join(copied, filepath.Dir(rel)), 0o755); err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(copied, rel), text, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
	return copied
}

// checkupStep is a step that plans a configuration that calls the module
// with arguments, and makes its outputs the configuration's, followed by
// more; checks check the plan. The harness installs a configuration's
// modules only when it initialises a step with providers of its own and a
// configuration directory, and cannot read a state that holds a module's:
// the step plans and never applies.
func checkupStep(t *testing.T, env *accEnv, arguments, more string, checks ...plancheck.PlanCheck) resource.TestStep {
	t.Helper()
	dir := t.TempDir()
	configuration := env.config(fmt.Sprintf(`
module "checkup" {
  source = %q
  %s
}

output "findings" {
  value = module.checkup.findings
}

output "failed" {
  value = module.checkup.failed
}

output "unknown" {
  value = module.checkup.unknown
}

output "summary" {
  value = module.checkup.summary
}
`, securityCheckupModule(t), arguments)) + more
	if err := os.WriteFile(filepath.Join(dir, "main.tf"), []byte(configuration), 0o644); err != nil {
		t.Fatal(err)
	}
	return resource.TestStep{
		ProtoV6ProviderFactories: testAccProviders,
		ConfigDirectory:          config.StaticDirectory(dir),
		PlanOnly:                 true,
		// The outputs are new.
		ExpectNonEmptyPlan: true,
		ConfigPlanChecks:   resource.ConfigPlanChecks{PostApplyPreRefresh: checks},
	}
}

func stringsExact(values ...string) knownvalue.Check {
	checks := make([]knownvalue.Check, len(values))
	for i, v := range values {
		checks[i] = knownvalue.StringExact(v)
	}
	return knownvalue.ListExact(checks)
}

// expectAffected checks the affected items of one finding.
func expectAffected(id string, affected ...string) plancheck.PlanCheck {
	return plancheck.ExpectKnownOutputValueAtPath("findings", tfjsonpath.New(id).AtMapKey("affected"), stringsExact(affected...))
}

// expectStatus checks the status of findings.
func expectStatus(status string, ids ...string) []plancheck.PlanCheck {
	var checks []plancheck.PlanCheck
	for _, id := range ids {
		checks = append(checks, plancheck.ExpectKnownOutputValueAtPath("findings", tfjsonpath.New(id).AtMapKey("status"), knownvalue.StringExact(status)))
	}
	return checks
}

// The demo's sample account fails a good half of the findings, each for
// what SampleUsers and SampleAccount hold; the fake's own key has no
// record, so that its write grants cannot be told.
func TestAccSecurityCheckup_sampleAccount(t *testing.T) {
	env := newAccEnv(t, fakeduo.Options{})
	env.requireFake(t)
	failed := []string{
		"admin_api_keys_restricted", "admin_login_phishing_resistant", "new_user_policy", "no_bypass_logins", "no_fraud_reports",
		"no_mfa_bypass_policy", "no_tampered_phones", "no_users_in_bypass", "tampered_devices_blocked",
		"bypass_codes_expire", "no_telephony_factors", "trust_monitor_triaged", "users_enrolled", "verified_push",
		"admins_active", "device_health_required", "inactive_users_expire", "screen_lock_required", "trusted_endpoints_required", "users_active",
	}
	passed := []string{
		"no_network_bypass", "no_unenrolled_logins", "few_owners", "lockout_threshold", "fraud_reports_alerted",
		"no_telephony_only_users", "remembered_devices_limited", "telephony_credits",
	}
	checks := []plancheck.PlanCheck{
		plancheck.ExpectKnownOutputValue("failed", stringsExact(failed...)),
		plancheck.ExpectKnownOutputValue("unknown", stringsExact("key_least_privilege")),
		// zoe.nunez is in bypass, holds the tampered phone and the code
		// that never runs out, and logged in twice in bypass this week;
		// jsmith and svc-backup with bypass codes, svc-backup accepted.
		expectAffected("no_users_in_bypass", "zoe.nunez"),
		expectAffected("no_tampered_phones", "DPSAMPLE000000000003 (zoe.nunez)"),
		expectAffected("bypass_codes_expire", "zoe.nunez (DBSAMPLE000000000002: never expires, unlimited uses)"),
		expectAffected("no_bypass_logins", "jsmith (1)", "zoe.nunez (2)"),
		expectAffected("no_fraud_reports", "rocket.rider (1)"),
		expectAffected("no_mfa_bypass_policy", "Break-glass bypass (Break-glass in VPN (Auth API), Break-glass in Intranet (OIDC))"),
		expectAffected("no_telephony_factors", "Global Policy (phonecall, sms)"),
		expectAffected("admin_api_keys_restricted", "Terraform (read/write)"),
		expectAffected("admin_login_phishing_resistant", "sms_enabled = true"),
		expectAffected("users_enrolled", "svc-backup"),
		expectAffected("trust_monitor_triaged", "SESAMPLE000000000001 (auth)", "SESAMPLE000000000002 (bypass_status)", "SESAMPLE000000000005 (auth)"),
		plancheck.ExpectKnownOutputValueAtPath("findings", tfjsonpath.New("no_bypass_logins").AtMapKey("detail"), knownvalue.StringRegexp(regexp.MustCompile(`Accepted, so left out: svc-backup \(1\)\.$`))),
	}
	checks = append(checks, expectStatus("pass", passed...)...)
	resource.Test(t, resource.TestCase{Steps: []resource.TestStep{checkupStep(t, env, `accepted = { no_bypass_logins = ["svc-backup"] }`, "", checks...)}})
}

// The sample account as fakeduo.Harden leaves it, read with its read-only
// checkup key: every finding passes.
func TestAccSecurityCheckup_hardenedAccount(t *testing.T) {
	users, account := fakeduo.Harden(fakeduo.SampleUsers(), fakeduo.SampleAccount(), time.Now())
	env := newAccEnv(t, fakeduo.Options{Users: users, Account: &account})
	env.requireFake(t)
	env.provider = providerBlock(fakeduo.HardenedCheckupKey, fakeduo.HardenedCheckupSecretKey, env.host, env.caFile)
	checks := append([]plancheck.PlanCheck{
		plancheck.ExpectKnownOutputValue("failed", knownvalue.ListSizeExact(0)),
		plancheck.ExpectKnownOutputValue("unknown", knownvalue.ListSizeExact(0)),
		plancheck.ExpectKnownOutputValueAtPath("summary", tfjsonpath.New("pass").AtMapKey("total"), knownvalue.Int64Exact(int64(len(checkupFindings)))),
	}, expectStatus("pass", checkupFindings...)...)
	resource.Test(t, resource.TestCase{Steps: []resource.TestStep{checkupStep(t, env, "", "", checks...)}})
}

// A key without "Grant read log" and "Grant administrators": the module
// does not read what the key may not, so that the plan succeeds, and the
// findings that need those grants are unknown; the others are evaluated
// as with every grant.
func TestAccSecurityCheckup_keyWithoutLogAndAdministratorGrants(t *testing.T) {
	env := newAccEnv(t, fakeduo.Options{Grants: &fakeduo.Grants{ReadResource: true, Applications: true, Settings: true, Information: true}})
	env.requireFake(t)
	notGranted := []string{"admins_active", "admin_login_phishing_resistant", "few_owners", "no_bypass_logins", "no_fraud_reports", "no_unenrolled_logins", "trust_monitor_triaged"}
	checks := []plancheck.PlanCheck{
		// key_least_privilege: a key without a record of its own has its
		// write grants told by nobody.
		plancheck.ExpectKnownOutputValue("unknown", stringsExact(
			"admin_login_phishing_resistant", "no_bypass_logins", "no_fraud_reports", "no_unenrolled_logins",
			"few_owners", "key_least_privilege", "trust_monitor_triaged", "admins_active",
		)),
		plancheck.ExpectKnownOutputValue("failed", stringsExact(
			"admin_api_keys_restricted", "new_user_policy", "no_mfa_bypass_policy", "no_tampered_phones", "no_users_in_bypass", "tampered_devices_blocked",
			"bypass_codes_expire", "no_telephony_factors", "users_enrolled", "verified_push",
			"device_health_required", "inactive_users_expire", "screen_lock_required", "trusted_endpoints_required", "users_active",
		)),
		plancheck.ExpectKnownOutputValueAtPath("findings", tfjsonpath.New("no_fraud_reports").AtMapKey("detail"),
			knownvalue.StringExact(`Not evaluated: the key may not read the logs: grant it "Grant read log".`)),
		plancheck.ExpectKnownOutputValueAtPath("findings", tfjsonpath.New("few_owners").AtMapKey("detail"),
			knownvalue.StringExact(`Not evaluated: the key may not read administrators: grant it "Grant administrators - Read".`)),
	}
	checks = append(checks, expectStatus("unknown", notGranted...)...)
	resource.Test(t, resource.TestCase{Steps: []resource.TestStep{checkupStep(t, env, "", "", checks...)}})
}

// Against any account, a real one too: every finding has a status, and
// affected items only when it fails; nothing the key may not read fails
// the plan.
func TestAccSecurityCheckup_anyAccount(t *testing.T) {
	env := newAccEnv(t, fakeduo.Options{})
	var checks []plancheck.PlanCheck
	for _, id := range checkupFindings {
		checks = append(checks,
			plancheck.ExpectKnownOutputValueAtPath("findings", tfjsonpath.New(id).AtMapKey("status"), knownvalue.StringRegexp(regexp.MustCompile(`^(pass|fail|unknown)$`))),
			plancheck.ExpectKnownOutputValueAtPath("findings", tfjsonpath.New(id).AtMapKey("id"), knownvalue.StringExact(id)),
		)
	}
	checks = append(checks, plancheck.ExpectKnownOutputValue("consistent", knownvalue.Bool(true)))
	resource.Test(t, resource.TestCase{Steps: []resource.TestStep{checkupStep(t, env, "", `
output "consistent" {
  value = alltrue([for f in values(module.checkup.findings) : (f.status == "fail") == (length(f.affected) > 0)]) && length(module.checkup.findings) == sum([for s in values(module.checkup.summary) : s.total])
}
`, checks...)}})
}
