package provider

import (
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

// objectSpec describes a Duo object once, field by field: the computed
// schema attributes that the docs are generated from, and how to build the
// object's Terraform value from the client's struct. Building values
// directly, instead of through the framework's reflection, keeps reading
// tens of thousands of users fast.
type objectSpec[T any] struct {
	fields []field[T]
	typ    tftypes.Object
}

// field is one attribute of an objectSpec. value and encode produce the
// same Terraform value, as a tftypes.Value and as state on the wire.
type field[T any] struct {
	name      string
	attribute schema.Attribute
	typ       tftypes.Type
	value     func(*T) tftypes.Value
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

// values returns the Terraform value of every field of v.
func (s objectSpec[T]) values(v *T) map[string]tftypes.Value {
	values := make(map[string]tftypes.Value, len(s.fields))
	for _, f := range s.fields {
		values[f.name] = f.value(v)
	}
	return values
}

// value returns v as a Terraform object.
func (s objectSpec[T]) value(v *T) tftypes.Value {
	return tftypes.NewValue(s.typ, s.values(v))
}

// listValue returns items as a Terraform list of objects; nil is null.
func (s objectSpec[T]) listValue(items []T) tftypes.Value {
	listType := tftypes.List{ElementType: s.typ}
	if items == nil {
		return tftypes.NewValue(listType, nil)
	}
	elements := make([]tftypes.Value, len(items))
	for i := range items {
		elements[i] = s.value(&items[i])
	}
	return tftypes.NewValue(listType, elements)
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

func stringField[T any](name, description string, get func(*T) *string) field[T] {
	return field[T]{
		name:      name,
		attribute: schema.StringAttribute{Computed: true, MarkdownDescription: description},
		typ:       tftypes.String,
		value:     func(v *T) tftypes.Value { return tftypes.NewValue(tftypes.String, get(v)) },
		encode:    func(w *msgpackWriter, v *T) { w.optionalString(get(v)) },
	}
}

func boolField[T any](name, description string, get func(*T) *bool) field[T] {
	return field[T]{
		name:      name,
		attribute: schema.BoolAttribute{Computed: true, MarkdownDescription: description},
		typ:       tftypes.Bool,
		value:     func(v *T) tftypes.Value { return tftypes.NewValue(tftypes.Bool, get(v)) },
		encode:    func(w *msgpackWriter, v *T) { w.optionalBool(get(v)) },
	}
}

func int64Field[T any](name, description string, get func(*T) *int64) field[T] {
	return field[T]{
		name:      name,
		attribute: schema.Int64Attribute{Computed: true, MarkdownDescription: description},
		typ:       tftypes.Number,
		value:     func(v *T) tftypes.Value { return tftypes.NewValue(tftypes.Number, get(v)) },
		encode:    func(w *msgpackWriter, v *T) { w.optionalInt(get(v)) },
	}
}

func stringListField[T any](name, description string, get func(*T) []string) field[T] {
	listType := tftypes.List{ElementType: tftypes.String}
	return field[T]{
		name:      name,
		attribute: schema.ListAttribute{Computed: true, ElementType: types.StringType, MarkdownDescription: description},
		typ:       listType,
		value: func(v *T) tftypes.Value {
			items := get(v)
			if items == nil {
				return tftypes.NewValue(listType, nil)
			}
			elements := make([]tftypes.Value, len(items))
			for i, item := range items {
				elements[i] = tftypes.NewValue(tftypes.String, item)
			}
			return tftypes.NewValue(listType, elements)
		},
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
	mapType := tftypes.Map{ElementType: tftypes.String}
	return field[T]{
		name:      name,
		attribute: schema.MapAttribute{Computed: true, ElementType: types.StringType, MarkdownDescription: description},
		typ:       mapType,
		value: func(v *T) tftypes.Value {
			items := get(v)
			if items == nil {
				return tftypes.NewValue(mapType, nil)
			}
			elements := make(map[string]tftypes.Value, len(items))
			for key, item := range items {
				elements[key] = tftypes.NewValue(tftypes.String, item)
			}
			return tftypes.NewValue(mapType, elements)
		},
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
		value:  func(v *T) tftypes.Value { return elem.listValue(get(v)) },
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

// attribute returns the list as a state attribute: its encoding as it is,
// and its value, for the framework, decoded from that encoding.
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
			return (&tfprotov6.DynamicValue{MsgPack: w.buf}).Unmarshal(tftypes.List{ElementType: l.spec.typ})
		},
	}
}
