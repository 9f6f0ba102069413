package provider

import (
	"context"
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/idaudit/terraform-provider-duo/internal/fakeduo"
)

func TestAccUserDataSource_byUsernameAndByID(t *testing.T) {
	env := newAccEnv(t, fakeduo.Options{})
	all := env.rawUsers(t, nil)
	if len(all) == 0 {
		t.Skip("the account has no users")
	}
	want := all[0]
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		Steps: []resource.TestStep{{
			Config: env.config(fmt.Sprintf(`
data "duo_user" "by_username" {
  username = %q
}
data "duo_user" "by_id" {
  user_id = %q
}
`, want["username"], want["user_id"])),
			ConfigStateChecks: []statecheck.StateCheck{
				expectUser("data.duo_user.by_username", want),
				expectUser("data.duo_user.by_id", want),
			},
		}},
	})
}

func TestAccUserDataSource_byAlias(t *testing.T) {
	env := newAccEnv(t, fakeduo.Options{})
	env.requireFake(t)
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		Steps: []resource.TestStep{{
			Config: env.config(`data "duo_user" "joe" { username = "john.smith" }`),
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue("data.duo_user.joe", tfjsonpath.New("user_id"), knownvalue.StringExact("DUSAMPLE000000000001")),
				statecheck.ExpectKnownValue("data.duo_user.joe", tfjsonpath.New("username"), knownvalue.StringExact("jsmith")),
				statecheck.ExpectKnownValue("data.duo_user.joe", tfjsonpath.New("realname"), knownvalue.NotNull()),
				statecheck.ExpectKnownValue("data.duo_user.joe", tfjsonpath.New("phones"), knownvalue.ListSizeExact(2)),
			},
		}},
	})
}

func TestAccUserDataSource_notFound(t *testing.T) {
	env := newAccEnv(t, fakeduo.Options{})
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		Steps: []resource.TestStep{
			{
				Config:      env.config(`data "duo_user" "x" { username = "no-such-user-anywhere" }`),
				ExpectError: regexp.MustCompile(`(?s)Duo user not found.*No Duo user has the username or alias\s+"no-such-user-anywhere"`),
			},
			{
				Config:      env.config(`data "duo_user" "x" { user_id = "DUNOSUCHUSER0000000X" }`),
				ExpectError: regexp.MustCompile(`(?s)Duo user not found.*No Duo user has the ID\s+"DUNOSUCHUSER0000000X"`),
			},
		},
	})
}

func TestAccUserDataSource_exactlyOneLookup(t *testing.T) {
	env := newAccEnv(t, fakeduo.Options{})
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		Steps: []resource.TestStep{
			{
				Config:      env.config(`data "duo_user" "x" {}`),
				ExpectError: regexp.MustCompile(`(?s)Missing Attribute Configuration.*Exactly one of these attributes must be configured:\s+\[username,user_id\]`),
			},
			{
				Config: env.config(`
data "duo_user" "x" {
  username = "jsmith"
  user_id  = "DUSAMPLE000000000001"
}`),
				ExpectError: regexp.MustCompile(`(?s)Invalid Attribute Combination.*username.*user_id`),
			},
		},
	})
}

// readRecorder serves the provider as testAccProviders does, and records
// the outcome of every read of a data source: its configuration and its
// errors.
type readRecorder struct {
	mu    sync.Mutex
	reads []recordedRead
}

type recordedRead struct {
	typeName string
	config   map[string]tftypes.Value
	errors   []*tfprotov6.Diagnostic
}

func (r *readRecorder) providers() map[string]func() (tfprotov6.ProviderServer, error) {
	return map[string]func() (tfprotov6.ProviderServer, error){
		"duo": func() (tfprotov6.ProviderServer, error) {
			server, err := NewServer("test")()
			return &recordingServer{ProviderServer: server, recorder: r}, err
		},
	}
}

// recorded returns the reads of data sources of the given type so far.
func (r *readRecorder) recorded(typeName string) []recordedRead {
	r.mu.Lock()
	defer r.mu.Unlock()
	var reads []recordedRead
	for _, read := range r.reads {
		if read.typeName == typeName {
			reads = append(reads, read)
		}
	}
	return reads
}

type recordingServer struct {
	tfprotov6.ProviderServer
	recorder *readRecorder
}

func (s *recordingServer) ReadDataSource(ctx context.Context, req *tfprotov6.ReadDataSourceRequest) (*tfprotov6.ReadDataSourceResponse, error) {
	resp, err := s.ProviderServer.ReadDataSource(ctx, req)
	schemas, schemaErr := s.GetProviderSchema(ctx, &tfprotov6.GetProviderSchemaRequest{})
	if err != nil || schemaErr != nil {
		return resp, errors.Join(err, schemaErr)
	}
	read := recordedRead{typeName: req.TypeName}
	config, err := req.Config.Unmarshal(schemas.DataSourceSchemas[req.TypeName].ValueType())
	if err == nil {
		err = config.As(&read.config)
	}
	if err != nil {
		return nil, fmt.Errorf("recording a read of %s: %w", req.TypeName, err)
	}
	for _, d := range resp.Diagnostics {
		if d.Severity == tfprotov6.DiagnosticSeverityError {
			read.errors = append(read.errors, d)
		}
	}
	s.recorder.mu.Lock()
	s.recorder.reads = append(s.recorder.reads, read)
	s.recorder.mu.Unlock()
	return resp, nil
}

