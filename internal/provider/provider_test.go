package provider

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"

	duoapi "github.com/duosecurity/duo_api_golang"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"

	"github.com/idaudit/terraform-provider-duo/internal/duo"
	"github.com/idaudit/terraform-provider-duo/internal/fakeduo"
)

// Acceptance tests run against the fake Duo Admin API, started in-process
// for each test. With DUO_ACC_REAL_ACCOUNT=1 they run read-only against the
// Duo account named by DUO_INTEGRATION_KEY, DUO_SECRET_KEY and DUO_API_HOST
// instead, and tests that need the fake's own users are skipped.
const realAccountSwitch = "DUO_ACC_REAL_ACCOUNT"

// testAccProviders serves the provider as main.go does.
var testAccProviders = map[string]func() (tfprotov6.ProviderServer, error){
	"duo": NewServer("test"),
}

// accEnv is the Duo account one acceptance test reads.
type accEnv struct {
	fake *fakeduo.Server // nil against a real account
	duoAccount
	provider string // the provider block
}

func realAccount() bool {
	return os.Getenv(realAccountSwitch) == "1"
}

// newAccEnv starts a fake Duo with the given options (by default serving
// fakeduo.SampleUsers), or uses the real account when the switch is on.
// The test runs in parallel with the other acceptance tests (most of a
// test's time is the CLI's, or waits on retries), so it must not set
// environment variables: such a test uses newSerialAccEnv.
func newAccEnv(t *testing.T, fake fakeduo.Options) *accEnv {
	t.Helper()
	skipWithoutTFAcc(t)
	runInParallel(t)
	return newSerialAccEnv(t, fake)
}

// newSerialAccEnv is newAccEnv for a test that runs alone, such as one
// that sets environment variables.
func newSerialAccEnv(t *testing.T, fake fakeduo.Options) *accEnv {
	t.Helper()
	skipWithoutTFAcc(t)
	if realAccount() {
		env := &accEnv{duoAccount: duoAccount{ikey: os.Getenv("DUO_INTEGRATION_KEY"), skey: os.Getenv("DUO_SECRET_KEY"), host: os.Getenv("DUO_API_HOST"), caFile: os.Getenv("DUO_CA_CERT_FILE")}}
		if env.ikey == "" || env.skey == "" || env.host == "" {
			t.Fatalf("%s=1 needs DUO_INTEGRATION_KEY, DUO_SECRET_KEY and DUO_API_HOST", realAccountSwitch)
		}
		env.provider = `provider "duo" {}`
		return env
	}

	server, err := fakeduo.Start(fake)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(server.Close)
	env := &accEnv{fake: server, duoAccount: accountOf(t, server)}
	env.provider = providerBlock(env.ikey, env.skey, env.host, env.caFile)
	return env
}

func skipWithoutTFAcc(t *testing.T) {
	t.Helper()
	if os.Getenv(resource.EnvTfAcc) == "" {
		t.Skipf("acceptance tests run only when %s is set", resource.EnvTfAcc)
	}
}

// parallelTests are the tests that runInParallel has started.
var parallelTests sync.Map

// runInParallel runs t in parallel with the other parallel tests (see
// go test -parallel), however often it is called for t.
func runInParallel(t *testing.T) {
	if _, running := parallelTests.LoadOrStore(t, true); !running {
		t.Cleanup(func() { parallelTests.Delete(t) })
		t.Parallel()
	}
}

func providerBlock(ikey, skey, host, caFile string) string {
	return fmt.Sprintf(`provider "duo" {
  integration_key = %q
  secret_key      = %q
  api_host        = %q
  ca_cert_file    = %q
}
`, ikey, skey, host, caFile)
}

// requireFake skips a test that depends on the fake's own users.
func (e *accEnv) requireFake(t *testing.T) {
	t.Helper()
	if e.fake == nil {
		t.Skip("needs the fake Duo's users")
	}
}

// config returns an HCL configuration using this account.
func (e *accEnv) config(body string) string {
	return e.provider + "\n" + body
}

