package duo

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"reflect"
	"strconv"
	"strings"
	"testing"
)

// form is one way Duo's sources send a value, and what it must decode to.
type form struct {
	json string
	want any
}

// formsOf are the forms each lenient type takes, by type.
var formsOf = map[reflect.Type][]form{
	reflect.TypeFor[Bool](): {
		{`true`, Bool(true)}, {`false`, Bool(false)}, {`1`, Bool(true)}, {`0`, Bool(false)},
		{`"1"`, Bool(true)}, {`"0"`, Bool(false)}, {`"true"`, Bool(true)}, {`"False"`, Bool(false)},
	},
	reflect.TypeFor[Int](): {
		{`1343921403`, Int(1343921403)}, {`"1343921403"`, Int(1343921403)}, {`1.343921403e9`, Int(1343921403)}, {`0`, Int(0)}, {`-5`, Int(-5)},
	},
	reflect.TypeFor[FlexInt](): {
		{`1`, FlexInt(1)}, {`0`, FlexInt(0)}, {`"1"`, FlexInt(1)}, {`true`, FlexInt(1)}, {`false`, FlexInt(0)}, {`30`, FlexInt(30)},
	},
	reflect.TypeFor[Float](): {
		{`1.5`, Float(1.5)}, {`"1.5"`, Float(1.5)}, {`2`, Float(2)},
	},
	reflect.TypeFor[Text](): {
		{`"2021-06-23"`, Text("2021-06-23")}, {`""`, Text("")}, {`1624451421`, Text("1624451421")},
	},
	reflect.TypeFor[ActivityAction](): {
		{`"phone_create"`, ActivityAction{Name: ptr("phone_create")}},
		{`{"name": "user_update", "details": {"fields": ["notes"]}}`, ActivityAction{Name: ptr("user_update"), Details: ptr(JSONText(`{"fields":["notes"]}`))}},
		{`{"name": "admin_login", "details": "{\"factor\": \"push\"}"}`, ActivityAction{Name: ptr("admin_login"), Details: ptr(JSONText(`{"factor": "push"}`))}},
		{`{"name": "admin_login"}`, ActivityAction{Name: ptr("admin_login")}},
	},
	reflect.TypeFor[Address](): {
		{`{"address": "1.2.3.4"}`, Address("1.2.3.4")}, {`"2001:db8::1"`, Address("2001:db8::1")},
	},
}

// unreadableForms cannot be read as each lenient type.
var unreadableForms = map[reflect.Type]string{
	reflect.TypeFor[Bool]():           `"yes"`,
	reflect.TypeFor[Int]():            `"soon"`,
	reflect.TypeFor[FlexInt]():        `"on"`,
	reflect.TypeFor[Float]():          `[1]`,
	reflect.TypeFor[Text]():           `true`,
	reflect.TypeFor[ActivityAction](): `7`,
	reflect.TypeFor[Address]():        `[4]`,
}

// decodedObject decodes object, given as JSON members, as the first
// object of a page of the listing at path, as the client decodes answers.
func decodedObject[T any](path string, members map[string]json.RawMessage) (*T, error) {
	body, err := json.Marshal(map[string]any{"stat": "OK", "response": []any{members}, "metadata": map[string]any{"total_objects": 1}})
	if err != nil {
		return nil, err
	}
	var page envelope[[]T]
	if _, err := classify(context.Background(), http.MethodGet, path, http.StatusOK, body, nil, &page); err != nil {
		return nil, err
	}
	return &page.Response[0], nil
}

