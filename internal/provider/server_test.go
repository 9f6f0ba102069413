package provider

import (
	"context"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/providerserver"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/idaudit/terraform-provider-duo/internal/fakeduo"
)

// TestFastReadMatchesTheFramework proves that the server's fast path for
// duo_users returns exactly what the framework's own Read returns, state
// and diagnostics, for every kind of query.
func TestFastReadMatchesTheFramework(t *testing.T) {
	fake, err := fakeduo.Start(fakeduo.Options{Users: usersOverSeveralPages()})
	if err != nil {
		t.Fatal(err)
	}
	defer fake.Close()
	ctx := context.Background()
	fast := configuredServer(t, ctx, NewServer("test"), fake)
	framework := configuredServer(t, ctx, providerserver.NewProtocol6WithError(New("test")()), fake)

	str := func(s string) tftypes.Value { return tftypes.NewValue(tftypes.String, s) }
	num := func(n int64) tftypes.Value { return tftypes.NewValue(tftypes.Number, n) }
	strs := func(values ...string) tftypes.Value {
		elements := make([]tftypes.Value, len(values))
		for i, v := range values {
			elements[i] = str(v)
		}
		return tftypes.NewValue(tftypes.List{ElementType: tftypes.String}, elements)
	}
	for name, config := range map[string]map[string]tftypes.Value{
		"every user":           nil,
		"by alias":             {"username": str("john.smith")},
		"nobody":               {"username": str("no-such-user")},
		"a slice across pages": {"offset": num(290), "limit": num(20)},
		"by email":             {"email": str("mary+duo@example.com")},
		"usernames, some missing ignored": {
			"usernames": strs("zoe.nunez", "nobody", "jsmith"), "ignore_missing": tftypes.NewValue(tftypes.Bool, true),
		},
		"user IDs, some missing": {"user_ids": strs("DUSAMPLE000000000002", "DUNOBODY")},
		"with a timeouts block":  {"timeouts": tftypes.NewValue(tftypes.Object{AttributeTypes: map[string]tftypes.Type{"read": tftypes.String}}, map[string]tftypes.Value{"read": str("1m")})},
	} {
		t.Run(name, func(t *testing.T) {
			pick := func(schemas *tfprotov6.GetProviderSchemaResponse) *tfprotov6.Schema {
				return schemas.DataSourceSchemas["duo_users"]
			}
			req := &tfprotov6.ReadDataSourceRequest{TypeName: "duo_users"}
			dv := dynamicValue(t, ctx, fast, pick, config)
			req.Config = &dv
			want, err := framework.ReadDataSource(ctx, req)
			if err != nil {
				t.Fatal(err)
			}
			got, err := fast.ReadDataSource(ctx, req)
			if err != nil {
				t.Fatal(err)
			}
			if diagnosticsText(got.Diagnostics) != diagnosticsText(want.Diagnostics) {
				t.Fatalf("diagnostics differ:\nfast path: %s\nframework: %s", diagnosticsText(got.Diagnostics), diagnosticsText(want.Diagnostics))
			}
			if len(want.Diagnostics) > 0 {
				return // Terraform reads no state from a failed read
			}
			stateType := pick(mustSchemas(t, ctx, fast)).ValueType()
			gotValue, err := got.State.Unmarshal(stateType)
			if err != nil {
				t.Fatalf("Terraform cannot read the fast path's state: %v", err)
			}
			wantValue, err := want.State.Unmarshal(stateType)
			if err != nil {
				t.Fatal(err)
			}
			if !gotValue.Equal(wantValue) {
				diffs, _ := gotValue.Diff(wantValue)
				t.Fatalf("states differ in %d places, first %v", len(diffs), diffs[0])
			}
		})
	}
}

func mustSchemas(t *testing.T, ctx context.Context, server tfprotov6.ProviderServer) *tfprotov6.GetProviderSchemaResponse {
	schemas, err := server.GetProviderSchema(ctx, &tfprotov6.GetProviderSchemaRequest{})
	if err != nil {
		t.Fatal(err)
	}
	return schemas
}
