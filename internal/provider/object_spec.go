package provider

import (
	"encoding/json"
	"slices"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/idaudit/terraform-provider-duo/internal/duo"
)

// objectSpec describes a Duo object once, field by field: the computed
// schema attributes that the docs are generated from, and how to write the
// object into the state straight from the client's struct. Writing the
// wire encoding directly, instead of going through the framework's
// reflection and value trees, keeps reading tens of thousands of users
// fast; where the framework needs a tftypes.Value, it is decoded from that
// same encoding, so there is one way to turn a field into state.
type objectSpec[T any] struct {
	fields []field[T]
	typ    tftypes.Object
}

// field is one attribute of an objectSpec.
type field[T any] struct {
	name      string
	attribute schema.Attribute
	typ       tftypes.Type
	encode    func(*msgpackWriter, *T)
}

func newObjectSpec[T any](fields ...field[T]) objectSpec[T] {
	types := make(map[string]tftypes.Type, len(fields))
	for _, f := range fields {
		types[f.name] = f.typ
	}
	return objectSpec[T]{fields: fields, typ: tftypes.Object{AttributeTypes: types}}
}

// attributes returns the schema attributes of the object, all computed.
func (s objectSpec[T]) attributes() map[string]schema.Attribute {
	attributes := make(map[string]schema.Attribute, len(s.fields))
	for _, f := range s.fields {
		attributes[f.name] = f.attribute
	}
	return attributes
}

// encode writes v as a Terraform object.
func (s objectSpec[T]) encode(w *msgpackWriter, v *T) {
	w.mapHeader(len(s.fields))
	for _, f := range s.fields {
		w.string(f.name)
		f.encode(w, v)
	}
}

// encodeList writes items as a Terraform list of objects; nil is null.
func (s objectSpec[T]) encodeList(w *msgpackWriter, items []T) {
	if items == nil {
		w.null()
		return
	}
	w.arrayHeader(len(items))
	for i := range items {
		s.encode(w, &items[i])
	}
}

// only returns the spec of the fields with the given names, in that order:
// Duo's short forms of an object.
func (s objectSpec[T]) only(names ...string) objectSpec[T] {
	fields := make([]field[T], len(names))
	for i, name := range names {
		index := slices.IndexFunc(s.fields, func(f field[T]) bool { return f.name == name })
		if index < 0 {
			panic("objectSpec.only: no field " + name)
		}
		fields[i] = s.fields[index]
	}
	return newObjectSpec(fields...)
}

// within returns the fields of a spec of E as fields of T, which holds an E.
func within[T, E any](spec objectSpec[E], get func(*T) *E) []field[T] {
	fields := make([]field[T], len(spec.fields))
	for i, f := range spec.fields {
		fields[i] = field[T]{name: f.name, attribute: f.attribute, typ: f.typ, encode: func(w *msgpackWriter, v *T) { f.encode(w, get(v)) }}
	}
	return fields
}

// stateAttributes returns every field of v as an attribute of a data
// source's state, but those the data source sets otherwise.
func (s objectSpec[T]) stateAttributes(v *T, except ...string) map[string]stateAttribute {
	attributes := make(map[string]stateAttribute, len(s.fields))
	for _, f := range s.fields {
		if !slices.Contains(except, f.name) {
			attributes[f.name] = f.stateAttribute(v)
		}
	}
	return attributes
}

// stateAttribute returns the field of v as an attribute of a data source's
// state.
func (f field[T]) stateAttribute(v *T) stateAttribute {
	return stateAttribute{typ: f.typ, encode: func(w *msgpackWriter) { f.encode(w, v) }}
}

// decodeValue reads an encoding as Terraform reads state.
func decodeValue(encoded []byte, typ tftypes.Type) (tftypes.Value, error) {
	return (&tfprotov6.DynamicValue{MsgPack: encoded}).Unmarshal(typ)
}

func stringField[T any](name, description string, get func(*T) *string) field[T] {
	return field[T]{
		name:      name,
		attribute: schema.StringAttribute{Computed: true, MarkdownDescription: description},
		typ:       tftypes.String,
		encode:    func(w *msgpackWriter, v *T) { w.optionalString(get(v)) },
	}
}

func boolField[T any](name, description string, get func(*T) *duo.Bool) field[T] {
	return field[T]{
		name:      name,
		attribute: schema.BoolAttribute{Computed: true, MarkdownDescription: description},
		typ:       tftypes.Bool,
		encode:    func(w *msgpackWriter, v *T) { w.optionalBool((*bool)(get(v))) },
	}
}

func int64Field[T any](name, description string, get func(*T) *duo.Int) field[T] {
	return field[T]{
		name:      name,
		attribute: schema.Int64Attribute{Computed: true, MarkdownDescription: description},
		typ:       tftypes.Number,
		encode:    func(w *msgpackWriter, v *T) { w.optionalInt((*int64)(get(v))) },
	}
}

func float64Field[T any](name, description string, get func(*T) *duo.Float) field[T] {
	return field[T]{
		name:      name,
		attribute: schema.Float64Attribute{Computed: true, MarkdownDescription: description},
		typ:       tftypes.Number,
		encode:    func(w *msgpackWriter, v *T) { w.optionalFloat((*float64)(get(v))) },
	}
}

