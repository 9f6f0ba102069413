package duo

import (
	"context"
	"testing"
)

// FuzzDecodeAnswer feeds arbitrary answers to the decoder: it must never
// panic, and it may only report success for a body that says "stat": "OK"
// with a 2xx status.
func FuzzDecodeAnswer(f *testing.F) {
	for _, seed := range []string{
		`{"stat":"OK","response":[{"user_id":"DU1","username":"a","phones":[{"capabilities":["push"]}]}],"metadata":{"total_objects":1}}`,
		`{"stat":"OK","response":[],"metadata":{"total_objects":"0","next_offset":"300"}}`,
		`{"stat":"FAIL","code":"40103","message":"Invalid signature","message_detail":null}`,
		`{"stat":"FAIL","code":40301}`,
		`<html>Bad gateway</html>`,
		`{"stat":"OK","response":[{"user_id":`,
		``,
		`null`,
		`{"stat":"OK","response":null,"metadata":{"next_offset":1e3}}`,
	} {
		f.Add(200, []byte(seed))
	}
	f.Fuzz(func(t *testing.T, status int, body []byte) {
		var page envelope[[]User]
		_, failure := classify(context.Background(), usersAPI.path, status, body, nil, &page)
		if failure == nil && (page.Stat != "OK" || status >= 300) {
			t.Fatalf("accepted an answer with stat %q and status %d", page.Stat, status)
		}
		if failure != nil && failure.Error() == "" {
			t.Fatal("an error without a message")
		}
	})
}
