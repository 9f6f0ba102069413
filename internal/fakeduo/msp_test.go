package fakeduo

import (
	"context"
	"encoding/json"
	"net"
	"net/http"
	"net/url"
	"testing"
	"time"

	duoapi "github.com/duosecurity/duo_api_golang"
)

func startMSP(t *testing.T, opts MSPOptions) *MSP {
	t.Helper()
	msp, err := StartMSP(opts)
	if err != nil {
		t.Fatalf("StartMSP: %v", err)
	}
	t.Cleanup(msp.Close)
	return msp
}

// accountsClient is the real client library with the parent's Accounts API
// key, for the host of s.
func accountsClient(msp *MSP, s *Server) *duoapi.DuoApi {
	return newClient(s, msp.AccountsIntegrationKey, msp.AccountsSecretKey)
}

func listChildren(t *testing.T, c *duoapi.DuoApi, v5 bool) (int, []byte) {
	t.Helper()
	var resp *http.Response
	var body []byte
	var err error
	if v5 {
		resp, body, err = c.JSONSignedCall(http.MethodPost, accountListPath, duoapi.JSONParams{}, duoapi.UseTimeout)
	} else {
		resp, body, err = c.SignedCall(http.MethodPost, accountListPath, url.Values{}, duoapi.UseTimeout)
	}
	if err != nil {
		t.Fatal(err)
	}
	return resp.StatusCode, body
}

func TestMSPListsItsChildrenToTheAccountsAPIKeyOnly(t *testing.T) {
	msp := startMSP(t, MSPOptions{Children: 2, CrossDeploymentChild: true})
	for _, v5 := range []bool{false, true} {
		status, body := listChildren(t, accountsClient(msp, msp.Parent), v5)
		var answer struct {
			Stat     string         `json:"stat"`
			Response []ChildAccount `json:"response"`
		}
		if err := json.Unmarshal(body, &answer); err != nil || status != http.StatusOK || answer.Stat != "OK" {
			t.Fatalf("v5=%v: HTTP %d %s", v5, status, body)
		}
		if len(answer.Response) != 3 {
			t.Fatalf("v5=%v: %d children listed, want 3", v5, len(answer.Response))
		}
		for i, child := range answer.Response {
			want := msp.Children[i]
			if child.AccountID != want.AccountID || child.Name != want.Name || child.APIHostname != want.Host() {
				t.Errorf("child %d is %+v, want %s %q on %s", i, child, want.AccountID, want.Name, want.Host())
			}
			if len(child.AccountID) != 20 || child.AccountID[:2] != "DA" {
				t.Errorf("child %d's account ID %q is not 20 characters starting DA", i, child.AccountID)
			}
		}
	}
	// An Admin API key may not list children, and the Accounts API key may
	// not read the parent's own Admin API.
	status, body := listChildren(t, newClient(msp.Parent, DefaultIntegrationKey, DefaultSecretKey), true)
	expectFail(t, status, body, http.StatusForbidden, 40301)
	status, body = call(t, accountsClient(msp, msp.Parent), usersPath, nil)
	expectFail(t, status, body, http.StatusForbidden, 40301)
	if got := msp.Parent.ListRequests(accountListPath); got != 2 {
		t.Errorf("%d successful list requests counted, want 2", got)
	}
}

func TestMSPChildAcceptsTheParentKeyWithItsAccountID(t *testing.T) {
	msp := startMSP(t, MSPOptions{Children: 2, UsersPerChild: 3})
	first, second := msp.Children[0], msp.Children[1]
	c := accountsClient(msp, first.Server)

	page := listUsers(t, c, url.Values{"account_id": {first.AccountID}})
	if got := usernames(t, page.Response); len(got) != 3 || got[0] != "user00001" {
		t.Fatalf("the child's users are %v", got)
	}
	// The same username is another user in each child.
	other := listUsers(t, accountsClient(msp, second.Server), url.Values{"account_id": {second.AccountID}})
	var firstUser, secondUser struct {
		UserID string `json:"user_id"`
	}
	if json.Unmarshal(page.Response[0], &firstUser) != nil || json.Unmarshal(other.Response[0], &secondUser) != nil || firstUser.UserID == secondUser.UserID {
		t.Errorf("user00001 has the ID %q in both children", firstUser.UserID)
	}
	// Policies, signed v5, take the account_id too.
	listAt(t, c, "/admin/v2/policies", url.Values{"account_id": {first.AccountID}})

	for name, params := range map[string]url.Values{
		"no account_id":          nil,
		"another child's":        {"account_id": {second.AccountID}},
		"account_id not signed?": {"account_id": {""}},
	} {
		status, body := call(t, c, usersPath, params)
		if status != http.StatusForbidden {
			t.Errorf("%s: HTTP %d %s, want 403", name, status, body)
		}
	}
	// A request signed over the parent's host is refused by the child's.
	signedForParent := duoapi.NewDuoApi(msp.AccountsIntegrationKey, msp.AccountsSecretKey, msp.Parent.Host(), "fakeduo-test",
		duoapi.SetTimeout(10*time.Second), duoapi.SetTransport(func(tr *http.Transport) {
			trustServer(first.Server)(tr)
			tr.DialContext = func(ctx context.Context, network, _ string) (net.Conn, error) {
				return (&net.Dialer{}).DialContext(ctx, network, first.Host())
			}
		}))
	status, body := call(t, signedForParent, usersPath, url.Values{"account_id": {first.AccountID}})
	expectFail(t, status, body, http.StatusUnauthorized, 40103)
}

func TestMSPRefusesTheCrossDeploymentChild(t *testing.T) {
	msp := startMSP(t, MSPOptions{Children: 1, CrossDeploymentChild: true})
	cross := msp.Children[1]
	if !cross.CrossDeployment {
		t.Fatal("the last child is not the cross-deployment one")
	}
	status, body := call(t, accountsClient(msp, cross.Server), usersPath, url.Values{"account_id": {cross.AccountID}})
	failure := expectFail(t, status, body, http.StatusBadRequest, 40002)
	if failure.Message == "" || !json.Valid(body) {
		t.Errorf("the refusal says nothing: %s", body)
	}
}

func TestMSPBillingReadsAreEnabledForSomeChildren(t *testing.T) {
	msp := startMSP(t, MSPOptions{Children: 3})
	for k, child := range msp.Children {
		c := accountsClient(msp, child.Server)
		params := url.Values{"account_id": {child.AccountID}}
		status, body := call(t, c, billingEditionPath, params)
		if child.Billing == nil {
			expectFail(t, status, body, http.StatusForbidden, 40301)
			continue
		}
		var answer struct {
			Response struct {
				Edition string `json:"edition"`
			} `json:"response"`
		}
		if err := json.Unmarshal(body, &answer); err != nil || status != http.StatusOK || answer.Response.Edition != child.Billing.Edition {
			t.Errorf("child %d: HTTP %d %s, want the edition %s", k, status, body, child.Billing.Edition)
		}
		status, body = call(t, c, billingTelephonyPath, params)
		if status != http.StatusOK {
			t.Errorf("child %d: telephony credits: HTTP %d %s", k, status, body)
		}
		// The child's own Admin API keys do not read billing.
		status, body = call(t, newClient(child.Server, DefaultIntegrationKey, DefaultSecretKey), billingEditionPath, nil)
		expectFail(t, status, body, http.StatusForbidden, 40301)
	}
}
