package fakeduo

import (
	"bytes"
	"fmt"
	"time"
)

// Default keys of an MSP parent's Accounts API application.
const (
	DefaultAccountsIntegrationKey = "DIFAKEDUOACCOUNTSAPI"
	DefaultAccountsSecretKey      = "fakeduoAccountsSecretKey000000000000TEST"
)

// MSPOptions configures StartMSP.
type MSPOptions struct {
	// Children is how many child accounts the parent has; default 3.
	Children int
	// UsersPerChild is how many generated users each child has; default 20.
	UsersPerChild int
	// AccountSize is how many of each other object a child's generated
	// account has (see GeneratedAccount); default generatedAccountSize.
	AccountSize int
	// CrossDeploymentChild adds one more child, listed last, of another
	// Duo deployment than the parent: Duo refuses to read it through the
	// Accounts API.
	CrossDeploymentChild bool
	// Latency and MaxInFlight are each child's, as in Options: every child
	// has a rate limit of its own.
	Latency     time.Duration
	MaxInFlight int
	// Denied are paths every child refuses, as in Options.
	Denied []string
	// Parent is the parent account's own fake, which serves the Accounts
	// API beside it (its AccountsAPI is set by StartMSP); its zero value
	// serves the sample account.
	Parent Options
}

// MSP is a running fake MSP: a parent account whose Accounts API lists its
// children, each child a fake of its own on its own loopback port, with its
// own account, users, policies, logs and rate limit.
type MSP struct {
	Parent   *Server
	Children []*Child
	// AccountsIntegrationKey and AccountsSecretKey are the parent's Accounts
	// API application's.
	AccountsIntegrationKey, AccountsSecretKey string
}

// Child is a child account's fake.
type Child struct {
	*Server
	AccountID, Name string
	// CrossDeployment is set on the child Duo will not let the parent read.
	CrossDeployment bool
	// Billing is what the child's billing reads answer; nil when Duo has
	// not enabled them (every third child).
	Billing *Billing
}

// childNames are the generated children's names, in turn.
var childNames = []string{"Acme Dental", "Borealis Freight", "Cedar Street Clinic", "Dunmore & Hale LLP", "Elmwood School District", "Fjord Analytics", "Granite Credit Union", "Harbor Veterinary"}

var childEditions = []string{"ENTERPRISE", "PLATFORM", "BEYOND", "PERSONAL"}

// StartMSP starts the children's fakes, then the parent's, which lists
// them. Child k (from 0) is account generatedID("DA", 1<<42|k), named after
// childNames, with GeneratedUsers' usernames under IDs of its own (so the
// same username names a different user in each child) and a
// GeneratedAccount, so that an audit finds something different in each:
// its global policy lets new users in without enrolling (new_user_behavior
// "allow") when k%3 == 1, no user is in bypass when k%4 == 2, and two more
// administrators are Owners when k%4 == 3. The billing reads are enabled
// for the children with k%3 != 2.
func StartMSP(opts MSPOptions) (*MSP, error) {
	if opts.Children <= 0 {
		opts.Children = 3
	}
	if opts.UsersPerChild <= 0 {
		opts.UsersPerChild = 20
	}
	if opts.AccountSize <= 0 {
		opts.AccountSize = generatedAccountSize
	}
	msp := &MSP{AccountsIntegrationKey: DefaultAccountsIntegrationKey, AccountsSecretKey: DefaultAccountsSecretKey}
	count := opts.Children
	if opts.CrossDeploymentChild {
		count++
	}
	var listed []ChildAccount
	for k := range count {
		child, err := startChild(msp, k, opts, opts.CrossDeploymentChild && k == count-1)
		if err != nil {
			msp.Close()
			return nil, err
		}
		msp.Children = append(msp.Children, child)
		listed = append(listed, ChildAccount{AccountID: child.AccountID, Name: child.Name, APIHostname: child.Host()})
	}
	parentOpts := opts.Parent
	parentOpts.AccountsAPI = &AccountsAPI{IntegrationKey: msp.AccountsIntegrationKey, SecretKey: msp.AccountsSecretKey, Children: listed}
	parent, err := Start(parentOpts)
	if err != nil {
		msp.Close()
		return nil, err
	}
	msp.Parent = parent
	return msp, nil
}

func startChild(msp *MSP, k int, opts MSPOptions, crossDeployment bool) (*Child, error) {
	child := &Child{
		AccountID:       generatedID("DA", 1<<42|uint64(k)),
		Name:            childNames[k%len(childNames)],
		CrossDeployment: crossDeployment,
	}
	if k >= len(childNames) {
		child.Name = fmt.Sprintf("%s %d", child.Name, k/len(childNames)+1)
	}
	if k%3 != 2 {
		child.Billing = &Billing{Edition: childEditions[k%len(childEditions)], TelephonyCredits: 1000 * (k + 1)}
	}
	users := generatedUsers(uint64(k)+1, opts.UsersPerChild)
	if k%4 == 2 {
		for i := range users {
			if users[i].Status == "bypass" {
				users[i].Status = "active"
			}
		}
	}
	account := GeneratedAccount(users, opts.AccountSize)
	account.Settings.Name = child.Name
	if k%3 == 1 {
		account.Policies[0].Sections["new_user"] = map[string]any{"new_user_behavior": "allow"}
	}
	if k%4 == 3 {
		for i := 1; i < min(3, len(account.Admins)); i++ {
			account.Admins[i].Role = ptr("Owner")
		}
	}
	server, err := Start(Options{
		Users: users, Account: &account, Latency: opts.Latency, MaxInFlight: opts.MaxInFlight, Denied: opts.Denied,
		Parent: &ParentAccess{
			IntegrationKey: msp.AccountsIntegrationKey, SecretKey: msp.AccountsSecretKey,
			AccountID: child.AccountID, CrossDeployment: crossDeployment, Billing: child.Billing,
		},
	})
	if err != nil {
		return nil, fmt.Errorf("fakeduo: child account %d: %w", k, err)
	}
	child.Server = server
	return child, nil
}

// CACertPEM holds the CA certificates of the parent's and every child's
// fake, for a client that reads them all.
func (m *MSP) CACertPEM() []byte {
	var all bytes.Buffer
	if m.Parent != nil {
		all.Write(m.Parent.CACertPEM())
	}
	for _, child := range m.Children {
		all.Write(child.CACertPEM())
	}
	return all.Bytes()
}

// Close stops every fake of the MSP.
func (m *MSP) Close() {
	if m.Parent != nil {
		m.Parent.Close()
	}
	for _, child := range m.Children {
		child.Close()
	}
}
