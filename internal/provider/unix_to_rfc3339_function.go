package provider

import (
	"context"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/function"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

var _ function.Function = unixToRFC3339Function{}

func newUnixToRFC3339Function() function.Function {
	return unixToRFC3339Function{}
}

// unixToRFC3339Function turns Duo's Unix-seconds times into the RFC 3339
// times that Terraform's timecmp, timeadd and formatdate work on.
type unixToRFC3339Function struct{}

func (unixToRFC3339Function) Metadata(_ context.Context, _ function.MetadataRequest, resp *function.MetadataResponse) {
	resp.Name = "unix_to_rfc3339"
}

func (unixToRFC3339Function) Definition(_ context.Context, _ function.DefinitionRequest, resp *function.DefinitionResponse) {
	resp.Definition = function.Definition{
		Summary: "Turns a Duo time in Unix seconds into an RFC 3339 time",
		MarkdownDescription: "Returns the RFC 3339 time, in UTC, of a number of seconds since the Unix epoch, as Duo writes times " +
			"(`created`, `last_login`, `last_directory_sync`, `date_added`, `expiration`, ...), so that Terraform's `timecmp`, `timeadd` and `formatdate` work on them: " +
			"`provider::duo::unix_to_rfc3339(1717243200)` is `\"2024-06-01T12:00:00Z\"`. " +
			"A null argument, such as the `last_login` of a user who never logged in, returns null. " +
			"Provider functions need Terraform 1.8 or later, or OpenTofu 1.7 or later.",
		Parameters: []function.Parameter{
			function.Int64Parameter{
				Name:                "seconds",
				MarkdownDescription: "Seconds since 1970-01-01T00:00:00Z; may be null.",
				AllowNullValue:      true,
			},
		},
		Return: function.StringReturn{},
	}
}

func (unixToRFC3339Function) Run(ctx context.Context, req function.RunRequest, resp *function.RunResponse) {
	var seconds types.Int64
	resp.Error = req.Arguments.Get(ctx, &seconds)
	if resp.Error != nil {
		return
	}
	result := types.StringNull()
	if !seconds.IsNull() {
		result = types.StringValue(time.Unix(seconds.ValueInt64(), 0).UTC().Format(time.RFC3339))
	}
	resp.Error = resp.Result.Set(ctx, result)
}
