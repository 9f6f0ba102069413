package duo

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"reflect"
	"strconv"
	"strings"
)

// Duo's sources disagree on how some values are sent: the Python client
// documents flags as "bool (0|1)", one payload sends a count as a string,
// another a time as a numeric string. Every boolean, integer and number of
// every object is decoded with the types below, which take every form the
// sources show; a value they cannot read is an error that names it, never a
// silent null. JSON null, and a field Duo does not send, leave the pointer
// that holds one of them nil.

// Bool is a flag that Duo sends as true or false, 0 or 1, or a string of
// either.
type Bool bool

func (b *Bool) UnmarshalJSON(data []byte) error {
	switch strings.ToLower(string(unquoted(data))) {
	case "true", "1":
		*b = true
	case "false", "0":
		*b = false
	default:
		return &valueError{want: "a boolean (true, false, 0 or 1)", data: data}
	}
	return nil
}

// Int is an integer that Duo sends as a JSON number or as a string holding
// one. A whole number written with a fraction or an exponent (1e3) is read
// too.
type Int int64

func (n *Int) UnmarshalJSON(data []byte) error {
	v, ok := parseInt(unquoted(data))
	if !ok {
		return &valueError{want: "an integer", data: data}
	}
	*n = Int(v)
	return nil
}

// FlexInt is a 0/1 setting that Duo sends as an integer (a number or a
// string) or as a boolean.
type FlexInt int64

func (n *FlexInt) UnmarshalJSON(data []byte) error {
	switch strings.ToLower(string(unquoted(data))) {
	case "true":
		*n = 1
		return nil
	case "false":
		*n = 0
		return nil
	}
	var v Int
	if err := v.UnmarshalJSON(data); err != nil {
		return &valueError{want: "an integer or a boolean", data: data}
	}
	*n = FlexInt(v)
	return nil
}

// Float is a number that Duo sends as a JSON number or as a string holding
// one.
type Float float64

func (f *Float) UnmarshalJSON(data []byte) error {
	v, err := strconv.ParseFloat(string(unquoted(data)), 64)
	if err != nil || math.IsInf(v, 0) || math.IsNaN(v) {
		return &valueError{want: "a number", data: data}
	}
	*f = Float(v)
	return nil
}

// Text is a value that Duo's sources show as a string in one place and as
// a number in another. It is kept as Duo wrote it, without loss: a string
// as it is ("" included), a number as its JSON digits, such as
// "1624451421".
type Text string

func (t *Text) UnmarshalJSON(data []byte) error {
	if len(data) > 0 && data[0] == '"' {
		var s string
		if err := json.Unmarshal(data, &s); err != nil {
			return &valueError{want: "a string or a number", data: data}
		}
		*t = Text(s)
		return nil
	}
	var number json.Number
	if !json.Valid(data) || json.Unmarshal(data, &number) != nil {
		return &valueError{want: "a string or a number", data: data}
	}
	*t = Text(number)
	return nil
}

// unquoted returns the text of a JSON string without its quotes, or any
// other JSON value as it is.
func unquoted(data []byte) []byte {
	if len(data) >= 2 && data[0] == '"' && data[len(data)-1] == '"' {
		return bytes.TrimSpace(data[1 : len(data)-1])
	}
	return data
}

// parseInt reads a decimal integer, or a whole number in any JSON form
// that fits an int64.
func parseInt(text []byte) (int64, bool) {
	if v, err := strconv.ParseInt(string(text), 10, 64); err == nil {
		return v, true
	}
	f, err := strconv.ParseFloat(string(text), 64)
	if err != nil || f != math.Trunc(f) || f < math.MinInt64 || f >= math.MaxInt64 {
		return 0, false
	}
	return int64(f), true
}

// valueError is a value that a lenient type cannot read. The decoder that
// meets it reports where it is (see unreadableError).
type valueError struct {
	want string
	data []byte
}

func (e *valueError) Error() string {
	return fmt.Sprintf("expected %s, got %s", e.want, describeJSON(e.data, false))
}

