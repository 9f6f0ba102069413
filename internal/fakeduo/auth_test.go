package fakeduo

import (
	"crypto/sha1"
	"crypto/sha512"
	"encoding/base64"
	"net/url"
	"testing"
	"time"
)

// Duo's documented test credentials, as used by duo_api_golang's tests.
const (
	vectorIKey = "DIWJ8X6AEYOR5OMC6TQ1"
	vectorSKey = "Zh5eGmUq9zpfQnyUIu5OL9iWoMMv5ZNmk3zLJ4Ep"
	vectorHost = "api-XXXXXXXX.duosecurity.com"
	vectorPath = "/accounts/v1/account/list"
	vectorDate = "Tue, 21 Aug 2012 17:29:18 -0000"
)

func authorizationHeader(ikey, sig string) string {
	return "Basic " + base64.StdEncoding.EncodeToString([]byte(ikey+":"+sig))
}

func TestSignatureV2Vector(t *testing.T) {
	params := url.Values{"realname": {"First Last"}, "username": {"root"}}
	sig := hmacHex(sha512.New, vectorSKey, canonicalV2("POST", vectorHost, vectorPath, params, vectorDate))
	want := "Basic RElXSjhYNkFFWU9SNU9NQzZUUTE6MWJmZmI4OTI0MzQ4ZjdkYjdkYTllN2Q3ZDc0OWRlZDkzYWFmZDAyZDhlOTA0OTYwZGE3Yjk2YzU3NTEwMjIwMTg1YTY0YTI4MjdlZThmMjRhYzVkMzA4MDJhOWVlOTdlNTlkZTQ0YjMwNGIxODI0MmYwZDU5NmQxNWE4MTIyYWY="
	if got := authorizationHeader(vectorIKey, sig); got != want {
		t.Fatalf("v2 Authorization:\n got %s\nwant %s", got, want)
	}
	if !signatureMatches(vectorSKey, sig, "POST", vectorHost, vectorPath, vectorDate, params, url.Values{}, "", false) {
		t.Error("signatureMatches rejected the v2 SHA-512 vector")
	}
	sha1Sig := hmacHex(sha1.New, vectorSKey, canonicalV2("POST", vectorHost, vectorPath, params, vectorDate))
	if !signatureMatches(vectorSKey, sha1Sig, "POST", vectorHost, vectorPath, vectorDate, params, url.Values{}, "", false) {
		t.Error("signatureMatches rejected a v2 SHA-1 signature")
	}
	if signatureMatches(vectorSKey+"x", sig, "POST", vectorHost, vectorPath, vectorDate, params, url.Values{}, "", false) {
		t.Error("signatureMatches accepted a signature made with another key")
	}
}

func TestSignatureV5Vector(t *testing.T) {
	params := url.Values{"realname": {"First Last"}}
	body := `{"txid":"f22b1678-252a-4070-b176-0ca2be7319fd"}`
	sig := hmacHex(sha512.New, vectorSKey, canonicalV5("POST", vectorHost, vectorPath, params, body, vectorDate))
	want := "Basic RElXSjhYNkFFWU9SNU9NQzZUUTE6NzhmNDMyN2Y4MzExNzNjYzc4ZDA5MDdlOTEzZTNjNWEyOGZlNzJkZDQ1NDVhMzQyNTg2YmI2NzE4MWYyYmEzOTNkMjA5MTFlODcwMzYyZjZmYWJhM2RjNmY3ZTlkYjVlOTNhZWQyZjNiZmMxMTBjNmRhZGFmZjRkYzYxNzllMGI="
	if got := authorizationHeader(vectorIKey, sig); got != want {
		t.Fatalf("v5 Authorization:\n got %s\nwant %s", got, want)
	}
	if !signatureMatches(vectorSKey, sig, "POST", vectorHost, vectorPath, vectorDate, url.Values{}, params, body, false) {
		t.Error("signatureMatches rejected the v5 vector")
	}
	if signatureMatches(vectorSKey, sig, "POST", vectorHost, vectorPath, vectorDate, url.Values{}, params, body+" ", false) {
		t.Error("signatureMatches accepted a v5 signature over another body")
	}
}

