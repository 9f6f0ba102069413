package provider

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework-validators/datasourcevalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"

	"github.com/idaudit/terraform-provider-duo/internal/duo"
)

var listedTokenSpec = newObjectSpec(append(
	within(tokenSpec, func(t *duo.ListedToken) *duo.Token { return &t.Token }),
	nestedListField("users", "The users holding the token, each without its groups, devices and credentials (read those with `duo_user`).",
		shortUserSpec, func(t *duo.ListedToken) []duo.User { return t.Users }),
	nestedListField("admins", "The administrators who log in to the Admin Panel with the token.",
		shortAdminSpec, func(t *duo.ListedToken) []duo.Admin { return t.Admins }),
)...)

// duo_tokens: the Admin API's hardware token listing.
var tokensListing = listing[duo.ListedToken]{
	name: "tokens",
	what: "hardware tokens",
	description: fmt.Sprintf("Lists the hardware OTP tokens of the Duo account, with the Admin API's [`GET /admin/v1/tokens`](https://duo.com/docs/adminapi#otp-hardware-tokens): "+
		"every page (up to %d tokens a request), in the order Duo lists them, each with the users and administrators holding it, including tokens that nobody holds. "+
		"`type` and `serial` together look one token up instead. Token secrets are never read: Duo does not return them. "+
		"The Admin API application needs the \"Grant read resource\" permission.", duo.MaxTokenPageSize),
	objects: "The hardware tokens, in the order Duo lists them; empty when `type` and `serial` match none.",
	spec:    listedTokenSpec,
	arguments: map[string]schema.Attribute{
		"type": schema.StringAttribute{
			Optional:            true,
			MarkdownDescription: "With `serial`, return only the token of this type: `h6` or `h8` (HOTP), `t6` or `t8` (TOTP), `yk` (YubiKey) or `d1` (Duo-D100).",
			Validators:          []validator.String{stringvalidator.OneOf("h6", "h8", "t6", "t8", "yk", "d1")},
		},
		"serial": schema.StringAttribute{
			Optional:            true,
			MarkdownDescription: "With `type`, return only the token with this serial number. Serial numbers are unique within a type only, so Duo needs both.",
			Validators:          []validator.String{stringvalidator.LengthAtLeast(1)},
		},
	},
	validators: []datasource.ConfigValidator{datasourcevalidator.RequiredTogether(path.MatchRoot("type"), path.MatchRoot("serial"))},
	list: func(ctx context.Context, client *account, args *arguments, sink duo.PageSink[duo.ListedToken]) error {
		filter := duo.TokenFilter{Type: args.string("type").ValueString(), Serial: args.string("serial").ValueString()}
		return client.StreamTokens(ctx, filter, sink)
	},
}

func newTokensDataSource() datasource.DataSource {
	return tokensListing.dataSource()
}