// describeJSON names the JSON type of a value and, unless it may be a
// secret, shows its start.
func describeJSON(data []byte, secret bool) string {
	data = bytes.TrimSpace(data)
	kind := "nothing"
	if len(data) > 0 {
		switch data[0] {
		case '"':
			kind = "a string"
		case '{':
			kind = "an object"
		case '[':
			kind = "a list"
		case 't', 'f':
			kind = "a boolean"
		case 'n':
			return "null"
		default:
			kind = "a number"
		}
	}
	if secret || len(data) == 0 {
		return kind
	}
	const shown = 40
	text := string(data)
	if len(text) > shown {
		text = text[:shown] + "…"
	}
	return kind + " (" + text + ")"
}

// idFields name an object in the error for a value that cannot be read:
// the first of them that an object has is its ID.
var idFields = []string{
	"user_id", "group_id", "phone_id", "token_id", "admin_id", "admin_unit_id", "integration_key",
	"bypass_code_id", "registration_id", "webauthnkey", "policy_key", "txid", "telephony_id", "sekey",
	"epkey", "dakey", "activity_id",
}

// unreadableError is an answer that is JSON but holds a value the client
// cannot read: it names where the value is and what it is.
type unreadableError struct {
	method, path string
	// object names the object of the answer that holds the value: its
	// position and its ID, when it has one; "" for the answer's metadata.
	object string
	// field is the value's place in the object, such as "phones[0].activated".
	field string
	value []byte
	cause error
}

func (e *unreadableError) Error() string {
	where := "the answer's " + e.field
	if e.object != "" {
		where = e.object + ", field " + e.field
	}
	want := "a value of another type"
	var valueErr *valueError
	var typeErr *json.UnmarshalTypeError
	if errors.As(e.cause, &valueErr) {
		want = valueErr.want
	} else if errors.As(e.cause, &typeErr) {
		want = jsonKindOf(typeErr.Type.String())
	}
	return fmt.Sprintf("Duo answered %s %s with a value the provider cannot read: in %s, Duo sent %s where the provider expects %s. "+
		"Duo's answers vary between accounts and over time, and this form is new to the provider: please report it at "+
		"https://github.com/idaudit/terraform-provider-duo/issues with this message", e.method, e.path, where,
		describeJSON(e.value, strings.Contains(strings.ToLower(e.field), "secret")), want)
}

// jsonKindOf names what a Go type holds, for a type mismatch that
// encoding/json reports.
func jsonKindOf(goType string) string {
	switch {
	case strings.HasPrefix(goType, "[]"):
		return "a list"
	case strings.HasPrefix(goType, "map[") || strings.Contains(goType, "."):
		return "an object"
	case goType == "string" || goType == "*string":
		return "a string"
	case goType == "bool":
		return "a boolean"
	}
	return "a number"
}

// unreadable explains why body, which is JSON, could not be decoded into
// out (an envelope): it finds the first value that cannot be read, and the
// object of the answer that holds it. It returns nil when it finds none.
func unreadable(method, path string, body []byte, out any) *unreadableError {
	steps, value, cause := locate(body, reflect.TypeOf(out))
	if cause == nil {
		return nil
	}
	e := &unreadableError{method: method, path: path, value: value, cause: cause}
	// The answer's own members (response, metadata) are no object of
	// Duo's: the object is inside response, unless response itself, or an
	// object of its list, is unreadable as a whole.
	wholeObject := len(steps) == 2 && steps[1].index >= 0
	if len(steps) > 1 && steps[0].name == "response" && !wholeObject {
		steps = steps[1:]
		e.object = "the object of the answer"
		// The object is the first one inside a list, such as a user of
		// a page, or else the answer's object itself.
		for i, s := range steps {
			if s.index >= 0 {
				e.object = fmt.Sprintf("the %s object of the answer", ordinal(s.index+1))
				if i > 0 {
					e.object = fmt.Sprintf("the %s object of %s", ordinal(s.index+1), joinSteps(steps[:i]))
				}
				steps = steps[i+1:]
				if id := idOf(s.object); id != "" {
					e.object += " (" + id + ")"
				}
				break
			}
		}
		if e.object == "the object of the answer" {
			if id := idOf(steps[0].parent); id != "" {
				e.object += " (" + id + ")"
			}
		}
	}
	e.field = joinSteps(steps)
	return e
}

