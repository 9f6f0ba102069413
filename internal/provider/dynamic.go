package provider

import (
	"bytes"
	"encoding/json"
	"maps"
	"math/big"
	"slices"
	"strings"
)

// Some of Duo's answers hold JSON in a shape of Duo's own, which Duo adds
// to over time, such as a policy's sections. A dynamic attribute
// (dynamicField) holds it as Terraform's jsondecode would read it, so that
// a configuration reads it without jsondecode: JSON objects become
// objects, arrays tuples, strings, numbers and booleans themselves, and
// null stays null. A JSON attribute (jsonField) holds it in one stable
// form.

// parseJSON decodes raw keeping numbers as their text, so that no digit is
// lost. ok is false when raw is empty; raw comes from encoding/json, which
// has checked that it is JSON.
func parseJSON(raw json.RawMessage) (value any, ok bool) {
	if len(bytes.TrimSpace(raw)) == 0 {
		return nil, false
	}
	decoder := json.NewDecoder(bytes.NewReader(raw))
	decoder.UseNumber()
	if err := decoder.Decode(&value); err != nil {
		return nil, false
	}
	return value, true
}

// canonicalJSON writes value compactly with every object's keys sorted,
// numbers as Duo wrote them, and <, > and & as themselves.
func canonicalJSON(value any) string {
	var b strings.Builder
	encoder := json.NewEncoder(&b)
	encoder.SetEscapeHTML(false)
	// json.Encoder sorts map keys; values are those parseJSON returns,
	// which it always encodes.
	_ = encoder.Encode(value)
	return strings.TrimSuffix(b.String(), "\n")
}

// dynamicJSON writes raw as a value of Terraform's dynamic type: in
// Terraform's wire encoding, a two-element array of the value's type, as
// the JSON that cty and tftypes read types from, and the value encoded
// for that type. JSON null, or nothing, is a null of unknown type: nil.
func (w *msgpackWriter) dynamicJSON(raw json.RawMessage) {
	value, ok := parseJSON(raw)
	if !ok || value == nil {
		w.null()
		return
	}
	var typeJSON bytes.Buffer
	writeTypeJSON(&typeJSON, value)
	w.arrayHeader(2)
	_ = w.encoder().EncodeBytes(typeJSON.Bytes())
	w.jsonValue(value)
}

// writeTypeJSON writes the type jsondecode gives value: an object type
// for an object, a tuple type for an array, and the dynamic type for null.
func writeTypeJSON(b *bytes.Buffer, value any) {
	switch value := value.(type) {
	case nil:
		b.WriteString(`"dynamic"`)
	case bool:
		b.WriteString(`"bool"`)
	case json.Number:
		b.WriteString(`"number"`)
	case string:
		b.WriteString(`"string"`)
	case []any:
		b.WriteString(`["tuple",[`)
		for i, element := range value {
			if i > 0 {
				b.WriteByte(',')
			}
			writeTypeJSON(b, element)
		}
		b.WriteString(`]]`)
	case map[string]any:
		b.WriteString(`["object",{`)
		for i, key := range slices.Sorted(maps.Keys(value)) {
			if i > 0 {
				b.WriteByte(',')
			}
			quoted, _ := json.Marshal(key) // as cty quotes it; a string always encodes
			b.Write(quoted)
			b.WriteByte(':')
			writeTypeJSON(b, value[key])
		}
		b.WriteString(`}]`)
	}
}

// jsonValue writes value for the type writeTypeJSON gives it.
func (w *msgpackWriter) jsonValue(value any) {
	switch value := value.(type) {
	case nil:
		w.null()
	case bool:
		w.bool(value)
	case json.Number:
		w.jsonNumber(value)
	case string:
		w.string(value)
	case []any:
		w.arrayHeader(len(value))
		for _, element := range value {
			w.jsonValue(element)
		}
	case map[string]any:
		w.mapHeader(len(value))
		for _, key := range slices.Sorted(maps.Keys(value)) {
			w.string(key)
			w.jsonValue(value[key])
		}
	}
}

// jsonNumber writes a JSON number as cty does the number jsondecode reads
// from it (512 bits of precision): an integer when it is one that fits
// 64 bits, a double when it is exactly one and not whole, and otherwise
// its decimal digits as a string.
func (w *msgpackWriter) jsonNumber(n json.Number) {
	number, _, err := big.ParseFloat(string(n), 10, 512, big.ToNearestEven)
	if err != nil {
		// Only an exponent beyond big.Float's range gets here, which
		// jsondecode rejects too; keep the digits Duo sent.
		w.string(string(n))
		return
	}
	if i, accuracy := number.Int64(); accuracy == big.Exact {
		w.int(i)
		return
	}
	if f, accuracy := number.Float64(); accuracy == big.Exact && !number.IsInt() {
		_ = w.encoder().EncodeFloat64(f)
		return
	}
	w.string(number.Text('f', -1))
}
