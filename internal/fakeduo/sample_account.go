package fakeduo

// Fixed times keep SampleAccount deterministic.
const (
	sampleAdminCreated int64 = 1654041600 // 2022-06-01T00:00:00Z
	sampleCodeCreated  int64 = 1717200000 // 2024-06-01T00:00:00Z
	sampleCodeExpires  int64 = 1893456000 // 2030-01-01T00:00:00Z
	sampleDay          int64 = 86400
)

// SampleAccount returns the hand-written account that goes with
// SampleUsers: its references name sample users, groups, admins, units and
// integrations. Tests assert on it; keep it stable.
//
// Admins (admin_units must match the units' admins):
//
//	admin_id              name            role                 status              covers
//	DESAMPLE000000000001  Olivia Ortega   Owner                Active              phone set, created 2022
//	DESAMPLE000000000002  Björn Ødegård   Owner                Active              non-ASCII; created null (before 2021); phone null
//	DESAMPLE000000000003  Harper Hughes   Help Desk            Active              restricted to unit 1; hardtoken h6 DHSAMPLE000000000006
//	DESAMPLE000000000004  Dana Kim        Administrator        Disabled
//	DESAMPLE000000000005  Evan Wright     Security Analyst     Expired             last login 2023-01-15; phone null
//	DESAMPLE000000000006  Nina Patel      User Manager         Pending Activation  last_login null; password_change_required
//	DESAMPLE000000000007  Ada Lovelace    Application Manager  Active              restricted to units 1 and 2; hardtoken is user
//	                                                                               ada.lovelace's yk DHSAMPLE000000000003
//	DESAMPLE000000000008  Jordan Lee      (absent)             Active              role absent; phone ""
//
// Administrative units:
//
//	DASAMPLE000000000001  Support Desk    admins 3, 7; groups Engineering, VPN Users; by groups only
//	DASAMPLE000000000002  Finance Apps    description ""; admin 7; group Finance; integration DISAMPLE000000000005
//	DASAMPLE000000000003  Régions Europe  no admins, groups or integrations; restricts nothing
//
// Integrations (secret_key served masked: 36 "*" and the last 4 characters):
//
//	integration_key       name                       type              covers
//	DISAMPLE000000000001  Terraform (read/write)     adminapi          every grant but allow_to_set_permissions:
//	                                                                   adminapi_write_resource 1; networks_for_api_access ""
//	DISAMPLE000000000002  Reporting (read-only)      adminapi          read grants only (write 0); notes ""; networks set
//	DISAMPLE000000000003  VPN (Auth API)             authapi           PERMITTED_GROUPS, groups_allowed VPN Users;
//	                                                                   ip_whitelist; greeting; policy_key
//	DISAMPLE000000000004  Intranet (OIDC)            sso-oidc-generic  sso.oidc with a client_secret; frameless and
//	                                                                   prompt_v4 1; policy_key
//	DISAMPLE000000000005  Expense Portal             websdk            PERMITTED_GROUPS, groups_allowed Finance;
//	                                                                   frameless 0 so prompt_v4 absent; Simple normalization
//	DISAMPLE000000000006  Zeiterfassung – Büro 東京  sso-generic       non-ASCII; sso.saml; NO_USERS
//
// Phones: the users' six (DPSAMPLE000000000003, zoe.nunez's, is
// "Tampered"), then two nobody holds: DPSAMPLE000000000007 "Reception",
// +15555550101 extension 5678 (jsmith's desk phone has the same number,
// extension 1234), and DPSAMPLE000000000008 "Kiosk iPad", a tablet with
// number "".
//
// Tokens: the users' five, Harper's hardtoken DHSAMPLE000000000006 (h6
// 700001), then two nobody holds: DHSAMPLE000000000007 (t8 800007) and
// DHSAMPLE000000000008 (h8 100001: the serial of jsmith's h6 token).
//
// Bypass codes (never the code):
//
//	bypass_code_id        user          admin_email                expiration  reuse_count
//	DBSAMPLE000000000001  jsmith        harper.hughes@example.com  2030-01-01  1
//	DBSAMPLE000000000002  zoe.nunez     olivia.ortega@example.com  null        0 (unlimited)
//	DBSAMPLE000000000003  svc-backup    "" (made through the API)  2030-01-01  5
//	DBSAMPLE000000000004  jsmith        bjorn.odegard@example.no   2030-01-02  1
//
// WebAuthn credentials: the users' four (see SampleUsers: jsmith's
// YubiKey 5, ada.lovelace's passwordless Touch ID and older YubiKey 5C,
// mary.major's "unknown" key never used), then the admins' two:
//
//	webauthnkey           admin           credential_name  registered_as   passwordless  date_last_used
//	WASAMPLE000000000005  Olivia Ortega   iCloud Keychain  platform        true          2024-06-01 (synced passkey)
//	WASAMPLE000000000006  Björn Ødegård   YubiKey 5 NFC    cross-platform  false         2023-01-15
//
// Endpoints (Duo sends "" for what it does not know):
//
//	epkey                 user          os          disk     firewall  trusted  covers
//	EPSAMPLE000000000001  jsmith        Mac OS X    On       On        yes      2 browsers, a security agent, health data
//	                                                                            collected as Unix seconds
//	EPSAMPLE000000000002  zoe.nunez     Windows     Off      Off       no       health_data_last_collected "", security_agents []
//	EPSAMPLE000000000003  ada.lovelace  iOS         Unknown  Unknown   no       as older accounts send it: no health_* fields
//	                                                                            and no security_agents; device fields ""
//	EPSAMPLE000000000004  mary.major    Windows     On       Off       yes      2 security agents
//	EPSAMPLE000000000005  (none: "")    Chrome OS   Unknown  Unknown   no       username and email ""; browsers []
//
// Desktop authenticators (the DD prefix of their dakeys is invented):
// DDSAMPLE000000000001 jsmith's Duo Desktop 6.3.0 on Mac OS X,
// DDSAMPLE000000000002 zoe.nunez's 5.1.0.0 on Windows and
// DDSAMPLE000000000003 mary.major's 6.3.0.0 on Windows, with device_name "".
// Policies (see sample_policies.go), in this order:
//
//	policy_key            policy_name         applies to                       covers
//	POSAMPLE000000000000  Global Policy       every other application          global; every section; permissive: new_user
//	                                                                           allow, SMS and phone calls allowed,
//	                                                                           tampered devices not blocked; a null
//	POSAMPLE000000000001  VPN – strict        VPN (Auth API)                   nested objects, lists, numbers; blocks SMS
//	POSAMPLE000000000002  Intranet SSO        Intranet (OIDC)                  new_user enroll; block_version null
//	POSAMPLE000000000003  Break-glass bypass  Break-glass within VPN and       authentication_policy bypass, applied to
//	                                          within Intranet                  a group within applications
//	POSAMPLE000000000004  Draft (unused)      nothing                          no section at all
//
// The policy summary lists the custom policies only.
//
// Administrators may log in with Duo Push (Verified Push, 6 digits),
// passcodes from Duo Mobile, WebAuthn and SMS (sent as "True"), not with
// phone calls (0), YubiKeys ("False") or hardware tokens (false).
//
// Settings: lockout_expire_duration null, log_retention_days 180,
// user_telephony_cost_max 20.0. Summary: 8 admins, 6 integrations, 960
// telephony credits, 7 users and 1 pending deletion, edition "Duo Premier".
//
// Logs: four weeks of authentications, administrator actions, telephony
// and Trust Monitor events, listed in sampleLogs.
func SampleAccount() Account {
	return Account{
		Admins: []Admin{
			{
				AdminID: "DESAMPLE000000000001", Name: "Olivia Ortega", Email: "olivia.ortega@example.com",
				Role: ptr("Owner"), Status: "Active", Phone: ptr("+15555550150"),
				Created: ptr(sampleAdminCreated), LastLogin: ptr(sampleLastLogin + 7200),
				WebAuthnCreds: []WebAuthnCred{{
					CredentialName: "iCloud Keychain", Label: "Passkey", WebAuthnKey: "WASAMPLE000000000005", DateAdded: sampleAdminCreated + sampleDay,
					DateLastUsed: ptr(sampleLastLogin + 7200), AAGUID: "fbfc3007-154e-4ecc-8c0b-6e020557d7bd", CredentialID: "d2FzYW1wbGUtY3JlZGVudGlhbC0wNQ",
					RegisteredAs: "platform", Transports: []string{"internal", "hybrid"},
					BackupEligible: true, BackupStatus: true, PasswordlessAuthorized: true, UVCapable: true,
				}},
			},
			{
				AdminID: "DESAMPLE000000000002", Name: "Björn Ødegård", Email: "bjorn.odegard@example.no",
				Role: ptr("Owner"), Status: "Active",
				LastLogin: ptr(sampleLastLogin - 2*sampleDay),
				WebAuthnCreds: []WebAuthnCred{{
					CredentialName: "YubiKey 5 NFC", Label: "Security Key", WebAuthnKey: "WASAMPLE000000000006", DateAdded: sampleAdminCreated,
					DateLastUsed: ptr(int64(1673740800)), AAGUID: "fa2b99dc-9e39-4257-8f92-4a30d23c4118", CredentialID: "d2FzYW1wbGUtY3JlZGVudGlhbC0wNg", // 2023-01-15
					RegisteredAs: "cross-platform", Transports: []string{"usb", "nfc"}, UVCapable: true,
				}},
			},
			{
				AdminID: "DESAMPLE000000000003", Name: "Harper Hughes", Email: "harper.hughes@example.com",
				Role: ptr("Help Desk"), Status: "Active", Phone: ptr("+15555550152"),
				Created: ptr(sampleAdminCreated + 30*sampleDay), LastLogin: ptr(sampleLastLogin - 600),
				RestrictedByAdminUnits: true, AdminUnits: []string{"DASAMPLE000000000001"},
				HardToken: &Token{TokenID: "DHSAMPLE000000000006", Serial: "700001", Type: "h6"},
			},
			{
				AdminID: "DESAMPLE000000000004", Name: "Dana Kim", Email: "dana.kim@example.com",
				Role: ptr("Administrator"), Status: "Disabled", Phone: ptr("+15555550153"),
				Created: ptr(sampleAdminCreated + 60*sampleDay), LastLogin: ptr(sampleLastLogin - 90*sampleDay),
			},
			{
				AdminID: "DESAMPLE000000000005", Name: "Evan Wright", Email: "evan.wright@example.com",
				Role: ptr("Security Analyst"), Status: "Expired",
				Created: ptr(sampleAdminCreated + 10*sampleDay), LastLogin: ptr(int64(1673740800)), // 2023-01-15
			},
			{
				AdminID: "DESAMPLE000000000006", Name: "Nina Patel", Email: "nina.patel@example.com",
				Role: ptr("User Manager"), Status: "Pending Activation", PasswordChangeRequired: true,
				Created: ptr(sampleLastLogin + sampleDay),
			},
			{
				AdminID: "DESAMPLE000000000007", Name: "Ada Lovelace", Email: "ada@example.com",
				Role: ptr("Application Manager"), Status: "Active",
				Created: ptr(sampleAdminCreated + 90*sampleDay), LastLogin: ptr(sampleLastLogin + 60),
				RestrictedByAdminUnits: true, AdminUnits: []string{"DASAMPLE000000000001", "DASAMPLE000000000002"},
				HardToken: &Token{TokenID: "DHSAMPLE000000000003", Serial: "cccccc000003", Type: "yk"},
			},
			{
				AdminID: "DESAMPLE000000000008", Name: "Jordan Lee", Email: "jordan.lee@example.com",
				Status: "Active", Phone: ptr(""),
				Created: ptr(sampleAdminCreated + 120*sampleDay), LastLogin: ptr(sampleLastLogin - 3600),
			},
		},
		AdministrativeUnits: []AdministrativeUnit{
			{
				AdminUnitID: "DASAMPLE000000000001", Name: "Support Desk",
				Description:      "Help desk staff for engineering and VPN users",
				RestrictByGroups: true,
				Admins:           []string{"DESAMPLE000000000003", "DESAMPLE000000000007"},
				Groups:           []string{groupEngineering.GroupID, groupVPN.GroupID},
			},
			{
				AdminUnitID: "DASAMPLE000000000002", Name: "Finance Apps", Description: "",
				RestrictByGroups: true, RestrictByIntegrations: true,
				Admins:       []string{"DESAMPLE000000000007"},
				Groups:       []string{groupFinance.GroupID},
				Integrations: []string{"DISAMPLE000000000005"},
			},
			{
				AdminUnitID: "DASAMPLE000000000003", Name: "Régions Europe",
				Description: "Sans administrateurs pour l'instant",
			},
		},
		Integrations: []Integration{
			{
				IntegrationKey: "DISAMPLE000000000001", Name: "Terraform (read/write)", Type: "adminapi",
				SecretKey:      "hDAEYqL62pBum9BIy2ewA5s02KGvdiP4TLqi58G5",
				AdminAPIAdmins: 1, AdminAPIAdminsRead: 1, AdminAPIInfo: 1, AdminAPIIntegrations: 1,
				AdminAPIReadLog: 1, AdminAPIReadResource: 1, AdminAPISettings: 1, AdminAPIWriteResource: 1,
				NetworksForAPIAccess: ptr(""), IPWhitelistEnrollPolicy: "enforce",
				Notes: "Used by CI to manage users and groups", UserAccess: "ALL_USERS", UsernameNormalizationPolicy: "None",
			},
			{
				IntegrationKey: "DISAMPLE000000000002", Name: "Reporting (read-only)", Type: "adminapi",
				SecretKey:          "tLSJe44PPxqcALK3nDdL1EqtnfrioO2Mvz8dAOsj",
				AdminAPIAdminsRead: 1, AdminAPIInfo: 1, AdminAPIReadLog: 1, AdminAPIReadResource: 1,
				NetworksForAPIAccess: ptr("192.0.2.0/24,198.51.100.7"), IPWhitelistEnrollPolicy: "enforce",
				Notes: "", UserAccess: "ALL_USERS", UsernameNormalizationPolicy: "None",
			},
			{
				IntegrationKey: "DISAMPLE000000000003", Name: "VPN (Auth API)", Type: "authapi",
				SecretKey:    "OsgquBXbenoyMAERIm7uf3B7ZoIQpYrQWYNy1AF0",
				EnrollPolicy: "enroll", Greeting: "Welcome to the Example Corp VPN",
				GroupsAllowed:           []string{groupVPN.GroupID},
				IPWhitelist:             []string{"192.0.2.10", "198.51.100.0/24", "203.0.113.1-203.0.113.20"},
				IPWhitelistEnrollPolicy: "enforce", PolicyKey: ptr("POSAMPLE000000000001"),
				Notes: "Cisco ASA", UserAccess: "PERMITTED_GROUPS", UsernameNormalizationPolicy: "Simple",
			},
			{
				IntegrationKey: "DISAMPLE000000000004", Name: "Intranet (OIDC)", Type: "sso-oidc-generic",
				SecretKey:                  "Y1yljevS7J1yAq9UvWnlyHqlRoyLJj1NYDNuFfxz",
				FramelessAuthPromptEnabled: ptr(1), PromptV4Enabled: ptr(1), PolicyKey: ptr("POSAMPLE000000000002"),
				IPWhitelistEnrollPolicy: "enforce", SelfServiceAllowed: 1,
				Notes: "SSO for the intranet", UserAccess: "ALL_USERS", UsernameNormalizationPolicy: "None",
				SSO: &SSO{OIDC: &OIDCClient{
					ClientID:            "DISAMPLE000000000004",
					ClientSecret:        "JZ47md2zrvCtDOh80aVcrFicffGD0JPfnORDxHPw",
					RedirectURIs:        []string{"https://intranet.example.com/oidc/callback"},
					Scopes:              []string{"openid", "profile", "email"},
					GrantTypes:          []string{"authorization_code", "refresh_token"},
					AccessTokenLifetime: 3600, PKCERequired: true,
				}},
			},
			{
				IntegrationKey: "DISAMPLE000000000005", Name: "Expense Portal", Type: "websdk",
				SecretKey:                  "xIi5jOy9bKFhJEnwIVPauu4I0VHmE43fhoSjzQ1S",
				FramelessAuthPromptEnabled: ptr(0), EnrollPolicy: "allow",
				GroupsAllowed:           []string{groupFinance.GroupID},
				IPWhitelistEnrollPolicy: "allow", SelfServiceAllowed: 1,
				Notes: "Finance only", UserAccess: "PERMITTED_GROUPS", UsernameNormalizationPolicy: "Simple",
			},
			{
				IntegrationKey: "DISAMPLE000000000006", Name: "Zeiterfassung – Büro 東京", Type: "sso-generic",
				SecretKey:               "sIvMgKIxU9W5MZud0jClwZ9gcSJogk3RhlyJsL9O",
				IPWhitelistEnrollPolicy: "enforce",
				Notes:                   "Pilot: nobody yet", UserAccess: "NO_USERS", UsernameNormalizationPolicy: "None",
				SSO: &SSO{SAML: &SAMLServiceProvider{
					EntityID:         "https://zeit.example.de/saml",
					ACSURLs:          []string{"https://zeit.example.de/saml/acs"},
					NameIDFormat:     "urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress",
					NameIDAttribute:  "mail",
					SignResponse:     true,
					SignAssertion:    true,
					SigningAlgorithm: "SHA256",
				}},
			},
		},
		Phones: []Phone{
			{
				PhoneID: "DPSAMPLE000000000007", Number: "+15555550101", Extension: "5678", Name: "Reception",
				Type: "Landline", Platform: "Unknown", Model: "Unknown",
				Postdelay: ptr(""), Predelay: ptr(""),
				Capabilities: []string{"phone"},
			},
			{
				PhoneID: "DPSAMPLE000000000008", Number: "", Name: "Kiosk iPad",
				Type: "Unknown", Platform: "Apple iOS", Model: "Apple iPad Pro",
				Encrypted: "Encrypted", Fingerprint: "Configured", Screenlock: "Locked", Tampered: "Not tampered",
				LastSeen: ptr("2024-05-20T07:00:00"), Activated: true,
				Capabilities: []string{"auto", "push", "mobile_otp"},
			},
		},
		Tokens: []Token{
			{TokenID: "DHSAMPLE000000000007", Serial: "800007", Type: "t8", TOTPStep: ptr(int64(30))},
			{TokenID: "DHSAMPLE000000000008", Serial: "100001", Type: "h8"},
		},
		BypassCodes: []BypassCode{
			{
				BypassCodeID: "DBSAMPLE000000000001", UserID: "DUSAMPLE000000000001", AdminEmail: "harper.hughes@example.com",
				Created: sampleCodeCreated, Expiration: ptr(sampleCodeExpires), ReuseCount: 1,
			},
			{
				BypassCodeID: "DBSAMPLE000000000002", UserID: "DUSAMPLE000000000002", AdminEmail: "olivia.ortega@example.com",
				Created: sampleCodeCreated + 3600, ReuseCount: 0,
			},
			{
				BypassCodeID: "DBSAMPLE000000000003", UserID: "DUSAMPLE000000000007", AdminEmail: "",
				Created: sampleCodeCreated + 7200, Expiration: ptr(sampleCodeExpires), ReuseCount: 5,
			},
			{
				BypassCodeID: "DBSAMPLE000000000004", UserID: "DUSAMPLE000000000001", AdminEmail: "bjorn.odegard@example.no",
				Created: sampleCodeCreated + 10800, Expiration: ptr(sampleCodeExpires + sampleDay), ReuseCount: 1,
			},
		},
		Settings: Settings{
			Name: "Example Corp", CallerID: "+15555550000",
			FraudEmail: "security@example.com", FraudEmailEnabled: true,
			HelpdeskMessage: "Call the IT help desk at +1 555 555 0000.", SMSMessage: "Example Corp passcodes:",
			Timezone: "America/New_York", Language: "EN", KeypressConfirm: "", KeypressFraud: "9",
			HelpdeskBypass: "limit", HelpdeskBypassExpiration: 60, HelpdeskCanSendEnrollEmail: true,
			PasswordRequiresLowerAlpha: true, PasswordRequiresNumeric: true, PasswordRequiresUpperAlpha: true,
			SecurityCheckupEnabled: true, PushActivityNotificationEnabled: true, EnrollmentUniversalPromptEnabled: true,
			InactiveUserExpiration: 0, LockoutThreshold: 10, MinimumPasswordLength: 12, PendingDeletionDays: 7,
			SMSBatch: 10, SMSExpiration: 0, SMSRefresh: 1, TelephonyWarningMin: 100, UnenrolledUserLockoutThreshold: 30,
			LockoutExpireDuration: nil, LogRetentionDays: ptr(180), UserTelephonyCostMax: 20.0,
		},
		Endpoints: sampleEndpoints(),
		DesktopAuthenticators: []DesktopAuthenticator{
			{DAKey: "DDSAMPLE000000000001", DAID: "7c0f3b9e-1d2a-4e5f-8a6b-000000000001", DeviceName: "jsmith-mbp", DuoDesktopVersion: "6.3.0", OSFamily: "Mac OS X", UserID: "DUSAMPLE000000000001"},
			{DAKey: "DDSAMPLE000000000002", DAID: "7c0f3b9e-1d2a-4e5f-8a6b-000000000002", DeviceName: "ZOE-LAPTOP", DuoDesktopVersion: "5.1.0.0", OSFamily: "Windows", UserID: "DUSAMPLE000000000002"},
			{DAKey: "DDSAMPLE000000000003", DAID: "7c0f3b9e-1d2a-4e5f-8a6b-000000000003", DeviceName: "", DuoDesktopVersion: "6.3.0.0", OSFamily: "Windows", UserID: "DUSAMPLE000000000008"},
		},
		// Every form a flag may come in; SMS allowed is an audit finding.
		AdminAuthMethods: AdminAuthMethods{
			PushEnabled: true, SMSEnabled: "True", VoiceEnabled: 0, MobileOTPEnabled: 1, YubikeyEnabled: "False",
			HardwareTokenEnabled: false, WebAuthnEnabled: true, VerifiedPushEnabled: true, VerifiedPushLength: 6,
		},
		TelephonyCreditsRemaining: 960,
		Edition:                   ptr("Duo Premier"),
		Policies:                  samplePolicies(),
		Logs:                      sampleLogs(),
	}
}

