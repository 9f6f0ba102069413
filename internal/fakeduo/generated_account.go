package fakeduo

import "fmt"

var (
	generatedRoles = []*string{
		ptr("Owner"), ptr("Administrator"), ptr("Application Manager"), ptr("User Manager"), ptr("Security Analyst"),
		ptr("Help Desk"), ptr("Billing"), ptr("Phishing Manager"), ptr("Read-only"), ptr("Audit Reviewer"), nil,
	}
	generatedAdminStatuses    = []string{"Active", "Active", "Active", "Active", "Active", "Active", "Disabled", "Expired", "Pending Activation"}
	generatedIntegrationTypes = []string{"adminapi", "authapi", "websdk", "sso-oidc-generic", "sso-generic", "rdp", "unix", "accountsapi"}
	generatedUserAccess       = []string{"ALL_USERS", "PERMITTED_GROUPS", "NO_USERS"}
	generatedTokenTypes       = []string{"h6", "h8", "t6", "t8", "yk", "d1"}
)

// Offsets keep the IDs of generated objects apart from those GeneratedUsers
// derives from the same prefix.
const (
	adminTokenIDs    uint64 = 1 << 32
	unownedTokenIDs  uint64 = 2 << 32
	unownedPhoneIDs  uint64 = 1 << 32
	clientSecrets    uint64 = 1 << 32
	adminCredentials uint64 = 1 << 32
)

// GeneratedAccount returns a deterministic account for users (such as
// GeneratedUsers), for paging tests: n admins, n administrative units, n
// integrations, n phones and n tokens nobody holds, n endpoints, and n
// bypass codes and n desktop authenticators given to the users in turn
// (none without users); every other admin has a WebAuthn credential. Admin i is in unit i
// when i%4 == 0; unit i restricts to one of the users' groups when i%2 ==
// 0 and holds integration i when i%3 == 0. Roles, statuses, integration
// types, nulls, "" and absent fields vary with i, and some names are not
// ASCII. The settings differ from SampleAccount's (log_retention_days is
// null there), and the summary has no edition. It has n policies (see
// generatedPolicies), which integration i with i%5 == 1 names, and Logs
// holds n events of each log (GeneratedLogs).
func GeneratedAccount(users []User, n int) Account {
	var groupIDs []string
	seen := map[string]bool{}
	for i := range users {
		for _, g := range users[i].Groups {
			if !seen[g.GroupID] {
				seen[g.GroupID] = true
				groupIDs = append(groupIDs, g.GroupID)
			}
		}
	}
	// groupOf returns one of the users' groups, or nil when they have none.
	groupOf := func(i int) []string {
		if len(groupIDs) == 0 {
			return nil
		}
		return []string{groupIDs[i%len(groupIDs)]}
	}

	account := Account{
		Admins:              make([]Admin, n),
		AdministrativeUnits: make([]AdministrativeUnit, n),
		Integrations:        make([]Integration, n),
		Phones:              make([]Phone, n),
		Tokens:              make([]Token, n),
		Settings: Settings{
			Name: "Generated Corp", CallerID: "+15555550001", Timezone: "Europe/Berlin", Language: "DE",
			HelpdeskBypass: "allow", HelpdeskMessage: "Bitte wenden Sie sich an den Helpdesk.", KeypressConfirm: "#",
			FraudEmailEnabled: true, PasswordRequiresSpecial: true, UserManagersCanPutUsersInBypass: true,
			EmailActivityNotificationEnabled: true, InactiveUserExpiration: 90, LockoutThreshold: 5,
			MinimumPasswordLength: 10, PendingDeletionDays: 30, SMSBatch: 5, SMSExpiration: 60, TelephonyWarningMin: 50,
			LockoutExpireDuration: ptr(30), LogRetentionDays: nil, UserTelephonyCostMax: 12.5,
		},
		AdminAuthMethods: AdminAuthMethods{
			PushEnabled: true, SMSEnabled: false, VoiceEnabled: false, MobileOTPEnabled: true, YubikeyEnabled: true,
			HardwareTokenEnabled: true, WebAuthnEnabled: true, VerifiedPushEnabled: false, VerifiedPushLength: 3,
		},
		TelephonyCreditsRemaining: 5000,
		Policies:                  generatedPolicies(n, groupOf),
	}
	for i := range n {
		account.Admins[i] = generatedAdmin(i)
		unit := AdministrativeUnit{
			AdminUnitID: generatedID("DA", uint64(i)),
			Name:        fmt.Sprintf("Unit %05d", i+1),
		}
		if i%3 == 1 {
			unit.Name = fmt.Sprintf("Unité %05d", i+1)
		}
		if i%2 == 1 {
			unit.Description = "Generated unit " + unit.Name
		}
		if i%4 == 0 {
			unit.Admins = []string{account.Admins[i].AdminID}
			account.Admins[i].RestrictedByAdminUnits = true
			account.Admins[i].AdminUnits = []string{unit.AdminUnitID}
		}
		if i%2 == 0 {
			unit.Groups = groupOf(i)
			unit.RestrictByGroups = unit.Groups != nil
		}
		account.Integrations[i] = generatedIntegration(i, groupOf(i))
		if i%3 == 0 {
			unit.Integrations = []string{account.Integrations[i].IntegrationKey}
			unit.RestrictByIntegrations = true
		}
		account.AdministrativeUnits[i] = unit
		account.Phones[i] = generatedPhone(i)
		account.Tokens[i] = generatedToken(unownedTokenIDs, i, generatedTokenTypes[i%len(generatedTokenTypes)], "U")
		var userID string
		if len(users) > 0 {
			userID = users[i%len(users)].UserID
			account.BypassCodes = append(account.BypassCodes, generatedBypassCode(i, userID, account.Admins[i].Email))
			account.DesktopAuthenticators = append(account.DesktopAuthenticators, generatedDesktopAuthenticator(i, userID))
		}
		account.Endpoints = append(account.Endpoints, generatedEndpoint(i, userID))
	}
	account.Logs = GeneratedLogs(users, &account, n)
	return account
}

