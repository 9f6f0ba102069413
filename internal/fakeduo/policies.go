package fakeduo

import (
	"encoding/json"
	"fmt"
	"maps"
	"net/http"
	"slices"
	"strings"
)

// The policy endpoints, as ../shared/duo-admin-api-policies-logs.md
// describes them:
//
//	GET /admin/v2/policies                  every policy with its sections, 100 / 100 a page
//	GET /admin/v2/policies/{policy_key}     one policy
//	GET /admin/v2/policies/global           the global policy
//	GET /admin/v2/policies/summary          where the custom policies apply
//	GET /admin/v2/policies/calculate        the policy of user_id in integration_key
//
// Requests to them must be signed v5, as every official example signs
// them: a v2 signature is refused (see requiresV5).
const (
	policiesPath      = "/admin/v2/policies"
	globalPolicyPath  = policiesPath + "/global"
	policySummaryPath = policiesPath + "/summary"
	calculatePath     = policiesPath + "/calculate"
)

var policiesListing = listing{policiesPath, 100, 100}

// Policy is a Duo policy as the v2 policy endpoints send it.
type Policy struct {
	PolicyKey      string `json:"policy_key"`
	PolicyName     string `json:"policy_name"`
	IsGlobalPolicy bool   `json:"is_global_policy"`
	// Sections holds only the sections the policy sets (the global policy
	// sets every one), as JSON values; nil is sent as {}.
	Sections map[string]any `json:"sections"`
	// GroupsInApps are the groups within applications that the policy
	// applies to. The applications it applies to as a whole are the
	// integrations whose PolicyKey names it.
	GroupsInApps []GroupsInApp `json:"-"`
}

// GroupsInApp is a policy applied to the users of some groups within one
// application.
type GroupsInApp struct {
	IntegrationKey string
	GroupIDs       []string
}

// requiresV5 reports whether requests to path must be signed v5.
func requiresV5(path string) bool {
	return path == policiesPath || strings.HasPrefix(path, policiesPath+"/")
}

// policyApplication is one entry of a summary's policy_applies_to.
type policyApplication struct {
	AppIntegrationKey string `json:"app_integration_key"`
	AppName           string `json:"app_name"`
	ApplyType         string `json:"apply_type"` // app or group_app
	GroupName         string `json:"group_name,omitempty"`
}

// policySummaryEntry is one policy of the summary.
type policySummaryEntry struct {
	PolicyKey       string              `json:"policy_key"`
	PolicyName      string              `json:"policy_name"`
	PolicyAppliesTo []policyApplication `json:"policy_applies_to"`
}

// policySummary is the answer of GET /admin/v2/policies/summary, in the
// shape third-party tests show (Duo does not document it). It lists the
// custom policies only: the global policy applies wherever they do not.
type policySummary struct {
	Policies            []policySummaryEntry `json:"policies"`
	PolicyCount         int                  `json:"policy_count"`
	ResponseIsTruncated bool                 `json:"response_is_truncated"`
}

// effectivePolicy is the answer of GET /admin/v2/policies/calculate: the
// global policy's sections, each replaced by the custom policy's when it
// sets it. Duo does not document policy_elements; the fake tells, for each
// section, the policy it comes from.
type effectivePolicy struct {
	Sections       map[string]any           `json:"sections"`
	PolicyElements map[string]policyElement `json:"policy_elements"`
}

type policyElement struct {
	PolicyKey  string `json:"policy_key"`
	PolicyName string `json:"policy_name"`
}

// policyIndex is the policies, with the summary and what calculate answers.
type policyIndex struct {
	collection
	global    []byte // nil when the account has no policies
	summary   []byte
	effective [][]byte // effective[i] is the answer for policy i
	// globalIndex is the global policy's index; -1 without policies.
	globalIndex int
	// byApp is the index of the policy of each integration that has one.
	byApp map[string]int
	// groupsInApps lists, per integration, the policies applied to groups
	// within it, in policy order.
	groupsInApps map[string][]groupPolicy
	// userGroups are the groups of the users in groups that policies are
	// applied to.
	userGroups map[string][]string
}

type groupPolicy struct {
	policy   int
	groupIDs []string
}

