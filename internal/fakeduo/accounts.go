package fakeduo

import (
	"encoding/json"
	"net/http"
)

// An MSP's parent account reads its children with its Accounts API
// application's key, as Duo serves it (see StartMSP):
//
//   - the parent's fake, given Options.AccountsAPI, answers POST
//     /accounts/v1/account/list signed with that key (v2 or v5) with the
//     children, and refuses the key anywhere else, and any other key there;
//   - a child's fake, given Options.Parent, accepts the parent's key on its
//     own host for requests whose signed parameters hold the child's
//     account_id, refuses it otherwise, and answers HTTP 400 to it when the
//     child is of another Duo deployment; it serves the billing reads to
//     that key when Duo has enabled them (ParentAccess.Billing).

const (
	accountListPath      = "/accounts/v1/account/list"
	billingEditionPath   = "/admin/v1/billing/edition"
	billingTelephonyPath = "/admin/v1/billing/telephony_credits"
)

// AccountsAPI is a parent account's Accounts API application.
type AccountsAPI struct {
	IntegrationKey, SecretKey string
	// Children are what POST /accounts/v1/account/list answers, in order.
	Children []ChildAccount
}

// ChildAccount is a child account as its parent lists it.
type ChildAccount struct {
	AccountID   string `json:"account_id"`
	Name        string `json:"name"`
	APIHostname string `json:"api_hostname"`
}

// ParentAccess is the parent account's key, as a child's fake accepts it.
type ParentAccess struct {
	IntegrationKey, SecretKey string
	// AccountID is this child's, which every request with the parent's
	// key must carry.
	AccountID string
	// CrossDeployment puts the child in another Duo deployment than its
	// parent: Duo refuses the parent's key there with HTTP 400.
	CrossDeployment bool
	// Billing, when set, is what the billing reads answer; nil answers them
	// 403, as Duo does until its support enables them for the parent.
	Billing *Billing
}

// Billing is what a child's billing reads answer.
type Billing struct {
	Edition          string // ENTERPRISE, PLATFORM, BEYOND or PERSONAL
	TelephonyCredits int
}

var (
	errCrossDeployment = &apiError{http.StatusBadRequest, 40002,
		"Cross-deployment Admin API usage through Accounts API is currently not available, please refer to: https://duo.com/docs/accountsapi#using-accounts-api-with-admin-api", ""}
	errBillingNotEnabled = &apiError{http.StatusForbidden, 40301, "Access forbidden", "Billing information of child accounts is available on request"}
)

// checkAccountsAPI refuses what an authenticated request signed by ikey
// may not do as far as the Accounts API goes: the parent's key anywhere but
// the account list, another key on it, or the parent's key on a child
// without that child's account_id.
func (s *Server) checkAccountsAPI(r *http.Request, ikey string) *apiError {
	path := r.URL.EscapedPath()
	if s.accountsAPI != nil && (ikey == s.accountsAPI.IntegrationKey) != (path == accountListPath) {
		return errForbidden
	}
	parent := s.parent
	if parent == nil || ikey != parent.IntegrationKey {
		if path == billingEditionPath || path == billingTelephonyPath {
			return errForbidden
		}
		return nil
	}
	query := r.URL.Query()
	switch {
	case parent.CrossDeployment:
		return errCrossDeployment
	case query.Get("account_id") != parent.AccountID:
		return errForbidden
	case parent.Billing == nil && (path == billingEditionPath || path == billingTelephonyPath):
		return errBillingNotEnabled
	}
	// The account is chosen: the endpoint sees its own parameters only.
	query.Del("account_id")
	r.URL.RawQuery = query.Encode()
	return nil
}

// accountsEndpoint returns what answers the Accounts API's paths on this
// fake, nil for any other path.
func (s *Server) accountsEndpoint(w http.ResponseWriter, path string) func() {
	switch {
	case s.accountsAPI != nil && path == accountListPath:
		return func() {
			body, _ := json.Marshal(s.accountsAPI.Children)
			writeObject(w, body)
			s.listRequests[accountListPath].Add(1)
		}
	case s.parent != nil && s.parent.Billing != nil && path == billingEditionPath:
		return func() { writeMarshalled(w, map[string]string{"edition": s.parent.Billing.Edition}) }
	case s.parent != nil && s.parent.Billing != nil && path == billingTelephonyPath:
		return func() { writeMarshalled(w, map[string]int{"credits": s.parent.Billing.TelephonyCredits}) }
	}
	return nil
}

// writeMarshalled writes a successful answer holding object.
func writeMarshalled(w http.ResponseWriter, object any) {
	body, _ := json.Marshal(object)
	writeObject(w, body)
}

// accountsMethod is the method a path of the Accounts API takes.
func accountsMethod(path string) string {
	if path == accountListPath {
		return http.MethodPost
	}
	return http.MethodGet
}
