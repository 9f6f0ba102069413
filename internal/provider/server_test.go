package provider

import (
	"context"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/providerserver"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/idaudit/terraform-provider-duo/internal/fakeduo"
)

// TestFastReadMatchesTheFramework proves that the server's fast path
// returns exactly what the framework's own Read returns, state and
// diagnostics, for every data source and every kind of query.
func TestFastReadMatchesTheFramework(t *testing.T) {
	users := usersOverSeveralPages()
	account := fakeduo.GeneratedAccount(users, 600)
	fake, err := fakeduo.Start(fakeduo.Options{Users: users, Account: &account})
	if err != nil {
		t.Fatal(err)
	}
	defer fake.Close()
	ctx := context.Background()
	fast := configuredServer(t, ctx, NewServer("test"), accountOf(t, fake))
	framework := configuredServer(t, ctx, providerserver.NewProtocol6WithError(New("test")()), accountOf(t, fake))

	str := func(s string) tftypes.Value { return tftypes.NewValue(tftypes.String, s) }
	num := func(n int64) tftypes.Value { return tftypes.NewValue(tftypes.Number, n) }
	strs := func(values ...string) tftypes.Value {
		elements := make([]tftypes.Value, len(values))
		for i, v := range values {
			elements[i] = str(v)
		}
		return tftypes.NewValue(tftypes.List{ElementType: tftypes.String}, elements)
	}
	set := func(values ...string) tftypes.Value {
		elements := make([]tftypes.Value, len(values))
		for i, v := range values {
			elements[i] = str(v)
		}
		return tftypes.NewValue(tftypes.Set{ElementType: tftypes.String}, elements)
	}
	yes := tftypes.NewValue(tftypes.Bool, true)
	// failing are the queries whose read must fail: any other must succeed,
	// so that a read that fails alike both ways cannot pass unseen.
	failing := map[string]bool{
		"duo_users/user IDs, some missing": true, "duo_user/nobody": true, "duo_integration/nobody": true,
		"duo_policy/global = false": true, "duo_policy/nobody": true, "duo_effective_policy/in no application": true,
		"duo_authentication_logs/too many": true, "duo_trust_monitor_events/a bad window": true,
	}
	now := time.Now()
	lastWeek := map[string]tftypes.Value{"mintime": str(now.Add(-7 * 24 * time.Hour).Format(time.RFC3339)), "maxtime": str(now.Format(time.RFC3339)), "max_events": num(5000)}
	for _, tc := range []struct {
		dataSource, query string
		config            map[string]tftypes.Value
	}{
		{"duo_users", "every user", nil},
		{"duo_users", "by alias", map[string]tftypes.Value{"username": str("john.smith")}},
		{"duo_users", "nobody", map[string]tftypes.Value{"username": str("no-such-user")}},
		{"duo_users", "a slice across pages", map[string]tftypes.Value{"offset": num(290), "limit": num(20)}},
		{"duo_users", "by email", map[string]tftypes.Value{"email": str("mary+duo@example.com")}},
		{"duo_users", "usernames, some missing ignored", map[string]tftypes.Value{"usernames": strs("zoe.nunez", "nobody", "jsmith"), "ignore_missing": yes}},
		{"duo_users", "user IDs, some missing", map[string]tftypes.Value{"user_ids": strs("DUSAMPLE000000000002", "DUNOBODY")}},
		{"duo_users", "filters", map[string]tftypes.Value{"status": set("active", "bypass"), "groups": set("All Staff"), "offset": num(3), "limit": num(50)}},
		{"duo_users", "a bad time", map[string]tftypes.Value{"last_login_before": str("yesterday")}},
		{"duo_users", "with a timeouts block", map[string]tftypes.Value{"timeouts": tftypes.NewValue(tftypes.Object{AttributeTypes: map[string]tftypes.Type{"read": tftypes.String}}, map[string]tftypes.Value{"read": str("1m")})}},
		{"duo_user", "by alias", map[string]tftypes.Value{"username": str("john.smith")}},
		{"duo_user", "nobody", map[string]tftypes.Value{"user_id": str("DUNOBODY")}},
		{"duo_groups", "every group", nil},
		{"duo_group", "by name, with members", map[string]tftypes.Value{"name": str("All Staff"), "include_members": yes}},
		{"duo_admins", "every administrator", nil},
		{"duo_admin", "by email", map[string]tftypes.Value{"email": str(account.Admins[599].Email)}},
		{"duo_administrative_units", "every unit", nil},
		{"duo_integrations", "every integration", nil},
		{"duo_integration", "with its secret key", map[string]tftypes.Value{"integration_key": str(account.Integrations[0].IntegrationKey), "include_secret_key": yes}},
		{"duo_integration", "nobody", map[string]tftypes.Value{"integration_key": str("DINOBODY")}},
		{"duo_phones", "every phone", nil},
		{"duo_tokens", "every token", nil},
		{"duo_bypass_codes", "every code", nil},
		{"duo_webauthn_credentials", "every credential", nil},
		{"duo_endpoints", "every endpoint", nil},
		{"duo_desktop_authenticators", "every desktop authenticator", nil},
		{"duo_settings", "the settings", nil},
		{"duo_account_summary", "the summary", nil},
		{"duo_policies", "every policy", nil},
		{"duo_policy", "by key: nested objects, lists and numbers", map[string]tftypes.Value{"policy_key": str(account.Policies[1].PolicyKey)}},
		{"duo_policy", "by name: nulls, fractions, a negative number", map[string]tftypes.Value{"policy_name": str(account.Policies[3].PolicyName)}},
		{"duo_policy", "without sections", map[string]tftypes.Value{"policy_key": str(account.Policies[4].PolicyKey)}},
		{"duo_policy", "the global policy", map[string]tftypes.Value{"global": yes}},
		{"duo_policy", "global = false", map[string]tftypes.Value{"global": tftypes.NewValue(tftypes.Bool, false)}},
		{"duo_policy", "nobody", map[string]tftypes.Value{"policy_key": str("PONOBODY")}},
		{"duo_effective_policy", "by username, in a group's policy", map[string]tftypes.Value{"username": str(memberOf(t, users, account.Policies[3].GroupsInApps[0].GroupIDs[0])), "integration_key": str(account.Integrations[3].IntegrationKey)}},
		{"duo_effective_policy", "by user ID", map[string]tftypes.Value{"user_id": str(users[0].UserID), "integration_key": str(account.Integrations[1].IntegrationKey)}},
		{"duo_effective_policy", "in no application", map[string]tftypes.Value{"user_id": str(users[0].UserID), "integration_key": str("DINOBODY")}},
		{"duo_authentication_logs", "a week, filtered", with(lastWeek, map[string]tftypes.Value{"results": set("success", "fraud")})},
		{"duo_authentication_logs", "too many", with(lastWeek, map[string]tftypes.Value{"max_events": num(10)})},
		{"duo_authentication_logs", "an empty filter", with(lastWeek, map[string]tftypes.Value{"users": set()})},
		{"duo_administrator_logs", "a week of logins", with(lastWeek, map[string]tftypes.Value{"actions": set("admin_login")})},
		{"duo_telephony_logs", "a week", lastWeek},
		{"duo_trust_monitor_events", "a week of auth events", with(lastWeek, map[string]tftypes.Value{"type": str("auth")})},
		{"duo_trust_monitor_events", "a bad window", with(lastWeek, map[string]tftypes.Value{"maxtime": str(now.Add(-8 * 24 * time.Hour).Format(time.RFC3339))})},
	} {
		config := tc.config
		t.Run(tc.dataSource+"/"+tc.query, func(t *testing.T) {
			pick := func(schemas *tfprotov6.GetProviderSchemaResponse) *tfprotov6.Schema {
				return schemas.DataSourceSchemas[tc.dataSource]
			}
			req := &tfprotov6.ReadDataSourceRequest{TypeName: tc.dataSource}
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
			if failing[tc.dataSource+"/"+tc.query] != (len(want.Diagnostics) > 0) {
				t.Fatalf("the read's diagnostics are %q; list in failing the queries that must fail, and only them", diagnosticsText(want.Diagnostics))
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

// memberOf returns the username of a user in the group.
func memberOf(t *testing.T, users []fakeduo.User, groupID string) string {
	t.Helper()
	for _, u := range users {
		for _, g := range u.Groups {
			if g.GroupID == groupID {
				return u.Username
			}
		}
	}
	t.Fatalf("no user is in group %s", groupID)
	return ""
}