// sampleEndpoints are SampleAccount's endpoints, documented there.
func sampleEndpoints() []Endpoint {
	chrome := Browser{BrowserFamily: "Chrome", BrowserVersion: "125.0.6422.142", FlashVersion: "uninstalled", JavaVersion: "uninstalled", LastUsed: sampleLastLogin}
	return []Endpoint{
		{
			Epkey: "EPSAMPLE000000000001", UserID: "DUSAMPLE000000000001",
			DeviceName: "jsmith-mbp", DeviceUsername: "jsmith", DeviceUsernameType: "os_username",
			DeviceIdentifier: "5D3F8A2C-0B1E-4C7D-9A2F-6E8B1C3D5A70", DeviceIdentifierType: "hardware_uuid",
			HardwareUUID: "5D3F8A2C-0B1E-4C7D-9A2F-6E8B1C3D5A70", Model: "MacBookPro18,1",
			OSFamily: "Mac OS X", OSVersion: "14.5", OSBuild: "23F79",
			DiskEncryptionStatus: "On", FirewallStatus: "On", PasswordStatus: "Set", TrustedEndpoint: "yes",
			LastUpdated:            sampleLastLogin,
			Browsers:               []Browser{chrome, {BrowserFamily: "Safari", BrowserVersion: "17.5", FlashVersion: "uninstalled", JavaVersion: "uninstalled", LastUsed: sampleLastLogin - 3600}},
			HealthAppClientVersion: "6.3.0", HealthDataLastCollected: ptr(sampleLastLogin + 1),
			SecurityAgents: []SecurityAgent{{SecurityAgent: "Cisco Secure Endpoint", Version: "8.3.0"}},
		},
		{
			Epkey: "EPSAMPLE000000000002", UserID: "DUSAMPLE000000000002",
			DeviceName: "ZOE-LAPTOP", DeviceUsername: `EXAMPLE\zoe.nunez`, DeviceUsernameType: "os_username",
			ComputerSID: "S-1-5-21-1004336348-1177238915-682003330-1001", DomainSID: "S-1-5-21-1004336348-1177238915-682003330",
			MachineGUID: "0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0",
			OSFamily:    "Windows", OSVersion: "10", OSBuild: "19045",
			DiskEncryptionStatus: "Off", FirewallStatus: "Off", PasswordStatus: "Set", TrustedEndpoint: "no",
			LastUpdated:            sampleLastLogin - sampleDay,
			Browsers:               []Browser{{BrowserFamily: "Edge", BrowserVersion: "125.0.2535.67", FlashVersion: "uninstalled", JavaVersion: "uninstalled", LastUsed: sampleLastLogin - sampleDay}},
			HealthAppClientVersion: "5.1.0.0",
		},
		{
			Epkey: "EPSAMPLE000000000003", UserID: "DUSAMPLE000000000006",
			OSFamily: "iOS", OSVersion: "17.5.1",
			DiskEncryptionStatus: "Unknown", FirewallStatus: "Unknown", PasswordStatus: "Unknown", TrustedEndpoint: "no",
			LastUpdated: sampleLastLogin + 60,
			Browsers:    []Browser{{BrowserFamily: "Mobile Safari", BrowserVersion: "17.5", FlashVersion: "uninstalled", JavaVersion: "uninstalled", LastUsed: sampleLastLogin + 60}},
			Older:       true,
		},
		{
			Epkey: "EPSAMPLE000000000004", UserID: "DUSAMPLE000000000008",
			DeviceName: "MMAJOR-WS", DeviceUsername: "mmajor", DeviceUsernameType: "os_username",
			DeviceIdentifier: "3c2b1a09-8f7e-6d5c-4b3a-291807f6e5d4", DeviceIdentifierType: "machine_guid",
			MachineGUID: "3c2b1a09-8f7e-6d5c-4b3a-291807f6e5d4", Model: "OptiPlex 7010",
			OSFamily: "Windows", OSVersion: "11", OSBuild: "22631",
			DiskEncryptionStatus: "On", FirewallStatus: "Off", PasswordStatus: "Set", TrustedEndpoint: "yes",
			LastUpdated:            sampleLastLogin + 3600,
			Browsers:               []Browser{chrome},
			HealthAppClientVersion: "6.3.0.0", HealthDataLastCollected: ptr(sampleLastLogin + 3600),
			SecurityAgents: []SecurityAgent{{SecurityAgent: "CrowdStrike Falcon", Version: "7.14"}, {SecurityAgent: "Windows Defender", Version: "4.18"}},
		},
		{
			Epkey: "EPSAMPLE000000000005", DeviceName: "kiosk-01",
			OSFamily: "Chrome OS", OSVersion: "125",
			DiskEncryptionStatus: "Unknown", FirewallStatus: "Unknown", PasswordStatus: "Unknown", TrustedEndpoint: "no",
			LastUpdated: sampleLastLogin - 7*sampleDay,
		},
	}
}
