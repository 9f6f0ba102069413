package duo

import (
	"context"
	"crypto/hmac"
	"crypto/sha512"
	"encoding/base64"
	"encoding/hex"
	"net/http"
	"strings"
	"testing"
)

func TestPolicySummaryShapes(t *testing.T) {
	vpn := `{"app_integration_key":"DI1","app_name":"VPN","apply_type":"app"}`
	group := `{"app_integration_key":"DI1","app_name":"VPN","apply_type":"group_app","group_name":"Contractors"}`
	for name, summary := range map[string]string{
		"the notes' shape": `{"policies":[{"policy_key":"PO1","policy_name":"A","policy_applies_to":[` + vpn + `,` + group + `]},{"policy_key":"PO2","policy_applies_to":[]}],"policy_count":2,"response_is_truncated":false}`,
		"a bare list":      `[{"policy_key":"PO1","policy_applies_to":[` + vpn + `,` + group + `]},{"policy_key":"PO2","policy_applies_to":[]}]`,
		"applies_to":       `{"policies":[{"policy_key":"PO1","applies_to":[` + vpn + `,` + group + `]},{"policy_key":"PO2","applies_to":[]}]}`,
	} {
		var s PolicySummary
		if err := s.UnmarshalJSON([]byte(summary)); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		places, err := s.AppliesTo(&Policy{PolicyKey: ptr("PO1")})
		if err != nil || len(places) != 2 || *places[0].ApplyType != "app" || places[0].GroupName != nil || *places[1].GroupName != "Contractors" {
			t.Errorf("%s: PO1 applies to %v (%v)", name, places, err)
		}
		if places, err := s.AppliesTo(&Policy{PolicyKey: ptr("PO2")}); err != nil || places == nil || len(places) != 0 {
			t.Errorf("%s: PO2 applies to %#v (%v), want an empty list", name, places, err)
		}
		if places, err := s.AppliesTo(&Policy{PolicyKey: ptr("POGLOBAL"), IsGlobalPolicy: ptr(Bool(true))}); err != nil || places != nil {
			t.Errorf("%s: the global policy, not listed, applies to %v (%v), want null", name, places, err)
		}
	}

	var s PolicySummary
	if err := s.UnmarshalJSON([]byte(`{"policies":[{"policy_key":"PO1","policy_name":"A"}]}`)); err != nil {
		t.Fatal(err)
	}
	if _, err := s.AppliesTo(&Policy{PolicyKey: ptr("PO1"), PolicyName: ptr("A")}); err == nil || !strings.Contains(err.Error(), `policy PO1 ("A") but without its policy_applies_to`) {
		t.Errorf("a summary entry without its places gave %v", err)
	}
	if _, err := s.AppliesTo(&Policy{PolicyKey: ptr("PO9")}); err == nil || !strings.Contains(err.Error(), "without policy PO9") {
		t.Errorf("a policy the summary leaves out gave %v", err)
	}
	if err := s.UnmarshalJSON([]byte(`{"policies":[],"response_is_truncated":true}`)); err != nil {
		t.Fatal(err)
	}
	if _, err := s.AppliesTo(&Policy{PolicyKey: ptr("PO9")}); err == nil || !strings.Contains(err.Error(), "truncated summary (response_is_truncated) that leaves out policy PO9") {
		t.Errorf("a policy a truncated summary leaves out gave %v", err)
	}
}

func TestUnreadablePolicySummaryIsAnError(t *testing.T) {
	ts := newTestServer(t, func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write([]byte(`{"stat":"OK","response":{"summary":[]}}`))
	})
	_, err := ts.client.GetPolicySummary(context.Background())
	if err == nil || !strings.Contains(err.Error(), `GET /admin/v2/policies/summary with a value the provider cannot read`) ||
		!strings.Contains(err.Error(), `where the provider expects an object with a "policies" list`) {
		t.Fatalf("got %v", err)
	}
}

// TestPolicyRequestsAreSignedV5: every policy request carries a v5
// signature over its query, which Duo may require there.
func TestPolicyRequestsAreSignedV5(t *testing.T) {
	secret := strings.Repeat("s", 40)
	var paths []string
	ts := newTestServer(t, func(w http.ResponseWriter, r *http.Request) {
		paths = append(paths, r.URL.Path)
		canonical := strings.Join([]string{r.Header.Get("Date"), r.Method, strings.ToLower(r.Host), r.URL.Path,
			strings.ReplaceAll(r.URL.Query().Encode(), "+", "%20"), sha512Hex(""), sha512Hex("")}, "\n")
		mac := hmac.New(sha512.New, []byte(secret))
		mac.Write([]byte(canonical))
		want := "Basic " + base64.StdEncoding.EncodeToString([]byte("DIXXXXXXXXXXXXXXXXXX:"+hex.EncodeToString(mac.Sum(nil))))
		if r.Header.Get("Authorization") != want {
			writeJSON(w, http.StatusUnauthorized, failBody(40103, "Invalid signature in request credentials"))
			return
		}
		switch r.URL.Path {
		case "/admin/v2/policies":
			writeJSON(w, http.StatusOK, map[string]any{"stat": "OK", "response": []any{map[string]any{"policy_key": "PO1", "sections": map[string]any{}}}, "metadata": map[string]any{"total_objects": 1}})
		case "/admin/v2/policies/calculate":
			if r.URL.Query().Get("integration_key") != "DI 1" || r.URL.Query().Get("user_id") != "DU1" {
				writeJSON(w, http.StatusNotFound, failBody(40401, "Resource not found"))
				return
			}
			writeJSON(w, http.StatusOK, map[string]any{"stat": "OK", "response": map[string]any{"sections": map[string]any{"new_user": map[string]any{"new_user_behavior": "deny"}}, "policy_elements": []any{1}}})
		default:
			writeJSON(w, http.StatusOK, map[string]any{"stat": "OK", "response": map[string]any{"policy_key": "PO1", "sections": nil}})
		}
	})
	ctx := context.Background()
	if policies, err := ts.client.ListPolicies(ctx); err != nil || len(policies) != 1 {
		t.Fatalf("ListPolicies: %v %v", policies, err)
	}
	if p, err := ts.client.GetPolicy(ctx, "PO1"); err != nil || *p.PolicyKey != "PO1" {
		t.Fatalf("GetPolicy: %v", err)
	}
	if _, err := ts.client.GetGlobalPolicy(ctx); err != nil {
		t.Fatalf("GetGlobalPolicy: %v", err)
	}
	calculated, err := ts.client.CalculatePolicy(ctx, "DI 1", "DU1")
	if err != nil || string(calculated.Sections) != `{"new_user":{"new_user_behavior":"deny"}}` || string(calculated.PolicyElements) != `[1]` {
		t.Fatalf("CalculatePolicy: %+v %v", calculated, err)
	}
	if _, err := ts.client.CalculatePolicy(ctx, "DI2", "DU1"); !IsNotFound(err) {
		t.Errorf("an unknown integration gave %v, want not found", err)
	}
	if want := "/admin/v2/policies /admin/v2/policies/PO1 /admin/v2/policies/global /admin/v2/policies/calculate /admin/v2/policies/calculate"; strings.Join(paths, " ") != want {
		t.Errorf("requested %v", paths)
	}
}

func sha512Hex(s string) string {
	sum := sha512.Sum512([]byte(s))
	return hex.EncodeToString(sum[:])
}

func ptr[T any](v T) *T { return &v }