func generatedAdmin(i int) Admin {
	h := mix64(uint64(i) + 2<<40)
	first := generatedFirstNames[h%uint64(len(generatedFirstNames))]
	last := generatedLastNames[(h>>8)%uint64(len(generatedLastNames))]
	a := Admin{
		AdminID: generatedID("DE", uint64(i)),
		Name:    first + " " + last,
		Email:   fmt.Sprintf("admin%05d@example.com", i+1),
		Role:    generatedRoles[i%len(generatedRoles)],
		Status:  generatedAdminStatuses[i%len(generatedAdminStatuses)],
	}
	if i%7 != 1 {
		a.Created = ptr(sampleAdminCreated + int64(i)*3600)
	}
	if a.Status == "Pending Activation" {
		a.PasswordChangeRequired = true
	} else if i%5 != 2 {
		a.LastLogin = ptr(sampleLastLogin - int64(i)*60)
	}
	switch i % 3 {
	case 0:
		a.Phone = ptr(fmt.Sprintf("+1777%07d", i))
	case 2:
		a.Phone = ptr("")
	}
	if i%6 == 0 {
		token := generatedToken(adminTokenIDs, i, "h6", "A")
		a.HardToken = &token
	}
	if i%2 == 0 {
		a.WebAuthnCreds = []WebAuthnCred{generatedCredential(adminCredentials+uint64(i), i)}
	}
	return a
}

