package provider

import (
	"bytes"
	"encoding/json"
	"testing"

	"github.com/hashicorp/terraform-plugin-go/tftypes"
	"github.com/zclconf/go-cty/cty"
	ctyjson "github.com/zclconf/go-cty/cty/json"
	ctymsgpack "github.com/zclconf/go-cty/cty/msgpack"
)

// dynamicCases are JSON values of every kind that Duo's section data
// holds, and the corners of how jsondecode reads them.
var dynamicCases = []string{
	`{"new_user":{"new_user_behavior":"allow"}}`,
	`{"authentication_methods":{"allowed_auth_list":["duo-push","sms"],"blocked_auth_list":[],"require_verified_push":true,"verified_push_digits":6}}`,
	`{"remembered_devices":{"browser_apps":{"enabled":true,"risk_based":{"max_time_units":"hours","max_time_value":12}}}}`,
	`{"duo_mobile_app":{"block_policy":"warn","block_version":null}}`,
	`{"numbers":[0,-1,3,2.5,0.1,1e3,1.0,-0,12345678901234567890,1e300,9007199254740993,0.30000000000000004]}`,
	`{"mixed":[1,"a",true,null,{"b":[]},[[]]]}`,
	`{"keys":{"":1,"<&>":"<&>","a b":"é 東京","z":{},"A":2}}`,
	`{}`,
	`[]`,
	`"a string"`,
	`42`,
	`false`,
}

// TestDynamicJSONIsJsondecode: a dynamic attribute holds exactly what
// Terraform's jsondecode makes of the same JSON, to the byte of cty's own
// encoding, and terraform-plugin-go reads it back.
func TestDynamicJSONIsJsondecode(t *testing.T) {
	for _, raw := range dynamicCases {
		typ, err := ctyjson.ImpliedType([]byte(raw))
		if err != nil {
			t.Fatal(err)
		}
		value, err := ctyjson.Unmarshal([]byte(raw), typ)
		if err != nil {
			t.Fatal(err)
		}
		want, err := ctymsgpack.Marshal(value, cty.DynamicPseudoType)
		if err != nil {
			t.Fatal(err)
		}
		var w msgpackWriter
		w.dynamicJSON(json.RawMessage(raw))
		if !bytes.Equal(w.buf, want) {
			t.Errorf("%s:\n got % x\nwant % x", raw, w.buf, want)
		}
		decoded := decodeState(t, tftypes.DynamicPseudoType, &w)
		if decoded.IsNull() || decoded.Type().Is(tftypes.DynamicPseudoType) {
			t.Errorf("%s decodes as %s", raw, decoded)
		}
	}
}

func TestDynamicJSONNull(t *testing.T) {
	for _, raw := range []string{"", "null", " null "} {
		var w msgpackWriter
		w.dynamicJSON(json.RawMessage(raw))
		if got := decodeState(t, tftypes.DynamicPseudoType, &w); !got.IsNull() {
			t.Errorf("%q decodes as %s, want null", raw, got)
		}
	}
}

// TestCanonicalJSON: sections_json has sorted keys, no spaces, numbers as
// Duo wrote them and the same value as the JSON Duo sent.
func TestCanonicalJSON(t *testing.T) {
	for raw, want := range map[string]string{
		`{ "b": 1, "a": {"d": [1.50, 2e3, null], "c": "<&>"} }`: `{"a":{"c":"<&>","d":[1.50,2e3,null]},"b":1}`,
		`{"n": 12345678901234567890123}`:                        `{"n":12345678901234567890123}`,
		`[]`:                                                    `[]`,
	} {
		value, ok := parseJSON(json.RawMessage(raw))
		if !ok {
			t.Fatalf("%s does not parse", raw)
		}
		if got := canonicalJSON(value); got != want {
			t.Errorf("canonicalJSON(%s) = %s, want %s", raw, got, want)
		}
	}
	for _, raw := range dynamicCases {
		value, _ := parseJSON(json.RawMessage(raw))
		var sent, canonical any
		if json.Unmarshal([]byte(raw), &sent) != nil || json.Unmarshal([]byte(canonicalJSON(value)), &canonical) != nil {
			t.Fatalf("%s: canonical form is not JSON", raw)
		}
		if mustJSON(sent) != mustJSON(canonical) {
			t.Errorf("%s: canonical form %s holds another value", raw, canonicalJSON(value))
		}
	}
}
