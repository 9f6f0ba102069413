package provider

import (
	"context"
	"fmt"
	"regexp"
	"slices"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/idaudit/terraform-provider-duo/internal/duo"
)

// shortUserSpec is a user as Duo lists it inside phones, hardware tokens
// and bypass codes: without its groups, devices and credentials.
var shortUserSpec = userSpec.only(
	"user_id", "username", "realname", "firstname", "lastname", "email", "status", "notes",
	"created", "last_login", "last_directory_sync", "is_enrolled", "alias1", "alias2", "alias3", "alias4", "aliases",
)

var listedPhoneSpec = newObjectSpec(append(
	within(phoneSpec, func(p *duo.ListedPhone) *duo.Phone { return &p.Phone }),
	nestedListField("users", "The users the phone belongs to, each without its groups, devices and credentials (read those with `duo_user`); empty for a phone that no user holds.",
		shortUserSpec, func(p *duo.ListedPhone) []duo.User { return p.Users }),
)...)

// duo_phones: the Admin API's phone listing.
var phonesListing = listing[duo.ListedPhone]{
	name: "phones",
	what: "phones",
	description: fmt.Sprintf("Lists the phones and authenticator devices of the Duo account, with the Admin API's [`GET /admin/v1/phones`](https://duo.com/docs/adminapi#phones): "+
		"every page (up to %d phones a request), in the order Duo lists them, each with the users it belongs to, including phones that no user holds. "+
		"`number` (and `extension`) look one phone up instead, and `tampered` keeps the phones that Duo Mobile reports as jailbroken or rooted. "+
		"The Admin API application needs the \"Grant read resource\" permission.", duo.MaxPhonePageSize),
	objects: "The phones, in the order Duo lists them; empty when `number` matches none.",
	spec:    listedPhoneSpec,
	arguments: map[string]schema.Attribute{
		"number": schema.StringAttribute{
			Optional:            true,
			MarkdownDescription: "Return only the phone with this number, in E.164 form such as `+15555550100`, as Duo filters phones by number.",
			Validators: []validator.String{stringvalidator.RegexMatches(regexp.MustCompile(`^\+[1-9][0-9]{1,14}$`),
				"must be a phone number in E.164 form: a + followed by the country code and the number, digits only, such as +15555550100")},
		},
		"extension": schema.StringAttribute{
			Optional:            true,
			MarkdownDescription: "With `number`, return only the phone with this extension.",
			Validators:          []validator.String{stringvalidator.LengthAtLeast(1), stringvalidator.AlsoRequires(path.MatchRoot("number"))},
		},
		"tampered": schema.SetAttribute{
			Optional:    true,
			ElementType: types.StringType,
			MarkdownDescription: "Keep only the phones whose `tampered` is one of these: `[\"Tampered\"]` keeps the phones that Duo Mobile reports as jailbroken or rooted. " +
				"Duo sends `Tampered`, `Not tampered`, or `\"\"` for a phone that does not run Duo Mobile on iOS or Android. " +
				"Applied by the provider, since Duo does not filter phones by it: every page is read, and only the phones that match are kept in the state. An empty set keeps none.",
		},
	},
	list: func(ctx context.Context, client *account, args *arguments, sink duo.PageSink[duo.ListedPhone]) error {
		filter := duo.PhoneFilter{Number: args.string("number").ValueString(), Extension: args.string("extension").ValueString()}
		if tampered := args.strings("tampered"); tampered != nil {
			sink = tamperedPhones{sink: sink, values: tampered}
		}
		return client.StreamPhones(ctx, filter, sink)
	},
}

// tamperedPhones passes on to sink the phones whose tampered is one of
// values.
type tamperedPhones struct {
	sink   duo.PageSink[duo.ListedPhone]
	values []string
}

func (t tamperedPhones) Add(page []duo.ListedPhone) {
	kept := make([]duo.ListedPhone, 0, len(page))
	for _, p := range page {
		if p.Tampered != nil && slices.Contains(t.values, *p.Tampered) {
			kept = append(kept, p)
		}
	}
	t.sink.Add(kept)
}

func (t tamperedPhones) Restart() { t.sink.Restart() }

func newPhonesDataSource() datasource.DataSource {
	return phonesListing.dataSource()
}
