package provider

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/idaudit/terraform-provider-duo/internal/duo"
)

// The time window that the logs and the reports read: mintime and maxtime,
// each an RFC 3339 time or Unix seconds, parsed and checked once for both,
// at plan time when the times are known then.

const (
	mintimeArgument = "mintime"
	maxtimeArgument = "maxtime"
)

// timeForms says how a window's time may be written, for the docs.
const timeForms = "an RFC 3339 time such as `2024-06-01T00:00:00Z` or `timeadd(plantimestamp(), \"-168h\")`, or Unix seconds such as `1717200000`"

// timeWindow is the window arguments of a data source.
type timeWindow struct {
	// defaultSpan, when set, makes both times optional: maxtime defaults
	// to the time of the read, mintime to defaultSpan before maxtime, and
	// the state holds the window as read. Zero makes both required.
	defaultSpan time.Duration
}

// attributes are the window's arguments.
func (w timeWindow) attributes() map[string]schema.Attribute {
	mintime := schema.StringAttribute{
		MarkdownDescription: "The start of the window, within the last 180 days: " + timeForms + ". Events at this time are included.",
		Validators:          []validator.String{windowTime},
	}
	maxtime := schema.StringAttribute{
		MarkdownDescription: "The end of the window, after `mintime`, such as `plantimestamp()`: " + timeForms + ". Events at this time are included.",
		Validators:          []validator.String{windowTime},
	}
	if w.defaultSpan == 0 {
		mintime.Required, maxtime.Required = true, true
	} else {
		mintime.Optional, mintime.Computed, maxtime.Optional, maxtime.Computed = true, true, true, true
		mintime.MarkdownDescription += fmt.Sprintf(" By default %d days before `maxtime`; the state then holds it as an RFC 3339 time.", int(w.defaultSpan.Hours()/24))
		maxtime.MarkdownDescription += " By default the time of the read; the state then holds it as an RFC 3339 time."
	}
	return map[string]schema.Attribute{mintimeArgument: mintime, maxtimeArgument: maxtime}
}

// read returns the window the arguments give, as of now: checked as Duo
// would check it, with a fault reported on the argument that holds it.
func (w timeWindow) read(args *arguments, now time.Time) (mintime, maxtime time.Time, err error) {
	return w.parse(args.string(mintimeArgument), args.string(maxtimeArgument), now)
}

func (w timeWindow) parse(mintimeValue, maxtimeValue types.String, now time.Time) (mintime, maxtime time.Time, err error) {
	maxtime = now.Truncate(time.Second)
	if !maxtimeValue.IsNull() {
		var ok bool
		if maxtime, ok = parseWindowTime(maxtimeValue.ValueString()); !ok {
			return mintime, maxtime, invalidTime(maxtimeArgument, maxtimeValue.ValueString())
		}
	}
	mintime = maxtime.Add(-w.defaultSpan)
	if !mintimeValue.IsNull() {
		var ok bool
		if mintime, ok = parseWindowTime(mintimeValue.ValueString()); !ok {
			return mintime, maxtime, invalidTime(mintimeArgument, mintimeValue.ValueString())
		}
	}
	if err := duo.CheckWindow(mintime, maxtime, now); err != nil {
		argument := mintimeArgument
		if !mintime.Before(maxtime) {
			argument = maxtimeArgument
		}
		return mintime, maxtime, &argumentError{argument: argument, summary: "Invalid time window", detail: capitalize(err.Error()) + "."}
	}
	return mintime, maxtime, nil
}

// stateAttributes are the window as read, for the arguments left unset.
func (w timeWindow) stateAttributes(args *arguments, mintime, maxtime time.Time) map[string]stateAttribute {
	attributes := map[string]stateAttribute{}
	for name, t := range map[string]time.Time{mintimeArgument: mintime, maxtimeArgument: maxtime} {
		if args.string(name).IsNull() {
			text := t.UTC().Format(time.RFC3339)
			attributes[name] = stateAttribute{typ: tftypes.String, encode: func(w *msgpackWriter) { w.string(text) }}
		}
	}
	return attributes
}

// parseWindowTime reads a time of a window: RFC 3339, or Unix seconds as a
// decimal string.
func parseWindowTime(text string) (time.Time, bool) {
	if t, err := time.Parse(time.RFC3339, text); err == nil {
		return t, true
	}
	if seconds, err := strconv.ParseInt(text, 10, 64); err == nil && !strings.HasPrefix(text, "+") {
		return time.Unix(seconds, 0).UTC(), true
	}
	return time.Time{}, false
}

// invalidTime is a time of a window that cannot be read.
func invalidTime(argument, text string) *argumentError {
	return &argumentError{argument: argument, summary: "Invalid time",
		detail: fmt.Sprintf("%s must be an RFC 3339 time, such as \"2024-06-01T00:00:00Z\" or timeadd(plantimestamp(), \"-168h\"), or Unix seconds, such as \"1717200000\"; not %q.", argument, text)}
}

func capitalize(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// timeValidator checks a time argument at plan time: invalid returns what
// is wrong with its text, nil when it reads.
type timeValidator struct {
	description string
	invalid     func(argument, text string) *argumentError
}

// windowTime checks one time of a window.
var windowTime = timeValidator{
	description: "must be an RFC 3339 time or Unix seconds",
	invalid: func(argument, text string) *argumentError {
		if _, ok := parseWindowTime(text); ok {
			return nil
		}
		return invalidTime(argument, text)
	},
}

func (v timeValidator) Description(context.Context) string {
	return v.description
}

func (v timeValidator) MarkdownDescription(ctx context.Context) string {
	return v.Description(ctx)
}

func (v timeValidator) ValidateString(_ context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	if invalid := v.invalid(req.Path.String(), req.ConfigValue.ValueString()); invalid != nil {
		resp.Diagnostics.AddAttributeError(req.Path, invalid.summary, invalid.detail)
	}
}

// windowValidator checks the window at plan time, once its times are known.
type windowValidator struct{ timeWindow }

func (windowValidator) Description(context.Context) string {
	return "mintime must be before maxtime, within the last 180 days"
}

func (v windowValidator) MarkdownDescription(ctx context.Context) string {
	return v.Description(ctx)
}

func (v windowValidator) ValidateDataSource(ctx context.Context, req datasource.ValidateConfigRequest, resp *datasource.ValidateConfigResponse) {
	var mintime, maxtime types.String
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root(mintimeArgument), &mintime)...)
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root(maxtimeArgument), &maxtime)...)
	if resp.Diagnostics.HasError() || mintime.IsUnknown() || maxtime.IsUnknown() {
		return
	}
	start, end, err := v.parse(mintime, maxtime, time.Now())
	// Terraform 1.5 evaluates plantimestamp() as the year 1 while it
	// validates a configuration, before the plan has a time: a window
	// before 1970, which Duo holds nothing of, is left for the read to
	// check.
	if epoch := time.Unix(0, 0); start.Before(epoch) || end.Before(epoch) {
		return
	}
	var argumentErr *argumentError
	// A time that cannot be read is windowTime's to report.
	if errors.As(err, &argumentErr) && argumentErr.summary != "Invalid time" {
		resp.Diagnostics.AddAttributeError(path.Root(argumentErr.argument), argumentErr.summary, argumentErr.detail)
	}
}
