package provider

import (
	"bytes"
	"encoding/json"
	"fmt"
	"maps"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/idaudit/terraform-provider-duo/internal/fakeduo"
)

// The answers that Duo's own client libraries carry in their tests and
// documentation, in ../shared/duo-payloads beside the checkout, are served
// here as they are, through the real CLI: the provider must read every
// field of each into the state. The fake Duo is written from Duo's
// documentation; these are what Duo's own people wrote.

// payloadsDirEnv names another directory of Duo's payloads.
const payloadsDirEnv = "DUO_PAYLOADS_DIR"

// payloadsDir is where Duo's payloads are; the test is skipped without them.
func payloadsDir(t *testing.T) string {
	t.Helper()
	dir := os.Getenv(payloadsDirEnv)
	if dir == "" {
		// From internal/provider, beside the checkout.
		dir = filepath.Join("..", "..", "..", "shared", "duo-payloads")
	}
	if _, err := os.Stat(filepath.Join(dir, "INDEX.md")); err != nil {
		t.Skipf("Duo's payloads are not at %s (CI has ../shared beside the checkout; %s names another directory): %v", dir, payloadsDirEnv, err)
	}
	return dir
}

// notRead are the payloads whose answers no data source reads, with why.
var notRead = map[string]string{
	"admin_v1_any_list_empty_page__duo_api_golang.json":                     "an empty page announcing more, which duo_api_golang's tests serve only to check the parameters of a request",
	"admin_v1_phones_POST__duo_api_php.json":                                "the answer to creating a phone: the provider never writes",
	"admin_v1_phones_id_DELETE__duo_api_golang.json":                        "the answer to deleting a phone: the provider never writes",
	"admin_v1_phones_id_activation_url_POST__duo_client_python.json":        "the answer to an activation: the provider never writes",
	"admin_v1_phones_id_send_sms_activation_POST__duo_client_python.json":   "the answer to an activation: the provider never writes",
	"admin_v1_phones_id_send_sms_installation_POST__duo_client_python.json": "the answer to an SMS: the provider never writes",
	"admin_v1_users_POST__duo_api_golang.json":                              "the answer to creating a user: the provider never writes",
	"admin_v1_users_POST__duo_api_php.json":                                 "the answer to creating a user: the provider never writes",
	"admin_v1_users_id_POST__duo_api_golang.json":                           "the answer to changing a user: the provider never writes",
	"admin_v1_users_id_DELETE__duo_api_golang.json":                         "the answer to deleting a user: the provider never writes",
	"admin_v1_users_id_bypass_codes_POST__duo_api_golang.json":              "the answer to creating bypass codes: the provider never writes",
	"admin_v1_users_id_groups_POST__duo_api_golang.json":                    "the answer to adding a user to a group: the provider never writes",
	"admin_v1_users_id_phones_POST__duo_api_php.json":                       "the answer to adding a phone to a user: the provider never writes",
	"admin_v1_users_id_tokens_POST__duo_api_golang.json":                    "the answer to adding a token to a user: the provider never writes",
	"admin_v1_phones_id__duo_api_golang.json":                               "GET /admin/v1/phones/{phone_id}: the provider reads phones from the listing, whose payloads are served",
	"admin_v1_tokens_id__duo_api_golang.json":                               "GET /admin/v1/tokens/{token_id}: the provider reads tokens from the listing, whose payloads are served",
	"admin_v1_users_id_phones__duo_api_golang.json":                         "GET /admin/v1/users/{user_id}/phones: the provider reads a user's phones from the user, whose payloads are served",
	"admin_v1_users_id_phones_page1__duo_api_golang.json":                   "GET /admin/v1/users/{user_id}/phones: the provider reads a user's phones from the user",
	"admin_v1_users_id_phones_page2__duo_api_golang.json":                   "GET /admin/v1/users/{user_id}/phones: the provider reads a user's phones from the user",
	"admin_v1_users_id_tokens__duo_api_golang.json":                         "GET /admin/v1/users/{user_id}/tokens: the provider reads a user's tokens from the user",
	"admin_v1_users_id_tokens_page1__duo_api_golang.json":                   "GET /admin/v1/users/{user_id}/tokens: the provider reads a user's tokens from the user",
	"admin_v1_users_id_tokens_page2__duo_api_golang.json":                   "GET /admin/v1/users/{user_id}/tokens: the provider reads a user's tokens from the user",
	"admin_v1_users_id_u2ftokens__duo_api_golang.json":                      "GET /admin/v1/users/{user_id}/u2ftokens: the provider reads a user's U2F tokens from the user",
	"admin_v1_users_id_u2ftokens_page1__duo_api_golang.json":                "GET /admin/v1/users/{user_id}/u2ftokens: the provider reads a user's U2F tokens from the user",
	"admin_v1_users_id_u2ftokens_page2__duo_api_golang.json":                "GET /admin/v1/users/{user_id}/u2ftokens: the provider reads a user's U2F tokens from the user",
	"admin_v1_u2ftokens__duo_api_golang.json":                               "GET /admin/v1/u2ftokens: the provider reads U2F tokens from their users",
	"admin_v1_u2ftokens_page1__duo_api_golang.json":                         "GET /admin/v1/u2ftokens: the provider reads U2F tokens from their users",
	"admin_v1_u2ftokens_page2__duo_api_golang.json":                         "GET /admin/v1/u2ftokens: the provider reads U2F tokens from their users",
	"admin_v1_logs_telephony__duo_api_golang.json":                          "GET /admin/v1/logs/telephony: the provider reads the v2 telephony log",
	"admin_v1_logs_telephony__duo_log_sync.json":                            "GET /admin/v1/logs/telephony: the provider reads the v2 telephony log",
}

