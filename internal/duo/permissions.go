package duo

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"time"
)

// Permissions are what the client's key may do in Duo, grant by grant:
// true, false, or nil where it cannot be told without writing.
type Permissions struct {
	IntegrationKey string
	// LearnedFrom is how the grants were learned: LearnedFromIntegration
	// or LearnedFromProbes.
	LearnedFrom string
	// What the key may read.
	ReadResource, ReadLog, ReadInformation, Settings, Administrators, Applications *Bool
	// What the key may change.
	WriteResource, AdministratorsWrite, ApplicationsWrite, SettingsWrite, SetPermissions *Bool
}

// How Permissions were learned.
const (
	// LearnedFromIntegration: from the adminapi_* flags of the key's own
	// integration, which name every grant, the write grants included.
	LearnedFromIntegration = "integration"
	// LearnedFromProbes: from one small read for each read grant, since
	// the key may not read its own integration.
	LearnedFromProbes = "probes"
)

// probe is the one small read that tells whether a key has a read grant.
type probe struct {
	path   string
	params func(now time.Time) url.Values
	grant  func(*Permissions) **Bool
}

func onePage(time.Time) url.Values { return url.Values{"limit": {"1"}} }

var probes = []probe{
	{usersAPI.path, onePage, func(p *Permissions) **Bool { return &p.ReadResource }},
	{adminsAPI.path, onePage, func(p *Permissions) **Bool { return &p.Administrators }},
	{integrationsAPI.path, onePage, func(p *Permissions) **Bool { return &p.Applications }},
	{"/admin/v1/settings", func(time.Time) url.Values { return nil }, func(p *Permissions) **Bool { return &p.Settings }},
	{"/admin/v1/info/summary", func(time.Time) url.Values { return nil }, func(p *Permissions) **Bool { return &p.ReadInformation }},
	{administratorLogAPI.path, func(now time.Time) url.Values { return url.Values{"mintime": {strconv.FormatInt(now.Unix(), 10)}} },
		func(p *Permissions) **Bool { return &p.ReadLog }},
}

// Permissions reads what the client's key may do: from its own
// integration's record when the key may read it, else by probing each read
// grant, when the write grants cannot be told. A missing permission is
// not an error here: it is what is asked.
func (c *Client) Permissions(ctx context.Context) (*Permissions, error) {
	ikey := c.IntegrationKey()
	own, err := integrationsAPI.get(ctx, c, ikey)
	var apiErr *APIError
	switch {
	case err == nil:
		return permissionsOf(ikey, own), nil
	// A key without "Grant applications" may not read its record, and an
	// Accounts API key reading a child account has none.
	case errors.As(err, &apiErr) && (apiErr.Code == CodeForbidden || apiErr.Code == CodeNotFound || apiErr.HTTPStatus == http.StatusNotFound):
	default:
		return nil, fmt.Errorf("reading the key's own integration, %s: %w", ikey, err)
	}
	p := &Permissions{IntegrationKey: ikey, LearnedFrom: LearnedFromProbes}
	now := time.Now()
	err = forEachConcurrently(ctx, probes, func(ctx context.Context, pr *probe) error {
		var answer envelope[json.RawMessage]
		err := get(ctx, c.newCall(ctx), pr.path, pr.params(now), "", &answer)
		granted := Bool(err == nil)
		var refused *APIError
		if err != nil && (!errors.As(err, &refused) || refused.Code != CodeForbidden) {
			return fmt.Errorf("probing the permission to read %s: %w", pr.path, err)
		}
		*pr.grant(p) = &granted
		return nil
	})
	if err != nil {
		return nil, err
	}
	return p, nil
}

// permissionsOf reads the grants of an integration's adminapi_* flags.
// A flag that the record lacks (older records lack the newer ones) leaves
// its grant unknown, but administrators, which adminapi_admins grants too.
func permissionsOf(ikey string, in *Integration) *Permissions {
	flag := func(f *FlexInt) *Bool {
		if f == nil {
			return nil
		}
		granted := Bool(*f != 0)
		return &granted
	}
	administrators := flag(in.AdminAPIAdminsRead)
	if admins := flag(in.AdminAPIAdmins); admins != nil && (administrators == nil || *admins) {
		administrators = admins
	}
	return &Permissions{
		IntegrationKey: ikey, LearnedFrom: LearnedFromIntegration,
		ReadResource: flag(in.AdminAPIReadResource), ReadLog: flag(in.AdminAPIReadLog), ReadInformation: flag(in.AdminAPIInfo),
		Settings: flag(in.AdminAPISettings), Administrators: administrators, Applications: flag(in.AdminAPIIntegrations),
		WriteResource: flag(in.AdminAPIWriteResource), AdministratorsWrite: flag(in.AdminAPIAdmins),
		ApplicationsWrite: flag(in.AdminAPIIntegrations), SettingsWrite: flag(in.AdminAPISettings),
		SetPermissions: flag(in.AdminAPIAllowToSetPermissions),
	}
}
