package provider

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/providerserver"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

// stateAttribute is an attribute a read computes: its type and how to write
// it in Terraform's wire encoding of state. The fast path writes it
// straight into the state; the framework gets its value decoded from that
// same encoding.
type stateAttribute struct {
	typ    tftypes.Type
	encode func(*msgpackWriter)
	// size is the length of the encoding when it is large, to allocate the
	// state once; zero for small attributes.
	size int
}

// value returns the attribute as a Terraform value, for the framework.
func (a stateAttribute) value() (tftypes.Value, error) {
	var w msgpackWriter
	a.encode(&w)
	return decodeValue(w.buf, a.typ)
}

// NewServer returns the provider's protocol server. The framework serves
// everything but the reads of data sources: after a data source's Read, the
// framework converts, copies and compares the whole state for semantic
// equality before marshalling it, which for tens of thousands of users
// takes many times longer than fetching them. Reads are answered here with
// the same read logic, and the state is written straight to the wire.
func NewServer(version string) func() (tfprotov6.ProviderServer, error) {
	return func() (tfprotov6.ProviderServer, error) {
		p := &duoProvider{version: version}
		framework, err := providerserver.NewProtocol6WithError(p)()
		if err != nil {
			return nil, err
		}
		dataSources := map[string]*dataSource{}
		for _, newDataSource := range p.DataSources(context.Background()) {
			d, ok := newDataSource().(*dataSource)
			if !ok {
				return nil, fmt.Errorf("data source %T is not built on dataSource, so its reads cannot be served", newDataSource())
			}
			dataSources[providerTypeName+"_"+d.name] = d
		}
		return &server{ProviderServer: framework, provider: p, dataSources: dataSources}, nil
	}
}

type server struct {
	tfprotov6.ProviderServer
	provider    *duoProvider
	dataSources map[string]*dataSource
}

func (s *server) ReadDataSource(ctx context.Context, req *tfprotov6.ReadDataSourceRequest) (*tfprotov6.ReadDataSourceResponse, error) {
	d, ok := s.dataSources[req.TypeName]
	if !ok {
		return s.ProviderServer.ReadDataSource(ctx, req)
	}
	state, diags := s.readState(ctx, d, req.Config)
	return &tfprotov6.ReadDataSourceResponse{State: state, Diagnostics: toProtocolDiagnostics(diags)}, nil
}

// CallFunction reads an argument that OpenTofu sends empty as the null it
// stands for: OpenTofu (1.10 at least) sends a null argument as a
// DynamicValue with neither MessagePack nor JSON, which the framework
// cannot decode, where Terraform sends MessagePack's nil.
func (s *server) CallFunction(ctx context.Context, req *tfprotov6.CallFunctionRequest) (*tfprotov6.CallFunctionResponse, error) {
	for i, argument := range req.Arguments {
		if argument == nil || len(argument.MsgPack) == 0 && len(argument.JSON) == 0 {
			req.Arguments[i] = &tfprotov6.DynamicValue{MsgPack: []byte{0xc0}}
		}
	}
	return s.ProviderServer.CallFunction(ctx, req)
}

func (s *server) readState(ctx context.Context, d *dataSource, dv *tfprotov6.DynamicValue) (*tfprotov6.DynamicValue, diag.Diagnostics) {
	var diags diag.Diagnostics
	client := s.provider.configuredAccounts()
	if client == nil {
		addNotConfigured(&diags)
		return nil, diags
	}

	var schemaResp datasource.SchemaResponse
	d.Schema(ctx, datasource.SchemaRequest{}, &schemaResp)
	stateType := schemaResp.Schema.Type().TerraformType(ctx)
	config, err := dv.Unmarshal(stateType)
	if err != nil {
		diags.AddError("Unreadable data source configuration", "This is a bug in the provider; please report it: "+err.Error())
		return nil, diags
	}

	computed, readDiags := d.readAttributes(ctx, client, tfsdk.Config{Raw: config, Schema: schemaResp.Schema})
	diags.Append(readDiags...)
	if diags.HasError() {
		return nil, diags
	}
	state, err := encodeState(config, computed)
	if err != nil {
		diags.AddError("Unable to encode the data source state", "This is a bug in the provider; please report it: "+err.Error())
		return nil, diags
	}
	return &tfprotov6.DynamicValue{MsgPack: state}, diags
}

// encodeState writes the configuration as state with the computed
// attributes set.
func encodeState(config tftypes.Value, computed map[string]stateAttribute) ([]byte, error) {
	attributes := map[string]tftypes.Value{}
	if err := config.As(&attributes); err != nil {
		return nil, err
	}
	objectType, ok := config.Type().(tftypes.Object)
	if !ok {
		return nil, fmt.Errorf("the configuration is a %s, not an object", config.Type())
	}
	// Room for the large attributes and, generously, the small ones.
	capacity := 64 << 10
	for _, attribute := range computed {
		capacity += attribute.size
	}
	w := &msgpackWriter{buf: make([]byte, 0, capacity)}
	w.mapHeader(len(attributes))
	for name, value := range attributes {
		w.string(name)
		if attribute, ok := computed[name]; ok {
			attribute.encode(w)
			continue
		}
		encoded, err := tfprotov6.NewDynamicValue(objectType.AttributeTypes[name], value)
		if err != nil {
			return nil, err
		}
		w.raw(encoded.MsgPack)
	}
	return w.buf, nil
}

// toProtocolDiagnostics converts diagnostics from a read for the wire.
func toProtocolDiagnostics(diags diag.Diagnostics) []*tfprotov6.Diagnostic {
	var out []*tfprotov6.Diagnostic
	for _, d := range diags {
		severity := tfprotov6.DiagnosticSeverityError
		if d.Severity() == diag.SeverityWarning {
			severity = tfprotov6.DiagnosticSeverityWarning
		}
		protocol := &tfprotov6.Diagnostic{Severity: severity, Summary: d.Summary(), Detail: d.Detail()}
		if withPath, ok := d.(diag.DiagnosticWithPath); ok {
			protocol.Attribute = toAttributePath(withPath.Path())
		}
		out = append(out, protocol)
	}
	return out
}

func toAttributePath(p path.Path) *tftypes.AttributePath {
	steps := p.Steps()
	if len(steps) == 0 {
		return nil
	}
	out := tftypes.NewAttributePath()
	for _, step := range steps {
		switch step := step.(type) {
		case path.PathStepAttributeName:
			out = out.WithAttributeName(string(step))
		case path.PathStepElementKeyInt:
			out = out.WithElementKeyInt(int(step))
		case path.PathStepElementKeyString:
			out = out.WithElementKeyString(string(step))
		default:
			return out
		}
	}
	return out
}

// addNotConfigured reports a read asked of a provider without a Duo client.
func addNotConfigured(diags *diag.Diagnostics) {
	diags.AddError("Duo provider not configured", "The provider has no Duo client: its configuration failed or is not known yet. Fix the errors reported for the provider block.")
}
