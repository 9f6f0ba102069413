package provider

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/datasource"

	"github.com/idaudit/terraform-provider-duo/internal/duo"
)

var bypassCodeSpec = newObjectSpec(
	stringField("bypass_code_id", "The bypass code's ID; never the code itself.", func(b *duo.BypassCode) *string { return b.BypassCodeID }),
	stringField("admin_email", "The email address of the administrator who created the code; may be empty for codes created through the Admin API.", func(b *duo.BypassCode) *string { return b.AdminEmail }),
	int64Field("created", "When the code was created, in Unix seconds.", func(b *duo.BypassCode) *duo.Int { return b.Created }),
	int64Field("expiration", "When the code expires, in Unix seconds; null when it never expires.", func(b *duo.BypassCode) *duo.Int { return b.Expiration }),
	int64Field("reuse_count", "How many more times the code may be used; `0` means without limit.", func(b *duo.BypassCode) *duo.Int { return b.ReuseCount }),
	nestedObjectField("user", "The user who holds the code, without their groups, devices and credentials (read those with `duo_user`).", shortUserSpec, func(b *duo.BypassCode) *duo.User { return b.User }),
)

// duo_bypass_codes: the Admin API's bypass code listing.
var bypassCodesListing = listing[duo.BypassCode]{
	name: "bypass_codes",
	what: "bypass codes",
	description: fmt.Sprintf("Lists what Duo tells of the bypass codes of the account, with the Admin API's [`GET /admin/v1/bypass_codes`](https://duo.com/docs/adminapi#bypass-codes): "+
		"every page (up to %d codes a request), in the order Duo lists them, each with the user who holds it. "+
		"The codes themselves are never read: Duo only returns them when they are created. "+
		"The Admin API application needs the \"Grant read resource\" permission.", duo.MaxBypassCodePageSize),
	objects: "The bypass codes, in the order Duo lists them.",
	spec:    bypassCodeSpec,
	list: func(ctx context.Context, client *account, _ *arguments, sink duo.PageSink[duo.BypassCode]) error {
		return client.StreamBypassCodes(ctx, sink)
	},
}

func newBypassCodesDataSource() datasource.DataSource {
	return bypassCodesListing.dataSource()
}
