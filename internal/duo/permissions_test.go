package duo

import (
	"context"
	"net/http"
	"strings"
	"testing"
)

// grantsOf writes permissions as "name=true", "name=false" or "name=?".
func grantsOf(p *Permissions) string {
	var b strings.Builder
	for _, g := range []struct {
		name  string
		value *Bool
	}{
		{"read_resource", p.ReadResource}, {"read_log", p.ReadLog}, {"read_information", p.ReadInformation},
		{"settings", p.Settings}, {"administrators", p.Administrators}, {"applications", p.Applications},
		{"write_resource", p.WriteResource}, {"administrators_write", p.AdministratorsWrite}, {"applications_write", p.ApplicationsWrite},
		{"settings_write", p.SettingsWrite}, {"set_permissions", p.SetPermissions},
	} {
		value := "?"
		if g.value != nil {
			value = map[Bool]string{true: "true", false: "false"}[*g.value]
		}
		b.WriteString(" " + g.name + "=" + value)
	}
	return strings.TrimSpace(b.String())
}

func TestPermissionsFromTheKeysOwnIntegration(t *testing.T) {
	var paths []string
	ts := newTestServer(t, func(w http.ResponseWriter, r *http.Request) {
		paths = append(paths, r.URL.Path)
		writeJSON(w, http.StatusOK, map[string]any{"stat": "OK", "response": map[string]any{
			"integration_key": "DIXXXXXXXXXXXXXXXXXX", "type": "adminapi",
			"adminapi_read_resource": 1, "adminapi_write_resource": "1", "adminapi_read_log": 0, "adminapi_info": true,
			"adminapi_settings": 0, "adminapi_admins": 0, "adminapi_admins_read": 1, "adminapi_integrations": 1,
			// adminapi_allow_to_set_permissions: absent from older records.
		}})
	})
	p, err := ts.client.Permissions(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	want := "read_resource=true read_log=false read_information=true settings=false administrators=true applications=true " +
		"write_resource=true administrators_write=false applications_write=true settings_write=false set_permissions=?"
	if got := grantsOf(p); got != want || p.LearnedFrom != LearnedFromIntegration || p.IntegrationKey != "DIXXXXXXXXXXXXXXXXXX" {
		t.Errorf("got %s from %s, want %s", got, p.LearnedFrom, want)
	}
	if len(paths) != 1 || paths[0] != "/admin/v3/integrations/DIXXXXXXXXXXXXXXXXXX" {
		t.Errorf("asked %q, want the key's own integration alone", paths)
	}
}

func TestPermissionsProbedWhenTheKeyMayNotReadItsIntegration(t *testing.T) {
	for _, ownRecord := range []int{http.StatusForbidden, http.StatusNotFound} {
		granted := map[string]bool{"/admin/v1/users": true, "/admin/v1/info/summary": true, "/admin/v1/logs/administrator": true}
		ts := newTestServer(t, func(w http.ResponseWriter, r *http.Request) {
			switch {
			case strings.HasPrefix(r.URL.Path, "/admin/v3/integrations/"):
				writeJSON(w, ownRecord, failBody(ownRecord*100+1, http.StatusText(ownRecord)))
			case granted[r.URL.Path]:
				writeJSON(w, http.StatusOK, map[string]any{"stat": "OK", "response": []any{}})
			default:
				writeJSON(w, http.StatusForbidden, failBody(40301, "Access forbidden"))
			}
		})
		p, err := ts.client.Permissions(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		want := "read_resource=true read_log=true read_information=true settings=false administrators=false applications=false " +
			"write_resource=? administrators_write=? applications_write=? settings_write=? set_permissions=?"
		if got := grantsOf(p); got != want || p.LearnedFrom != LearnedFromProbes {
			t.Errorf("own record answered %d: got %s from %s, want %s", ownRecord, got, p.LearnedFrom, want)
		}
		if got := ts.requests.Load(); got != 7 {
			t.Errorf("sent %d requests, want the record and six probes", got)
		}
	}
}

func TestPermissionsFailOnWhatIsNoRefusal(t *testing.T) {
	for name, handler := range map[string]http.HandlerFunc{
		"the record": func(w http.ResponseWriter, _ *http.Request) {
			writeJSON(w, http.StatusUnauthorized, failBody(40103, "Invalid signature in request credentials"))
		},
		"a probe": func(w http.ResponseWriter, r *http.Request) {
			if r.URL.Path == "/admin/v1/settings" {
				writeJSON(w, http.StatusBadRequest, failBody(40002, "Invalid request parameters"))
				return
			}
			writeJSON(w, http.StatusForbidden, failBody(40301, "Access forbidden"))
		},
	} {
		_, err := newTestServer(t, handler).client.Permissions(context.Background())
		if err == nil || name == "the record" && !strings.Contains(err.Error(), "40103") ||
			name == "a probe" && !strings.Contains(err.Error(), "probing the permission to read /admin/v1/settings") {
			t.Errorf("%s failed: got %v", name, err)
		}
	}
}
