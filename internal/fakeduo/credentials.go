package fakeduo

import "sync/atomic"

// credential is a pair of keys the fake accepts, and how many requests
// were signed with it.
type credential struct {
	secretKey string
	requests  atomic.Int64
}

// credentials are the keys the fake accepts: its own (Options.IntegrationKey
// and SecretKey) and, as Duo accepts them, those of the account's Admin API
// applications, so that a secret key read from /skey can configure a
// client. Every one of them may read everything.
type credentials map[string]*credential

func newCredentials(ikey, skey string, integrations []Integration) credentials {
	accepted := credentials{}
	for _, in := range integrations {
		if in.Type == "adminapi" {
			accepted[in.IntegrationKey] = &credential{secretKey: in.SecretKey}
		}
	}
	accepted[ikey] = &credential{secretKey: skey}
	return accepted
}

// RequestsSignedBy is the number of requests that authenticated with the
// integration key ikey so far.
func (s *Server) RequestsSignedBy(ikey string) int64 {
	if c, ok := s.credentials[ikey]; ok {
		return c.requests.Load()
	}
	return 0
}