// rawUsers lists users through duo_api_golang itself, independently of the
// provider's client, as the JSON objects Duo sent.
func (e *accEnv) rawUsers(t *testing.T, params url.Values) []map[string]any {
	t.Helper()
	return e.rawList(t, "/admin/v1/users", duo.MaxPageSize, params)
}

// rawAPI is duo_api_golang itself, for this account, to read what Duo
// sends independently of the provider's client.
func (e *accEnv) rawAPI(t *testing.T) *duoapi.DuoApi {
	t.Helper()
	return duoapi.NewDuoApi(e.ikey, e.skey, e.host, "acceptance-test", duoapi.SetTransport(func(tr *http.Transport) {
		if e.caFile == "" {
			return
		}
		pem, err := os.ReadFile(e.caFile)
		if err != nil {
			t.Fatal(err)
		}
		tr.TLSClientConfig.RootCAs.AppendCertsFromPEM(pem)
	}))
}

// rawList reads every page of the listing at path, with the given filters,
// through duo_api_golang itself, as the JSON objects Duo sent.
func (e *accEnv) rawList(t *testing.T, path string, pageSize int, params url.Values) []map[string]any {
	t.Helper()
	api := e.rawAPI(t)
	objects := []map[string]any{}
	offset := 0
	for {
		query := url.Values{"limit": {strconv.Itoa(pageSize)}, "offset": {strconv.Itoa(offset)}}
		for key, values := range params {
			query[key] = values
		}
		body, err := signedGet(api, path, query)
		if err != nil {
			t.Fatal(err)
		}
		var page struct {
			Stat     string           `json:"stat"`
			Response []map[string]any `json:"response"`
			Metadata struct {
				NextOffset *int `json:"next_offset"`
			} `json:"metadata"`
		}
		if err := json.Unmarshal(body, &page); err != nil || page.Stat != "OK" {
			t.Fatalf("listing %s through duo_api_golang: %v %.200s", path, err, body)
		}
		objects = append(objects, page.Response...)
		if page.Metadata.NextOffset == nil {
			return objects
		}
		offset = *page.Metadata.NextOffset
	}
}

// rawObject reads the one object at path through duo_api_golang itself, as
// the JSON object Duo sent.
func (e *accEnv) rawObject(t *testing.T, path string) map[string]any {
	t.Helper()
	return e.rawObjectWith(t, path, nil)
}

// rawObjectWith reads the one object at path with the given query, as
// rawObject does.
func (e *accEnv) rawObjectWith(t *testing.T, path string, query url.Values) map[string]any {
	t.Helper()
	body, err := signedGet(e.rawAPI(t), path, query)
	if err != nil {
		t.Fatal(err)
	}
	var answer struct {
		Stat     string         `json:"stat"`
		Response map[string]any `json:"response"`
	}
	if err := json.Unmarshal(body, &answer); err != nil || answer.Stat != "OK" {
		t.Fatalf("reading %s through duo_api_golang: %v %.200s", path, err, body)
	}
	return answer.Response
}

// signedGet sends a GET through duo_api_golang: signed v5 to the policy
// endpoints, as every official Duo example signs them (the fake refuses
// v2 there), and v2 elsewhere, as duo_api_golang's admin package signs.
func signedGet(api *duoapi.DuoApi, path string, query url.Values) ([]byte, error) {
	if !strings.HasPrefix(path, "/admin/v2/policies") {
		_, body, err := api.SignedCall(http.MethodGet, path, query, duoapi.UseTimeout)
		return body, err
	}
	params := duoapi.JSONParams{}
	for key, values := range query {
		if len(values) != 1 {
			return nil, fmt.Errorf("JSONSignedCall sends one value of %s, not %d", key, len(values))
		}
		params[key] = values[0]
	}
	_, body, err := api.JSONSignedCall(http.MethodGet, path, params, duoapi.UseTimeout)
	return body, err
}

