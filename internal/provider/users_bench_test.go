package provider

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"runtime/metrics"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	duoapi "github.com/duosecurity/duo_api_golang"
	"github.com/duosecurity/duo_api_golang/admin"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/idaudit/terraform-provider-duo/internal/fakeduo"
)

// BenchmarkUsersRead reads every user of a fake Duo account through the
// provider's protocol server, exactly as Terraform calls it, beside
// duo_api_golang's own admin.GetUsers() on the same fake, so the ratio of
// the two is read off one run:
//
//	make bench
//
// The fake runs in its own process (internal/cmd/fakeduo), started afresh
// for each client and account, so that the heap sampled is the client's
// alone and the requests counted are its own.
func BenchmarkUsersRead(b *testing.B) {
	fakeBinary := buildFakeduo(b)
	for _, latency := range []time.Duration{0, 20 * time.Millisecond} {
		for _, n := range []int{1_000, 10_000, 50_000} {
			jsonBytes := jsonSize(b, fakeduo.GeneratedUsers(n))
			name := fmt.Sprintf("users=%d/latency=%s", n, latency)
			b.Run("client=provider/"+name, func(b *testing.B) {
				benchmarkProviderRead(b, startFakeProcess(b, fakeBinary, n, latency), n, jsonBytes)
			})
			b.Run("client=duo_api_golang/"+name, func(b *testing.B) {
				benchmarkGetUsers(b, startFakeProcess(b, fakeBinary, n, latency), n, jsonBytes)
			})
		}
	}
}

func benchmarkProviderRead(b *testing.B, fake *fakeProcess, n int, jsonBytes int) {
	ctx := context.Background()
	server := configuredServer(b, ctx, testAccProviders["duo"], fake.account)
	readConfig := dynamicValue(b, ctx, server, func(schemas *tfprotov6.GetProviderSchemaResponse) *tfprotov6.Schema {
		return schemas.DataSourceSchemas["duo_users"]
	}, nil)

	stateBytes := 0
	measure(b, fake, n, jsonBytes, func() {
		resp, err := server.ReadDataSource(ctx, &tfprotov6.ReadDataSourceRequest{TypeName: "duo_users", Config: &readConfig})
		if err != nil || len(resp.Diagnostics) > 0 || resp.State == nil {
			b.Fatalf("reading duo_users: %v %v", err, diagnosticsText(resp.Diagnostics))
		}
		stateBytes = len(resp.State.MsgPack)
	})
	b.ReportMetric(float64(stateBytes)/float64(jsonBytes), "state/json")
}

func benchmarkGetUsers(b *testing.B, fake *fakeProcess, n int, jsonBytes int) {
	caPEM, err := os.ReadFile(fake.account.caFile)
	if err != nil {
		b.Fatal(err)
	}
	api := duoapi.NewDuoApi(fake.account.ikey, fake.account.skey, fake.account.host, "benchmark", duoapi.SetTransport(func(t *http.Transport) {
		t.TLSClientConfig.RootCAs.AppendCertsFromPEM(caPEM)
	}))
	client := admin.New(*api)
	measure(b, fake, n, jsonBytes, func() {
		result, err := client.GetUsers()
		if err != nil || result.Stat != "OK" || len(result.Response) != n {
			b.Fatalf("admin.GetUsers: %v", err)
		}
	})
}

// measure runs read b.N times and reports requests per read and the peak
// heap during the reads, also as a multiple of the JSON Duo sent. It stops
// the fake, to read its counters.
func measure(b *testing.B, fake *fakeProcess, n int, jsonBytes int, read func()) {
	runtime.GC()
	base := heapBytes()
	peak := newPeakSampler()
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		read()
	}
	b.StopTimer()
	peakBytes := peak.stop() - base
	b.ReportMetric(float64(fake.stop(b))/float64(b.N), "requests/read")
	b.ReportMetric(float64(peakBytes)/(1<<20), "peak-heap-MiB")
	b.ReportMetric(float64(peakBytes)/float64(jsonBytes), "peak/json")
	b.ReportMetric(float64(n), "users")
}

// fakeProcess is the fake Duo serving generated users in a process of its own.
type fakeProcess struct {
	cmd     *exec.Cmd
	dir     string
	account duoAccount
	stopped bool
}

// buildFakeduo builds internal/cmd/fakeduo for the benchmark.
func buildFakeduo(b *testing.B) string {
	binary := filepath.Join(b.TempDir(), "fakeduo")
	if out, err := exec.Command("go", "build", "-o", binary, "github.com/idaudit/terraform-provider-duo/internal/cmd/fakeduo").CombinedOutput(); err != nil {
		b.Fatalf("building the fake Duo: %v\n%s", err, out)
	}
	return binary
}

// startFakeProcess serves n generated users, each answer after latency,
// until the benchmark stops it or ends; more are further flags.
func startFakeProcess(b *testing.B, binary string, n int, latency time.Duration, more ...string) *fakeProcess {
	dir := b.TempDir()
	fake := &fakeProcess{dir: dir}
	args := append([]string{"-users", strconv.Itoa(n), "-latency", latency.String(), "-state-dir", dir, "-stats-file", filepath.Join(dir, "stats.json")}, more...)
	fake.cmd = exec.Command(binary, args...)
	stdout, err := fake.cmd.StdoutPipe()
	if err != nil {
		b.Fatal(err)
	}
	fake.cmd.Stderr = os.Stderr
	if err := fake.cmd.Start(); err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { fake.stop(b) })
	// It prints one line once it serves.
	if _, err := bufio.NewReader(stdout).ReadString('\n'); err != nil {
		b.Fatalf("the fake Duo did not start: %v", err)
	}
	env, err := os.ReadFile(filepath.Join(dir, "env"))
	if err != nil {
		b.Fatal(err)
	}
	values := map[string]string{}
	for line := range strings.Lines(string(env)) {
		if name, value, ok := strings.Cut(strings.TrimSpace(strings.TrimPrefix(line, "export ")), "="); ok {
			values[name] = strings.Trim(value, "'")
		}
	}
	fake.account = duoAccount{host: values["DUO_API_HOST"], ikey: values["DUO_INTEGRATION_KEY"], skey: values["DUO_SECRET_KEY"], caFile: values["DUO_CA_CERT_FILE"]}
	return fake
}

