package provider

import (
	"fmt"
	"slices"
	"time"

	"github.com/idaudit/terraform-provider-duo/internal/duo"
)

// userFilter is what duo_users' filter arguments select; its zero value
// selects every user.
type userFilter struct {
	// statuses, when set, are the statuses a user may have.
	statuses []string
	// isEnrolled, when set, is the enrollment a user must have.
	isEnrolled *bool
	// groups, when set, are group names and IDs; a user must be in one.
	groups []string
	// lastLoginBefore, when set, selects users who last logged in earlier,
	// or never did.
	lastLoginBefore *time.Time
	// withoutFactors, when not zero, are factors a user must have none of.
	withoutFactors factors
}

func (f userFilter) isSet() bool {
	return f.statuses != nil || f.isEnrolled != nil || f.groups != nil || f.lastLoginBefore != nil || f.withoutFactors != 0
}

func (f userFilter) matches(k *userKeys) bool {
	switch {
	case f.statuses != nil && (k.status == nil || !slices.Contains(f.statuses, *k.status)):
		return false
	case f.isEnrolled != nil && (k.isEnrolled == nil || *k.isEnrolled != *f.isEnrolled):
		return false
	case f.groups != nil && !slices.ContainsFunc(k.groups, func(group string) bool { return slices.Contains(f.groups, group) }):
		return false
	case f.lastLoginBefore != nil && k.lastLogin != nil && !time.Unix(*k.lastLogin, 0).Before(*f.lastLoginBefore):
		return false
	case k.factors&f.withoutFactors != 0:
		return false
	}
	return true
}

// selected returns the users that the filter selects, encoded.
func (f userFilter) selected(users []duo.User) *encodedList[duo.User] {
	var keys userKeys
	selected := make([]duo.User, 0, len(users))
	for i := range users {
		if keys.of(&users[i], nil); f.matches(&keys) {
			selected = append(selected, users[i])
		}
	}
	encoded := &encodedList[duo.User]{spec: userSpec}
	encoded.Add(selected)
	return encoded
}

// userKeys is what the filters look at in a user.
type userKeys struct {
	status     *string
	isEnrolled *bool
	lastLogin  *int64
	// groups are the IDs and names of the user's groups.
	groups  []string
	factors factors
}

// of sets k to the keys of u. intern, when set, shares the strings that
// many users repeat, so that a listing kept for a whole plan stays small.
func (k *userKeys) of(u *duo.User, intern map[string]string) {
	share := func(s string) string {
		if intern == nil {
			return s
		}
		if shared, ok := intern[s]; ok {
			return shared
		}
		intern[s] = s
		return s
	}
	*k = userKeys{isEnrolled: (*bool)(u.IsEnrolled), lastLogin: (*int64)(u.LastLogin), factors: factorsOf(u)}
	if u.Status != nil {
		status := share(*u.Status)
		k.status = &status
	}
	for _, group := range u.Groups {
		for _, key := range []*string{group.GroupID, group.Name} {
			if key != nil {
				k.groups = append(k.groups, share(*key))
			}
		}
	}
}

// factors is a set of the factors a user can authenticate with, as the
// without_factors filter names them.
type factors uint8

const (
	pushFactor factors = 1 << iota
	webAuthnFactor
	u2fTokenFactor
	hardwareTokenFactor
)

// factorNames are the without_factors values, with their descriptions.
var factorNames = []struct {
	name        string
	factor      factors
	description string
}{
	{"push", pushFactor, "an activated phone with `push` among its `capabilities`"},
	{"webauthn", webAuthnFactor, "a WebAuthn credential (a passkey, security key or platform authenticator)"},
	{"u2f_token", u2fTokenFactor, "a U2F security key"},
	{"hardware_token", hardwareTokenFactor, "an OTP hardware token"},
}

// factorsNamed returns the factors of the given without_factors values.
func factorsNamed(names []string) factors {
	var set factors
	for _, f := range factorNames {
		if slices.Contains(names, f.name) {
			set |= f.factor
		}
	}
	return set
}

// factorsOf returns the factors u can authenticate with.
func factorsOf(u *duo.User) factors {
	var set factors
	if slices.ContainsFunc(u.Phones, func(p duo.Phone) bool {
		return p.Activated != nil && bool(*p.Activated) && slices.Contains(p.Capabilities, "push")
	}) {
		set |= pushFactor
	}
	if len(u.WebAuthnCredentials) > 0 {
		set |= webAuthnFactor
	}
	if len(u.U2FTokens) > 0 {
		set |= u2fTokenFactor
	}
	if len(u.Tokens) > 0 {
		set |= hardwareTokenFactor
	}
	return set
}

// userListing is every user of the account, each encoded for the state,
// with what the filters look at: read once for a plan, it serves every
// duo_users that needs the whole listing. It is a duo.PageSink.
type userListing struct {
	encodedList[duo.User]
	keys   []userKeys
	intern map[string]string
	// lookups find single users in it, for duo_user.
	lookups *userLookups
}

func newUserListing() *userListing {
	return &userListing{encodedList: encodedList[duo.User]{spec: userSpec}, intern: map[string]string{}, lookups: &userLookups{}}
}

func (l *userListing) Add(page []duo.User) {
	l.encodedList.Add(page)
	for i := range page {
		var keys userKeys
		keys.of(&page[i], l.intern)
		l.keys = append(l.keys, keys)
	}
}

func (l *userListing) Restart() {
	*l = *newUserListing()
}

// selected returns the users the filter selects, skipping the first offset
// of them and returning at most limit (0 for all).
func (l *userListing) selected(f userFilter, offset, limit int) *encodedList[duo.User] {
	selected := &encodedList[duo.User]{spec: userSpec}
	matched := 0
	for i := range l.keys {
		if limit > 0 && len(selected.objects) == limit {
			break
		}
		if !f.matches(&l.keys[i]) {
			continue
		}
		if matched++; matched > offset {
			selected.addEncoded(l.objects[i])
		}
	}
	return selected
}

// rfc3339 checks a time written as RFC 3339, such as
// 2024-06-01T00:00:00Z, as Terraform's timestamp functions write it.
var rfc3339 = timeValidator{
	description: "must be a time in RFC 3339 form, such as 2024-06-01T00:00:00Z",
	invalid: func(argument, text string) *argumentError {
		if _, err := time.Parse(time.RFC3339, text); err == nil {
			return nil
		}
		return &argumentError{argument: argument, summary: "Invalid time",
			detail: fmt.Sprintf("%s must be a time in RFC 3339 form, such as \"2024-06-01T00:00:00Z\" or timeadd(plantimestamp(), \"-2160h\"), not %q.", argument, text)}
	},
}
