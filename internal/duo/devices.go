package duo

import (
	"context"
	"net/url"
)

// ListedPhone is a phone as Duo's phone listing shows it: the phone, and
// the users it belongs to, each in Duo's short form of a user (without
// groups, phones, tokens and other lists).
type ListedPhone struct {
	Phone
	Users []User `json:"users"`
}

// ListedToken is a hardware token as Duo's token listing shows it, with
// the users and administrators holding it. Its administrators carry only
// admin_id, name, email, created and last_login.
type ListedToken struct {
	Token
	Users  []User  `json:"users"`
	Admins []Admin `json:"admins"`
}

const (
	// MaxPhonePageSize is the largest page of phones the Admin API serves,
	// as recalled from Duo's documentation; the listing adapts to smaller
	// pages.
	MaxPhonePageSize = 500
	// MaxTokenPageSize is the largest page of hardware tokens the Admin API
	// serves.
	MaxTokenPageSize = 500
)

var (
	phonesAPI = endpoint[ListedPhone]{
		path: "/admin/v1/phones", what: "phones", pageSize: MaxPhonePageSize,
		permission: permissionReadResource, id: func(p *ListedPhone) *string { return p.PhoneID },
	}
	tokensAPI = endpoint[ListedToken]{
		path: "/admin/v1/tokens", what: "hardware tokens", pageSize: MaxTokenPageSize,
		permission: permissionReadResource, id: func(t *ListedToken) *string { return t.TokenID },
	}
)

// PhoneFilter selects phones by number; the zero value selects them all.
type PhoneFilter struct {
	// Number is a phone number in E.164 form, such as +15555550100.
	Number string
	// Extension narrows Number down to one extension.
	Extension string
}

// StreamPhones sends the phones the filter selects, in Duo's order, to sink.
func (c *Client) StreamPhones(ctx context.Context, filter PhoneFilter, sink PageSink[ListedPhone]) error {
	return phonesAPI.stream(ctx, c, nonEmpty(url.Values{"number": {filter.Number}, "extension": {filter.Extension}}), sink)
}

// TokenFilter selects one hardware token by type and serial; the zero value
// selects them all. Duo takes both or neither.
type TokenFilter struct {
	Type   string
	Serial string
}

// StreamTokens sends the hardware tokens the filter selects, in Duo's order,
// to sink.
func (c *Client) StreamTokens(ctx context.Context, filter TokenFilter, sink PageSink[ListedToken]) error {
	return tokensAPI.stream(ctx, c, nonEmpty(url.Values{"type": {filter.Type}, "serial": {filter.Serial}}), sink)
}

// nonEmpty drops the parameters whose value is "", which Duo would take as
// filters on an empty value.
func nonEmpty(params url.Values) url.Values {
	for name, values := range params {
		if len(values) == 0 || values[0] == "" {
			delete(params, name)
		}
	}
	return params
}
