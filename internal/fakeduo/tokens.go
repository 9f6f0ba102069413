package fakeduo

import (
	"encoding/json"
	"fmt"
	"net/url"
	"reflect"
)

const tokensPath = "/admin/v1/tokens"

var tokensListing = listing{tokensPath, 100, 500}

// listedToken is a token as /admin/v1/tokens sends it: the token as its
// holders show it, and its holders' short forms.
type listedToken struct {
	token         Token
	users, admins [][]byte
}

// tokenSerial identifies a token for the listing's filter: a serial is
// unique within a type only.
type tokenSerial struct{ typ, serial string }

// tokenIndex is every token, with the index of the listing's filter.
type tokenIndex struct {
	collection
	bySerial map[tokenSerial]int
}

// indexTokens lists the users' tokens in user order, then the admins'
// hardtokens in admin order, a token held twice once, followed by the
// tokens nobody holds. shortUsers and shortAdmins are the holders' short
// forms.
func indexTokens(users []User, shortUsers [][]byte, admins []Admin, shortAdmins [][]byte, unowned []Token) (tokenIndex, error) {
	var tokens []listedToken
	seen := map[string]int{}
	// holderOf returns the listed token t, adding it if it is new.
	holderOf := func(t Token) (*listedToken, error) {
		k, ok := seen[t.TokenID]
		if !ok {
			k = len(tokens)
			seen[t.TokenID] = k
			tokens = append(tokens, listedToken{token: t})
		} else if !reflect.DeepEqual(tokens[k].token, t) {
			return nil, fmt.Errorf("fakeduo: token_id %q is described in two different ways", t.TokenID)
		}
		return &tokens[k], nil
	}
	for i := range users {
		for _, t := range users[i].Tokens {
			listed, err := holderOf(t)
			if err != nil {
				return tokenIndex{}, err
			}
			listed.users = append(listed.users, shortUsers[i])
		}
	}
	for i := range admins {
		if admins[i].HardToken == nil {
			continue
		}
		listed, err := holderOf(*admins[i].HardToken)
		if err != nil {
			return tokenIndex{}, err
		}
		listed.admins = append(listed.admins, shortAdmins[i])
	}
	for _, t := range unowned {
		if _, held := seen[t.TokenID]; held {
			return tokenIndex{}, fmt.Errorf("fakeduo: Account.Tokens lists token_id %q twice, or one a user or admin holds", t.TokenID)
		}
		if _, err := holderOf(t); err != nil {
			return tokenIndex{}, err
		}
	}

	encoded, err := newCollection("token_id", len(tokens),
		func(i int) string { return tokens[i].token.TokenID },
		func(i int) ([]byte, error) {
			token, err := json.Marshal(tokens[i].token)
			if err != nil {
				return nil, err
			}
			return withRawFields(token, rawField{"users", rawList(tokens[i].users)}, rawField{"admins", rawList(tokens[i].admins)}), nil
		}, nil)
	if err != nil {
		return tokenIndex{}, err
	}
	index := tokenIndex{collection: encoded, bySerial: make(map[tokenSerial]int, len(tokens))}
	for i := range tokens {
		t := &tokens[i].token
		key := tokenSerial{t.Type, t.Serial}
		if other, dup := index.bySerial[key]; dup {
			return tokenIndex{}, fmt.Errorf("fakeduo: tokens %q and %q are both of type %q with serial %q", tokens[other].token.TokenID, t.TokenID, t.Type, t.Serial)
		}
		index.bySerial[key] = i
	}
	return index, nil
}

// filterTokens selects the token with the query's type and serial: both
// or neither must be there.
func filterTokens(snap *snapshot, query url.Values) ([]int, bool, *apiError) {
	typ, byType := query["type"]
	serial, bySerial := query["serial"]
	if !byType && !bySerial {
		return nil, false, nil
	}
	if !byType || !bySerial || len(typ) != 1 || len(serial) != 1 {
		return nil, false, errInvalidParam("type, serial")
	}
	if i, ok := snap.tokens.bySerial[tokenSerial{typ[0], serial[0]}]; ok {
		return []int{i}, true, nil
	}
	return []int{}, true, nil
}