// step is one step into a JSON value: a member name, or a list index
// (index >= 0). parent is the object that holds a member; object is the
// value a list index reaches, when it is an object.
type step struct {
	name   string
	index  int
	parent map[string]json.RawMessage
	object map[string]json.RawMessage
}

func joinSteps(steps []step) string {
	var b strings.Builder
	for _, s := range steps {
		if s.index >= 0 {
			fmt.Fprintf(&b, "[%d]", s.index)
			continue
		}
		if b.Len() > 0 {
			b.WriteByte('.')
		}
		b.WriteString(s.name)
	}
	return b.String()
}

// locate finds the first value below data that cannot be decoded into
// typ, following typ's fields, lists and maps: the steps to it, the value,
// and why. cause is nil when data decodes.
func locate(data []byte, typ reflect.Type) (steps []step, value []byte, cause error) {
	for typ.Kind() == reflect.Pointer {
		typ = typ.Elem()
	}
	if string(bytes.TrimSpace(data)) == "null" {
		return nil, nil, nil
	}
	leaf := func() ([]step, []byte, error) {
		err := json.Unmarshal(data, reflect.New(typ).Interface())
		if err == nil {
			return nil, nil, nil
		}
		return nil, data, err
	}
	if reflect.PointerTo(typ).Implements(reflect.TypeFor[json.Unmarshaler]()) {
		return leaf()
	}
	switch typ.Kind() {
	case reflect.Struct:
		var members map[string]json.RawMessage
		if json.Unmarshal(data, &members) != nil {
			return leaf()
		}
		return locateFields(members, typ)
	case reflect.Slice:
		var items []json.RawMessage
		if json.Unmarshal(data, &items) != nil {
			return leaf()
		}
		for i, item := range items {
			if inner, value, cause := locate(item, typ.Elem()); cause != nil {
				var object map[string]json.RawMessage
				_ = json.Unmarshal(item, &object) // nil unless an object
				return append([]step{{index: i, object: object}}, inner...), value, cause
			}
		}
		return nil, nil, nil
	case reflect.Map:
		var members map[string]json.RawMessage
		if json.Unmarshal(data, &members) != nil {
			return leaf()
		}
		for name, member := range members {
			if inner, value, cause := locate(member, typ.Elem()); cause != nil {
				return append([]step{{name: name, index: -1, parent: members}}, inner...), value, cause
			}
		}
		return nil, nil, nil
	}
	return leaf()
}

// locateFields looks for the unreadable value among the members of an
// object decoded into the struct type typ, whose embedded structs hold
// members of the same object.
func locateFields(members map[string]json.RawMessage, typ reflect.Type) ([]step, []byte, error) {
	for i := range typ.NumField() {
		f := typ.Field(i)
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		if f.Anonymous && name == "" {
			if steps, value, cause := locateFields(members, f.Type); cause != nil {
				return steps, value, cause
			}
			continue
		}
		if name == "" || name == "-" || !f.IsExported() {
			continue
		}
		// encoding/json also fills a field from a member whose name
		// differs only in case.
		for key, member := range members {
			if key != name && !strings.EqualFold(key, name) {
				continue
			}
			if inner, value, cause := locate(member, f.Type); cause != nil {
				return append([]step{{name: key, index: -1, parent: members}}, inner...), value, cause
			}
		}
	}
	return nil, nil, nil
}

// idOf names an object by the first of idFields it has, as name "value".
func idOf(object map[string]json.RawMessage) string {
	for _, name := range idFields {
		var id string
		if json.Unmarshal(object[name], &id) == nil && id != "" {
			return fmt.Sprintf("%s %q", name, id)
		}
	}
	return ""
}

// ordinal writes n as 1st, 2nd, 3rd, 4th, ...
func ordinal(n int) string {
	suffix := "th"
	if n%100 < 11 || n%100 > 13 {
		switch n % 10 {
		case 1:
			suffix = "st"
		case 2:
			suffix = "nd"
		case 3:
			suffix = "rd"
		}
	}
	return strconv.Itoa(n) + suffix
}
