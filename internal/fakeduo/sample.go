package fakeduo

// Fixed timestamps keep SampleUsers deterministic.
const (
	sampleCreated   int64 = 1577836800 // 2020-01-01T00:00:00Z
	sampleLastLogin int64 = 1717243200 // 2024-06-01T12:00:00Z
	sampleDirSync   int64 = 1717200000 // 2024-06-01T00:00:00Z
	sampleAdded     int64 = 1654041600 // 2022-06-01T00:00:00Z
)

var (
	groupEngineering = Group{
		GroupID: "DGSAMPLE000000000001", Name: "Engineering", Desc: "All engineers",
		Status: "Active", PushEnabled: true, SMSEnabled: true, VoiceEnabled: true, MobileOTPEnabled: true,
	}
	groupVPN = Group{
		GroupID: "DGSAMPLE000000000002", Name: "VPN Users", Desc: "",
		Status: "Active", PushEnabled: true,
	}
	groupFinance = Group{
		GroupID: "DGSAMPLE000000000003", Name: "Finance (AD sync)", Desc: "Synced from Active Directory",
		Status: "Active", PushEnabled: true, SMSEnabled: true,
	}
	groupBypass = Group{
		GroupID: "DGSAMPLE000000000004", Name: "Break-glass", Desc: "Bypass 2FA",
		Status: "Bypass",
	}
)

