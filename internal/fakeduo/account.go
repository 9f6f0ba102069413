package fakeduo

import "slices"

// Account is what the fake serves besides users and groups: the
// administrators, applications, devices and settings of a Duo account.
//
// Phones and tokens are listed from the users and admins who hold them;
// Account adds the ones nobody holds. WebAuthn credentials are listed from
// the users and admins who hold them only. References must name what the
// fake serves: admins and units name each other, units name groups and
// integrations, integrations name groups and policies, policies name
// integrations and groups, bypass codes, endpoints and desktop
// authenticators name users, log events name users, integrations, phones
// and admins. Start fails otherwise.
type Account struct {
	Admins                    []Admin
	AdministrativeUnits       []AdministrativeUnit
	Integrations              []Integration
	Phones                    []Phone // phones no user holds
	Tokens                    []Token // tokens no user or admin holds
	BypassCodes               []BypassCode
	Endpoints                 []Endpoint
	DesktopAuthenticators     []DesktopAuthenticator
	Settings                  Settings
	AdminAuthMethods          AdminAuthMethods
	TelephonyCreditsRemaining int
	Edition                   *string // the summary's edition; absent when nil
	// Policies are served in this order; exactly one is global when there
	// are any. Integrations name their whole-application policy.
	Policies []Policy
	Logs     Logs // what happened, before Start
}

// generatedAccountSize is how many of each object the account of Start
// given users and no account holds.
const generatedAccountSize = 5

// withoutObjectsOf returns account without the bypass codes and desktop
// authenticators of the users in removed, as Duo deletes them with their
// user. The endpoints they used stay, with no user: Duo keeps an endpoint
// until it has been inactive for 30 days.
func (account Account) withoutObjectsOf(removed map[string]bool) Account {
	var codes []BypassCode
	for _, c := range account.BypassCodes {
		if !removed[c.UserID] {
			codes = append(codes, c)
		}
	}
	account.BypassCodes = codes
	var authenticators []DesktopAuthenticator
	for _, a := range account.DesktopAuthenticators {
		if !removed[a.UserID] {
			authenticators = append(authenticators, a)
		}
	}
	account.DesktopAuthenticators = authenticators
	account.Endpoints = slices.Clone(account.Endpoints)
	for i := range account.Endpoints {
		if removed[account.Endpoints[i].UserID] {
			account.Endpoints[i].UserID = ""
		}
	}
	return account
}