// servedPayloads are the payloads TestAccPayloads serves, each once.
var servedPayloads = []string{
	"admin_v1_users__duo_api_golang.json",
	"admin_v1_users_page1__duo_api_golang.json",
	"admin_v1_users_page2__duo_api_golang.json",
	"admin_v1_users_id__duo_api_golang.json",
	"admin_v1_users_by_username__duo_api_php.json",
	"admin_v1_groups__duo_api_golang.json",
	"admin_v1_groups_page1__duo_api_golang.json",
	"admin_v1_groups_page2__duo_api_golang.json",
	"admin_v1_groups__duo_api_php.json",
	"admin_v2_groups_id__duo_api_golang.json",
	"admin_v1_phones__duo_api_golang.json",
	"admin_v1_phones_page1__duo_api_golang.json",
	"admin_v1_phones_page2__duo_api_golang.json",
	"admin_v1_tokens__duo_api_golang.json",
	"admin_v1_tokens_page1__duo_api_golang.json",
	"admin_v1_tokens_page2__duo_api_golang.json",
	"admin_v1_info_summary__duo_api_php.json",
	"admin_v3_integrations_ikey__duo_api_php.json",
	"admin_v2_logs_authentication__duo_api_golang.json",
	"admin_v2_logs_authentication__duo_log_sync.json",
	"admin_v2_logs_authentication_empty__duo_log_sync.json",
	"admin_v2_logs_telephony__duo_log_sync.json",
	"admin_v2_logs_activity__duo_client_python.json",
	"admin_v2_logs_activity__duo_log_sync.json",
	"admin_v1_trust_monitor_events__duo_log_sync.json",
	"admin_v1_trust_monitor_events_last_page__duo_log_sync.json",
	"admin_v1_logs_administrator__duo_api_golang.json",
	"admin_v1_logs_administrator__duo_log_sync.json",
	"error_40001__duo_api_csharp.json",
	"error_40002__duo_api_php.json",
	"error_40401__duo_client_python.json",
}

