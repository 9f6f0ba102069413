package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"

	"github.com/idaudit/terraform-provider-duo/internal/duo"
)

// listing is a data source that returns the objects of an Admin API
// listing: every page, in Duo's order, in one list attribute named like
// the data source.
type listing[T any] struct {
	// name follows "duo_" in the data source's name, and names the list.
	name string
	// what names the objects in diagnostics, such as "administrators".
	what        string
	description string
	// objects describes the list attribute.
	objects string
	spec    objectSpec[T]
	// arguments are the optional arguments that select objects.
	arguments  map[string]schema.Attribute
	validators []datasource.ConfigValidator
	// list sends the objects the arguments select to sink, in order.
	list func(ctx context.Context, client *account, args *arguments, sink duo.PageSink[T]) error
}

func (l listing[T]) dataSource() datasource.DataSource {
	return &dataSource{
		name:        l.name,
		description: l.description,
		attributes: withAttributes(l.arguments, map[string]schema.Attribute{
			l.name: schema.ListNestedAttribute{
				Computed:            true,
				MarkdownDescription: l.objects,
				NestedObject:        schema.NestedAttributeObject{Attributes: l.spec.attributes()},
			},
		}),
		validators: l.validators,
		failure:    "Unable to list Duo " + l.what,
		read: func(ctx context.Context, client *account, args *arguments) (map[string]stateAttribute, error) {
			objects := &encodedList[T]{spec: l.spec}
			if err := l.list(ctx, client, args, objects); err != nil {
				return nil, err
			}
			return map[string]stateAttribute{l.name: objects.attribute()}, nil
		},
	}
}