// SampleUsers returns a small, hand-written seed covering every field and
// every null/""/absent variant. Tests assert on it; keep it stable.
//
//	#  user_id               username        covers
//	1  DUSAMPLE000000000001  jsmith          active; alias1 "john.smith", alias2 "jsmith.corp", alias3/4 null;
//	                                         aliases {alias1,alias2}; last_login set; enable_auto_prompt true;
//	                                         2 groups; 2 phones (full capabilities, last_seen ISO, postdelay/predelay "0",
//	                                         sms_passcodes_sent true, tampered "Not tampered" / landline with
//	                                         capabilities ["phone"], last_seen/postdelay/predelay null, tampered "");
//	                                         h6 token totp_step null; 1 u2ftoken; 1 webauthncredential: YubiKey 5,
//	                                         cross-platform, used 2024-06-01, not passwordless
//	2  DUSAMPLE000000000002  zoe.nunez       bypass; "Zoë Ñúñez"; alias1..4 all ""; aliases {}; email "" and notes "";
//	                                         last_login null; enable_auto_prompt false; phone with capabilities [] and
//	                                         tampered "Tampered"; t6 token totp_step 30
//	3  DUSAMPLE000000000003  yamada.taro     disabled; "山田 太郎"; alias1..4 null; enable_auto_prompt absent;
//	                                         directory-synced: last_directory_sync set, external_id present
//	4  DUSAMPLE000000000004  rocket.rider    locked out with lockout_reason; emoji in realname/firstname
//	5  DUSAMPLE000000000005  departed.user   pending deletion; not enrolled; every nested list empty
//	6  DUSAMPLE000000000006  ada.lovelace    active; alias3/alias4 set, alias1/2 null; aliases {alias3,alias4};
//	                                         yk + d1 tokens; 2 u2ftokens; 2 webauthncredentials: Touch ID, platform,
//	                                         passwordless, backed up; YubiKey 5C as older accounts send it
//	                                         (the four first fields only); the same email as admin Ada Lovelace
//	7  DUSAMPLE000000000007  svc-backup      active, not enrolled service account; 4 groups; notes with quotes,
//	                                         newline and HTML characters
//	8  DUSAMPLE000000000008  mary.major      active, directory-synced with external_id; email with "+";
//	                                         alias1 "mmajor"; enable_auto_prompt true; 1 webauthncredential registered
//	                                         as "unknown", never used (date_last_used null), transports []
func SampleUsers() []User {
	return []User{
		{
			UserID: "DUSAMPLE000000000001", Username: "jsmith",
			Realname: "John Smith", Firstname: "John", Lastname: "Smith",
			Email: "john.smith@example.com", Status: "active", Notes: "Primary test user",
			Created: sampleCreated, LastLogin: ptr(sampleLastLogin), IsEnrolled: true,
			EnableAutoPrompt: ptr(true),
			Alias1:           ptr("john.smith"), Alias2: ptr("jsmith.corp"),
			Aliases: map[string]string{"alias1": "john.smith", "alias2": "jsmith.corp"},
			Groups:  []Group{groupEngineering, groupVPN},
			Phones: []Phone{
				{
					PhoneID: "DPSAMPLE000000000001", Number: "+15555550100", Name: "Work iPhone",
					Type: "Mobile", Platform: "Apple iOS", Model: "iPhone 15",
					Encrypted: "Encrypted", Fingerprint: "Configured", Screenlock: "Locked", Tampered: "Not tampered",
					LastSeen: ptr("2024-06-01T12:00:00"), Postdelay: ptr("0"), Predelay: ptr("0"),
					Activated: true, SMSPasscodesSent: true,
					Capabilities: []string{"auto", "push", "sms", "phone", "mobile_otp"},
				},
				{
					PhoneID: "DPSAMPLE000000000002", Number: "+15555550101", Extension: "1234", Name: "Desk",
					Type: "Landline", Platform: "Unknown",
					Capabilities: []string{"phone"},
				},
			},
			Tokens:    []Token{{TokenID: "DHSAMPLE000000000001", Serial: "100001", Type: "h6"}},
			U2FTokens: []U2FToken{{RegistrationID: "D2SAMPLE000000000001", DateAdded: sampleAdded}},
			WebAuthnCreds: []WebAuthnCred{{
				CredentialName: "YubiKey 5", Label: "Security Key", WebAuthnKey: "WASAMPLE000000000001", DateAdded: sampleAdded,
				DateLastUsed: ptr(sampleLastLogin), AAGUID: "cb69481e-8ff7-4039-93ec-0a2729a154a8", CredentialID: "d2FzYW1wbGUtY3JlZGVudGlhbC0wMQ",
				RegisteredAs: "cross-platform", Transports: []string{"usb", "nfc"}, UVCapable: true,
			}},
		},
		{
			UserID: "DUSAMPLE000000000002", Username: "zoe.nunez",
			Realname: "Zoë Ñúñez", Firstname: "Zoë", Lastname: "Ñúñez",
			Email: "", Status: "bypass", Notes: "",
			Created: sampleCreated + 86400, IsEnrolled: true,
			EnableAutoPrompt: ptr(false),
			Alias1:           ptr(""), Alias2: ptr(""), Alias3: ptr(""), Alias4: ptr(""),
			Aliases: map[string]string{},
			Groups:  []Group{groupEngineering},
			Phones: []Phone{{
				PhoneID: "DPSAMPLE000000000003", Number: "+34600000000", Name: "",
				Type: "Mobile", Platform: "Google Android", Model: "Pixel 8",
				Encrypted: "Encrypted", Fingerprint: "Configured", Screenlock: "Locked", Tampered: "Tampered",
				LastSeen: ptr("2024-05-30T08:15:42"), Postdelay: ptr("0"), Predelay: ptr("0"),
				Activated: true, Capabilities: []string{},
			}},
			Tokens: []Token{{TokenID: "DHSAMPLE000000000002", Serial: "200002", Type: "t6", TOTPStep: ptr(int64(30))}},
		},
		{
			UserID: "DUSAMPLE000000000003", Username: "yamada.taro",
			Realname: "山田 太郎", Firstname: "太郎", Lastname: "山田",
			Email: "taro.yamada@example.jp", Status: "disabled", Notes: "Synced from Active Directory",
			Created: sampleCreated + 2*86400, LastLogin: ptr(sampleLastLogin - 86400),
			LastDirectorySync: ptr(sampleDirSync), IsEnrolled: true,
			ExternalID: ptr("7f1c6a0e-3b7d-4c55-9d1a-2f3e4b5c6d7e"),
			Groups:     []Group{groupFinance},
			Phones: []Phone{{
				PhoneID: "DPSAMPLE000000000004", Number: "+81312345678", Name: "会社の電話",
				Type: "Mobile", Platform: "Apple iOS", Model: "iPhone 13",
				Encrypted: "Encrypted", Fingerprint: "Disabled", Screenlock: "Locked", Tampered: "Not tampered",
				LastSeen: ptr("2024-04-01T00:00:00"), Postdelay: ptr("0"), Predelay: ptr("0"),
				Activated: true, Capabilities: []string{"auto", "push", "mobile_otp"},
			}},
		},
		{
			UserID: "DUSAMPLE000000000004", Username: "rocket.rider",
			Realname: "Rocket 🚀 Rider", Firstname: "Rocket 🚀", Lastname: "Rider",
			Email: "rocket@example.com", Status: "locked out", Notes: "Locked after repeated failures",
			Created: sampleCreated + 3*86400, LastLogin: ptr(sampleLastLogin - 3600), IsEnrolled: true,
			EnableAutoPrompt: ptr(true),
			LockoutReason:    ptr("Failed Attempts"),
			Groups:           []Group{groupVPN},
			Phones: []Phone{{
				PhoneID: "DPSAMPLE000000000005", Number: "+447700900123", Name: "Personal",
				Type: "Mobile", Platform: "Google Android", Model: "Galaxy S23",
				Encrypted: "Encrypted", Fingerprint: "Configured", Screenlock: "Locked", Tampered: "Not tampered",
				Postdelay: ptr("0"), Predelay: ptr("0"),
				Activated: true, SMSPasscodesSent: true, Capabilities: []string{"auto", "push", "sms"},
			}},
		},
		{
			UserID: "DUSAMPLE000000000005", Username: "departed.user",
			Realname: "Departed User", Firstname: "Departed", Lastname: "User",
			Email: "departed@example.com", Status: "pending deletion", Notes: "Left the company",
			Created:          sampleCreated + 4*86400,
			EnableAutoPrompt: ptr(false),
		},
		{
			UserID: "DUSAMPLE000000000006", Username: "ada.lovelace",
			Realname: "Ada Lovelace", Firstname: "Ada", Lastname: "Lovelace",
			Email: "ada@example.com", Status: "active", Notes: "Hardware keys only",
			Created: sampleCreated + 5*86400, LastLogin: ptr(sampleLastLogin + 60), IsEnrolled: true,
			EnableAutoPrompt: ptr(true),
			Alias3:           ptr("countess"), Alias4: ptr("ada.l"),
			Aliases: map[string]string{"alias3": "countess", "alias4": "ada.l"},
			Groups:  []Group{groupEngineering},
			Tokens: []Token{
				{TokenID: "DHSAMPLE000000000003", Serial: "cccccc000003", Type: "yk"},
				{TokenID: "DHSAMPLE000000000004", Serial: "400004", Type: "d1"},
			},
			U2FTokens: []U2FToken{
				{RegistrationID: "D2SAMPLE000000000002", DateAdded: sampleAdded},
				{RegistrationID: "D2SAMPLE000000000003", DateAdded: sampleAdded + 86400},
			},
			WebAuthnCreds: []WebAuthnCred{
				{
					CredentialName: "Touch ID", Label: "MacBook", WebAuthnKey: "WASAMPLE000000000002", DateAdded: sampleAdded,
					DateLastUsed: ptr(sampleLastLogin + 60), AAGUID: "adce0002-35bc-c60a-648b-0b25f1f05503", CredentialID: "d2FzYW1wbGUtY3JlZGVudGlhbC0wMg",
					RegisteredAs: "platform", Transports: []string{"internal"},
					BackupEligible: true, BackupStatus: true, PasswordlessAuthorized: true, UVCapable: true,
				},
				{CredentialName: "YubiKey 5C", Label: "Backup key", WebAuthnKey: "WASAMPLE000000000003", DateAdded: sampleAdded + 86400, Older: true},
			},
		},
		{
			UserID: "DUSAMPLE000000000007", Username: "svc-backup",
			Realname: "Backup Service", Firstname: "", Lastname: "",
			Email: "backup@example.com", Status: "active",
			Notes:   "Service account \"backup\"\nOwner: IT <it@example.com> & ops",
			Created: sampleCreated + 6*86400,
			Groups:  []Group{groupEngineering, groupVPN, groupFinance, groupBypass},
		},
		{
			UserID: "DUSAMPLE000000000008", Username: "mary.major",
			Realname: "Mary Major", Firstname: "Mary", Lastname: "Major",
			Email: "mary+duo@example.com", Status: "active", Notes: "",
			Created: sampleCreated + 7*86400, LastLogin: ptr(sampleLastLogin + 3600),
			LastDirectorySync: ptr(sampleDirSync), IsEnrolled: true,
			EnableAutoPrompt: ptr(true),
			ExternalID:       ptr("CN=Mary Major,OU=Staff,DC=example,DC=com"),
			Alias1:           ptr("mmajor"),
			Aliases:          map[string]string{"alias1": "mmajor"},
			Groups:           []Group{groupFinance},
			Phones: []Phone{{
				PhoneID: "DPSAMPLE000000000006", Number: "+15555550199", Name: "Mobile",
				Type: "Mobile", Platform: "Apple iOS", Model: "iPhone 14",
				Encrypted: "Encrypted", Fingerprint: "Configured", Screenlock: "Locked", Tampered: "Not tampered",
				LastSeen: ptr("2024-06-02T09:30:00"), Postdelay: nil, Predelay: nil,
				Activated: true, Capabilities: []string{"auto", "push", "sms", "phone", "mobile_otp"},
			}},
			Tokens: []Token{{TokenID: "DHSAMPLE000000000005", Serial: "500005", Type: "t8", TOTPStep: ptr(int64(60))}},
			WebAuthnCreds: []WebAuthnCred{{
				CredentialName: "Security key", Label: "Security Key", WebAuthnKey: "WASAMPLE000000000004", DateAdded: sampleAdded + 2*86400,
				AAGUID: "00000000-0000-0000-0000-000000000000", CredentialID: "d2FzYW1wbGUtY3JlZGVudGlhbC0wNA", RegisteredAs: "unknown",
			}},
		},
	}
}
