package fakeduo

import (
	"encoding/json"
	"fmt"
	"net/url"
	"reflect"
)

const phonesPath = "/admin/v1/phones"

var phonesListing = listing{phonesPath, 100, 500}

// phoneIndex is every phone, with the phones of each number for the
// listing's filters.
type phoneIndex struct {
	collection
	byNumber   map[string][]int
	extensions []string
}

// indexPhones lists the users' phones in user order, a phone two users
// share once, followed by the phones no user holds. shortUsers are the
// users' short forms.
func indexPhones(users []User, shortUsers [][]byte, unowned []Phone) (phoneIndex, error) {
	count := len(unowned)
	for i := range users {
		count += len(users[i].Phones)
	}
	phones := make([]Phone, 0, count)
	holders := make([][][]byte, 0, count)
	seen := make(map[string]int, count)
	for i := range users {
		for _, p := range users[i].Phones {
			p = p.normalized()
			k, ok := seen[p.PhoneID]
			if !ok {
				k = len(phones)
				seen[p.PhoneID] = k
				phones = append(phones, p)
				holders = append(holders, nil)
			} else if !reflect.DeepEqual(phones[k], p) {
				return phoneIndex{}, fmt.Errorf("fakeduo: phone_id %q is described in two different ways", p.PhoneID)
			}
			holders[k] = append(holders[k], shortUsers[i])
		}
	}
	for _, p := range unowned {
		if k, ok := seen[p.PhoneID]; ok && len(holders[k]) > 0 {
			return phoneIndex{}, fmt.Errorf("fakeduo: Account.Phones lists phone_id %q, which a user holds", p.PhoneID)
		}
		seen[p.PhoneID] = len(phones)
		phones = append(phones, p.normalized())
		holders = append(holders, nil)
	}

	encoded, err := newCollection("phone_id", len(phones),
		func(i int) string { return phones[i].PhoneID },
		func(i int) ([]byte, error) {
			// A listed phone is the phone as its users' phones lists show
			// it, and its users in short form.
			phone, err := json.Marshal(phones[i])
			if err != nil {
				return nil, err
			}
			return withRawFields(phone, rawField{"users", rawList(holders[i])}), nil
		}, nil)
	if err != nil {
		return phoneIndex{}, err
	}
	index := phoneIndex{collection: encoded, byNumber: map[string][]int{}, extensions: make([]string, len(phones))}
	for i, p := range phones {
		index.byNumber[p.Number] = append(index.byNumber[p.Number], i)
		index.extensions[i] = p.Extension
	}
	return index, nil
}

// filterPhones selects the phones with the query's number and, if it has
// one, extension. An extension needs a number.
func filterPhones(snap *snapshot, query url.Values) ([]int, bool, *apiError) {
	number, byNumber := query["number"]
	extension, byExtension := query["extension"]
	switch {
	case byExtension && (!byNumber || len(extension) != 1):
		return nil, false, errInvalidParam("extension")
	case !byNumber:
		return nil, false, nil
	case len(number) != 1:
		return nil, false, errInvalidParam("number")
	}
	matches := []int{}
	for _, i := range snap.phones.byNumber[number[0]] {
		if !byExtension || snap.phones.extensions[i] == extension[0] {
			matches = append(matches, i)
		}
	}
	return matches, true, nil
}
