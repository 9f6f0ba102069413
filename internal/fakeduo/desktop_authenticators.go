package fakeduo

import "fmt"

const desktopAuthenticatorsPath = "/admin/v1/desktop_authenticators"

// desktopAuthenticatorsListing pages as the other listings do: Duo's
// documentation gives no page sizes for it.
var desktopAuthenticatorsListing = listing{desktopAuthenticatorsPath, 100, 500}

// DesktopAuthenticator is Duo Desktop registered as an authenticator on
// one device, as GET /admin/v1/desktop_authenticators sends it.
type DesktopAuthenticator struct {
	DAKey             string `json:"dakey"`
	DAID              string `json:"daid"`
	DeviceName        string `json:"device_name"`
	DuoDesktopVersion string `json:"duo_desktop_version"`
	OSFamily          string `json:"os_family"`
	// UserID is the user it authenticates, sent as the user's short form
	// under "user".
	UserID string `json:"-"`
}

// indexDesktopAuthenticators encodes authenticators with their users'
// short forms.
func indexDesktopAuthenticators(authenticators []DesktopAuthenticator, users *userIndex, shortUsers [][]byte) (collection, error) {
	return indexHeldByUsers("desktop authenticator", "dakey", len(authenticators),
		func(i int) string { return authenticators[i].DAKey },
		func(i int) string { return authenticators[i].UserID },
		func(i int) any { return authenticators[i] }, users, shortUsers)
}

// generatedDesktopAuthenticator returns desktop authenticator i of the user
// userID.
func generatedDesktopAuthenticator(i int, userID string) DesktopAuthenticator {
	a := DesktopAuthenticator{
		DAKey:             generatedID("DD", uint64(i)),
		DAID:              generatedID("", uint64(i)+1<<40),
		DeviceName:        fmt.Sprintf("device-%05d", i+1),
		DuoDesktopVersion: []string{"6.3.0.0", "6.2.1.0", "5.1.0.0"}[i%3],
		OSFamily:          []string{"Windows", "Mac OS X"}[i%2],
		UserID:            userID,
	}
	if i%5 == 2 {
		a.DeviceName = ""
	}
	return a
}
