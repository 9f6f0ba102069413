package fakeduo

import "strconv"

const base36 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"

var (
	generatedFirstNames = []string{"Alex", "Maria", "Wei", "Fatima", "John", "Olga", "Kenji", "Amara", "Luca", "Priya", "Søren", "José"}
	generatedLastNames  = []string{"Smith", "García", "Chen", "Khan", "Brown", "Ivanova", "Sato", "Okafor", "Rossi", "Patel", "Jørgensen", "Núñez"}
	generatedStatuses   = []string{"active", "active", "active", "active", "active", "active", "bypass", "disabled", "locked out", "pending deletion"}
	generatedGroups     = []Group{
		{GroupID: "DGGENERATED000000001", Name: "All Staff", Desc: "Everyone", Status: "Active", PushEnabled: true, SMSEnabled: true, VoiceEnabled: true, MobileOTPEnabled: true},
		{GroupID: "DGGENERATED000000002", Name: "Contractors", Desc: "", Status: "Active", PushEnabled: true},
		{GroupID: "DGGENERATED000000003", Name: "Admins", Desc: "Privileged accounts", Status: "Active", PushEnabled: true, MobileOTPEnabled: true},
	}
	generatedCapabilities = [][]string{
		{"auto", "push", "sms", "phone", "mobile_otp"},
		{"auto", "push", "mobile_otp"},
		{"phone"},
		{},
	}
)

// mix64 is the splitmix64 finalizer. It is a bijection on uint64, so distinct
// indices always give distinct IDs while the IDs still look random.
func mix64(x uint64) uint64 {
	x += 0x9e3779b97f4a7c15
	x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9
	x = (x ^ (x >> 27)) * 0x94d049bb133111eb
	return x ^ (x >> 31)
}

// generatedID returns prefix followed by 18 upper-case alphanumerics derived
// from i: 13 base-36 digits of mix64(i) (36^13 > 2^64, so unique) and 5 more
// digits of a second hash for realism.
func generatedID(prefix string, i uint64) string {
	var buf [20]byte
	n := copy(buf[:], prefix)
	h := mix64(i)
	for k := 0; k < 13; k++ {
		buf[n+12-k] = base36[h%36]
		h /= 36
	}
	h2 := mix64(i ^ 0x5bd1e995)
	for k := 13; k < 18; k++ {
		buf[n+k] = base36[h2%36]
		h2 /= 36
	}
	return string(buf[:n+18])
}

// GeneratedUsers returns n deterministic, realistic users for pagination
// tests and benchmarks. User i (from 0) has username "user%05d" of i+1 and a
// unique user_id; statuses, phones (0-2), groups (0-2), tokens, WebAuthn
// credentials (one for every fourth user), aliases and nulls vary with i.
func GeneratedUsers(n int) []User {
	return generatedUsers(0, n)
}

// generatedUsers returns GeneratedUsers(n) for the account numbered
// account: the same usernames and fields, with user and phone IDs of that
// account's own (account 0's are GeneratedUsers'), kept apart from the
// offsets of GeneratedAccount's IDs.
func generatedUsers(account uint64, n int) []User {
	ids := account << 40
	users := make([]User, n)
	for i := range users {
		h := mix64(uint64(i) + 1<<40)
		first := generatedFirstNames[h%uint64(len(generatedFirstNames))]
		last := generatedLastNames[(h>>8)%uint64(len(generatedLastNames))]
		num := strconv.Itoa(i + 1)
		for len(num) < 5 {
			num = "0" + num
		}
		username := "user" + num
		u := User{
			UserID:    generatedID("DU", ids|uint64(i)),
			Username:  username,
			Realname:  first + " " + last,
			Firstname: first,
			Lastname:  last,
			Email:     username + "@example.com",
			Status:    generatedStatuses[i%len(generatedStatuses)],
			Created:   sampleCreated + int64(i)*60,
		}
		if i%7 == 3 {
			u.Email = ""
		}
		if i%5 == 0 {
			u.Notes = "generated user " + num
		}
		if i%4 != 0 {
			u.LastLogin = ptr(sampleLastLogin + int64(h%86400))
		}
		if u.Status == "locked out" {
			u.LockoutReason = ptr("Failed Attempts")
		}
		switch i % 3 {
		case 0:
			u.EnableAutoPrompt = ptr(true)
		case 1:
			u.EnableAutoPrompt = ptr(false)
		}
		if i%6 == 0 {
			u.LastDirectorySync = ptr(sampleDirSync)
			u.ExternalID = ptr(generatedID("EX", uint64(i)))
		}
		switch i % 10 {
		case 1:
			alias := "alias." + username
			u.Alias1 = ptr(alias)
			u.Aliases = map[string]string{"alias1": alias}
		case 2:
			u.Alias1, u.Alias2, u.Alias3, u.Alias4 = ptr(""), ptr(""), ptr(""), ptr("")
		}
		u.Groups = generatedGroups[: i%3 : i%3]
		phoneCount := int(h>>16) % 3
		if phoneCount > 0 {
			u.IsEnrolled = true
			u.Phones = make([]Phone, phoneCount)
			for p := range u.Phones {
				ph := &u.Phones[p]
				ph.PhoneID = generatedID("DP", ids|(uint64(i)*2+uint64(p)))
				ph.Number = "+1555" + strconv.Itoa(1000000+(i*2+p)%9000000)
				ph.Type = "Mobile"
				ph.Platform = "Apple iOS"
				ph.Model = "iPhone"
				ph.Encrypted, ph.Fingerprint, ph.Screenlock, ph.Tampered = "Encrypted", "Configured", "Locked", "Not tampered"
				ph.Activated = true
				ph.Capabilities = generatedCapabilities[(i+p)%len(generatedCapabilities)]
				if (i+p)%2 == 0 {
					ph.LastSeen = ptr("2024-06-01T12:00:00")
					ph.Postdelay, ph.Predelay = ptr("0"), ptr("0")
				}
			}
		}
		if i%8 == 5 {
			u.IsEnrolled = true
			u.Tokens = []Token{{TokenID: generatedID("DH", uint64(i)), Serial: num, Type: "t6", TOTPStep: ptr(int64(30))}}
		}
		if i%4 == 2 {
			u.IsEnrolled = true
			u.WebAuthnCreds = []WebAuthnCred{generatedCredential(uint64(i), i/4)}
		}
		users[i] = u
	}
	return users
}