// expectUsers checks that the list attribute at attribute of the data
// source at address holds exactly the users Duo sent, field by field: a
// field Duo sent must be in the state with the same value, nulls included,
// and a field Duo did not send must be null.
func expectUsers(address, attribute string, want []map[string]any) attributeValuesCheck {
	return attributeValuesCheck{address: address, check: func(values map[string]any) error {
		got, ok := values[attribute].([]any)
		if !ok {
			return fmt.Errorf("%s.%s is %T, want a list", address, attribute, values[attribute])
		}
		if len(got) != len(want) {
			return fmt.Errorf("%s.%s holds %d users, want %d", address, attribute, len(got), len(want))
		}
		for i := range want {
			object, _ := got[i].(map[string]any)
			if err := compareUser(object, want[i]); err != nil {
				return fmt.Errorf("%s.%s[%d]: %w", address, attribute, i, err)
			}
		}
		return nil
	}}
}

// expectUsersOneOf passes when the users match any of wants, as
// expectUsers checks them.
func expectUsersOneOf(address, attribute string, wants ...[]map[string]any) statecheck.StateCheck {
	return attributeValuesCheck{address: address, check: func(values map[string]any) error {
		var errs []error
		for _, want := range wants {
			err := expectUsers(address, attribute, want).check(values)
			if err == nil {
				return nil
			}
			errs = append(errs, err)
		}
		return errors.Join(errs...)
	}}
}

// expectUser checks that the data source at address holds want at its top
// level, as expectUsers does for each user.
func expectUser(address string, want map[string]any) statecheck.StateCheck {
	return attributeValuesCheck{address: address, check: func(values map[string]any) error {
		if err := compareUser(values, want); err != nil {
			return fmt.Errorf("%s: %w", address, err)
		}
		return nil
	}}
}

// compareUser checks that the object got, from the state, holds what Duo
// sent as want, as compareValue does; the data source's timeouts are not
// Duo's.
func compareUser(got, want map[string]any) error {
	if got == nil {
		return errors.New("is not an object")
	}
	return compareValue(withoutKeys(got, "timeouts"), want, "")
}

// compareValue checks that got, a value from the state, holds want, what
// Duo sent, at every depth: each field Duo sent is an attribute with the
// same value, and each attribute Duo did not send is null. A value Duo sent
// in one of its other forms (a flag as 0 or 1, an integer as a string)
// counts as the same value, and so does a JSON document that the state
// holds as text. at names where the values are, for errors.
func compareValue(got, want any, at string) error {
	return compareNormalized(normalizeJSON(got), normalizeJSON(want), at)
}

func compareNormalized(got, want any, at string) error {
	if text, ok := got.(string); ok {
		switch want.(type) {
		case map[string]any, []any:
			// A JSON document that the state holds as text.
			var decoded any
			if err := json.Unmarshal([]byte(text), &decoded); err != nil {
				return fmt.Errorf("%s is %q, want JSON holding %s", nameOf(at), text, mustJSON(want))
			}
			got = decoded
		}
	}
	switch want := want.(type) {
	case map[string]any:
		object, ok := got.(map[string]any)
		if !ok {
			return fmt.Errorf("%s is %s, want the object %s", nameOf(at), mustJSON(got), mustJSON(want))
		}
		for key := range want {
			if _, ok := object[key]; !ok {
				return fmt.Errorf("Duo sent the field %q but the state has no such attribute", strings.TrimPrefix(at+"."+key, "."))
			}
		}
		for key, value := range object {
			sent, ok := want[key]
			if !ok && value != nil {
				return fmt.Errorf("%s is %s, but Duo did not send it: it must be null", strings.TrimPrefix(at+"."+key, "."), mustJSON(value))
			}
			if err := compareNormalized(value, sent, strings.TrimPrefix(at+"."+key, ".")); err != nil {
				return err
			}
		}
		return nil
	case []any:
		list, ok := got.([]any)
		if !ok || len(list) != len(want) {
			return fmt.Errorf("%s is %s, want %s", nameOf(at), mustJSON(got), mustJSON(want))
		}
		for i := range want {
			if err := compareNormalized(list[i], want[i], fmt.Sprintf("%s[%d]", at, i)); err != nil {
				return err
			}
		}
		return nil
	}
	if !sameScalar(got, want) {
		return fmt.Errorf("%s is %s, want %s", nameOf(at), mustJSON(got), mustJSON(want))
	}
	return nil
}