// testEveryForm checks every boolean, integer and number field of T, by
// reflection so that a field added later is covered: each form Duo sends
// decodes to its value, null and an absent field to nil, and an unreadable
// value is an error that names the endpoint, the object (by idField, for
// objects that have an ID) and the field.
func testEveryForm[T any](t *testing.T, path, idField string) {
	fields := lenientFields(reflect.TypeFor[T]())
	if len(fields) == 0 {
		t.Fatalf("%T has no boolean, integer or number field", *new(T))
	}
	for _, f := range fields {
		t.Run(f.name, func(t *testing.T) {
			for _, form := range formsOf[f.typ] {
				object, err := decodedObject[T](path, map[string]json.RawMessage{f.name: json.RawMessage(form.json), "unknown_field": json.RawMessage(`{"added":"later"}`)})
				if err != nil {
					t.Fatalf("%s = %s: %v", f.name, form.json, err)
				}
				got := f.value(object)
				if got == nil || !reflect.DeepEqual(reflect.ValueOf(got).Elem().Interface(), form.want) {
					t.Errorf("%s = %s decoded to %v, want %v", f.name, form.json, describe(got), form.want)
				}
			}
			for _, absent := range []map[string]json.RawMessage{{f.name: json.RawMessage(`null`)}, {}} {
				object, err := decodedObject[T](path, absent)
				if err != nil {
					t.Fatal(err)
				}
				if got := f.value(object); got != nil && !reflect.ValueOf(got).IsNil() {
					t.Errorf("%s null or absent decoded to %v, want nil", f.name, describe(got))
				}
			}
			bad := unreadableForms[f.typ]
			members, object := map[string]json.RawMessage{f.name: json.RawMessage(bad)}, "the 1st object of the answer, "
			if idField != "" {
				members[idField] = json.RawMessage(`"ID1"`)
				object = `the 1st object of the answer (` + idField + ` "ID1"), `
			}
			_, err := decodedObject[T](path, members)
			for _, part := range []string{path, object + "field " + f.name, bad, "please report"} {
				if err == nil || !strings.Contains(err.Error(), part) {
					t.Errorf("%s = %s: got %v, want an error holding %q", f.name, bad, err, part)
				}
			}
		})
	}
}

type lenientField struct {
	name  string
	typ   reflect.Type
	index []int
}

func (f lenientField) value(object any) any {
	return reflect.ValueOf(object).Elem().FieldByIndex(f.index).Interface()
}

// lenientFields are the top-level fields of a struct type, embedded
// structs included, that hold one of the lenient types.
func lenientFields(typ reflect.Type) []lenientField {
	var fields []lenientField
	for _, f := range reflect.VisibleFields(typ) {
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		if f.Type.Kind() != reflect.Pointer || name == "" {
			continue
		}
		if _, lenient := formsOf[f.Type.Elem()]; lenient {
			fields = append(fields, lenientField{name: name, typ: f.Type.Elem(), index: f.Index})
		}
	}
	return fields
}

func describe(v any) string {
	rv := reflect.ValueOf(v)
	if !rv.IsValid() || rv.IsNil() {
		return "nil"
	}
	return fmt.Sprint(rv.Elem().Interface())
}

func TestDecodingTakesEveryFormDuoSends(t *testing.T) {
	t.Run("users", func(t *testing.T) { testEveryForm[User](t, usersAPI.path, "user_id") })
	t.Run("groups", func(t *testing.T) { testEveryForm[Group](t, groupsAPI.path, "group_id") })
	t.Run("phones", func(t *testing.T) { testEveryForm[ListedPhone](t, phonesAPI.path, "phone_id") })
	t.Run("tokens", func(t *testing.T) { testEveryForm[ListedToken](t, tokensAPI.path, "token_id") })
	t.Run("u2f tokens", func(t *testing.T) { testEveryForm[U2FToken](t, usersAPI.path, "registration_id") })
	t.Run("webauthn credentials", func(t *testing.T) { testEveryForm[WebAuthnCredential](t, usersAPI.path, "webauthnkey") })
	t.Run("admins", func(t *testing.T) { testEveryForm[Admin](t, adminsAPI.path, "admin_id") })
	t.Run("administrative units", func(t *testing.T) {
		testEveryForm[AdministrativeUnit](t, administrativeUnitsAPI.path, "admin_unit_id")
	})
	t.Run("integrations", func(t *testing.T) { testEveryForm[Integration](t, integrationsAPI.path, "integration_key") })
	t.Run("bypass codes", func(t *testing.T) { testEveryForm[BypassCode](t, bypassCodesAPI.path, "bypass_code_id") })
	t.Run("listed webauthn credentials", func(t *testing.T) {
		testEveryForm[ListedWebAuthnCredential](t, webAuthnCredentialsAPI.path, "webauthnkey")
	})
	t.Run("endpoints", func(t *testing.T) { testEveryForm[Endpoint](t, endpointsAPI.path, "epkey") })
	t.Run("authentication log", func(t *testing.T) { testEveryForm[AuthLog](t, authenticationLogAPI.path, "txid") })
	t.Run("administrator log", func(t *testing.T) { testEveryForm[AdminLogEntry](t, administratorLogAPI.path, "") })
	t.Run("telephony log", func(t *testing.T) { testEveryForm[TelephonyLogEntry](t, telephonyLogAPI.path, "telephony_id") })
	t.Run("trust monitor", func(t *testing.T) { testEveryForm[TrustMonitorEvent](t, trustMonitorAPI.path, "sekey") })
	t.Run("activity log", func(t *testing.T) { testEveryForm[ActivityLog](t, activityLogAPI.path, "activity_id") })
	t.Run("activity log's access device", func(t *testing.T) { testEveryForm[ActivityAccessDevice](t, activityLogAPI.path, "") })
	t.Run("offline enrollment log", func(t *testing.T) { testEveryForm[OfflineEnrollmentEntry](t, offlineEnrollmentLogAPI.path, "") })
	t.Run("administrators' login methods", func(t *testing.T) { testEveryForm[AdminAuthMethods](t, adminAuthMethodsPath, "") })
	t.Run("settings", func(t *testing.T) { testEveryForm[Settings](t, "/admin/v1/settings", "") })
	t.Run("summary", func(t *testing.T) { testEveryForm[AccountSummary](t, "/admin/v1/info/summary", "") })
}