// TestPayloadsAreAllAccountedFor keeps the suite whole: every payload in
// the directory is served by TestAccPayloads or named in notRead with why,
// so that one added later is not silently left out.
func TestPayloadsAreAllAccountedFor(t *testing.T) {
	dir := payloadsDir(t)
	files, err := filepath.Glob(filepath.Join(dir, "*.json"))
	if err != nil {
		t.Fatal(err)
	}
	for _, file := range files {
		name := filepath.Base(file)
		_, unread := notRead[name]
		served := slices.Contains(servedPayloads, name)
		if served == unread {
			t.Errorf("%s: served %v, in notRead %v; a payload is either served by TestAccPayloads or in notRead with why", name, served, unread)
		}
	}
	for _, name := range append(slices.Collect(maps.Keys(notRead)), servedPayloads...) {
		if _, err := os.Stat(filepath.Join(dir, name)); err != nil {
			t.Errorf("%s is listed but not in %s", name, dir)
		}
	}
}

// duoPayload is one of Duo's payloads.
type duoPayload struct {
	name string
	body []byte
}

func readPayload(t *testing.T, dir, name string) duoPayload {
	t.Helper()
	if !slices.Contains(servedPayloads, name) {
		t.Fatalf("%s is not in servedPayloads", name)
	}
	body, err := os.ReadFile(filepath.Join(dir, name))
	if err != nil {
		t.Fatal(err)
	}
	return duoPayload{name: name, body: body}
}

// decoded returns the payload as JSON values, numbers as json.Number.
func (p duoPayload) decoded(t *testing.T) map[string]any {
	t.Helper()
	decoder := json.NewDecoder(bytes.NewReader(p.body))
	decoder.UseNumber()
	var answer map[string]any
	if err := decoder.Decode(&answer); err != nil {
		t.Fatalf("%s: %v", p.name, err)
	}
	return answer
}

// objects returns the objects of a page.
func (p duoPayload) objects(t *testing.T) []map[string]any {
	t.Helper()
	return pageObjects(t, p.name, p.decoded(t)["response"])
}

// pageObjects returns the objects of a page's response: the response
// itself, or the one list a log's response holds (authlogs, items, events).
func pageObjects(t *testing.T, name string, response any) []map[string]any {
	t.Helper()
	list, ok := response.([]any)
	if members, isObject := response.(map[string]any); isObject {
		for _, member := range members {
			if list, ok = member.([]any); ok {
				break
			}
		}
	}
	if !ok {
		t.Fatalf("%s holds no list", name)
	}
	objects := make([]map[string]any, len(list))
	for i, item := range list {
		if objects[i], ok = item.(map[string]any); !ok {
			t.Fatalf("%s: item %d is no object", name, i)
		}
	}
	return objects
}

// object returns the object of an answer about one object.
func (p duoPayload) object(t *testing.T) map[string]any {
	t.Helper()
	object, ok := p.decoded(t)["response"].(map[string]any)
	if !ok {
		t.Fatalf("%s holds no object", p.name)
	}
	return object
}

// renamed returns the payload with the ID field of each object of its page
// given a suffix: the fixtures' second pages repeat their first page's
// objects, which one listing would hold twice.
func (p duoPayload) renamed(t *testing.T, idField, suffix string) duoPayload {
	t.Helper()
	return p.edited(t, func(response any) {
		for _, object := range pageObjects(t, p.name, response) {
			object[idField] = fmt.Sprint(object[idField]) + suffix
		}
	})
}

// edited returns the payload with its answer changed by edit, such as a
// value sent in another of the forms Duo's sources show.
func (p duoPayload) edited(t *testing.T, edit func(response any)) duoPayload {
	t.Helper()
	answer := p.decoded(t)
	edit(answer["response"])
	body, err := json.Marshal(answer)
	if err != nil {
		t.Fatal(err)
	}
	return duoPayload{name: p.name + " (edited)", body: body}
}

// answer serves the payload at path, for a request with query, at offset.
func (p duoPayload) answer(path string, query url.Values, offset int) fakeduo.Answer {
	return fakeduo.Answer{Path: path, Query: query, Offset: offset, Body: p.body}
}

// expectPayloadObjects checks that the list attribute of the data source
// holds the objects of the pages, in order, as compareValue checks them.
func expectPayloadObjects(address, attribute string, pages ...[]map[string]any) statecheck.StateCheck {
	var want []map[string]any
	for _, page := range pages {
		want = append(want, page...)
	}
	return expectUsers(address, attribute, want)
}