// indexPolicies checks that the policies and the integrations that name
// them agree with what the fake serves, and encodes what the policy
// endpoints answer.
func indexPolicies(policies []Policy, integrations []Integration, groups *groupIndex, users []User) (policyIndex, error) {
	index := policyIndex{globalIndex: -1, byApp: map[string]int{}, groupsInApps: map[string][]groupPolicy{}}
	key := func(i int) string { return policies[i].PolicyKey }
	var err error
	index.collection, err = newCollection("policy_key", len(policies), key, marshalEach(func(i int) any { return policies[i].served() }), nil)
	if err != nil {
		return index, err
	}
	for i, p := range policies {
		if !p.IsGlobalPolicy {
			continue
		}
		if index.globalIndex >= 0 {
			return index, fmt.Errorf("fakeduo: policies %q and %q are both global", policies[index.globalIndex].PolicyKey, p.PolicyKey)
		}
		index.globalIndex = i
	}
	if len(policies) > 0 && index.globalIndex < 0 {
		return index, fmt.Errorf("fakeduo: no policy is global, and Duo accounts always have a global policy")
	}

	integrationNames := map[string]string{}
	for _, in := range integrations {
		integrationNames[in.IntegrationKey] = in.Name
		if in.PolicyKey == nil {
			continue
		}
		i, ok := index.byID[*in.PolicyKey]
		if !ok || i == index.globalIndex {
			return index, fmt.Errorf("fakeduo: integration %q has policy_key %q, which names no custom policy the fake serves", in.IntegrationKey, *in.PolicyKey)
		}
		index.byApp[in.IntegrationKey] = i
	}
	referenced := map[string]bool{}
	for i, p := range policies {
		for _, applied := range p.GroupsInApps {
			if _, ok := integrationNames[applied.IntegrationKey]; !ok {
				return index, fmt.Errorf("fakeduo: policy %q applies to groups in integration %q, which the fake does not serve", p.PolicyKey, applied.IntegrationKey)
			}
			if err := checkServed("policy", p.PolicyKey, "group_id", applied.GroupIDs, groups.byID); err != nil {
				return index, err
			}
			index.groupsInApps[applied.IntegrationKey] = append(index.groupsInApps[applied.IntegrationKey], groupPolicy{i, applied.GroupIDs})
			for _, id := range applied.GroupIDs {
				referenced[id] = true
			}
		}
	}
	index.userGroups = map[string][]string{}
	for _, u := range users {
		for _, g := range u.Groups {
			if referenced[g.GroupID] {
				index.userGroups[u.UserID] = append(index.userGroups[u.UserID], g.GroupID)
			}
		}
	}

	summary := policySummary{Policies: []policySummaryEntry{}}
	for i, p := range policies {
		if i == index.globalIndex {
			continue
		}
		entry := policySummaryEntry{PolicyKey: p.PolicyKey, PolicyName: p.PolicyName, PolicyAppliesTo: []policyApplication{}}
		for _, in := range integrations {
			if applied, ok := index.byApp[in.IntegrationKey]; ok && applied == i {
				entry.PolicyAppliesTo = append(entry.PolicyAppliesTo, policyApplication{in.IntegrationKey, in.Name, "app", ""})
			}
		}
		for _, applied := range p.GroupsInApps {
			for _, id := range applied.GroupIDs {
				group := groupNameOf(groups, id)
				entry.PolicyAppliesTo = append(entry.PolicyAppliesTo, policyApplication{applied.IntegrationKey, integrationNames[applied.IntegrationKey], "group_app", group})
			}
		}
		summary.Policies = append(summary.Policies, entry)
	}
	summary.PolicyCount = len(summary.Policies)
	if index.summary, err = json.Marshal(summary); err != nil {
		return index, fmt.Errorf("fakeduo: encode the policy summary: %w", err)
	}
	if index.globalIndex >= 0 {
		index.global = index.single[index.globalIndex]
	}
	index.effective, err = encodeEach("policy_key", len(policies), key, marshalEach(func(i int) any {
		return effectiveAnswer(policies, index.globalIndex, i)
	}))
	return index, err
}

// groupNameOf returns the name of the group with the ID, which the group
// index holds.
func groupNameOf(groups *groupIndex, groupID string) string {
	var g Group
	_ = json.Unmarshal(groups.single[groups.byID[groupID]], &g) // the fake encoded it
	return g.Name
}

// served returns the policy as Duo sends it: sections {} rather than null.
func (p Policy) served() Policy {
	if p.Sections == nil {
		p.Sections = map[string]any{}
	}
	return p
}

// effectiveAnswer is what calculate answers when policy i applies.
func effectiveAnswer(policies []Policy, global, i int) effectivePolicy {
	answer := effectivePolicy{Sections: map[string]any{}, PolicyElements: map[string]policyElement{}}
	apply := func(p Policy) {
		for _, name := range slices.Sorted(maps.Keys(p.Sections)) {
			answer.Sections[name] = p.Sections[name]
			answer.PolicyElements[name] = policyElement{p.PolicyKey, p.PolicyName}
		}
	}
	if global >= 0 {
		apply(policies[global])
	}
	if i != global {
		apply(policies[i])
	}
	return answer
}

// calculate answers GET /admin/v2/policies/calculate: the policy applied
// to one of the user's groups within the application, else the
// application's own policy, else the global policy.
func (s *Server) calculate(snap *snapshot, w http.ResponseWriter, r *http.Request) {
	query := r.URL.Query()
	integrationKey, userID := query.Get("integration_key"), query.Get("user_id")
	switch {
	case integrationKey == "":
		s.writeError(w, errInvalidParam("integration_key"))
		return
	case userID == "":
		s.writeError(w, errInvalidParam("user_id"))
		return
	}
	if _, ok := snap.integrations.byID[integrationKey]; !ok {
		s.writeError(w, errNotFound("integration_key"))
		return
	}
	if _, ok := snap.users.byID[userID]; !ok {
		s.writeError(w, errNotFound("user_id"))
		return
	}
	policies := &snap.policies
	applied, ok := policies.byApp[integrationKey]
	if !ok {
		applied = policies.globalIndex
	}
	for _, group := range policies.groupsInApps[integrationKey] {
		if slices.ContainsFunc(policies.userGroups[userID], func(id string) bool { return slices.Contains(group.groupIDs, id) }) {
			applied = group.policy
			break
		}
	}
	if applied < 0 {
		s.writeError(w, errNotFound("policy"))
		return
	}
	writeObject(w, policies.effective[applied])
}

// policyEndpoint returns what answers the policy paths that are no
// policy key: the global policy, the summary and calculate.
func (s *Server) policyEndpoint(w http.ResponseWriter, r *http.Request, snap *snapshot, path string) func() {
	switch path {
	case globalPolicyPath:
		return func() {
			if snap.policies.global == nil {
				s.writeError(w, errNotFound("policy_key"))
				return
			}
			writeObject(w, snap.policies.global)
		}
	case policySummaryPath:
		return func() { writeObject(w, snap.policies.summary) }
	case calculatePath:
		return func() { s.calculate(snap, w, r) }
	}
	return nil
}