func TestNestedObjectsTakeEveryFormToo(t *testing.T) {
	body := `{"stat":"OK","response":[{"user_id":"DU1","is_enrolled":"1","last_login":"1343921403",
		"groups":[{"name":"token_users","desc":"People with hardware tokens"}],
		"phones":[{"phone_id":"DP1","activated":1,"sms_passcodes_sent":"false","postdelay":"","predelay":null}],
		"tokens":[{"token_id":"DH1","totp_step":"30"}]}]}`
	var page envelope[[]User]
	if _, err := classify(context.Background(), http.MethodGet, usersAPI.path, http.StatusOK, []byte(body), nil, &page); err != nil {
		t.Fatal(err)
	}
	u := page.Response[0]
	switch {
	case !bool(*u.IsEnrolled) || *u.LastLogin != 1343921403:
		t.Error("the user's flag or time was not read")
	case u.Groups[0].GroupID != nil || *u.Groups[0].Name != "token_users":
		t.Error("a group with only name and desc was not read as it is")
	case !bool(*u.Phones[0].Activated) || bool(*u.Phones[0].SMSPasscodesSent) || *u.Phones[0].Postdelay != "" || u.Phones[0].Predelay != nil:
		t.Error("the phone was not read as Duo sent it")
	case *u.Tokens[0].TOTPStep != 30:
		t.Error("totp_step sent as a string was not read")
	}
}

func TestAnUnreadableValueNamesWhereItIs(t *testing.T) {
	for _, tc := range []struct {
		name, path, body string
		want             []string
	}{
		{
			"nested in a page", usersAPI.path,
			`{"stat":"OK","response":[{"user_id":"DU1"},{"user_id":"DU2","phones":[{"phone_id":"DP1"},{"phone_id":"DP2","activated":"yes"}]}]}`,
			[]string{`GET /admin/v1/users`, `the 2nd object of the answer (user_id "DU2")`, `field phones[1].activated`, `a string ("yes")`, `a boolean (true, false, 0 or 1)`, "please report"},
		},
		{
			"without an ID", usersAPI.path,
			`{"stat":"OK","response":[{"username":"a","is_enrolled":{"x":1}}]}`,
			[]string{`the 1st object of the answer, field is_enrolled`, `an object ({"x":1})`},
		},
		{
			"in the metadata", usersAPI.path,
			`{"stat":"OK","response":[],"metadata":{"next_offset":["1532951895000","af0b"]}}`,
			[]string{`the answer's metadata.next_offset`, `a list (["1532951895000","af0b"])`, "an integer"},
		},
		{
			"the response itself", "/admin/v1/info/summary",
			`{"stat":"OK","response":"nothing"}`,
			[]string{`the answer's response`, `a string ("nothing")`},
		},
		{
			"in one object", "/admin/v1/info/summary",
			`{"stat":"OK","response":{"edition":"Duo Premier","user_count":[8]}}`,
			[]string{`the object of the answer, field user_count`, `a list ([8])`, "an integer"},
		},
		{
			"a member named in another case", usersAPI.path,
			`{"stat":"OK","response":[{"user_id":"DU1","Is_Enrolled":"maybe"}]}`,
			[]string{`field Is_Enrolled`, `a string ("maybe")`},
		},
		{
			"a long value is cut short", usersAPI.path,
			`{"stat":"OK","response":[{"user_id":"DU1","created":"` + strings.Repeat("9", 200) + `"}]}`,
			[]string{`field created`, strings.Repeat("9", 39) + "…"},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var err error
			if strings.HasPrefix(tc.body, `{"stat":"OK","response":{`) || strings.HasPrefix(tc.body, `{"stat":"OK","response":"`) {
				var answer envelope[*AccountSummary]
				_, err = classify(context.Background(), http.MethodGet, tc.path, http.StatusOK, []byte(tc.body), nil, &answer)
			} else {
				var page envelope[[]User]
				_, err = classify(context.Background(), http.MethodGet, tc.path, http.StatusOK, []byte(tc.body), nil, &page)
			}
			for _, part := range tc.want {
				if err == nil || !strings.Contains(err.Error(), part) {
					t.Errorf("got %v, want it to hold %q", err, part)
				}
			}
			if err != nil && strings.Contains(err.Error(), "not Duo's JSON") {
				t.Errorf("an answer that is JSON is called not Duo's JSON: %v", err)
			}
		})
	}
}