// argument returns the string argument name of the read's configuration,
// "" when it is null.
func (r recordedRead) argument(name string) string {
	var value *string
	if err := r.config[name].As(&value); err != nil || value == nil {
		return ""
	}
	return *value
}

// memberLookups are the lookups of a module that reads the members of a
// group one duo_user each, by username, alias or ID, from users.
type memberLookups struct {
	names, ids []string
	// want is the user each name or ID names.
	want map[string]map[string]any
}

func newMemberLookups(users []map[string]any) memberLookups {
	lookups := memberLookups{want: map[string]map[string]any{}}
	for i, user := range users {
		alias, _ := user["alias1"].(string)
		switch {
		case i%3 == 0:
			lookups.ids = append(lookups.ids, user["user_id"].(string))
			lookups.want[user["user_id"].(string)] = user
		case alias != "":
			lookups.names = append(lookups.names, alias)
			lookups.want[alias] = user
		default:
			lookups.names = append(lookups.names, user["username"].(string))
			lookups.want[user["username"].(string)] = user
		}
	}
	return lookups
}

// config reads each of names and of the IDs with a duo_user. Modules use
// for_each; count makes the same reads, and terraform-plugin-testing's
// state shim cannot read for_each instances.
func (l memberLookups) config(names []string) string {
	return fmt.Sprintf(`
locals {
  names = %s
  ids   = %s
}
data "duo_user" "by_name" {
  count    = length(local.names)
  username = local.names[count.index]
}
data "duo_user" "by_id" {
  count   = length(local.ids)
  user_id = local.ids[count.index]
}
`, hclStrings(names), hclStrings(l.ids))
}

func (l memberLookups) checks() []statecheck.StateCheck {
	var checks []statecheck.StateCheck
	for i, name := range l.names {
		checks = append(checks, expectUser(fmt.Sprintf("data.duo_user.by_name[%d]", i), l.want[name]))
	}
	for i, id := range l.ids {
		checks = append(checks, expectUser(fmt.Sprintf("data.duo_user.by_id[%d]", i), l.want[id]))
	}
	return checks
}

// TestAccUserDataSource_manyLookupsInBatches reads 300 users, one
// duo_user each, as a module reads a group's members: Terraform reads them
// about ten at a time, and the provider sends each ten in one request.
func TestAccUserDataSource_manyLookupsInBatches(t *testing.T) {
	env := newAccEnv(t, fakeduo.Options{Users: fakeduo.GeneratedUsers(1000)})
	all := env.rawUsers(t, nil)
	if len(all) < 300 {
		t.Skipf("the account has %d users, fewer than the 300 this test reads", len(all))
	}
	lookups := newMemberLookups(all[:300])
	const missing = "no-such-user-anywhere"
	recorder := &readRecorder{}
	steps := []resource.TestStep{
		{
			// One name matches nobody: its instance fails, on its own
			// argument, and the others are read.
			Config:      env.config(lookups.config(append(slices.Clone(lookups.names), missing))),
			ExpectError: regexp.MustCompile(`(?s)Duo user not found.*No Duo user has the username or alias\s+"` + missing + `"`),
		},
		{
			Config:            env.config(lookups.config(lookups.names)),
			ConfigStateChecks: lookups.checks(),
		},
	}
	if env.fake == nil {
		resource.Test(t, resource.TestCase{ProtoV6ProviderFactories: recorder.providers(), Steps: steps})
	} else {
		// The commands that read the 300 users up to the state checks.
		var reads int
		steps[1].ConfigStateChecks = append(steps[1].ConfigStateChecks, stateCheckFunc(func() { reads = len(recorder.recorded("duo_user")) }))
		requests := requestsOfSteps(t, env, recorder.providers(), steps[1])
		// The fake's username_list matches usernames only, as Duo's may:
		// an alias is then looked up alone.
		aliases := 0
		for _, name := range lookups.names {
			if name != lookups.want[name]["username"] {
				aliases++
			}
		}
		// How many requests batching saves depends on how Terraform's
		// reads arrive, and so on the machine's load: the benchmark
		// measures it (scripts/bench-plan.sh, memberships). Here, batching
		// never costs more than looking each up alone: a request a lookup,
		// and one more for each alias.
		t.Logf("%d reads (%d by ID, %d by alias in each 300) took %d requests", reads, len(lookups.ids), aliases, requests[0])
		if most := reads + aliases*reads/300; requests[0] > most {
			t.Errorf("%d reads took %d requests, want at most %d", reads, requests[0], most)
		}
		resource.Test(t, resource.TestCase{ProtoV6ProviderFactories: recorder.providers(), Steps: steps[:1]})
	}

	// The failing step's reads: every lookup was read, and only the
	// missing name failed, on username.
	var failed, succeeded []string
	for _, read := range recorder.recorded("duo_user") {
		value := read.argument("username") + read.argument("user_id")
		if len(read.errors) == 0 {
			succeeded = append(succeeded, value)
			continue
		}
		failed = append(failed, value)
		if d := read.errors[0]; len(read.errors) != 1 || d.Summary != "Duo user not found" || d.Attribute.String() != tftypes.NewAttributePath().WithAttributeName("username").String() {
			t.Errorf("the read of %q failed with %d errors, the first %q on %v; want one, Duo user not found, on username", value, len(read.errors), d.Summary, d.Attribute)
		}
	}
	if slices.Sort(failed); !slices.Equal(slices.Compact(failed), []string{missing}) {
		t.Errorf("the reads of %q failed, want only %q", failed, missing)
	}
	for value := range lookups.want {
		if !slices.Contains(succeeded, value) {
			t.Errorf("%q was never read", value)
		}
	}
}

