package provider

import (
	"context"
	"errors"
	"fmt"
	"regexp"
	"sync"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/idaudit/terraform-provider-duo/internal/duo"
)

// accounts are the Duo accounts a configured provider reads: its own, the
// account of its api_host, and, when its key is an MSP parent's Accounts
// API key, every child account that a read names by account_id. Each
// account has its own client (host, signature, bound on requests in
// flight, retries), its own shared listings and its own batched lookups,
// so that nothing one child sends or holds mixes with another's, and one
// child's rate limit or failure touches only its own reads. The reads in
// progress are counted across all of them: Terraform's parallelism is the
// provider's, not an account's (see batchGroup).
type accounts struct {
	own *account
	// defaultID is the provider's account_id: the child its data sources
	// read when they name none; "" for its own account.
	defaultID string
	batches   *batchGroup

	mu       sync.Mutex
	children map[string]*account
}

func newAccounts(client *duo.Client, defaultID string) *accounts {
	a := &accounts{defaultID: defaultID, batches: &batchGroup{}, children: map[string]*account{}}
	a.own = newAccount(client, a, "")
	return a
}

// accountIDArgument is the argument, of every data source and ephemeral
// resource and of the provider, that names the child account to read.
const accountIDArgument = "account_id"

// accountIDDescription documents account_id where a read takes it.
const accountIDDescription = "The child account to read, by its `account_id` (20 characters starting `DA`, as `duo_child_accounts` lists them), " +
	"when the provider's key is the Accounts API key of an MSP's parent account: the request goes to that child's own API host, signed with the parent's key. " +
	"Defaults to the provider's `account_id`; with neither, the provider's own account is read, as with an Admin API key."

var accountIDPattern = regexp.MustCompile(`^DA[0-9A-Z]{18}$`)

// accountIDValidators check an account_id's shape at plan time.
var accountIDValidators = []validator.String{
	stringvalidator.RegexMatches(accountIDPattern, "must be a Duo account ID: 20 characters, upper-case letters and digits, starting DA, as duo_child_accounts lists them"),
}

// forRead returns the account a read goes to: the child its account_id
// argument names, else the provider's default, else the provider's own.
func (a *accounts) forRead(ctx context.Context, configured types.String) (*account, error) {
	switch {
	case !configured.IsNull() && !configured.IsUnknown():
		return a.child(ctx, configured.ValueString(), true)
	case a.defaultID != "":
		return a.child(ctx, a.defaultID, false)
	}
	return a.own, nil
}

// childListKey names the shared read of the child accounts.
const childListKey = "the list of child accounts"

// childAccounts returns the parent's child accounts, read once for the
// life of the provider process (a child's API host never changes).
func (a *accounts) childAccounts(ctx context.Context) ([]duo.ChildAccount, error) {
	return shared(ctx, &a.own.shared, childListKey, a.own.ListChildAccounts)
}

// child returns the account of the child accountID. onArgument tells
// whether the read's own account_id names it, for a child the parent does
// not have.
func (a *accounts) child(ctx context.Context, accountID string, onArgument bool) (*account, error) {
	a.mu.Lock()
	known, ok := a.children[accountID]
	a.mu.Unlock()
	if ok {
		return known, nil
	}
	children, err := a.childAccounts(ctx)
	if err != nil {
		return nil, fmt.Errorf("Duo's list of the parent's child accounts, where the provider finds the API host of %s, could not be read: %w", accountID, err)
	}
	for _, listed := range children {
		if listed.AccountID == nil || *listed.AccountID != accountID {
			continue
		}
		if listed.APIHostname == nil {
			return nil, fmt.Errorf("Duo listed the child account %s without an api_hostname, so the provider cannot tell where to read it. Please report it at https://github.com/idaudit/terraform-provider-duo/issues", accountID)
		}
		client, err := a.own.ForChild(accountID, *listed.APIHostname)
		if err != nil {
			return nil, err
		}
		a.mu.Lock()
		defer a.mu.Unlock()
		if known, ok := a.children[accountID]; ok {
			return known, nil
		}
		name := accountID
		if listed.Name != nil {
			name = fmt.Sprintf("%q (%s)", *listed.Name, accountID)
		}
		created := newAccount(client, a, "child account "+name)
		a.children[accountID] = created
		return created, nil
	}
	detail := fmt.Sprintf("%s is not a child account of this parent: its Accounts API lists %d child accounts, and none has this account_id. "+
		"The duo_child_accounts data source lists them with their names; copy the account_id from there.", accountID, len(children))
	if !onArgument {
		return nil, errors.New("The provider's account_id " + detail)
	}
	return nil, &argumentError{argument: accountIDArgument, summary: "Unknown Duo child account", detail: detail}
}

// explain makes the error of a failed read say which account it read and,
// where the provider's own account refused the key, whether the key is an
// Accounts API key that needs an account_id.
func (a *accounts) explain(ctx context.Context, read *account, err error) error {
	if read.name != "" {
		var argumentErr *argumentError
		if errors.As(err, &argumentErr) {
			return &argumentError{argument: argumentErr.argument, summary: argumentErr.summary, detail: argumentErr.detail + " (in the " + read.name + ")"}
		}
		return fmt.Errorf("Duo's %s could not be read: %w", read.name, err)
	}
	if duo.IsRefusedCredentials(err) && a.keyListsChildren(ctx) {
		return fmt.Errorf("Duo refused the provider's key: it is an Accounts API application's, which lists and reads the child accounts of an MSP's parent account, but not the parent account itself. "+
			"Set account_id on this data source, or on the provider, to the account_id of a child account (the duo_child_accounts data source lists them); "+
			"to read the parent account itself, configure the provider with the key of an Admin API application of that account. Duo answered: %w", err)
	}
	return err
}

// keyListsChildren reports whether the provider's key lists child
// accounts, that is, whether it is an Accounts API key. It asks Duo once.
func (a *accounts) keyListsChildren(ctx context.Context) bool {
	lists, err := shared(ctx, &a.own.shared, "whether the key lists child accounts", func(ctx context.Context) (bool, error) {
		_, err := a.childAccounts(ctx)
		if err != nil && ctx.Err() != nil {
			return false, err
		}
		return err == nil, nil
	})
	return err == nil && lists
}