// expectPayloadObject checks that the data source holds the object at its
// top level, but for its own attributes (arguments that are not Duo's
// fields, and what the provider withholds).
func expectPayloadObject(address string, want map[string]any, own ...string) statecheck.StateCheck {
	return attributeValuesCheck{address: address, check: func(values map[string]any) error {
		if err := compareUser(withoutKeys(values, own...), withoutKeys(want, own...)); err != nil {
			return fmt.Errorf("%s: %w", address, err)
		}
		return nil
	}}
}

func TestAccPayloads(t *testing.T) {
	dir := payloadsDir(t)
	read := func(name string) duoPayload { return readPayload(t, dir, name) }
	serve := func(answers ...fakeduo.Answer) *accEnv {
		env := newAccEnv(t, fakeduo.Options{Answers: answers})
		env.requireFake(t)
		return env
	}

	users, userByID, userByName := read("admin_v1_users__duo_api_golang.json"), read("admin_v1_users_id__duo_api_golang.json"), read("admin_v1_users_by_username__duo_api_php.json")
	groups, group := read("admin_v1_groups__duo_api_golang.json"), read("admin_v2_groups_id__duo_api_golang.json")
	phones, tokens := read("admin_v1_phones__duo_api_golang.json"), read("admin_v1_tokens__duo_api_golang.json")
	summary, integration := read("admin_v1_info_summary__duo_api_php.json"), read("admin_v3_integrations_ikey__duo_api_php.json")
	userID, groupID, integrationKey := userByID.object(t)["user_id"].(string), group.object(t)["group_id"].(string), integration.object(t)["integration_key"].(string)
	username := userByName.objects(t)[0]["username"].(string)
	oneOfEach := serve(
		users.answer("/admin/v1/users", nil, 0),
		userByID.answer("/admin/v1/users/"+userID, nil, 0),
		userByName.answer("/admin/v1/users", url.Values{"username": {username}}, 0),
		groups.answer("/admin/v1/groups", nil, 0),
		group.answer("/admin/v2/groups/"+groupID, nil, 0),
		phones.answer("/admin/v1/phones", nil, 0),
		tokens.answer("/admin/v1/tokens", nil, 0),
		summary.answer("/admin/v1/info/summary", nil, 0),
		integration.answer("/admin/v3/integrations/"+integrationKey, nil, 0),
	)

	// The second pages repeat the first pages' objects: renamed, they are
	// other objects of the same listing.
	usersPage1, usersPage2 := read("admin_v1_users_page1__duo_api_golang.json"), read("admin_v1_users_page2__duo_api_golang.json").renamed(t, "user_id", "2")
	groupsPage1, groupsPage2 := read("admin_v1_groups_page1__duo_api_golang.json"), read("admin_v1_groups_page2__duo_api_golang.json").renamed(t, "group_id", "2")
	phonesPage1, phonesPage2 := read("admin_v1_phones_page1__duo_api_golang.json"), read("admin_v1_phones_page2__duo_api_golang.json").renamed(t, "phone_id", "2")
	tokensPage1, tokensPage2 := read("admin_v1_tokens_page1__duo_api_golang.json"), read("admin_v1_tokens_page2__duo_api_golang.json").renamed(t, "token_id", "2")
	pages := serve(
		usersPage1.answer("/admin/v1/users", nil, 0), usersPage2.answer("/admin/v1/users", nil, nextOffset(t, usersPage1)),
		groupsPage1.answer("/admin/v1/groups", nil, 0), groupsPage2.answer("/admin/v1/groups", nil, nextOffset(t, groupsPage1)),
		phonesPage1.answer("/admin/v1/phones", nil, 0), phonesPage2.answer("/admin/v1/phones", nil, nextOffset(t, phonesPage1)),
		tokensPage1.answer("/admin/v1/tokens", nil, 0), tokensPage2.answer("/admin/v1/tokens", nil, nextOffset(t, tokensPage1)),
	)

	// A page without metadata whose two groups share one group_id.
	groupsWithoutMetadata := read("admin_v1_groups__duo_api_php.json")
	unpaged := serve(groupsWithoutMetadata.answer("/admin/v1/groups", nil, 0))

	// The forms other sources of Duo's show for the same values: a flag as
	// 1, a time and counts as strings, a page without total_objects.
	usersInOtherForms := users.edited(t, func(response any) {
		user := response.([]any)[0].(map[string]any)
		user["is_enrolled"], user["last_login"] = 1, "1343921403"
		user["phones"].([]any)[0].(map[string]any)["activated"] = "1"
	})
	summaryInOtherForms := summary.edited(t, func(response any) {
		counts := response.(map[string]any)
		counts["user_count"], counts["admin_count"] = "8", "3"
	})
	groupsWithoutTotal := groupsPage1.edited(t, func(any) {})
	if !bytes.Contains(groupsWithoutTotal.body, []byte(`"total_objects":4`)) {
		t.Fatalf("%s has no total_objects to take out", groupsPage1.name)
	}
	groupsWithoutTotal.body = bytes.Replace(groupsWithoutTotal.body, []byte(`"total_objects":4`), []byte(`"unknown":{"added":"later"}`), 1)
	otherForms := serve(
		usersInOtherForms.answer("/admin/v1/users", nil, 0),
		summaryInOtherForms.answer("/admin/v1/info/summary", nil, 0),
		groupsWithoutTotal.answer("/admin/v1/groups", nil, 0), groupsPage2.answer("/admin/v1/groups", nil, nextOffset(t, groupsPage1)),
	)

	// The logs, each over its pages as Duo's cursors chain them: the
	// authentication log's pair of strings, the telephony log's one string
	// (its last page, which no source holds, is the payload emptied), Trust
	// Monitor's offset.
	authPage1, authPage2, authLast := read("admin_v2_logs_authentication__duo_api_golang.json"), read("admin_v2_logs_authentication__duo_log_sync.json"), read("admin_v2_logs_authentication_empty__duo_log_sync.json")
	telephony := read("admin_v2_logs_telephony__duo_log_sync.json")
	telephonyLast := telephony.edited(t, func(response any) {
		response.(map[string]any)["items"] = []any{}
		delete(response.(map[string]any)["metadata"].(map[string]any), "next_offset")
	})
	trustMonitor, trustMonitorLast := read("admin_v1_trust_monitor_events__duo_log_sync.json"), read("admin_v1_trust_monitor_events_last_page__duo_log_sync.json").renamed(t, "sekey", "2")
	// The v1 administrator log is paged, and its window applied, by the
	// provider from the events' times: these are moved into the window.
	week := lastDays(7)
	intoTheWindow := func(p duoPayload) duoPayload {
		return p.edited(t, func(response any) {
			for i, event := range pageObjects(t, p.name, response) {
				event["timestamp"] = week.maxtime.Add(-24*time.Hour).Unix() + int64(i)
			}
		})
	}
	adminLog, adminLogSync := intoTheWindow(read("admin_v1_logs_administrator__duo_api_golang.json")), intoTheWindow(read("admin_v1_logs_administrator__duo_log_sync.json"))
	// The activity log's two payloads, as one read's pages: the first's
	// cursor is a pair of strings, the second's one string. Neither shows
	// the other forms of the action and the result, which other sources
	// of Duo's show: the same pages are served again in them.
	activity, activityNext := read("admin_v2_logs_activity__duo_client_python.json"), read("admin_v2_logs_activity__duo_log_sync.json")
	activityLast := activityNext.edited(t, func(response any) {
		response.(map[string]any)["items"] = []any{}
		delete(response.(map[string]any)["metadata"].(map[string]any), "next_offset")
	})
	activityInOtherForms := activity.edited(t, func(response any) {
		for _, event := range pageObjects(t, activity.name, response) {
			event["action"] = map[string]any{"name": event["action"], "details": map[string]any{"phone_id": "DPFZRS9FB0D46QFTM899"}}
			event["outcome"] = map[string]any{"result": "SUCCESS"}
		}
	})
	activityNextInOtherForms := activityNext.edited(t, func(response any) {
		for _, event := range pageObjects(t, activityNext.name, response) {
			event["result"] = "FAILURE"
		}
	})
	cursor := func(p duoPayload) url.Values {
		metadata, _ := p.decoded(t)["response"].(map[string]any)["metadata"].(map[string]any)
		switch next := metadata["next_offset"].(type) {
		case []any:
			return url.Values{"next_offset": {fmt.Sprint(next[0]) + "," + fmt.Sprint(next[1])}}
		case string:
			return url.Values{"next_offset": {next}}
		}
		t.Fatalf("%s has no cursor", p.name)
		return nil
	}
	logs := serve(
		authPage1.answer("/admin/v2/logs/authentication", nil, 0),
		authPage2.answer("/admin/v2/logs/authentication", cursor(authPage1), 0),
		authLast.answer("/admin/v2/logs/authentication", cursor(authPage2), 0),
		telephony.answer("/admin/v2/logs/telephony", nil, 0),
		telephonyLast.answer("/admin/v2/logs/telephony", cursor(telephony), 0),
		trustMonitor.answer("/admin/v1/trust_monitor/events", nil, 0),
		trustMonitorLast.answer("/admin/v1/trust_monitor/events", nil, nextOffset(t, trustMonitor)),
		adminLog.answer("/admin/v1/logs/administrator", nil, 0),
	)
	otherAdminLog := serve(adminLogSync.answer("/admin/v1/logs/administrator", nil, 0))
	activityLogs := func(first, next duoPayload) *accEnv {
		return serve(
			first.answer("/admin/v2/logs/activity", nil, 0),
			next.answer("/admin/v2/logs/activity", cursor(first), 0),
			activityLast.answer("/admin/v2/logs/activity", cursor(next), 0),
		)
	}
	activityConfig := fmt.Sprintf("data \"duo_activity_logs\" \"week\" {\n  %s\n}\n", week.arguments())

	notFound, invalid, badRequest := read("error_40401__duo_client_python.json"), read("error_40002__duo_api_php.json"), read("error_40001__duo_api_csharp.json")
	errorAnswer := func(p duoPayload, path string) fakeduo.Answer {
		a := p.answer(path, nil, 0)
		a.Status = int(errorCode(t, p) / 100)
		return a
	}
	failing := serve(
		errorAnswer(notFound, "/admin/v1/users/DUNOSUCHUSER00000000"),
		errorAnswer(invalid, "/admin/v1/groups"),
		errorAnswer(badRequest, "/admin/v1/phones"),
	)

	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		Steps: []resource.TestStep{
			{
				Config: oneOfEach.config(fmt.Sprintf(`
data "duo_users" "all" {}
data "duo_groups" "all" {}
data "duo_phones" "all" {}
data "duo_tokens" "all" {}
data "duo_account_summary" "account" {}
data "duo_integration" "web" { integration_key = %q }
`, integrationKey)),
				ConfigStateChecks: []statecheck.StateCheck{
					expectPayloadObjects("data.duo_users.all", "users", users.objects(t)),
					expectPayloadObjects("data.duo_groups.all", "groups", groups.objects(t)),
					expectPayloadObjects("data.duo_phones.all", "phones", phones.objects(t)),
					expectPayloadObjects("data.duo_tokens.all", "tokens", tokens.objects(t)),
					expectPayloadObject("data.duo_account_summary.account", summary.object(t)),
					// The secret key is withheld unless include_secret_key asks for it.
					expectPayloadObject("data.duo_integration.web", integration.object(t), "include_secret_key", "secret_key"),
				},
			},
			// Each lookup in a plan of its own: lookups that arrive together
			// are sent together, and a plan that reads the listing answers
			// them from it, so each would not get its own payload.
			{
				Config:            oneOfEach.config(fmt.Sprintf(`data "duo_user" "by_id" { user_id = %q }`, userID)),
				ConfigStateChecks: []statecheck.StateCheck{expectPayloadObject("data.duo_user.by_id", userByID.object(t))},
			},
			{
				Config:            oneOfEach.config(fmt.Sprintf(`data "duo_user" "by_name" { username = %q }`, username)),
				ConfigStateChecks: []statecheck.StateCheck{expectPayloadObject("data.duo_user.by_name", userByName.objects(t)[0])},
			},
			{
				Config:            oneOfEach.config(fmt.Sprintf(`data "duo_group" "by_id" { group_id = %q }`, groupID)),
				ConfigStateChecks: []statecheck.StateCheck{expectPayloadObject("data.duo_group.by_id", group.object(t), "include_members", "users")},
			},
			{
				Config:            oneOfEach.config(fmt.Sprintf(`data "duo_users" "by_name" { username = %q }`, username)),
				ConfigStateChecks: []statecheck.StateCheck{expectPayloadObjects("data.duo_users.by_name", "users", userByName.objects(t))},
			},
			{
				Config: pages.config(`
data "duo_users" "all" {}
data "duo_groups" "all" {}
data "duo_phones" "all" {}
data "duo_tokens" "all" {}
`),
				ConfigStateChecks: []statecheck.StateCheck{
					expectPayloadObjects("data.duo_users.all", "users", usersPage1.objects(t), usersPage2.objects(t)),
					expectPayloadObjects("data.duo_groups.all", "groups", groupsPage1.objects(t), groupsPage2.objects(t)),
					expectPayloadObjects("data.duo_phones.all", "phones", phonesPage1.objects(t), phonesPage2.objects(t)),
					expectPayloadObjects("data.duo_tokens.all", "tokens", tokensPage1.objects(t), tokensPage2.objects(t)),
				},
			},
			{
				Config: unpaged.config(`data "duo_groups" "all" {}`),
				ConfigStateChecks: []statecheck.StateCheck{
					expectPayloadObjects("data.duo_groups.all", "groups", groupsWithoutMetadata.objects(t)),
				},
			},
			{
				Config: otherForms.config(`
data "duo_users" "all" {}
data "duo_account_summary" "account" {}
data "duo_groups" "all" {}
`),
				ConfigStateChecks: []statecheck.StateCheck{
					expectPayloadObjects("data.duo_users.all", "users", usersInOtherForms.objects(t)),
					statecheck.ExpectKnownValue("data.duo_users.all", itemAt("users", 0, "is_enrolled"), knownvalue.Bool(true)),
					statecheck.ExpectKnownValue("data.duo_users.all", itemAt("users", 0, "last_login"), knownvalue.Int64Exact(1343921403)),
					expectPayloadObject("data.duo_account_summary.account", summaryInOtherForms.object(t)),
					statecheck.ExpectKnownValue("data.duo_account_summary.account", tfjsonpath.New("user_count"), knownvalue.Int64Exact(8)),
					expectPayloadObjects("data.duo_groups.all", "groups", groupsPage1.objects(t), groupsPage2.objects(t)),
				},
			},
			{
				Config: logs.config(fmt.Sprintf(`
data "duo_authentication_logs" "week" {
  %[1]s
}
data "duo_telephony_logs" "week" {
  %[1]s
  max_events = 5000
}
data "duo_trust_monitor_events" "week" {
  %[1]s
}
data "duo_administrator_logs" "week" {
  %[1]s
}
`, week.arguments())),
				ConfigStateChecks: []statecheck.StateCheck{
					expectPayloadObjects("data.duo_authentication_logs.week", "authentication_logs",
						each(fromDuo(authPage1.objects(t)), asStateAuthLog), each(fromDuo(authPage2.objects(t)), asStateAuthLog), authLast.objects(t)),
					expectPayloadObjects("data.duo_telephony_logs.week", "telephony_logs", telephony.objects(t)),
					expectPayloadObjects("data.duo_trust_monitor_events.week", "trust_monitor_events",
						each(trustMonitor.objects(t), asStateTrustMonitorEvent), each(trustMonitorLast.objects(t), asStateTrustMonitorEvent)),
					expectPayloadObjects("data.duo_administrator_logs.week", "administrator_logs", adminLog.objects(t)),
				},
			},
			{
				Config: otherAdminLog.config(fmt.Sprintf(`
data "duo_administrator_logs" "week" {
  %s
}
`, week.arguments())),
				ConfigStateChecks: []statecheck.StateCheck{
					expectPayloadObjects("data.duo_administrator_logs.week", "administrator_logs", fromDuo(adminLogSync.objects(t))),
				},
			},
			{
				Config: activityLogs(activity, activityNext).config(activityConfig),
				ConfigStateChecks: []statecheck.StateCheck{
					expectPayloadObjects("data.duo_activity_logs.week", "activity_logs",
						each(activity.objects(t), asStateActivityLog), each(fromDuo(activityNext.objects(t)), asStateActivityLog)),
				},
			},
			{
				Config: activityLogs(activityInOtherForms, activityNextInOtherForms).config(activityConfig),
				ConfigStateChecks: []statecheck.StateCheck{
					expectPayloadObjects("data.duo_activity_logs.week", "activity_logs",
						each(activityInOtherForms.objects(t), asStateActivityLog), each(fromDuo(activityNextInOtherForms.objects(t)), asStateActivityLog)),
					statecheck.ExpectKnownValue("data.duo_activity_logs.week", itemAt("activity_logs", 0, "action"), knownvalue.StringExact("phone_create")),
					statecheck.ExpectKnownValue("data.duo_activity_logs.week", itemAt("activity_logs", 0, "outcome").AtMapKey("result"), knownvalue.StringExact("SUCCESS")),
					statecheck.ExpectKnownValue("data.duo_activity_logs.week", itemAt("activity_logs", 3, "outcome").AtMapKey("result"), knownvalue.StringExact("FAILURE")),
				},
			},
			{
				Config:      failing.config(`data "duo_user" "gone" { user_id = "DUNOSUCHUSER00000000" }`),
				ExpectError: regexp.MustCompile(`(?s)Duo user not found.*No Duo user has the ID "DUNOSUCHUSER00000000"`),
			},
			{
				Config:      failing.config(`data "duo_groups" "all" {}`),
				ExpectError: regexp.MustCompile(flexibleSpaces(`Unable to list Duo groups.*HTTP 400, code 40002: Invalid request parameters`)),
			},
			{
				Config:      failing.config(`data "duo_phones" "all" {}`),
				ExpectError: regexp.MustCompile(flexibleSpaces(`Unable to list Duo phones.*HTTP 400, code 40001`)),
			},
		},
	})
}