func TestCanonicalV2Unicode(t *testing.T) {
	params := url.Values{}
	params.Set("䚚⡻㗐軳朧倪ࠐ킑È셰", "ཅ᩶㐚敌숿鬉ꯢ荃ᬧ惐")
	params.Set("瑉繋쳻姿﹟获귌逌쿑砓", "趷倢鋓䋯⁽蜰곾嘗ॆ丰")
	params.Set("瑰錔逜麮䃘䈁苘豰ᴱꁂ", "៙ந鍘꫟ꐪ䢾ﮖ濩럿㋳")
	params.Set("싅Ⱍ☠㘗隳F蘅⃨갡头", "ﮩ䆪붃萋☕㹮攭ꢵ핫U")
	got := canonicalV2("PoSt", "foO.BAr52.cOm", "/Foo/BaR2/qux", params, "Fri, 07 Dec 2012 17:18:00 -0000")
	want := "Fri, 07 Dec 2012 17:18:00 -0000\nPOST\nfoo.bar52.com\n/Foo/BaR2/qux\n%E4%9A%9A%E2%A1%BB%E3%97%90%E8%BB%B3%E6%9C%A7%E5%80%AA%E0%A0%90%ED%82%91%C3%88%EC%85%B0=%E0%BD%85%E1%A9%B6%E3%90%9A%E6%95%8C%EC%88%BF%E9%AC%89%EA%AF%A2%E8%8D%83%E1%AC%A7%E6%83%90&%E7%91%89%E7%B9%8B%EC%B3%BB%E5%A7%BF%EF%B9%9F%E8%8E%B7%EA%B7%8C%E9%80%8C%EC%BF%91%E7%A0%93=%E8%B6%B7%E5%80%A2%E9%8B%93%E4%8B%AF%E2%81%BD%E8%9C%B0%EA%B3%BE%E5%98%97%E0%A5%86%E4%B8%B0&%E7%91%B0%E9%8C%94%E9%80%9C%E9%BA%AE%E4%83%98%E4%88%81%E8%8B%98%E8%B1%B0%E1%B4%B1%EA%81%82=%E1%9F%99%E0%AE%A8%E9%8D%98%EA%AB%9F%EA%90%AA%E4%A2%BE%EF%AE%96%E6%BF%A9%EB%9F%BF%E3%8B%B3&%EC%8B%85%E2%B0%9D%E2%98%A0%E3%98%97%E9%9A%B3F%E8%98%85%E2%83%A8%EA%B0%A1%E5%A4%B4=%EF%AE%A9%E4%86%AA%EB%B6%83%E8%90%8B%E2%98%95%E3%B9%AE%E6%94%AD%EA%A2%B5%ED%95%ABU"
	if got != want {
		t.Errorf("canonicalV2:\n got %q\nwant %q", got, want)
	}
}

func TestCanonicalV5(t *testing.T) {
	params := url.Values{"username": {"H ell?o"}}
	body := `{"activation_code":"duo://x1bTAIQGWXppdi2ctPVn-YXBpLWR1bzEuZHVvLnRlc3Q","user_id":"DU439XKOX2W6LMYHWLEV"}`
	got := canonicalV5("post", "FOO.example.CoM", "/Foo/BaR2/qux", params, body, "Fri, 07 Dec 2012 17:18:00 -0000")
	want := "Fri, 07 Dec 2012 17:18:00 -0000\nPOST\nfoo.example.com\n/Foo/BaR2/qux\nusername=H%20ell%3Fo\n" +
		"9ddab7d898836a76fafbb0dcef7bc83f14036b39bbb1ebbe43044f7c76338fa699eba8f0d3ecb329a084f32ef23c8a1609efad25032923b651e6f3f6d2f7b773\n" +
		"cf83e1357eefb8bdf1542850d66d8007d620e4050b5715dc83f4a921d36ce9ce47d0d13c5d85f2b0ff8318d2877eec2f63b931bd47417a81a538327af927da3e"
	if got != want {
		t.Errorf("canonicalV5:\n got %q\nwant %q", got, want)
	}
}

func TestCanonicalParams(t *testing.T) {
	tests := []struct {
		params url.Values
		want   string
	}{
		{url.Values{}, ""},
		{url.Values{"username": {"H ell?o"}, "password": {"H-._~i", "A(!'*)"}}, "password=A%28%21%27%2A%29&password=H-._~i&username=H%20ell%3Fo"},
		{url.Values{"foo": {"1"}, "foo_bar": {"2"}}, "foo=1&foo_bar=2"},
		{url.Values{"punctuation": {"!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~"}}, "punctuation=%21%22%23%24%25%26%27%28%29%2A%2B%2C-.%2F%3A%3B%3C%3D%3E%3F%40%5B%5C%5D%5E_%60%7B%7C%7D~"},
		{url.Values{"whitespace": {"\t\n\x0b\x0c\r "}}, "whitespace=%09%0A%0B%0C%0D%20"},
	}
	for _, tt := range tests {
		if got := canonicalParams(tt.params); got != tt.want {
			t.Errorf("canonicalParams(%v) = %q, want %q", tt.params, got, tt.want)
		}
	}
}

func TestParseDate(t *testing.T) {
	for _, s := range []string{vectorDate, "Tue, 21 Aug 2012 17:29:18 +0000", "Tue, 21 Aug 2012 17:29:18 GMT"} {
		got, ok := parseDate(s)
		if !ok || !got.Equal(time.Date(2012, 8, 21, 17, 29, 18, 0, time.UTC)) {
			t.Errorf("parseDate(%q) = %v, %v", s, got, ok)
		}
	}
	if _, ok := parseDate("2012-08-21T17:29:18Z"); ok {
		t.Error("parseDate accepted an ISO 8601 date")
	}
}