func TestAnUnreadableSecretIsNotShown(t *testing.T) {
	var answer envelope[*struct {
		SecretKey *string `json:"secret_key"`
	}]
	_, err := classify(context.Background(), http.MethodGet, "/admin/v1/integrations/DI1/skey", http.StatusOK, []byte(`{"stat":"OK","response":{"secret_key":12345678901234567890}}`), nil, &answer)
	if err == nil || !strings.Contains(err.Error(), "field secret_key") || strings.Contains(err.Error(), "1234567890") {
		t.Fatalf("got %v, want the field named without its value", err)
	}
}

// pagesWithMetadata serves n users 100 a page, with the metadata of each
// page written by metadata (given the page's offset and the next one, or
// -1 on the last page).
func pagesWithMetadata(n int, metadata func(offset, next int) map[string]any) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		offset, _ := strconv.Atoi(r.URL.Query().Get("offset"))
		end := min(offset+100, n)
		page := []any{}
		for i := offset; i < end; i++ {
			page = append(page, map[string]any{"user_id": fmt.Sprintf("DU%d", i), "username": fmt.Sprintf("user%d", i)})
		}
		next := end
		if end >= n {
			next = -1
		}
		answer := map[string]any{"stat": "OK", "response": page}
		if m := metadata(offset, next); m != nil {
			answer["metadata"] = m
		}
		writeJSON(w, http.StatusOK, answer)
	}
}

func TestListingsReadEveryShapeOfTheMetadata(t *testing.T) {
	for _, tc := range []struct {
		name     string
		metadata func(offset, next int) map[string]any
	}{
		{"next_offset absent on the last page, no total_objects", func(_, next int) map[string]any {
			if next < 0 {
				return map[string]any{}
			}
			return map[string]any{"next_offset": next}
		}},
		{"no metadata on the last page", func(_, next int) map[string]any {
			if next < 0 {
				return nil
			}
			return map[string]any{"next_offset": next}
		}},
		{"next_offset null, total_objects a string", func(_, next int) map[string]any {
			m := map[string]any{"total_objects": "250", "next_offset": nil}
			if next >= 0 {
				m["next_offset"] = next
			}
			return m
		}},
		{"next_offset a string, total_objects an object", func(_, next int) map[string]any {
			m := map[string]any{"total_objects": map[string]any{"relation": "eq", "value": 250}}
			if next >= 0 {
				m["next_offset"] = strconv.Itoa(next)
			}
			return m
		}},
		{"total_objects only on the first page", func(offset, next int) map[string]any {
			m := map[string]any{}
			if offset == 0 {
				m["total_objects"] = 250
			}
			if next >= 0 {
				m["next_offset"] = next
			}
			return m
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ts := newTestServer(t, pagesWithMetadata(250, tc.metadata))
			users, err := ts.client.ListUsers(context.Background(), ListUsersInput{})
			if err != nil {
				t.Fatal(err)
			}
			expectRange(t, users, 0, 250)
			if got := ts.requests.Load(); got != 3 {
				t.Errorf("sent %d requests, want 3: the listing is read once, not again", got)
			}
		})
	}
}

func TestAPageThatHoldsAnObjectTwiceIsKept(t *testing.T) {
	ts := newTestServer(t, func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, http.StatusOK, map[string]any{"stat": "OK", "response": []any{
			map[string]any{"group_id": "DGX", "name": "Group A"},
			map[string]any{"group_id": "DGX", "name": "Group B"},
		}})
	})
	groups, err := ts.client.ListGroups(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if len(groups) != 2 || *groups[1].Name != "Group B" || ts.requests.Load() != 1 {
		t.Fatalf("got %d groups in %d requests, want both groups in one request", len(groups), ts.requests.Load())
	}
}