func generatedIntegration(i int, groups []string) Integration {
	in := Integration{
		IntegrationKey:              generatedID("DI", uint64(i)),
		SecretKey:                   generatedSecret(uint64(i)),
		Name:                        fmt.Sprintf("Application %05d", i+1),
		Type:                        generatedIntegrationTypes[i%len(generatedIntegrationTypes)],
		EnrollPolicy:                []string{"enroll", "allow", "deny", ""}[i%4],
		IPWhitelistEnrollPolicy:     "enforce",
		UserAccess:                  generatedUserAccess[i%len(generatedUserAccess)],
		UsernameNormalizationPolicy: []string{"None", "Simple"}[i%2],
		SelfServiceAllowed:          i % 2,
	}
	if i%7 == 3 {
		in.Name = fmt.Sprintf("Anwendung Nº %05d – 東京", i+1)
	}
	if i%2 == 0 {
		in.Notes = "Generated integration " + in.Name
	}
	if i%5 == 0 {
		in.Greeting = "Welcome"
		in.IPWhitelist = []string{"192.0.2.0/24"}
	}
	if i%5 == 1 {
		in.PolicyKey = ptr(generatedID("PO", uint64(i)))
	}
	if in.UserAccess == "PERMITTED_GROUPS" {
		in.GroupsAllowed = groups
	}
	switch i % 4 {
	case 1:
		in.FramelessAuthPromptEnabled = ptr(0)
	case 2:
		in.FramelessAuthPromptEnabled, in.PromptV4Enabled = ptr(1), ptr(1)
	case 3:
		in.FramelessAuthPromptEnabled, in.PromptV4Enabled = ptr(1), ptr(0)
	}
	switch in.Type {
	case "adminapi", "accountsapi":
		h := mix64(uint64(i) + 3<<40)
		bit := func(k uint) int { return int(h>>k) & 1 }
		in.AdminAPIAdmins, in.AdminAPIAdminsRead, in.AdminAPIAllowToSetPermissions = bit(0), bit(1), bit(2)
		in.AdminAPIInfo, in.AdminAPIIntegrations, in.AdminAPIReadLog = bit(3), bit(4), bit(5)
		in.AdminAPIReadResource, in.AdminAPISettings, in.AdminAPIWriteResource = 1, bit(6), bit(7)
		in.NetworksForAPIAccess = ptr([]string{"", "10.0.0.0/8"}[i%2])
	case "sso-oidc-generic":
		in.SSO = &SSO{OIDC: &OIDCClient{
			ClientID:            in.IntegrationKey,
			ClientSecret:        generatedSecret(clientSecrets + uint64(i)),
			RedirectURIs:        []string{fmt.Sprintf("https://app%05d.example.com/callback", i+1)},
			Scopes:              []string{"openid", "email"},
			GrantTypes:          []string{"authorization_code"},
			AccessTokenLifetime: 900,
		}}
	case "sso-generic":
		in.SSO = &SSO{SAML: &SAMLServiceProvider{
			EntityID:         fmt.Sprintf("https://app%05d.example.com/saml", i+1),
			ACSURLs:          []string{fmt.Sprintf("https://app%05d.example.com/saml/acs", i+1)},
			NameIDFormat:     "urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified",
			NameIDAttribute:  "username",
			SignAssertion:    true,
			SigningAlgorithm: "SHA256",
		}}
	}
	return in
}

func generatedPhone(i int) Phone {
	p := Phone{
		PhoneID:      generatedID("DP", unownedPhoneIDs+uint64(i)),
		Number:       fmt.Sprintf("+1666%07d", i),
		Name:         fmt.Sprintf("Spare phone %d", i+1),
		Type:         "Mobile",
		Platform:     "Google Android",
		Model:        "Pixel 8",
		Encrypted:    "Encrypted",
		Fingerprint:  "Configured",
		Screenlock:   "Locked",
		Tampered:     "Not tampered",
		Capabilities: generatedCapabilities[i%len(generatedCapabilities)],
	}
	if i%9 == 4 {
		p.Tampered = "Tampered"
	}
	if i%5 == 0 {
		p.Type, p.Platform, p.Model = "Landline", "Unknown", "Unknown"
		p.Encrypted, p.Fingerprint, p.Screenlock, p.Tampered = "", "", "", ""
		p.Extension = fmt.Sprint(100 + i%900)
		p.Capabilities = []string{"phone"}
	} else {
		p.Activated = true
		p.LastSeen = ptr("2024-06-01T12:00:00")
		p.Postdelay, p.Predelay = ptr("0"), ptr("0")
	}
	return p
}

// generatedToken returns token i of the range at base, whose serials start
// with prefix so that they differ from every other range's.
func generatedToken(base uint64, i int, typ, prefix string) Token {
	t := Token{TokenID: generatedID("DH", base+uint64(i)), Serial: fmt.Sprintf("%s%05d", prefix, i+1), Type: typ}
	if typ == "t6" || typ == "t8" {
		t.TOTPStep = ptr(int64(30))
	}
	return t
}

func generatedBypassCode(i int, userID, adminEmail string) BypassCode {
	c := BypassCode{
		BypassCodeID: generatedID("DB", uint64(i)),
		UserID:       userID,
		AdminEmail:   adminEmail,
		Created:      sampleCodeCreated + int64(i)*60,
		ReuseCount:   i % 4,
	}
	if i%4 == 3 {
		c.AdminEmail = ""
	}
	if i%3 != 1 {
		c.Expiration = ptr(sampleCodeExpires + int64(i)*60)
	}
	return c
}

const secretAlphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"

// generatedSecret returns a 40-character secret derived from i.
func generatedSecret(i uint64) string {
	var buf [secretLength]byte
	h := mix64(i ^ 0x2545f4914f6cdd1d)
	for k := range buf {
		// 62^10 < 2^64: ten characters per hash.
		if k%10 == 0 {
			h = mix64(h + uint64(k))
		}
		buf[k] = secretAlphabet[h%62]
		h /= 62
	}
	return string(buf[:])
}