// stop ends the fake and returns the list requests it answered.
func (f *fakeProcess) stop(b *testing.B) int64 {
	if f.stopped {
		return 0
	}
	f.stopped = true
	if err := f.cmd.Process.Signal(syscall.SIGTERM); err != nil {
		b.Fatal(err)
	}
	if err := f.cmd.Wait(); err != nil {
		b.Fatalf("the fake Duo: %v", err)
	}
	data, err := os.ReadFile(filepath.Join(f.dir, "stats.json"))
	if err != nil {
		b.Fatal(err)
	}
	var stats struct {
		ListRequests map[string]int64 `json:"list_requests"`
	}
	if err := json.Unmarshal(data, &stats); err != nil {
		b.Fatal(err)
	}
	var requests int64
	for _, n := range stats.ListRequests {
		requests += n
	}
	return requests
}

// peakSampler records the largest live heap seen until stop.
type peakSampler struct {
	done chan struct{}
	wg   sync.WaitGroup
	peak uint64
}

func newPeakSampler() *peakSampler {
	p := &peakSampler{done: make(chan struct{})}
	p.wg.Add(1)
	go func() {
		defer p.wg.Done()
		ticker := time.NewTicker(2 * time.Millisecond)
		defer ticker.Stop()
		for {
			p.peak = max(p.peak, heapBytes())
			select {
			case <-p.done:
				return
			case <-ticker.C:
			}
		}
	}()
	return p
}

func (p *peakSampler) stop() uint64 {
	close(p.done)
	p.wg.Wait()
	return p.peak
}

func heapBytes() uint64 {
	sample := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	metrics.Read(sample)
	return sample[0].Value.Uint64()
}

func jsonSize(b *testing.B, users []fakeduo.User) int {
	data, err := json.Marshal(users)
	if err != nil {
		b.Fatal(err)
	}
	return len(data)
}

// duoAccount is what a provider needs to reach a (fake) Duo account.
type duoAccount struct {
	host, ikey, skey, caFile string
}

// accountOf is the account that an in-process fake serves.
func accountOf(tb testing.TB, fake *fakeduo.Server) duoAccount {
	caFile := filepath.Join(tb.TempDir(), "ca.pem")
	if err := fake.WriteCACert(caFile); err != nil {
		tb.Fatal(err)
	}
	return duoAccount{host: fake.Host(), ikey: fake.IntegrationKey(), skey: fake.SecretKey(), caFile: caFile}
}

// configuredServer starts a provider server and configures it for the
// account, as Terraform would.
func configuredServer(tb testing.TB, ctx context.Context, newServer func() (tfprotov6.ProviderServer, error), account duoAccount) tfprotov6.ProviderServer {
	server, err := newServer()
	if err != nil {
		tb.Fatal(err)
	}
	providerConfig := dynamicValue(tb, ctx, server, func(schemas *tfprotov6.GetProviderSchemaResponse) *tfprotov6.Schema { return schemas.Provider }, map[string]tftypes.Value{
		"integration_key": tftypes.NewValue(tftypes.String, account.ikey),
		"secret_key":      tftypes.NewValue(tftypes.String, account.skey),
		"api_host":        tftypes.NewValue(tftypes.String, account.host),
		"ca_cert_file":    tftypes.NewValue(tftypes.String, account.caFile),
	})
	configured, err := server.ConfigureProvider(ctx, &tfprotov6.ConfigureProviderRequest{Config: &providerConfig})
	if err != nil || len(configured.Diagnostics) > 0 {
		tb.Fatalf("configuring the provider: %v %v", err, diagnosticsText(configured.Diagnostics))
	}
	return server
}

// dynamicValue encodes the given attributes, the rest null, for a schema
// of the server.
func dynamicValue(b testing.TB, ctx context.Context, server tfprotov6.ProviderServer, pick func(*tfprotov6.GetProviderSchemaResponse) *tfprotov6.Schema, set map[string]tftypes.Value) tfprotov6.DynamicValue {
	schemas, err := server.GetProviderSchema(ctx, &tfprotov6.GetProviderSchemaRequest{})
	if err != nil {
		b.Fatal(err)
	}
	objectType := pick(schemas).ValueType().(tftypes.Object)
	values := map[string]tftypes.Value{}
	for name, typ := range objectType.AttributeTypes {
		values[name] = tftypes.NewValue(typ, nil)
		if value, ok := set[name]; ok {
			values[name] = value
		}
	}
	dv, err := tfprotov6.NewDynamicValue(objectType, tftypes.NewValue(objectType, values))
	if err != nil {
		b.Fatal(err)
	}
	return dv
}

func diagnosticsText(diags []*tfprotov6.Diagnostic) string {
	text := ""
	for _, d := range diags {
		text += d.Summary + ": " + d.Detail + "\n"
	}
	return text
}