func nameOf(at string) string {
	if at == "" {
		return "the value"
	}
	return at
}

// sameScalar reports whether the state's scalar got is what Duo sent as
// want, in any of the forms Duo sends it.
func sameScalar(got, want any) bool {
	if reflect.DeepEqual(got, want) {
		return true
	}
	text, sentAsText := want.(string)
	switch got := got.(type) {
	case bool:
		flag, isNumber := want.(float64)
		return isNumber && flag == map[bool]float64{false: 0, true: 1}[got] ||
			sentAsText && slices.Contains(map[bool][]string{false: {"0", "false"}, true: {"1", "true"}}[got], strings.ToLower(text))
	case float64:
		number, err := strconv.ParseFloat(text, 64)
		return sentAsText && err == nil && number == got
	}
	return false
}

// withoutKeys returns object without the given keys.
func withoutKeys(object map[string]any, keys ...string) map[string]any {
	out := maps.Clone(object)
	for _, key := range keys {
		delete(out, key)
	}
	return out
}

// normalizeJSON makes values from the state and from Duo comparable:
// numbers as float64, objects as map[string]any.
func normalizeJSON(v any) any {
	var out any
	if err := json.Unmarshal([]byte(mustJSON(v)), &out); err != nil {
		panic(err)
	}
	return out
}

func mustJSON(v any) string {
	data, err := json.Marshal(v)
	if err != nil {
		panic(err)
	}
	return string(data)
}

// attributeValuesCheck checks the attribute values of one data source in
// the state.
type attributeValuesCheck struct {
	address string
	check   func(values map[string]any) error
}

func (c attributeValuesCheck) CheckState(_ context.Context, req statecheck.CheckStateRequest, resp *statecheck.CheckStateResponse) {
	if req.State == nil || req.State.Values == nil || req.State.Values.RootModule == nil {
		resp.Error = errors.New("the state is empty")
		return
	}
	for _, r := range req.State.Values.RootModule.Resources {
		if r.Address == c.address {
			resp.Error = c.check(r.AttributeValues)
			return
		}
	}
	resp.Error = fmt.Errorf("%s is not in the state", c.address)
}

// clearDuoEnv keeps the test's own DUO_* environment out of the provider.
func clearDuoEnv(t *testing.T) {
	for _, s := range []setting{integrationKeySetting, secretKeySetting, apiHostSetting, caCertFileSetting, accountIDSetting} {
		for _, name := range s.envVars {
			t.Setenv(name, "")
		}
	}
}

func TestAccProvider_missingCredentials(t *testing.T) {
	newSerialAccEnv(t, fakeduo.Options{})
	clearDuoEnv(t)
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		Steps: []resource.TestStep{{
			Config: `
provider "duo" {
  api_host = "api-abcd1234.duosecurity.com"
}
data "duo_users" "all" {}
`,
			ExpectError: regexp.MustCompile(`(?s)Missing Duo integration key.*integration_key.*DUO_INTEGRATION_KEY.*DUO_IKEY.*Missing Duo secret key.*secret_key.*DUO_SECRET_KEY.*DUO_SKEY`),
		}},
	})
}