// TestAccUserDataSource_answeredFromTheListing reads users one duo_user
// each, and one duo_users by username, after a filtered duo_users has read
// the whole listing: they cost no request of their own.
func TestAccUserDataSource_answeredFromTheListing(t *testing.T) {
	env := newAccEnv(t, fakeduo.Options{Users: fakeduo.GeneratedUsers(1000)})
	env.requireFake(t)
	all := env.rawUsers(t, nil)
	lookups := newMemberLookups(all[:30])
	filtered := `
data "duo_users" "locked_out" {
  status = ["locked out"]
}
`
	// The listing's first user, by username, from duo_users.
	single := fmt.Sprintf(`
data "duo_users" "one" {
  username   = %q
  depends_on = [data.duo_users.locked_out]
}
`, all[0]["username"])
	answered := strings.ReplaceAll(lookups.config(lookups.names), "\n}\n", "\n  depends_on = [data.duo_users.locked_out]\n}\n")
	requests := requestsOfSteps(t, env, testAccProviders,
		resource.TestStep{Config: env.config(filtered)},
		resource.TestStep{
			Config: env.config(filtered + single + answered),
			ConfigStateChecks: append(lookups.checks(),
				expectUsers("data.duo_users.one", "users", all[:1])),
		},
	)
	if alone, with := requests[0], requests[1]; alone == 0 || with != alone {
		t.Fatalf("the filtered listing took %d requests, with 31 lookups after it %d; want the same", alone, with)
	}
}

// TestAccUserDataSource_oneTimeoutLeavesTheBatch reads users that Duo
// answers slowly, half of them with a read timeout shorter than Duo's
// answer: those fail with their timeout, and the others, in the same
// batches, are read.
func TestAccUserDataSource_oneTimeoutLeavesTheBatch(t *testing.T) {
	env := newAccEnv(t, fakeduo.Options{Latency: 2 * time.Second})
	env.requireFake(t)
	var lookups []string
	impatient := map[string]bool{}
	for i, user := range env.rawUsers(t, nil) {
		timeout := "20m"
		if i%2 == 0 {
			timeout = "500ms"
			impatient[user["username"].(string)] = true
		}
		lookups = append(lookups, fmt.Sprintf("{ username = %q, timeout = %q }", user["username"], timeout))
	}
	recorder := &readRecorder{}
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: recorder.providers(),
		Steps: []resource.TestStep{{
			Config: env.config(fmt.Sprintf(`
locals {
  lookups = [%s]
}
data "duo_user" "member" {
  count    = length(local.lookups)
  username = local.lookups[count.index].username
  timeouts {
    read = local.lookups[count.index].timeout
  }
}
`, strings.Join(lookups, ", "))),
			ExpectError: regexp.MustCompile(`did not finish within the read timeout`),
		}},
	})
	reads := recorder.recorded("duo_user")
	if len(reads) != len(lookups) {
		t.Fatalf("recorded %d reads, want %d", len(reads), len(lookups))
	}
	for _, read := range reads {
		name := read.argument("username")
		switch {
		case impatient[name] && (len(read.errors) != 1 || !strings.Contains(read.errors[0].Detail, "did not finish within the read timeout")):
			t.Errorf("%q, with a read timeout of 500 ms, got %d errors (%s); want its read timeout", name, len(read.errors), errorsText(read.errors))
		case !impatient[name] && len(read.errors) != 0:
			t.Errorf("%q, with a read timeout of 20 minutes, failed: %s: %s", name, read.errors[0].Summary, read.errors[0].Detail)
		}
	}
}

func errorsText(diags []*tfprotov6.Diagnostic) string {
	texts := make([]string, len(diags))
	for i, d := range diags {
		texts[i] = d.Summary + ": " + d.Detail
	}
	return strings.Join(texts, "; ")
}
