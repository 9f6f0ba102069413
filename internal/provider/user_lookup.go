package provider

import (
	"bytes"
	"context"
	"fmt"
	"sync"

	"github.com/vmihailenco/msgpack/v5"

	"github.com/idaudit/terraform-provider-duo/internal/duo"
)

// Single users are looked up in batches (see batcher), or found in the
// plan's user listing when it has been read or is being read: then a
// lookup costs Duo nothing.

// userNamed returns the user whose username, or failing that one of whose
// aliases, is name; nil when there is none.
func (a *account) userNamed(ctx context.Context, name string) (*duo.User, error) {
	return heldOr(ctx, a, usersListingKey, func(listing *userListing) (*duo.User, error) {
		return listing.named(name)
	}, func(ctx context.Context) (*duo.User, error) {
		return a.usersByName.get(ctx, name)
	})
}

// userWithID returns the user with this user ID; nil when there is none.
func (a *account) userWithID(ctx context.Context, userID string) (*duo.User, error) {
	return heldOr(ctx, a, usersListingKey, func(listing *userListing) (*duo.User, error) {
		return listing.withID(userID)
	}, func(ctx context.Context) (*duo.User, error) {
		return a.usersByID.get(ctx, userID)
	})
}

// userLookups indexes a user listing by what single lookups ask for. It is
// built from the encoded users the first time a lookup needs it: most
// plans that read the listing never look a user up in it.
type userLookups struct {
	once sync.Once
	err  error
	// byUsername, byAlias and byID hold each user's position in the
	// listing; an alias that several users have is the first one's.
	byUsername, byAlias, byID map[string]int
}

// named returns the listed user whose username is name or, failing that,
// the first listed user with the alias name: the user Duo's lookup by
// username answers with.
func (l *userListing) named(name string) (*duo.User, error) {
	if err := l.indexed(); err != nil {
		return nil, err
	}
	if i, ok := l.lookups.byUsername[name]; ok {
		return l.user(i)
	}
	if i, ok := l.lookups.byAlias[name]; ok {
		return l.user(i)
	}
	return nil, nil
}

// withID returns the listed user with this user ID.
func (l *userListing) withID(userID string) (*duo.User, error) {
	if err := l.indexed(); err != nil {
		return nil, err
	}
	if i, ok := l.lookups.byID[userID]; ok {
		return l.user(i)
	}
	return nil, nil
}

// indexed builds the listing's lookups, once.
func (l *userListing) indexed() error {
	lookups := l.lookups
	lookups.once.Do(func() {
		lookups.byUsername = make(map[string]int, len(l.objects))
		lookups.byAlias = map[string]int{}
		lookups.byID = make(map[string]int, len(l.objects))
		for i := range l.objects {
			var names userNames
			if lookups.err = decodeEncoded(l.objects[i], &names); lookups.err != nil {
				return
			}
			user := duo.User{UserID: names.UserID, Username: names.Username, Alias1: names.Alias1, Alias2: names.Alias2, Alias3: names.Alias3, Alias4: names.Alias4, Aliases: names.Aliases}
			if user.UserID != nil {
				lookups.byID[*user.UserID] = i
			}
			byPrecedence := user.UsernameAndAliases()
			for _, username := range byPrecedence[0] {
				lookups.byUsername[username] = i
			}
			for _, alias := range byPrecedence[1] {
				if _, taken := lookups.byAlias[alias]; !taken {
					lookups.byAlias[alias] = i
				}
			}
		}
	})
	return lookups.err
}

// user decodes the listed user at position i.
func (l *userListing) user(i int) (*duo.User, error) {
	var user duo.User
	if err := decodeEncoded(l.objects[i], &user); err != nil {
		return nil, err
	}
	return &user, nil
}

// userNames are the fields of a user that its lookups match.
type userNames struct {
	UserID   *string           `json:"user_id"`
	Username *string           `json:"username"`
	Alias1   *string           `json:"alias1"`
	Alias2   *string           `json:"alias2"`
	Alias3   *string           `json:"alias3"`
	Alias4   *string           `json:"alias4"`
	Aliases  map[string]string `json:"aliases"`
}

// decodeEncoded reads an object as an objectSpec encoded it back into the
// client's struct, or the part of it that target has: the spec names each
// attribute as Duo names the field, as the struct's JSON tags do.
func decodeEncoded(encoded []byte, target any) error {
	decoder := msgpack.NewDecoder(bytes.NewReader(encoded))
	decoder.SetCustomStructTag("json")
	if err := decoder.Decode(target); err != nil {
		return fmt.Errorf("reading an object of the listing back: %w. This is a bug in the provider; please report it", err)
	}
	return nil
}