func TestAccProvider_credentialsFromEnvironment(t *testing.T) {
	env := newSerialAccEnv(t, fakeduo.Options{})
	clearDuoEnv(t)
	// The fallback names, as other Duo tools spell them.
	t.Setenv("DUO_IKEY", env.ikey)
	t.Setenv("DUO_SKEY", env.skey)
	t.Setenv("DUO_API_HOSTNAME", "https://"+env.host)
	t.Setenv("DUO_CA_CERT_FILE", env.caFile)
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		Steps: []resource.TestStep{{
			Config: `data "duo_users" "first" { limit = 1 }`,
			ConfigStateChecks: []statecheck.StateCheck{
				expectUsers("data.duo_users.first", "users", env.rawUsers(t, nil)[:1]),
			},
		}},
	})
}

func TestAccProvider_invalidSettings(t *testing.T) {
	env := newSerialAccEnv(t, fakeduo.Options{})
	clearDuoEnv(t)
	block := func(ikey, skey, host, caFile string) string {
		return providerBlock(ikey, skey, host, caFile) + `data "duo_users" "all" {}`
	}
	notPEM := filepath.Join(t.TempDir(), "not.pem")
	if err := os.WriteFile(notPEM, []byte("not a certificate"), 0o600); err != nil {
		t.Fatal(err)
	}
	invalid := map[string]string{
		block(env.ikey, env.skey, "http://"+env.host, env.caFile):   `(?s)Invalid Duo API hostname.*only served over https`,
		block(env.ikey, env.skey, env.host+"/admin/v1", env.caFile): `(?s)Invalid Duo API hostname.*without a path`,
		block(env.ikey, env.skey, env.host+"?x=1", env.caFile):      `(?s)Invalid Duo API hostname.*query`,
		block(env.ikey, env.skey, "", env.caFile):                   `(?s)Missing Duo API hostname.*DUO_API_HOST.*DUO_API_HOSTNAME`,
		block("DIshort", env.skey, env.host, env.caFile):            `(?s)Invalid Duo integration key.*20 characters`,
		block(env.ikey, "short", env.host, env.caFile):              `(?s)Invalid Duo secret key.*40 characters`,
		block(env.ikey, env.skey, env.host, "/nonexistent/ca.pem"):  `(?s)Unreadable CA certificate file.*no such file`,
		block(env.ikey, env.skey, env.host, notPEM):                 `(?s)holds no PEM certificate`,
	}
	if env.fake != nil {
		// Only Duo's own roots are trusted without ca_cert_file.
		invalid[block(env.ikey, env.skey, env.host, "")] = `(?s)Unable to list Duo users.*certificate`
	}
	var steps []resource.TestStep
	for config, want := range invalid {
		steps = append(steps, resource.TestStep{Config: config, ExpectError: regexp.MustCompile(want)})
	}
	resource.Test(t, resource.TestCase{ProtoV6ProviderFactories: testAccProviders, Steps: steps})
}

func TestAccProvider_secretKeyNeverShown(t *testing.T) {
	env := newSerialAccEnv(t, fakeduo.Options{})
	clearDuoEnv(t)
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		Steps: []resource.TestStep{{
			Config:      providerBlock(env.ikey, "X"+env.skey, env.host, env.caFile) + `data "duo_users" "all" {}`,
			ExpectError: regexp.MustCompile(`Invalid Duo secret key`),
		}},
	})
	// The diagnostic above names the length only; make sure of it.
	if strings.Contains(fmt.Sprint(checkSecretKey("X"+env.skey)), env.skey) {
		t.Fatal("the secret key diagnostic repeats the key")
	}
}

func TestAccProvider_unknownSettingsAtPlan(t *testing.T) {
	env := newSerialAccEnv(t, fakeduo.Options{})
	env.requireFake(t)
	clearDuoEnv(t)
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		Steps: []resource.TestStep{{
			Config: fmt.Sprintf(`
resource "terraform_data" "host" {
  input = %q
}
provider "duo" {
  integration_key = %q
  secret_key      = %q
  api_host        = terraform_data.host.output
  ca_cert_file    = %q
}
data "duo_users" "all" {}
`, env.host, env.ikey, env.skey, env.caFile),
			ExpectError: regexp.MustCompile(`(?s)Unknown Duo API hostname.*not known until apply`),
		}},
	})
}
