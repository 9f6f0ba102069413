package fakeduo

import (
	"bytes"
	"crypto/hmac"
	"crypto/sha1"
	"crypto/sha512"
	"encoding/hex"
	"hash"
	"io"
	"mime"
	"net/http"
	"net/url"
	"sort"
	"strings"
	"time"
)

// maxClockSkew is how far the request's Date may be from the server's clock.
const maxClockSkew = 300 * time.Second

// maxSignedBody bounds how much of a request body is read to hash it.
const maxSignedBody = 1 << 20

// emptySHA512Hex is the SHA-512 of "", the v5 hash of the (absent) X-Duo
// headers.
var emptySHA512Hex = sha512Hex("")

func sha512Hex(s string) string {
	sum := sha512.Sum512([]byte(s))
	return hex.EncodeToString(sum[:])
}

// canonicalParams encodes params as Duo signs them: keys sorted, each key's
// values sorted, RFC 3986 percent-encoding (space as %20, "~" left alone).
func canonicalParams(params url.Values) string {
	keys := make([]string, 0, len(params))
	for k := range params {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var b strings.Builder
	for _, k := range keys {
		values := append([]string(nil), params[k]...)
		sort.Strings(values)
		for _, v := range values {
			if b.Len() > 0 {
				b.WriteByte('&')
			}
			b.WriteString(rfc3986Escape(k))
			b.WriteByte('=')
			b.WriteString(rfc3986Escape(v))
		}
	}
	return b.String()
}

// rfc3986Escape relies on url.QueryEscape, which already leaves only
// A-Z a-z 0-9 - _ . ~ unescaped; it writes space as "+", and a literal "+" is
// always escaped as %2B, so every "+" left is a space.
func rfc3986Escape(s string) string {
	return strings.ReplaceAll(url.QueryEscape(s), "+", "%20")
}

// canonicalV2 is the string signed by Duo's v2 scheme.
func canonicalV2(method, host, path string, params url.Values, date string) string {
	return strings.Join([]string{
		date,
		strings.ToUpper(method),
		strings.ToLower(host),
		path,
		canonicalParams(params),
	}, "\n")
}

// canonicalV5 is the string signed by Duo's v5 scheme: v2 plus the SHA-512 of
// the body and of the signed X-Duo headers (none are signed here).
func canonicalV5(method, host, path string, params url.Values, body, date string) string {
	return strings.Join([]string{
		date,
		strings.ToUpper(method),
		strings.ToLower(host),
		path,
		canonicalParams(params),
		sha512Hex(body),
		emptySHA512Hex,
	}, "\n")
}

func hmacHex(newHash func() hash.Hash, secret, message string) string {
	mac := hmac.New(newHash, []byte(secret))
	mac.Write([]byte(message))
	return hex.EncodeToString(mac.Sum(nil))
}

// signatureMatches reports whether sig is a valid signature of any canonical
// form Duo accepts: v2 with HMAC-SHA512 or HMAC-SHA1, or v5 with HMAC-SHA512;
// only v5 when v5Only. formParams are the v2 parameters (query plus form
// body); queryParams and body are what v5 signs.
func signatureMatches(secret, sig, method, host, path, date string, formParams, queryParams url.Values, body string, v5Only bool) bool {
	candidates := []string{hmacHex(sha512.New, secret, canonicalV5(method, host, path, queryParams, body, date))}
	if !v5Only {
		v2 := canonicalV2(method, host, path, formParams, date)
		candidates = append(candidates, hmacHex(sha512.New, secret, v2), hmacHex(sha1.New, secret, v2))
	}
	matched := false
	for _, c := range candidates {
		// Check them all so timing does not reveal which scheme matched.
		if hmac.Equal([]byte(c), []byte(sig)) {
			matched = true
		}
	}
	return matched
}

// parseDate accepts the RFC 2822 forms Duo clients send: numeric zone
// ("+0000", "-0000") or "GMT".
func parseDate(s string) (time.Time, bool) {
	for _, layout := range []string{time.RFC1123Z, time.RFC1123} {
		if t, err := time.Parse(layout, s); err == nil {
			return t, true
		}
	}
	return time.Time{}, false
}

var (
	errMissingCredentials = &apiError{http.StatusUnauthorized, 40101, "Missing request credentials", ""}
	errInvalidIKey        = &apiError{http.StatusUnauthorized, 40102, "Invalid integration key in request credentials", ""}
	errInvalidSignature   = &apiError{http.StatusUnauthorized, 40103, "Invalid signature in request credentials", ""}
	errRequestTimedOut    = &apiError{http.StatusUnauthorized, 40105, "Request timed out", "Date"}
)

// authenticate checks a request's Date and Authorization headers as Duo does,
// and returns the credential that signed it. It may read the body (to hash
// it for v5) and replaces r.Body so that it can be read again.
func (s *Server) authenticate(r *http.Request, now time.Time) (*credential, *apiError) {
	date := r.Header.Get("Date")
	if date == "" || r.Header.Get("Authorization") == "" {
		return nil, errMissingCredentials
	}
	ikey, sig, ok := r.BasicAuth()
	if !ok || ikey == "" || sig == "" {
		return nil, errMissingCredentials
	}
	accepted, ok := s.credentials[ikey]
	if !ok {
		return nil, errInvalidIKey
	}
	sent, ok := parseDate(date)
	if !ok {
		return nil, errRequestTimedOut
	}
	if skew := now.Sub(sent); skew > maxClockSkew || skew < -maxClockSkew {
		return nil, errRequestTimedOut
	}

	var body []byte
	if r.Body != nil {
		var err error
		body, err = io.ReadAll(io.LimitReader(r.Body, maxSignedBody))
		if err != nil {
			return nil, errInvalidSignature
		}
		r.Body = io.NopCloser(bytes.NewReader(body))
	}
	queryParams := r.URL.Query()
	formParams := queryParams
	// duo_api_golang's SignedCall puts POST/PUT parameters in a form body and
	// signs them like query parameters.
	if ct, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type")); ct == "application/x-www-form-urlencoded" {
		if fromBody, err := url.ParseQuery(string(body)); err == nil {
			formParams = url.Values{}
			for k, v := range queryParams {
				formParams[k] = append(formParams[k], v...)
			}
			for k, v := range fromBody {
				formParams[k] = append(formParams[k], v...)
			}
		}
	}
	path := r.URL.EscapedPath()
	// Duo checks the signature over its own host: a request signed for
	// another (a child account's signed over its parent's host) fails.
	host := s.host
	if host == "" {
		host = r.Host
	}
	if !signatureMatches(accepted.secretKey, sig, r.Method, host, path, date, formParams, queryParams, string(body), requiresV5(path)) {
		return nil, errInvalidSignature
	}
	accepted.requests.Add(1)
	return accepted, nil
}
