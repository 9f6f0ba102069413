package duo

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strings"
	"testing"
)

func TestWebAuthnCredentialsTakeEveryFormOfTheirFlags(t *testing.T) {
	// duo_api_csharp reads these flags with a converter that also takes 0/1
	// and strings; an older account sends none of the newer fields.
	credentials := []any{
		map[string]any{"webauthnkey": "WA1", "credential_name": "Touch ID", "date_added": 1654041600, "date_last_used": "1717243200",
			"registered_as": "platform", "transports": []string{"internal"}, "backup_eligible": 1, "backup_status": "0",
			"passwordless_authorized": "true", "uv_capable": true, "user": map[string]any{"user_id": "DU1", "username": "ada"}},
		map[string]any{"webauthnkey": "WA2", "credential_name": "YubiKey", "date_added": 1654041600, "date_last_used": nil,
			"user": nil, "admin": map[string]any{"admin_id": "DE1", "email": "olivia@example.com"}},
	}
	ts := newTestServer(t, pagedListing(len(credentials), 500, func(i int) any { return credentials[i] }))
	var got collector[ListedWebAuthnCredential]
	if err := ts.client.StreamWebAuthnCredentials(context.Background(), &got); err != nil {
		t.Fatal(err)
	}
	if len(got.objects) != 2 {
		t.Fatalf("got %d credentials", len(got.objects))
	}
	first, second := got.objects[0], got.objects[1]
	if !*first.BackupEligible || *first.BackupStatus || !*first.PasswordlessAuthorized || !*first.UVCapable ||
		*first.DateLastUsed != 1717243200 || *first.User.Username != "ada" || first.Admin != nil {
		t.Errorf("the first credential is %+v", first)
	}
	if second.DateLastUsed != nil || second.RegisteredAs != nil || second.Transports != nil || second.PasswordlessAuthorized != nil ||
		second.User != nil || *second.Admin.AdminID != "DE1" {
		t.Errorf("the older credential is %+v", second)
	}
}

func TestEndpointsKeepHealthDataLastCollectedAsDuoWroteIt(t *testing.T) {
	// Duo's documentation shows a Unix-seconds number, captured payloads "".
	forms := []any{1624451421, "", nil, "1624451421", json.RawMessage("1.6244514215e9")}
	want := []string{"1624451421", "", "<nil>", "1624451421", "1.6244514215e9"}
	ts := newTestServer(t, pagedListing(len(forms)+1, 500, func(i int) any {
		endpoint := map[string]any{"epkey": fmt.Sprintf("EP%d", i), "trusted_endpoint": "yes", "browsers": []any{map[string]any{"browser_family": "Chrome", "last_used": "1624451420"}}}
		if i < len(forms) {
			endpoint["health_data_last_collected"] = forms[i]
		}
		return endpoint
	}))
	var got collector[Endpoint]
	if err := ts.client.StreamEndpoints(context.Background(), &got); err != nil {
		t.Fatal(err)
	}
	for i, e := range got.objects[:len(forms)] {
		text := "<nil>"
		if e.HealthDataLastCollected != nil {
			text = string(*e.HealthDataLastCollected)
		}
		if text != want[i] {
			t.Errorf("health_data_last_collected sent as %#v was read as %q, want %q", forms[i], text, want[i])
		}
	}
	if last := got.objects[len(forms)]; last.HealthDataLastCollected != nil || *last.Browsers[0].LastUsed != 1624451420 {
		t.Errorf("an endpoint without health data is %+v", last)
	}
}

func TestAnUnreadableEndpointValueNamesTheEndpoint(t *testing.T) {
	ts := newTestServer(t, func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		_, _ = io.WriteString(w, `{"stat":"OK","response":[{"epkey":"EP0","health_data_last_collected":""},`+
			`{"epkey":"EP1","health_data_last_collected":true}],"metadata":{"total_objects":2}}`)
	})
	err := ts.client.StreamEndpoints(context.Background(), &collector[Endpoint]{})
	for _, want := range []string{`GET /admin/v1/endpoints`, `2nd object of the answer (epkey "EP1")`, "health_data_last_collected", "a boolean (true)", "a string or a number"} {
		if !strings.Contains(fmt.Sprint(err), want) {
			t.Errorf("got %v, want an error that says %s", err, want)
		}
	}
}

func TestDevicesAndCredentialsNeedReadResource(t *testing.T) {
	ts := newTestServer(t, func(w http.ResponseWriter, _ *http.Request) {
		writeJSON(w, http.StatusForbidden, failBody(40301, "Access forbidden"))
	})
	ctx := context.Background()
	for path, err := range map[string]error{
		"/admin/v1/webauthncredentials":    ts.client.StreamWebAuthnCredentials(ctx, &collector[ListedWebAuthnCredential]{}),
		"/admin/v1/endpoints":              ts.client.StreamEndpoints(ctx, &collector[Endpoint]{}),
		"/admin/v1/desktop_authenticators": ts.client.StreamDesktopAuthenticators(ctx, &collector[DesktopAuthenticator]{}),
	} {
		if !strings.Contains(fmt.Sprint(err), "GET "+path+" with HTTP 403") || !strings.Contains(fmt.Sprint(err), `grant it "Grant read resource"`) {
			t.Errorf("got %v, want a 403 of %s that names Grant read resource", err, path)
		}
	}
}