// fromDuo returns events without the members that duo_log_sync's copies
// hold but Duo does not send: duo_client_python adds eventtype and host to
// every row it reads (INDEX.md).
func fromDuo(events []map[string]any) []map[string]any {
	for _, event := range events {
		delete(event, "eventtype")
		delete(event, "host")
	}
	return events
}

// nextOffset is the next_offset of a page, where the next page is served.
func nextOffset(t *testing.T, p duoPayload) int {
	t.Helper()
	answer := p.decoded(t)
	metadata, _ := answer["metadata"].(map[string]any)
	if response, isObject := answer["response"].(map[string]any); isObject {
		metadata, _ = response["metadata"].(map[string]any) // Trust Monitor's
	}
	next, ok := metadata["next_offset"].(json.Number)
	if !ok {
		t.Fatalf("%s has no next_offset", p.name)
	}
	n, err := next.Int64()
	if err != nil {
		t.Fatal(err)
	}
	return int(n)
}

// errorCode is the code of an error answer, such as 40401.
func errorCode(t *testing.T, p duoPayload) int64 {
	t.Helper()
	code, ok := p.decoded(t)["code"].(json.Number)
	if !ok {
		t.Fatalf("%s holds no code", p.name)
	}
	n, err := code.Int64()
	if err != nil {
		t.Fatal(err)
	}
	return n
}

// flexibleSpaces matches text wherever Terraform wraps its lines.
func flexibleSpaces(text string) string {
	return "(?s)" + strings.ReplaceAll(text, " ", `\s+`)
}
