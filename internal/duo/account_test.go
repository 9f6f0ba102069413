package duo

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
)

func TestListingPlansWithThePageSizeDuoServes(t *testing.T) {
	// Duo's documented maximum is only recalled for most listings: when Duo
	// serves pages of 100 where 500 were asked for, the pages after the
	// first are planned at 100, not fetched at 500 and thrown away.
	ts := newTestServer(t, pagedListing(1000, 100, func(i int) any {
		return map[string]any{"admin_id": fmt.Sprintf("DE%d", i), "email": fmt.Sprintf("admin%d@example.com", i)}
	}))
	admins, err := ts.client.ListAdmins(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if len(admins) != 1000 || *admins[0].AdminID != "DE0" || *admins[999].AdminID != "DE999" {
		t.Fatalf("got %d administrators", len(admins))
	}
	if got := ts.requests.Load(); got != 10 {
		t.Errorf("sent %d requests for 1000 administrators served 100 a page, want 10", got)
	}
}

func TestForbiddenNamesThePermissionOfTheEndpoint(t *testing.T) {
	ts := newTestServer(t, func(w http.ResponseWriter, _ *http.Request) {
		writeJSON(w, http.StatusForbidden, failBody(40301, "Access forbidden"))
	})
	ctx := context.Background()
	for _, tc := range []struct {
		read func() error
		want string
	}{
		{func() error { _, err := ts.client.ListAdmins(ctx); return err }, `"Grant administrators - Read"`},
		{func() error { _, err := ts.client.GetSettings(ctx); return err }, `"Grant settings"`},
		{func() error { _, err := ts.client.GetAccountSummary(ctx); return err }, `"Grant read information"`},
		{func() error { _, err := ts.client.GetIntegration(ctx, "DIX"); return err }, `"Grant applications"`},
		{func() error { _, err := ts.client.ListUsers(ctx, ListUsersInput{}); return err }, `"Grant read resource"`},
		{func() error { return ts.client.StreamBypassCodes(ctx, &collector[BypassCode]{}) }, `"Grant read resource"`},
		{func() error { _, err := ts.client.ListAdministrativeUnits(ctx); return err }, `"Grant administrators - Read"`},
		{func() error { return ts.client.StreamPhones(ctx, PhoneFilter{}, &collector[ListedPhone]{}) }, `"Grant read resource"`},
		{func() error { _, err := ts.client.ListPolicies(ctx); return err }, `"Grant read resource"`},
		{func() error { _, err := ts.client.GetPolicySummary(ctx); return err }, `"Grant read resource"`},
		{func() error { _, err := ts.client.CalculatePolicy(ctx, "DIX", "DUX"); return err }, `"Grant read resource"`},
	} {
		err := tc.read()
		if !strings.Contains(fmt.Sprint(err), "HTTP 403, code 40301") || !strings.Contains(fmt.Sprint(err), "grant it "+tc.want) {
			t.Errorf("got %v, want a 403 that names %s", err, tc.want)
		}
	}
}

func TestIntegrationsCarryNoSecret(t *testing.T) {
	const masked = "************************************4321"
	integration := map[string]any{
		"integration_key": "DIABCDEFGHIJKLMNOPQR", "name": "Portal", "type": "sso-oidc-generic", "secret_key": masked,
		"adminapi_write_resource": "1", "prompt_v4_enabled": true, "self_service_allowed": 0,
		"sso": map[string]any{"oidc": map[string]any{"client_id": "abc", "client_secret": masked, "scopes": []any{map[string]any{"name": "email", "Secret_Value": "x"}}}},
	}
	ts := newTestServer(t, func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/admin/v3/integrations/DIABCDEFGHIJKLMNOPQR":
			writeJSON(w, http.StatusOK, map[string]any{"stat": "OK", "response": integration})
		case "/admin/v1/integrations/DIABCDEFGHIJKLMNOPQR/skey":
			writeJSON(w, http.StatusOK, map[string]any{"stat": "OK", "response": map[string]any{"secret_key": strings.Repeat("k", 36) + "4321"}})
		case "/admin/v1/integrations/DIMASKED000000000000/skey":
			writeJSON(w, http.StatusOK, map[string]any{"stat": "OK", "response": map[string]any{"secret_key": masked}})
		default:
			writeJSON(w, http.StatusNotFound, failBody(40401, "Resource not found"))
		}
	})
	ctx := context.Background()
	got, err := ts.client.GetIntegration(ctx, "DIABCDEFGHIJKLMNOPQR")
	if err != nil {
		t.Fatal(err)
	}
	decoded, _ := json.Marshal(got)
	if strings.Contains(strings.ToLower(string(decoded)), "secret") || strings.Contains(string(decoded), "4321") {
		t.Errorf("the decoded integration holds a secret: %s", decoded)
	}
	if got.SSO == nil || got.SSO.JSON != `{"oidc":{"client_id":"abc","scopes":[{"name":"email"}]}}` {
		t.Errorf("sso is %+v", got.SSO)
	}
	if *got.AdminAPIWriteResource != 1 || *got.PromptV4Enabled != 1 || *got.SelfServiceAllowed != 0 || got.FramelessAuthPromptEnabled != nil {
		t.Errorf("0/1 settings decoded as %v %v %v %v", *got.AdminAPIWriteResource, *got.PromptV4Enabled, *got.SelfServiceAllowed, got.FramelessAuthPromptEnabled)
	}
	if key, err := ts.client.SecretKey(ctx, "DIABCDEFGHIJKLMNOPQR"); err != nil || key != strings.Repeat("k", 36)+"4321" {
		t.Errorf("SecretKey: %q, %v", key, err)
	}
	if key, err := ts.client.SecretKey(ctx, "DIMASKED000000000000"); err == nil || strings.Contains(err.Error(), "4321") {
		t.Errorf("a masked key was taken for the key, or repeated in the error: %q, %v", key, err)
	}
	if _, err := ts.client.GetIntegration(ctx, "DINOSUCHKEY000000000"); !IsNotFound(err) {
		t.Errorf("got %v, want not found", err)
	}
}

