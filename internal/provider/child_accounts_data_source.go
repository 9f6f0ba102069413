package provider

import (
	"context"
	"fmt"
	"sync"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"

	"github.com/idaudit/terraform-provider-duo/internal/duo"
)

// childAccount is a child account as duo_child_accounts holds it: as the
// parent lists it and, with include_billing, its billing reads.
type childAccount struct {
	duo.ChildAccount
	edition          *string
	telephonyCredits *duo.Int
}

var childAccountSpec = newObjectSpec(
	stringField("account_id", "The child account's ID, 20 characters starting `DA`: give it as `account_id` to any data source, or to the provider, to read this account.", func(c *childAccount) *string { return c.AccountID }),
	stringField("name", "The child account's name, the customer's as the parent's Admin Panel shows it.", func(c *childAccount) *string { return c.Name }),
	stringField("api_hostname", "The child account's own API host, such as `api-xxxxxxxx.duosecurity.com`, where the provider sends the reads of this account.", func(c *childAccount) *string { return c.APIHostname }),
	stringField("edition", "With `include_billing = true`, the child's edition as Duo's billing read names it: `ENTERPRISE` (Duo Essentials), `PLATFORM` (Duo Advantage), `BEYOND` (Duo Premier) or `PERSONAL` (Duo Free); otherwise null.", func(c *childAccount) *string { return c.edition }),
	int64Field("telephony_credits", "With `include_billing = true`, the child's telephony credits left; otherwise null.", func(c *childAccount) *duo.Int { return c.telephonyCredits }),
)

// billingReadsAtOnce bounds the children whose billing is read at once.
const billingReadsAtOnce = 8

func newChildAccountsDataSource() datasource.DataSource {
	return &dataSource{
		name: "child_accounts",
		description: "Lists the child accounts of an MSP's parent account, with the Accounts API's [`POST /accounts/v1/account/list`](https://duo.com/docs/accountsapi#retrieve-accounts) on the provider's `api_host`: " +
			"every customer account the parent holds, in Duo's order, with the `account_id` that any other data source, or the provider, takes to read that account. " +
			"The provider's key must be the parent's Accounts API application's (an Admin API application's key cannot list child accounts); the list is read once per plan and shared with the reads that name a child. " +
			"With `include_billing = true`, each child's edition and telephony credits are read too, with `GET /admin/v1/billing/edition` and `GET /admin/v1/billing/telephony_credits` on the child's host: " +
			"Duo serves these only once Duo support has enabled them for the parent account, and a child that refuses them fails the read, naming the child. " +
			"(One of Duo's sources, its Postman collection, names these billing reads `/accounts/v1/billing/…` on the parent's host instead; the provider follows Duo's client libraries.)",
		attributes: map[string]schema.Attribute{
			"include_billing": schema.BoolAttribute{
				Optional: true,
				MarkdownDescription: "When `true`, also read each child's `edition` and `telephony_credits`: two requests a child, to its own host. " +
					"Duo serves them only once Duo support has enabled them for the parent account; otherwise they fail the read.",
			},
			"accounts": schema.ListNestedAttribute{
				Computed:            true,
				MarkdownDescription: "The child accounts, in Duo's order.",
				NestedObject:        schema.NestedAttributeObject{Attributes: childAccountSpec.attributes()},
			},
		},
		failure:    "Unable to list Duo child accounts",
		parentOnly: true,
		read: func(ctx context.Context, client *account, args *arguments) (map[string]stateAttribute, error) {
			listed, err := client.provider.childAccounts(ctx)
			if err != nil {
				return nil, err
			}
			children := make([]childAccount, len(listed))
			for i := range listed {
				children[i].ChildAccount = listed[i]
			}
			if args.bool("include_billing").ValueBool() {
				if err := readBilling(ctx, client.provider, children); err != nil {
					return nil, err
				}
			}
			accounts := &encodedList[childAccount]{spec: childAccountSpec}
			accounts.Add(children)
			return map[string]stateAttribute{"accounts": accounts.attribute()}, nil
		},
	}
}

// readBilling reads the edition and telephony credits of each child, a
// few children at a time; the first failure fails them all.
func readBilling(ctx context.Context, provider *accounts, children []childAccount) error {
	for i := range children {
		if children[i].AccountID == nil {
			return fmt.Errorf("Duo listed the child account %d without an account_id. Please report it at https://github.com/idaudit/terraform-provider-duo/issues", i+1)
		}
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	slots := make(chan struct{}, billingReadsAtOnce)
	var (
		wg    sync.WaitGroup
		mu    sync.Mutex
		first error
	)
	for i := range children {
		wg.Add(1)
		go func() {
			defer wg.Done()
			slots <- struct{}{}
			defer func() { <-slots }()
			if err := readChildBilling(ctx, provider, &children[i]); err != nil {
				mu.Lock()
				defer mu.Unlock()
				if first == nil {
					first = err
					cancel()
				}
			}
		}()
	}
	wg.Wait()
	return first
}

func readChildBilling(ctx context.Context, provider *accounts, child *childAccount) error {
	read, err := provider.child(ctx, *child.AccountID, false)
	if err != nil {
		return err
	}
	edition, err := read.GetBillingEdition(ctx)
	var credits *duo.TelephonyCredits
	if err == nil {
		credits, err = read.GetTelephonyCredits(ctx)
	}
	if err != nil {
		return fmt.Errorf("%w Or read the child accounts without include_billing", provider.explain(ctx, read, err))
	}
	child.edition, child.telephonyCredits = edition.Edition, credits.Credits
	return nil
}
