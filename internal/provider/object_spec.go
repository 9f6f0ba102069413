package provider

import (
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
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

// values returns the Terraform value of every field of v.
func (s objectSpec[T]) values(v *T) (map[string]tftypes.Value, error) {
	var w msgpackWriter
	s.encode(&w, v)
	object, err := decodeValue(w.buf, s.typ)
	if err != nil {
		return nil, err
	}
	values := map[string]tftypes.Value{}
	return values, object.As(&values)
}

// listValue returns items as a Terraform list of objects; nil is null.
func (s objectSpec[T]) listValue(items []T) (tftypes.Value, error) {
	var w msgpackWriter
	s.encodeList(&w, items)
	return decodeValue(w.buf, tftypes.List{ElementType: s.typ})
}

// value returns the Terraform value of the field of v.
func (f field[T]) value(v *T) (tftypes.Value, error) {
	var w msgpackWriter
	f.encode(&w, v)
	return decodeValue(w.buf, f.typ)
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

func boolField[T any](name, description string, get func(*T) *bool) field[T] {
	return field[T]{
		name:      name,
		attribute: schema.BoolAttribute{Computed: true, MarkdownDescription: description},
		typ:       tftypes.Bool,
		encode:    func(w *msgpackWriter, v *T) { w.optionalBool(get(v)) },
	}
}

func int64Field[T any](name, description string, get func(*T) *int64) field[T] {
	return field[T]{
		name:      name,
		attribute: schema.Int64Attribute{Computed: true, MarkdownDescription: description},
		typ:       tftypes.Number,
		encode:    func(w *msgpackWriter, v *T) { w.optionalInt(get(v)) },
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
	return field[T]{
		name:      name,
		attribute: schema.MapAttribute{Computed: true, ElementType: types.StringType, MarkdownDescription: description},
		typ:       tftypes.Map{ElementType: tftypes.String},
		encode: func(w *msgpackWriter, v *T) {
			items := get(v)
			if items == nil {
				w.null()
				return
			}
			w.mapHeader(len(items))
			for key, item := range items {
				w.string(key)
				w.string(item)
			}
		},
	}
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

// encodedList is a list of objects encoded for the state as they arrive,
// page by page, so that a large listing is never held decoded all at once.
// Pages are kept apart, each sized for itself, so that the list is copied
// only once: into the state. It is a duo.PageSink.
type encodedList[T any] struct {
	spec  objectSpec[T]
	count int
	pages [][]byte
	size  int
}

func (l *encodedList[T]) Add(page []T) {
	if len(page) == 0 {
		return
	}
	w := msgpackWriter{buf: make([]byte, 0, l.pageCapacity(len(page)))}
	for i := range page {
		l.spec.encode(&w, &page[i])
	}
	l.pages = append(l.pages, w.buf)
	l.count += len(page)
	l.size += len(w.buf)
}

// pageCapacity guesses a page's encoded size from the pages before it.
func (l *encodedList[T]) pageCapacity(objects int) int {
	if l.count == 0 {
		return objects * 1024
	}
	return objects * (l.size/l.count + 64)
}

func (l *encodedList[T]) Restart() {
	*l = encodedList[T]{spec: l.spec}
}

// attribute returns the list as a state attribute.
func (l *encodedList[T]) attribute() stateAttribute {
	encode := func(w *msgpackWriter) {
		w.arrayHeader(l.count)
		for _, page := range l.pages {
			w.raw(page)
		}
	}
	return stateAttribute{
		encode: encode,
		size:   l.size + 5,
		value: func() (tftypes.Value, error) {
			var w msgpackWriter
			encode(&w)
			return decodeValue(w.buf, tftypes.List{ElementType: l.spec.typ})
		},
	}
}
