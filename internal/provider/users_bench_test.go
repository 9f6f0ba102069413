package provider

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"path/filepath"
	"runtime"
	"runtime/metrics"
	"sync"
	"testing"
	"time"

	duoapi "github.com/duosecurity/duo_api_golang"
	"github.com/duosecurity/duo_api_golang/admin"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/idaudit/terraform-provider-duo/internal/fakeduo"
)

// BenchmarkUsersRead reads every user of a fake Duo account in-process,
// through the provider's protocol server exactly as Terraform calls it,
// beside duo_api_golang's own admin.GetUsers() on the same fake, so the
// ratio of the two is read off one run:
//
//	make bench
func BenchmarkUsersRead(b *testing.B) {
	for _, latency := range []time.Duration{0, 20 * time.Millisecond} {
		for _, n := range []int{1_000, 10_000, 50_000} {
			users := fakeduo.GeneratedUsers(n)
			fake, err := fakeduo.Start(fakeduo.Options{Users: users, Latency: latency})
			if err != nil {
				b.Fatal(err)
			}
			jsonBytes := jsonSize(b, users)
			name := fmt.Sprintf("users=%d/latency=%s", n, latency)
			b.Run("client=provider/"+name, func(b *testing.B) { benchmarkProviderRead(b, fake, n, jsonBytes) })
			b.Run("client=duo_api_golang/"+name, func(b *testing.B) { benchmarkGetUsers(b, fake, n, jsonBytes) })
			fake.Close()
		}
	}
}

func benchmarkProviderRead(b *testing.B, fake *fakeduo.Server, n int, jsonBytes int) {
	ctx := context.Background()
	server := configuredServer(b, ctx, testAccProviders["duo"], fake)
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

func benchmarkGetUsers(b *testing.B, fake *fakeduo.Server, n int, jsonBytes int) {
	api := duoapi.NewDuoApi(fake.IntegrationKey(), fake.SecretKey(), fake.Host(), "benchmark", duoapi.SetTransport(func(t *http.Transport) {
		t.TLSClientConfig.RootCAs.AppendCertsFromPEM(fake.CACertPEM())
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
// heap during the reads, also as a multiple of the JSON Duo sent.
func measure(b *testing.B, fake *fakeduo.Server, n int, jsonBytes int, read func()) {
	runtime.GC()
	base := heapBytes()
	peak := newPeakSampler()
	fake.ResetRequests()
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		read()
	}
	b.StopTimer()
	peakBytes := peak.stop() - base
	b.ReportMetric(float64(fake.Requests())/float64(b.N), "requests/read")
	b.ReportMetric(float64(peakBytes)/(1<<20), "peak-heap-MiB")
	b.ReportMetric(float64(peakBytes)/float64(jsonBytes), "peak/json")
	b.ReportMetric(float64(n), "users")
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

// configuredServer starts a provider server and configures it for fake, as
// Terraform would.
func configuredServer(tb testing.TB, ctx context.Context, newServer func() (tfprotov6.ProviderServer, error), fake *fakeduo.Server) tfprotov6.ProviderServer {
	server, err := newServer()
	if err != nil {
		tb.Fatal(err)
	}
	caFile := filepath.Join(tb.TempDir(), "ca.pem")
	if err := fake.WriteCACert(caFile); err != nil {
		tb.Fatal(err)
	}
	providerConfig := dynamicValue(tb, ctx, server, func(schemas *tfprotov6.GetProviderSchemaResponse) *tfprotov6.Schema { return schemas.Provider }, map[string]tftypes.Value{
		"integration_key": tftypes.NewValue(tftypes.String, fake.IntegrationKey()),
		"secret_key":      tftypes.NewValue(tftypes.String, fake.SecretKey()),
		"api_host":        tftypes.NewValue(tftypes.String, fake.Host()),
		"ca_cert_file":    tftypes.NewValue(tftypes.String, caFile),
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
