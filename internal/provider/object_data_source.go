package provider

import (
	"context"
	"fmt"
	"maps"

	"github.com/hashicorp/terraform-plugin-framework-validators/datasourcevalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/idaudit/terraform-provider-duo/internal/duo"
)

// object is a data source that reads one Admin API object and holds its
// fields at its top level.
type object[T any] struct {
	// name follows "duo_" in the data source's name.
	name string
	// what names the object in diagnostics, such as "administrator".
	what        string
	description string
	spec        objectSpec[T]
	// lookups are the arguments that name the object: exactly one of them
	// must be set. A data source without lookups reads the account's one
	// object with fetch.
	lookups []lookup[T]
	fetch   func(ctx context.Context, client *account) (*T, error)
	// more are further arguments and attributes, which readMore computes
	// once the object is found.
	more     map[string]schema.Attribute
	readMore func(ctx context.Context, client *account, args *arguments, object *T) (map[string]stateAttribute, error)
}

// lookup is an argument that names the object: an attribute of the object,
// which after the read holds the object's own value.
type lookup[T any] struct {
	argument    string
	description string
	// flag makes the argument a boolean that names the one object it
	// stands for when true, such as global = true; find then gets "".
	flag bool
	// find returns the object the value names; nil, or an error for which
	// duo.IsNotFound is true, when there is none.
	find func(ctx context.Context, client *account, value string) (*T, error)
	// notFound tells the user what to do when nothing has the value, which
	// it holds as %q (but for a flag).
	notFound string
}

func (o object[T]) dataSource() datasource.DataSource {
	attributes := withAttributes(o.spec.attributes(), o.more)
	var arguments []path.Expression
	for _, l := range o.lookups {
		arguments = append(arguments, path.MatchRoot(l.argument))
		if l.flag {
			attributes[l.argument] = schema.BoolAttribute{Optional: true, MarkdownDescription: l.description}
			continue
		}
		argument := schema.StringAttribute{
			MarkdownDescription: l.description,
			Validators:          []validator.String{stringvalidator.LengthAtLeast(1)},
		}
		if len(o.lookups) == 1 {
			argument.Required = true
		} else {
			argument.Optional, argument.Computed = true, true
		}
		attributes[l.argument] = argument
	}
	var validators []datasource.ConfigValidator
	if len(arguments) > 1 {
		validators = append(validators, datasourcevalidator.ExactlyOneOf(arguments...))
	}
	return &dataSource{
		name:        o.name,
		description: o.description,
		attributes:  attributes,
		validators:  validators,
		failure:     "Unable to read the Duo " + o.what,
		read:        o.read,
	}
}

func (o object[T]) read(ctx context.Context, client *account, args *arguments) (map[string]stateAttribute, error) {
	found, err := o.find(ctx, client, args)
	if err != nil {
		return nil, err
	}
	// A required lookup keeps the value the configuration gave it.
	var kept []string
	if len(o.lookups) == 1 {
		kept = append(kept, o.lookups[0].argument)
	}
	attributes := o.spec.stateAttributes(found, kept...)
	if o.readMore != nil {
		more, err := o.readMore(ctx, client, args, found)
		if err != nil {
			return nil, err
		}
		maps.Copy(attributes, more)
	}
	return attributes, nil
}

// find reads the object that the one lookup set names, or the account's
// object, reporting a missing object on the argument that named it.
func (o object[T]) find(ctx context.Context, client *account, args *arguments) (*T, error) {
	for _, l := range o.lookups {
		value, err := l.value(args)
		if err != nil {
			return nil, err
		}
		if value.IsNull() {
			continue
		}
		return l.get(ctx, client, o.what, value.ValueString())
	}
	if o.fetch == nil {
		return nil, fmt.Errorf("no argument names the %s to read. This is a bug in the provider; please report it", o.what)
	}
	return o.fetch(ctx, client)
}

// value is what the lookup's argument holds, for find: null when it is
// not set, "" for a flag that is true. A flag set to false names nothing.
func (l lookup[T]) value(args *arguments) (types.String, error) {
	if !l.flag {
		return args.string(l.argument), nil
	}
	switch flag := args.bool(l.argument); {
	case flag.IsNull():
		return types.StringNull(), nil
	case !flag.ValueBool():
		return types.StringNull(), &argumentError{argument: l.argument, summary: "Invalid " + l.argument,
			detail: fmt.Sprintf("%s = false names nothing to read: set %s = true, or remove it and use one of the other arguments.", l.argument, l.argument)}
	}
	return types.StringValue(""), nil
}

// get returns the object that value names, or an *argumentError on the
// lookup's argument when there is none; what names the object, such as
// "integration".
func (l lookup[T]) get(ctx context.Context, client *account, what, value string) (*T, error) {
	found, err := l.find(ctx, client, value)
	if err == nil && found != nil {
		return found, nil
	}
	if err != nil && !duo.IsNotFound(err) {
		return nil, err
	}
	detail := l.notFound
	if !l.flag {
		detail = fmt.Sprintf(l.notFound, value)
	}
	return nil, &argumentError{argument: l.argument, summary: "Duo " + what + " not found", detail: detail}
}
