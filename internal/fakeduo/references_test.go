package fakeduo

import (
	"strings"
	"testing"
)

func TestStartRejectsDanglingReferences(t *testing.T) {
	for name, tt := range map[string]struct {
		change func(*Account)
		named  string // the error names it
	}{
		"bypass code of an unknown user": {func(a *Account) { a.BypassCodes[2].UserID = "DUNOSUCHUSER" }, "DUNOSUCHUSER"},
		"unit with an unknown group":     {func(a *Account) { a.AdministrativeUnits[0].Groups[1] = "DGNOSUCHGROUP" }, "DGNOSUCHGROUP"},
		"unit with an unknown integration": {func(a *Account) {
			a.AdministrativeUnits[1].Integrations = append(a.AdministrativeUnits[1].Integrations, "DINOSUCHINTEGRATION")
		}, "DINOSUCHINTEGRATION"},
		"unit with an unknown admin": {func(a *Account) {
			a.AdministrativeUnits[2].Admins = []string{"DENOSUCHADMIN"}
		}, "DENOSUCHADMIN"},
		"admin in an unknown unit": {func(a *Account) {
			a.Admins[6].AdminUnits = append(a.Admins[6].AdminUnits, "DANOSUCHUNIT")
		}, "DANOSUCHUNIT"},
		"admin in a unit that does not list it": {func(a *Account) {
			a.Admins[2].AdminUnits = append(a.Admins[2].AdminUnits, "DASAMPLE000000000002")
		}, "DESAMPLE000000000003"},
		"unit listing an admin not in it": {func(a *Account) {
			a.AdministrativeUnits[2].Admins = []string{"DESAMPLE000000000001"}
		}, "DESAMPLE000000000001"},
		"unrestricted admin in a unit": {func(a *Account) { a.Admins[2].RestrictedByAdminUnits = false }, "DESAMPLE000000000003"},
		"integration allowing an unknown group": {func(a *Account) {
			a.Integrations[4].GroupsAllowed = []string{"DGNOSUCHGROUP"}
		}, "DGNOSUCHGROUP"},
		"duplicate admin_id":       {func(a *Account) { a.Admins[1].AdminID = a.Admins[0].AdminID }, "DESAMPLE000000000001"},
		"duplicate integration":    {func(a *Account) { a.Integrations[1].IntegrationKey = a.Integrations[0].IntegrationKey }, "DISAMPLE000000000001"},
		"duplicate bypass code":    {func(a *Account) { a.BypassCodes[1].BypassCodeID = a.BypassCodes[0].BypassCodeID }, "DBSAMPLE000000000001"},
		"duplicate unowned phone":  {func(a *Account) { a.Phones[1].PhoneID = a.Phones[0].PhoneID }, "DPSAMPLE000000000007"},
		"unowned phone a user has": {func(a *Account) { a.Phones[0].PhoneID = "DPSAMPLE000000000002" }, "DPSAMPLE000000000002"},
		"unowned token a user has": {func(a *Account) { a.Tokens[0].TokenID = "DHSAMPLE000000000001" }, "DHSAMPLE000000000001"},
		"unowned token an admin has": {func(a *Account) {
			a.Tokens[0] = *a.Admins[2].HardToken
		}, "DHSAMPLE000000000006"},
		"duplicate unowned token": {func(a *Account) { a.Tokens[1] = a.Tokens[0] }, "DHSAMPLE000000000007"},
		"hardtoken unlike the user's token": {func(a *Account) {
			a.Admins[6].HardToken = &Token{TokenID: "DHSAMPLE000000000003", Serial: "other", Type: "yk"}
		}, "DHSAMPLE000000000003"},
		"two tokens with one type and serial": {func(a *Account) { a.Tokens[1].Type = "h6" }, "100001"},
		"endpoint of an unknown user":         {func(a *Account) { a.Endpoints[1].UserID = "DUNOSUCHUSER" }, "DUNOSUCHUSER"},
		"desktop authenticator of an unknown user": {func(a *Account) {
			a.DesktopAuthenticators[2].UserID = "DUNOSUCHUSER"
		}, "DUNOSUCHUSER"},
		"duplicate endpoint": {func(a *Account) { a.Endpoints[1].Epkey = a.Endpoints[0].Epkey }, "EPSAMPLE000000000001"},
		"admin credential with a user's webauthnkey": {func(a *Account) {
			a.Admins[0].WebAuthnCreds[0].WebAuthnKey = "WASAMPLE000000000001"
		}, "WASAMPLE000000000001"},
		"integration with an unknown policy": {func(a *Account) {
			a.Integrations[0].PolicyKey = ptr("PONOSUCHPOLICY")
		}, "PONOSUCHPOLICY"},
		"integration with the global policy as its own": {func(a *Account) {
			a.Integrations[0].PolicyKey = ptr(a.Policies[0].PolicyKey)
		}, "DISAMPLE000000000001"},
		"policy on an unknown group": {func(a *Account) {
			a.Policies[3].GroupsInApps[0].GroupIDs = []string{"DGNOSUCHGROUP"}
		}, "DGNOSUCHGROUP"},
		"policy on groups in an unknown integration": {func(a *Account) {
			a.Policies[3].GroupsInApps[0].IntegrationKey = "DINOSUCHINTEGRATION"
		}, "DINOSUCHINTEGRATION"},
		"two global policies":  {func(a *Account) { a.Policies[4].IsGlobalPolicy = true }, "POSAMPLE000000000004"},
		"no global policy":     {func(a *Account) { a.Policies[0].IsGlobalPolicy = false }, "global"},
		"duplicate policy_key": {func(a *Account) { a.Policies[4].PolicyKey = a.Policies[3].PolicyKey }, "POSAMPLE000000000003"},
	} {
		account := SampleAccount()
		tt.change(&account)
		s, err := Start(Options{Account: &account})
		if err == nil {
			s.Close()
			t.Errorf("%s: Start accepted the account", name)
		} else if !strings.Contains(err.Error(), tt.named) {
			t.Errorf("%s: Start gave %q, which does not name %s", name, err, tt.named)
		}
	}
}

// TestStartAcceptsAccounts shows that the rejections above come from the
// changes they make.
func TestStartAcceptsAccounts(t *testing.T) {
	users := GeneratedUsers(30)
	for name, opts := range map[string]Options{
		"sample":                        {Account: ptr(SampleAccount())},
		"generated for sample users":    {Account: ptr(GeneratedAccount(SampleUsers(), 20))},
		"given users, default account":  {Users: users},
		"no users, default account":     {Users: []User{}},
		"generated for generated users": {Users: users, Account: ptr(GeneratedAccount(users, 50))},
		"empty account":                 {Account: &Account{}},
	} {
		s, err := Start(opts)
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		s.Close()
	}
}
