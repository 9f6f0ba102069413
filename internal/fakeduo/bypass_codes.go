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
	for _, c := range codes {
		if _, ok := users.byID[c.UserID]; !ok {
			return collection{}, fmt.Errorf("fakeduo: bypass code %q belongs to user_id %q, which is not among the users", c.BypassCodeID, c.UserID)
		}
	}
	return newCollection("bypass_code_id", len(codes),
		func(i int) string { return codes[i].BypassCodeID },
		func(i int) ([]byte, error) {
			// The holder is sent in short form under "user".
			code, err := json.Marshal(codes[i])
			if err != nil {
				return nil, err
			}
			return withRawFields(code, rawField{"user", shortUsers[users.byID[codes[i].UserID]]}), nil
		}, nil)
}
