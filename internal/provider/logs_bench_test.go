package provider

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"runtime"
	"strconv"
	"testing"
	"time"

	duoapi "github.com/duosecurity/duo_api_golang"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/idaudit/terraform-provider-duo/internal/duo"
	"github.com/idaudit/terraform-provider-duo/internal/fakeduo"
)

// benchLogUsers are the users whose authentications the benchmark reads.
const benchLogUsers = 1000

// BenchmarkAuthenticationLogRead reads a week of the authentication log
// through the provider's protocol server, as Terraform calls it: a window
// of 10,000 events, pages of 1,000 followed by Duo's cursor, from a fake
// Duo in its own process that answers after 20 ms (make bench). It reports
// the time of a read, its requests, and the peak heap, also as a multiple
// of the JSON of the events Duo sent.
func BenchmarkAuthenticationLogRead(b *testing.B) {
	fakeBinary := buildFakeduo(b)
	for _, latency := range []time.Duration{20 * time.Millisecond} {
		for _, n := range []int{10_000} {
			jsonBytes := authLogJSONSize(b, n)
			b.Run(fmt.Sprintf("events=%d/latency=%s", n, latency), func(b *testing.B) {
				fake := startFakeProcess(b, fakeBinary, benchLogUsers, latency, "-log-events", strconv.Itoa(n))
				ctx := context.Background()
				server := configuredServer(b, ctx, testAccProviders["duo"], fake.account)
				now := time.Now()
				readConfig := dynamicValue(b, ctx, server, func(schemas *tfprotov6.GetProviderSchemaResponse) *tfprotov6.Schema {
					return schemas.DataSourceSchemas["duo_authentication_logs"]
				}, map[string]tftypes.Value{
					"mintime":    tftypes.NewValue(tftypes.String, now.Add(-7*24*time.Hour).Format(time.RFC3339)),
					"maxtime":    tftypes.NewValue(tftypes.String, now.Format(time.RFC3339)),
					"max_events": tftypes.NewValue(tftypes.Number, n),
				})
				stateBytes := 0
				runtime.GC()
				base := heapBytes()
				peak := newPeakSampler()
				b.ReportAllocs()
				b.ResetTimer()
				for range b.N {
					resp, err := server.ReadDataSource(ctx, &tfprotov6.ReadDataSourceRequest{TypeName: "duo_authentication_logs", Config: &readConfig})
					if err != nil || len(resp.Diagnostics) > 0 || resp.State == nil {
						b.Fatalf("reading duo_authentication_logs: %v %v", err, diagnosticsText(resp.Diagnostics))
					}
					stateBytes = len(resp.State.MsgPack)
				}
				b.StopTimer()
				peakBytes := peak.stop() - base
				b.ReportMetric(float64(fake.stop(b))/float64(b.N), "requests/read")
				b.ReportMetric(float64(peakBytes)/(1<<20), "peak-heap-MiB")
				b.ReportMetric(float64(peakBytes)/float64(jsonBytes), "peak/json")
				b.ReportMetric(float64(stateBytes)/float64(jsonBytes), "state/json")
			})
		}
	}
}

// authLogJSONSize is the size of the JSON of the n events that the fake
// the benchmark starts sends: read here from the same account served in
// this process, before the heap is measured.
func authLogJSONSize(b *testing.B, n int) int {
	users := fakeduo.GeneratedUsers(benchLogUsers)
	account := fakeduo.GeneratedAccount(users, 30)
	account.Logs = fakeduo.GeneratedLogs(users, &account, n)
	fake, err := fakeduo.Start(fakeduo.Options{Users: users, Account: &account})
	if err != nil {
		b.Fatal(err)
	}
	defer fake.Close()
	api := duoapi.NewDuoApi(fake.IntegrationKey(), fake.SecretKey(), fake.Host(), "benchmark", duoapi.SetTransport(func(t *http.Transport) {
		t.TLSClientConfig.RootCAs.AppendCertsFromPEM(fake.CACertPEM())
	}))
	now := time.Now()
	params := url.Values{
		"mintime": {strconv.FormatInt(now.Add(-7*24*time.Hour).UnixMilli(), 10)}, "maxtime": {strconv.FormatInt(now.UnixMilli(), 10)},
		"limit": {strconv.Itoa(duo.MaxLogPageSize)}, "sort": {"ts:asc"},
	}
	size, events := 0, 0
	for {
		_, body, err := api.SignedCall(http.MethodGet, authLogPath, params)
		var answer struct {
			Response struct {
				Authlogs []json.RawMessage `json:"authlogs"`
				Metadata struct {
					NextOffset []string `json:"next_offset"`
				} `json:"metadata"`
			} `json:"response"`
		}
		if err != nil || json.Unmarshal(body, &answer) != nil {
			b.Fatalf("reading the authentication log: %v %.200s", err, body)
		}
		for _, event := range answer.Response.Authlogs {
			size += len(event)
		}
		events += len(answer.Response.Authlogs)
		if len(answer.Response.Metadata.NextOffset) == 0 {
			break
		}
		params.Set("next_offset", answer.Response.Metadata.NextOffset[0]+","+answer.Response.Metadata.NextOffset[1])
	}
	if events != n {
		b.Fatalf("the fake's week holds %d authentications, want %d", events, n)
	}
	return size
}
