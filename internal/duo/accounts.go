package duo

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"
)

// An MSP's parent account reads its child accounts with the key of its
// Accounts API application: POST /accounts/v1/account/list on the parent's
// API host lists them, and any Admin API request sent to a child's own
// api_hostname, signed over that host with the parent's key and carrying
// the child's account_id, reads that child (see Config.AccountID).

const accountListPath = "/accounts/v1/account/list"

// permissionBilling is what the billing reads of a child account need.
const permissionBilling = "the billing reads of child accounts, which Duo enables for a parent account on request only"

// ChildAccount is a child account as its parent's Accounts API lists it.
type ChildAccount struct {
	AccountID   *string `json:"account_id"`
	Name        *string `json:"name"`
	APIHostname *string `json:"api_hostname"`
}

// BillingEdition is a child account's edition as the billing read gives it:
// ENTERPRISE (Essentials), PLATFORM (Advantage), BEYOND (Premier) or
// PERSONAL (Free).
type BillingEdition struct {
	Edition *string `json:"edition"`
}

// TelephonyCredits is a child account's telephony credits as the billing
// read gives them.
type TelephonyCredits struct {
	Credits *Int `json:"credits"`
}

// ListChildAccounts returns the child accounts of the parent account whose
// Accounts API key the client signs with, in Duo's order. Duo pages this
// list in no client, so it is read in one request. The result is never nil.
func (c *Client) ListChildAccounts(ctx context.Context) ([]ChildAccount, error) {
	var answer envelope[[]ChildAccount]
	if err := request(ctx, c.newCall(ctx), http.MethodPost, accountListPath, nil, "", &answer); err != nil {
		return nil, err
	}
	if answer.Response == nil {
		return []ChildAccount{}, nil
	}
	return answer.Response, nil
}

// ForChild returns a client that reads the child account accountID on its
// API host apiHost with this client's key, through the same connections.
// It bounds its own requests in flight and retries its own rate limits, so
// that one child's rate limit never slows or fails another's.
func (c *Client) ForChild(accountID, apiHost string) (*Client, error) {
	host, err := NormalizeAPIHost(apiHost)
	if err != nil {
		return nil, fmt.Errorf("the Accounts API lists the API hostname %q for the child account %s, which is not usable: %w", apiHost, accountID, err)
	}
	cfg := c.cfg
	cfg.APIHost, cfg.AccountID = host, accountID
	return &Client{cfg: cfg, transport: c.transport, retryDelay: c.retryDelay, limit: newAdaptiveLimit(cfg.MaxConcurrentRequests)}, nil
}

// GetBillingEdition returns the edition of the child account the client
// reads. Duo serves it only once it has enabled the billing reads for the
// parent account.
func (c *Client) GetBillingEdition(ctx context.Context) (*BillingEdition, error) {
	return getObject[BillingEdition](ctx, c, "/admin/v1/billing/edition", permissionBilling)
}

// GetTelephonyCredits returns the telephony credits of the child account
// the client reads, as GetBillingEdition does.
func (c *Client) GetTelephonyCredits(ctx context.Context) (*TelephonyCredits, error) {
	return getObject[TelephonyCredits](ctx, c, "/admin/v1/billing/telephony_credits", permissionBilling)
}

// crossDeploymentLink is where Duo explains why a child account in another
// deployment than its parent cannot be read through the Accounts API.
const crossDeploymentLink = "https://duo.com/docs/accountsapi#using-accounts-api-with-admin-api"

// IsCrossDeployment reports whether err is Duo's refusal to read a child
// account of another Duo deployment than its parent through the Accounts
// API: HTTP 400 with a message about cross-deployment usage.
func IsCrossDeployment(err error) bool {
	var apiErr *APIError
	if !errors.As(err, &apiErr) || apiErr.HTTPStatus != http.StatusBadRequest {
		return false
	}
	text := strings.ToLower(apiErr.Message + " " + apiErr.Detail)
	return strings.Contains(text, "cross-deployment") || strings.Contains(text, "cross deployment")
}

// IsRefusedCredentials reports whether err is Duo refusing the key itself
// or what it may do: HTTP 401, or 403 with code 40301.
func IsRefusedCredentials(err error) bool {
	var apiErr *APIError
	return errors.As(err, &apiErr) && (apiErr.HTTPStatus == http.StatusUnauthorized || apiErr.Code == CodeForbidden)
}