func stringListField[T any](name, description string, get func(*T) []string) field[T] {
	return field[T]{
		name:      name,
		attribute: schema.ListAttribute{Computed: true, ElementType: types.StringType, MarkdownDescription: description},
		typ:       tftypes.List{ElementType: tftypes.String},
		encode: func(w *msgpackWriter, v *T) {
			items := get(v)
			if items == nil {
				w.null()
				return
			}
			w.arrayHeader(len(items))
			for _, item := range items {
				w.string(item)
			}
		},
	}
}

func stringMapField[T any](name, description string, get func(*T) map[string]string) field[T] {
	return mapField(name, description, types.StringType, tftypes.String, (*msgpackWriter).string, get)
}

func int64MapField[T any](name, description string, get func(*T) map[string]int64) field[T] {
	return mapField(name, description, types.Int64Type, tftypes.Number, (*msgpackWriter).int, get)
}

// mapField is a map attribute whose values write writes; null when get
// returns nil.
func mapField[T, V any](name, description string, element attr.Type, elementType tftypes.Type, write func(*msgpackWriter, V), get func(*T) map[string]V) field[T] {
	return field[T]{
		name:      name,
		attribute: schema.MapAttribute{Computed: true, ElementType: element, MarkdownDescription: description},
		typ:       tftypes.Map{ElementType: elementType},
		encode: func(w *msgpackWriter, v *T) {
			items := get(v)
			if items == nil {
				w.null()
				return
			}
			w.mapHeader(len(items))
			for key, item := range items {
				w.string(key)
				write(w, item)
			}
		},
	}
}

// dynamicField is an attribute of the JSON that get returns, of whatever
// type that JSON is; null when get returns nil or JSON null.
func dynamicField[T any](name, description string, get func(*T) json.RawMessage) field[T] {
	return field[T]{
		name:      name,
		attribute: schema.DynamicAttribute{Computed: true, MarkdownDescription: description},
		typ:       tftypes.DynamicPseudoType,
		encode:    func(w *msgpackWriter, v *T) { w.dynamicJSON(get(v)) },
	}
}

// jsonField is a string attribute holding the JSON that get returns in one
// stable form (canonicalJSON), so that it compares equal from one read to
// the next; null when get returns nil or JSON null.
func jsonField[T any](name, description string, get func(*T) json.RawMessage) field[T] {
	return stringField(name, description, func(v *T) *string {
		value, ok := parseJSON(get(v))
		if !ok || value == nil {
			return nil
		}
		text := canonicalJSON(value)
		return &text
	})
}

func nestedListField[T, E any](name, description string, elem objectSpec[E], get func(*T) []E) field[T] {
	return field[T]{
		name: name,
		attribute: schema.ListNestedAttribute{
			Computed:            true,
			MarkdownDescription: description,
			NestedObject:        schema.NestedAttributeObject{Attributes: elem.attributes()},
		},
		typ:    tftypes.List{ElementType: elem.typ},
		encode: func(w *msgpackWriter, v *T) { elem.encodeList(w, get(v)) },
	}
}

func nestedObjectField[T, E any](name, description string, elem objectSpec[E], get func(*T) *E) field[T] {
	return field[T]{
		name: name,
		attribute: schema.SingleNestedAttribute{
			Computed:            true,
			MarkdownDescription: description,
			Attributes:          elem.attributes(),
		},
		typ: elem.typ,
		encode: func(w *msgpackWriter, v *T) {
			if object := get(v); object != nil {
				elem.encode(w, object)
			} else {
				w.null()
			}
		},
	}
}

// encodedList is a list of objects encoded for the state as they arrive,
// page by page, so that a large listing is never held decoded all at once.
// Each page is encoded into a buffer sized for it, and each object is a
// slice of that buffer: a selection of the objects shares their encoding,
// and the list is copied only once, into the state. It is a duo.PageSink.
type encodedList[T any] struct {
	spec    objectSpec[T]
	objects [][]byte
	size    int
}

func (l *encodedList[T]) Add(page []T) {
	if len(page) == 0 {
		return
	}
	w := msgpackWriter{buf: make([]byte, 0, l.pageCapacity(len(page)))}
	ends := make([]int, len(page))
	for i := range page {
		l.spec.encode(&w, &page[i])
		ends[i] = len(w.buf)
	}
	start := 0
	for _, end := range ends {
		l.objects = append(l.objects, w.buf[start:end:end])
		start = end
	}
	l.size += len(w.buf)
}

// pageCapacity guesses a page's encoded size from the pages before it.
func (l *encodedList[T]) pageCapacity(objects int) int {
	if len(l.objects) == 0 {
		return objects * 1024
	}
	return objects * (l.size/len(l.objects) + 64)
}

func (l *encodedList[T]) Restart() {
	*l = encodedList[T]{spec: l.spec}
}

// addEncoded adds an object that is already encoded.
func (l *encodedList[T]) addEncoded(object []byte) {
	l.objects = append(l.objects, object)
	l.size += len(object)
}

// attribute returns the list as a state attribute.
func (l *encodedList[T]) attribute() stateAttribute {
	return stateAttribute{
		typ: tftypes.List{ElementType: l.spec.typ},
		encode: func(w *msgpackWriter) {
			w.arrayHeader(len(l.objects))
			for _, object := range l.objects {
				w.raw(object)
			}
		},
		size: l.size + 5,
	}
}
