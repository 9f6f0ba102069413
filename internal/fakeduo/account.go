package fakeduo

// Account is what the fake serves besides users and groups: the
// administrators, applications, devices and settings of a Duo account.
//
// Phones and tokens are listed from the users and admins who hold them;
// Account adds the ones nobody holds. References must name what the fake
// serves: admins and units name each other, units name groups and
// integrations, integrations name groups, bypass codes name users, log
// events name users, integrations, phones and admins. Start fails
// otherwise.
type Account struct {
	Admins                    []Admin
	AdministrativeUnits       []AdministrativeUnit
	Integrations              []Integration
	Phones                    []Phone // phones no user holds
	Tokens                    []Token // tokens no user or admin holds
	BypassCodes               []BypassCode
	Settings                  Settings
	TelephonyCreditsRemaining int
	Edition                   *string // the summary's edition; absent when nil
	Logs                      Logs    // what happened, before Start
}

// generatedAccountSize is how many of each object the account of Start
// given users and no account holds.
const generatedAccountSize = 5

// withoutBypassCodesOf returns account without the bypass codes of the
// users in removed, as Duo deletes them with their user.
func (account Account) withoutBypassCodesOf(removed map[string]bool) Account {
	var kept []BypassCode
	for _, c := range account.BypassCodes {
		if !removed[c.UserID] {
			kept = append(kept, c)
		}
	}
	account.BypassCodes = kept
	return account
}
