package fakeduo

import (
	"strings"
	"sync/atomic"
)

// credential is a pair of keys the fake accepts, what they are granted,
// and how many requests were signed with them.
type credential struct {
	secretKey string
	grants    Grants
	requests  atomic.Int64
}

// credentials are the keys the fake accepts: its own (Options.IntegrationKey
// and SecretKey, with Options.Grants) and, as Duo accepts them, those of the
// account's Admin API applications, each with the grants of its adminapi_*
// flags, so that a secret key read from /skey can configure a client.
type credentials map[string]*credential

func newCredentials(ikey, skey string, grants Grants, integrations []Integration) credentials {
	accepted := credentials{}
	for _, in := range integrations {
		if in.Type == "adminapi" {
			accepted[in.IntegrationKey] = &credential{secretKey: in.SecretKey, grants: in.Grants()}
		}
	}
	accepted[ikey] = &credential{secretKey: skey, grants: grants}
	return accepted
}

// Grants are the permissions of an Admin API application, as the Admin
// Panel grants them and its adminapi_* flags show them. The fake answers
// a GET that its key's grants do not allow with HTTP 403, code 40301, as
// Duo does; the write grants allow nothing more, since the fake only
// reads.
type Grants struct {
	ReadResource       bool // adminapi_read_resource: users, groups, devices, credentials, policies
	WriteResource      bool // adminapi_write_resource
	Administrators     bool // adminapi_admins: read and change administrators and units
	AdministratorsRead bool // adminapi_admins_read: read them
	Applications       bool // adminapi_integrations: read and change integrations
	Settings           bool // adminapi_settings: read and change the settings
	Information        bool // adminapi_info: the account info reports and summary
	ReadLog            bool // adminapi_read_log: the logs and Trust Monitor
	SetPermissions     bool // adminapi_allow_to_set_permissions
}

// AllGrants grants everything: the fake's own key, unless Options.Grants
// says otherwise.
func AllGrants() Grants {
	return Grants{
		ReadResource: true, WriteResource: true, Administrators: true, AdministratorsRead: true, Applications: true,
		Settings: true, Information: true, ReadLog: true, SetPermissions: true,
	}
}

// Grants are what the integration's adminapi_* flags grant its key.
func (in Integration) Grants() Grants {
	return Grants{
		ReadResource: in.AdminAPIReadResource == 1, WriteResource: in.AdminAPIWriteResource == 1,
		Administrators: in.AdminAPIAdmins == 1, AdministratorsRead: in.AdminAPIAdminsRead == 1,
		Applications: in.AdminAPIIntegrations == 1, Settings: in.AdminAPISettings == 1, Information: in.AdminAPIInfo == 1,
		ReadLog: in.AdminAPIReadLog == 1, SetPermissions: in.AdminAPIAllowToSetPermissions == 1,
	}
}

// grantedPaths are the paths that a grant lets a key read, each with
// everything below it (see ../shared, the facts files).
var grantedPaths = []struct {
	paths   []string
	granted func(Grants) bool
}{
	{[]string{usersPath, groupsPath, groupsV2Path, phonesPath, tokensPath, bypassCodesPath, webAuthnCredentialsPath, endpointsPath, desktopAuthenticatorsPath, policiesPath},
		func(g Grants) bool { return g.ReadResource }},
	{[]string{adminsPath, adminUnitsPath}, func(g Grants) bool { return g.Administrators || g.AdministratorsRead }},
	{[]string{integrationsPath, strings.TrimSuffix(secretKeyPrefix, "/")}, func(g Grants) bool { return g.Applications }},
	{[]string{settingsPath}, func(g Grants) bool { return g.Settings }},
	{[]string{infoPath}, func(g Grants) bool { return g.Information }},
	{[]string{"/admin/v1/logs", "/admin/v2/logs", trustMonitorPath}, func(g Grants) bool { return g.ReadLog }},
}

// allow reports whether the grants let a key read path; a path that no
// grant covers is the router's to answer.
func (g Grants) allow(path string) bool {
	for _, grant := range grantedPaths {
		for _, granted := range grant.paths {
			if isBelow(path, granted) {
				return grant.granted(g)
			}
		}
	}
	return true
}

// isBelow reports whether path is dir or below it.
func isBelow(path, dir string) bool {
	rest, ok := strings.CutPrefix(path, dir)
	return ok && (rest == "" || rest[0] == '/')
}

// RequestsSignedBy is the number of requests that authenticated with the
// integration key ikey so far.
func (s *Server) RequestsSignedBy(ikey string) int64 {
	if c, ok := s.credentials[ikey]; ok {
		return c.requests.Load()
	}
	return 0
}
