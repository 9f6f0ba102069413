package fakeduo

import (
	"encoding/json"
	"fmt"
)

const bypassCodesPath = "/admin/v1/bypass_codes"

var bypassCodesListing = listing{bypassCodesPath, 100, 500}

// BypassCode is what Duo shows of a bypass code: never the code itself.
type BypassCode struct {
	BypassCodeID string `json:"bypass_code_id"`
	AdminEmail   string `json:"admin_email"` // who made it; "" for codes made through the API
	Created      int64  `json:"created"`
	Expiration   *int64 `json:"expiration"`  // null: never expires
	ReuseCount   int    `json:"reuse_count"` // uses left; 0: unlimited
	// UserID is the holder, sent as the user's short form under "user".
	UserID string `json:"-"`
}

// indexBypassCodes encodes codes with their holders' short forms.
func indexBypassCodes(codes []BypassCode, users *userIndex, shortUsers [][]byte) (collection, error) {
	return indexHeldByUsers("bypass code", "bypass_code_id", len(codes),
		func(i int) string { return codes[i].BypassCodeID },
		func(i int) string { return codes[i].UserID },
		func(i int) any { return codes[i] }, users, shortUsers)
}

// indexHeldByUsers encodes n objects of a kind whose IDs are named idName,
// each with the short form of the user userID(i) under "user": an object
// of a user who is not served is an error.
func indexHeldByUsers(kind, idName string, n int, id, userID func(i int) string, object func(i int) any, users *userIndex, shortUsers [][]byte) (collection, error) {
	for i := range n {
		if _, ok := users.byID[userID(i)]; !ok {
			return collection{}, fmt.Errorf("fakeduo: %s %q belongs to user_id %q, which is not among the users", kind, id(i), userID(i))
		}
	}
	return newCollection(idName, n, id, func(i int) ([]byte, error) {
		encoded, err := json.Marshal(object(i))
		if err != nil {
			return nil, err
		}
		return withRawFields(encoded, rawField{"user", shortUsers[users.byID[userID(i)]]}), nil
	}, nil)
}