func TestAdministrativeUnitsWithoutMembersAreReadByID(t *testing.T) {
	var byID atomic.Int64
	ts := newTestServer(t, func(w http.ResponseWriter, r *http.Request) {
		unit := func(i int, members bool) map[string]any {
			u := map[string]any{"admin_unit_id": fmt.Sprintf("DU%d", i), "name": fmt.Sprintf("unit %d", i), "description": "", "restrict_by_groups": true, "restrict_by_integrations": false}
			if members {
				u["admins"], u["groups"], u["integrations"] = []string{fmt.Sprintf("DE%d", i)}, []string{}, []string{"DI1"}
			}
			return u
		}
		if id, ok := strings.CutPrefix(r.URL.Path, "/admin/v1/administrative_units/"); ok {
			byID.Add(1)
			i, err := strconv.Atoi(strings.TrimPrefix(id, "DU"))
			if err != nil {
				t.Errorf("asked for the unit %q", id)
			}
			writeJSON(w, http.StatusOK, map[string]any{"stat": "OK", "response": unit(i, true)})
			return
		}
		// The listing sends the members of unit 0 only.
		pagedListing(3, 100, func(i int) any { return unit(i, i == 0) })(w, r)
	})
	units, err := ts.client.ListAdministrativeUnits(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if len(units) != 3 || byID.Load() != 2 {
		t.Fatalf("got %d units after %d reads by ID, want 3 after 2", len(units), byID.Load())
	}
	for i, u := range units {
		if *u.AdminUnitID != fmt.Sprintf("DU%d", i) || len(u.Admins) != 1 || u.Groups == nil || len(u.Integrations) != 1 {
			t.Errorf("unit %d is %+v", i, u)
		}
	}
}

func TestFiltersAreSentOnlyWhenSet(t *testing.T) {
	var queries []string
	ts := newTestServer(t, func(w http.ResponseWriter, r *http.Request) {
		q := r.URL.Query()
		q.Del("limit")
		q.Del("offset")
		queries = append(queries, r.URL.Path+"?"+q.Encode())
		writeJSON(w, http.StatusOK, map[string]any{"stat": "OK", "response": []any{}, "metadata": map[string]any{"total_objects": 0}})
	})
	ctx := context.Background()
	for _, read := range []func() error{
		func() error { return ts.client.StreamPhones(ctx, PhoneFilter{}, &collector[ListedPhone]{}) },
		func() error {
			return ts.client.StreamPhones(ctx, PhoneFilter{Number: "+15555550100"}, &collector[ListedPhone]{})
		},
		func() error {
			return ts.client.StreamTokens(ctx, TokenFilter{Type: "yk", Serial: "1 2"}, &collector[ListedToken]{})
		},
	} {
		if err := read(); err != nil {
			t.Fatal(err)
		}
	}
	want := []string{"/admin/v1/phones?", "/admin/v1/phones?number=%2B15555550100", "/admin/v1/tokens?serial=1+2&type=yk"}
	if fmt.Sprint(queries) != fmt.Sprint(want) {
		t.Errorf("sent %v, want %v", queries, want)
	}
}
