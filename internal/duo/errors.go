package duo

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strings"
)

// Duo error codes that callers act on or explain.
const (
	CodeMissingCredentials = 40101
	CodeInvalidIKey        = 40102
	CodeInvalidSignature   = 40103
	CodeForbidden          = 40301
	CodeNotFound           = 40401
	CodeRateLimited        = 42901
)

// APIError is an answer from Duo with "stat": "FAIL", or an HTTP error status.
type APIError struct {
	Method     string
	Path       string
	HTTPStatus int
	Code       int
	Message    string
	Detail     string
	// Permission is what the Admin API application needs for the request,
	// as the Admin Panel names it.
	Permission string
	// ThroughAccountsAPI is set when the request read a child account with
	// its parent's Accounts API key.
	ThroughAccountsAPI bool
}

func (e *APIError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "Duo answered %s %s with HTTP %d", e.Method, e.Path, e.HTTPStatus)
	if e.Code != 0 {
		fmt.Fprintf(&b, ", code %d", e.Code)
	}
	if e.Message != "" {
		fmt.Fprintf(&b, ": %s", e.Message)
	}
	if e.Detail != "" {
		fmt.Fprintf(&b, " (%s)", e.Detail)
	}
	if hint := e.Hint(); hint != "" {
		b.WriteString(". ")
		b.WriteString(hint)
	}
	return b.String()
}

// Hint says what to do about the common failures.
func (e *APIError) Hint() string {
	switch {
	case e.Path == accountListPath && (e.HTTPStatus == http.StatusUnauthorized || e.Code == CodeForbidden):
		return "Listing child accounts needs the key of the parent account's Accounts API application, which an Owner of the parent creates in the Duo Admin Panel (Applications → Protect an Application → Accounts API); an Admin API application's key cannot list them."
	case IsCrossDeployment(e):
		return "Duo does not allow reading a child account that is in another Duo deployment than its parent through the Accounts API (see " + crossDeploymentLink + "): read it with an Admin API application created in that account."
	case e.ThroughAccountsAPI:
		return e.childHint()
	}
	switch e.Code {
	case CodeMissingCredentials, CodeInvalidIKey, CodeInvalidSignature:
		return "Check the integration key, secret key and API hostname of the Admin API application in the Duo Admin Panel, and that this machine's clock is correct: Duo rejects requests whose Date is more than a few minutes off."
	case CodeForbidden:
		if e.Permission == "" {
			return "The Admin API application lacks a permission this request needs: check its permissions in the Duo Admin Panel."
		}
		return "The Admin API application lacks the permission to read this: in the Duo Admin Panel, open the Admin API application, grant it " + e.Permission + " and save, then retry."
	case CodeRateLimited:
		return "Duo is rate limiting this integration: retry later, or allow a longer wait with the provider's max_retry_wait."
	}
	return ""
}

// childHint says what to do about a failed read of a child account.
func (e *APIError) childHint() string {
	switch {
	case e.Code == CodeMissingCredentials || e.Code == CodeInvalidIKey || e.Code == CodeInvalidSignature:
		return "Check the integration key and secret key of the parent account's Accounts API application, and that this machine's clock is correct: Duo rejects requests whose Date is more than a few minutes off."
	case e.Code == CodeForbidden && e.Permission == permissionBilling:
		return "Duo serves the edition and telephony credits of child accounts only once Duo support has enabled these billing reads for the parent account: ask Duo support to enable them."
	case e.HTTPStatus == http.StatusForbidden:
		return "Duo refused this read of a child account to the parent's Accounts API application: Duo does not serve every read of a child account through the Accounts API. Read this account with an Admin API application of its own, or ask Duo support."
	case e.Code == CodeRateLimited:
		return "Duo is rate limiting the reads of this child account: retry later, or allow a longer wait with the provider's max_retry_wait."
	}
	return ""
}

// IsNotFound reports whether err is Duo's "resource not found" answer.
func IsNotFound(err error) bool {
	var apiErr *APIError
	return errors.As(err, &apiErr) && apiErr.Code == CodeNotFound
}

// lenientInt is an optional integer of an answer's envelope: an error
// code, next_offset or total_objects. Duo sends each as a JSON number or
// a numeric string, and total_objects in newer log answers as
// {"relation": ..., "value": N}. Anything else is an error, never a silent
// zero, because a misread next_offset would truncate a listing. Null, or
// a member Duo does not send, leaves it unset.
type lenientInt struct {
	value int
	set   bool
}

func (n *lenientInt) UnmarshalJSON(data []byte) error {
	if string(data) == "null" {
		*n = lenientInt{}
		return nil
	}
	var v Int
	if bytes.HasPrefix(data, []byte("{")) {
		var object struct {
			Value *Int `json:"value"`
		}
		if json.Unmarshal(data, &object) != nil || object.Value == nil {
			return &valueError{want: `an integer, or an object with an integer "value"`, data: data}
		}
		v = *object.Value
	} else if v.UnmarshalJSON(data) != nil {
		return &valueError{want: "an integer", data: data}
	}
	*n = lenientInt{value: int(v), set: true}
	return nil
}
