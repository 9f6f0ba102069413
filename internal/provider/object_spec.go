package provider

import (
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"
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

// field is one attribute of an objectSpec.
type field[T any] struct {
	name      string
	attribute schema.Attribute
	typ       tftypes.Type
	value     func(*T) tftypes.Value
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

func stringField[T any](name, description string, get func(*T) *string) field[T] {
	return field[T]{
		name:      name,
		attribute: schema.StringAttribute{Computed: true, MarkdownDescription: description},
		typ:       tftypes.String,
		value:     func(v *T) tftypes.Value { return tftypes.NewValue(tftypes.String, get(v)) },
	}
}

func boolField[T any](name, description string, get func(*T) *bool) field[T] {
	return field[T]{
		name:      name,
		attribute: schema.BoolAttribute{Computed: true, MarkdownDescription: description},
		typ:       tftypes.Bool,
		value:     func(v *T) tftypes.Value { return tftypes.NewValue(tftypes.Bool, get(v)) },
	}
}

func int64Field[T any](name, description string, get func(*T) *int64) field[T] {
	return field[T]{
		name:      name,
		attribute: schema.Int64Attribute{Computed: true, MarkdownDescription: description},
		typ:       tftypes.Number,
		value:     func(v *T) tftypes.Value { return tftypes.NewValue(tftypes.Number, get(v)) },
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
		typ:   tftypes.List{ElementType: elem.typ},
		value: func(v *T) tftypes.Value { return elem.listValue(get(v)) },
	}
}
