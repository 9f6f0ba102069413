package duo

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/url"
)

// Policy is a Duo policy as the Admin API's v2 policy endpoints return it.
type Policy struct {
	PolicyKey      *string `json:"policy_key"`
	PolicyName     *string `json:"policy_name"`
	IsGlobalPolicy *Bool   `json:"is_global_policy"`
	// Sections is the policy's section data as Duo sent it: only the
	// sections the policy sets, each an object whose keys Duo adds to over
	// time. Nil when Duo sent none.
	Sections json.RawMessage `json:"sections"`
}

// PolicyApplication is one place where a policy applies: a whole
// application, or a group of users within one.
type PolicyApplication struct {
	AppIntegrationKey *string `json:"app_integration_key"`
	AppName           *string `json:"app_name"`
	// ApplyType is "app" for a whole application, "group_app" for a group
	// within one.
	ApplyType *string `json:"apply_type"`
	GroupName *string `json:"group_name"`
}

// EffectivePolicy is the policy Duo applies to one user in one
// application, as GET /admin/v2/policies/calculate answers.
type EffectivePolicy struct {
	Sections json.RawMessage `json:"sections"`
	// PolicyElements is as Duo sends it; its shape is not documented.
	PolicyElements json.RawMessage `json:"policy_elements"`
}

// MaxPolicyPageSize is the page size Duo's own clients list policies with;
// the largest page Duo serves is not documented, and the listing adapts to
// smaller pages.
const MaxPolicyPageSize = 100

const (
	policiesPath      = "/admin/v2/policies"
	policySummaryPath = policiesPath + "/summary"
)

var policiesAPI = endpoint[Policy]{
	path: policiesPath, what: "policies", pageSize: MaxPolicyPageSize,
	permission: permissionReadResource, id: func(p *Policy) *string { return p.PolicyKey },
}

// Requests to the policy endpoints are signed v5, as every official Duo
// example signs them: get signs every request with duo_api_golang's
// JSONSignedCall, which signs v5.

// ListPolicies returns every policy with its section data, in Duo's order.
func (c *Client) ListPolicies(ctx context.Context) ([]Policy, error) {
	return policiesAPI.list(ctx, c, nil)
}

// GetPolicy returns the policy with the given key; IsNotFound(err) tells
// when there is none.
func (c *Client) GetPolicy(ctx context.Context, policyKey string) (*Policy, error) {
	return policiesAPI.get(ctx, c, policyKey)
}

// GetGlobalPolicy returns the account's global policy.
func (c *Client) GetGlobalPolicy(ctx context.Context) (*Policy, error) {
	return getObject[Policy](ctx, c, policiesPath+"/global", permissionReadResource)
}

// GetPolicySummary returns where the account's policies apply.
func (c *Client) GetPolicySummary(ctx context.Context) (*PolicySummary, error) {
	return getObject[PolicySummary](ctx, c, policySummaryPath, permissionReadResource)
}

// CalculatePolicy returns the policy that Duo applies to the user with
// userID in the application with integrationKey. IsNotFound(err) tells
// when Duo knows no such user or application.
func (c *Client) CalculatePolicy(ctx context.Context, integrationKey, userID string) (*EffectivePolicy, error) {
	var answer envelope[*EffectivePolicy]
	path := policiesPath + "/calculate"
	params := url.Values{"integration_key": {integrationKey}, "user_id": {userID}}
	if err := get(ctx, c.newCall(ctx), path, params, permissionReadResource, &answer); err != nil {
		return nil, err
	}
	if answer.Response == nil {
		return nil, fmt.Errorf("Duo answered GET %s without an object", path)
	}
	return answer.Response, nil
}

// PolicySummary is where policies apply, as GET /admin/v2/policies/summary
// tells. Its shape is not documented by Duo: it is read from an object
// whose "policies" list holds, for each policy, its policy_key and its
// policy_applies_to list (the shape third-party tests show), and also from
// a bare list of those entries, and with applies_to for
// policy_applies_to. An answer in no such shape is an error.
type PolicySummary struct {
	// appliesTo holds, by policy key, the places each policy the summary
	// lists applies to; nil for one listed without them.
	appliesTo map[string][]PolicyApplication
	// truncated is Duo's response_is_truncated: some policies are left out.
	truncated bool
}

// summaryEntry is one policy of the summary.
type summaryEntry struct {
	PolicyKey       *string              `json:"policy_key"`
	PolicyAppliesTo *[]PolicyApplication `json:"policy_applies_to"`
	AppliesTo       *[]PolicyApplication `json:"applies_to"`
}

func (s *PolicySummary) UnmarshalJSON(data []byte) error {
	unreadable := &valueError{want: `an object with a "policies" list of policies, each with its policy_key and policy_applies_to`, data: data}
	var entries []summaryEntry
	trimmed := bytes.TrimSpace(data)
	if len(trimmed) > 0 && trimmed[0] == '[' {
		if err := json.Unmarshal(data, &entries); err != nil {
			return err
		}
	} else {
		var summary struct {
			Policies  *[]summaryEntry `json:"policies"`
			Truncated *Bool           `json:"response_is_truncated"`
		}
		if err := json.Unmarshal(data, &summary); err != nil {
			return err
		}
		if summary.Policies == nil {
			return unreadable
		}
		entries = *summary.Policies
		s.truncated = summary.Truncated != nil && bool(*summary.Truncated)
	}
	s.appliesTo = make(map[string][]PolicyApplication, len(entries))
	for _, entry := range entries {
		if entry.PolicyKey == nil {
			return unreadable
		}
		places := entry.PolicyAppliesTo
		if places == nil {
			places = entry.AppliesTo
		}
		var applications []PolicyApplication
		if places != nil {
			// Listed with an empty list: the policy applies nowhere.
			applications = append([]PolicyApplication{}, *places...)
		}
		s.appliesTo[*entry.PolicyKey] = applications
	}
	return nil
}

// AppliesTo returns where policy applies. The global policy applies
// wherever no other policy does, so a summary that does not list it leaves
// it nil; any other policy the summary does not place is an error, never
// an empty list, since it would read as "applies nowhere".
func (s *PolicySummary) AppliesTo(policy *Policy) ([]PolicyApplication, error) {
	if policy.PolicyKey == nil {
		return nil, fmt.Errorf("Duo sent a policy without a policy_key, so where it applies cannot be told. Retry later; if it persists, report it to Duo support")
	}
	key := *policy.PolicyKey
	name := ""
	if policy.PolicyName != nil {
		name = fmt.Sprintf(" (%q)", *policy.PolicyName)
	}
	applications, listed := s.appliesTo[key]
	switch {
	case listed && applications == nil:
		return nil, fmt.Errorf("Duo answered GET %s with policy %s%s but without its policy_applies_to, so where it applies cannot be told. "+
			"Please report it at https://github.com/idaudit/terraform-provider-duo/issues with this message", policySummaryPath, key, name)
	case listed:
		return applications, nil
	case policy.IsGlobalPolicy != nil && bool(*policy.IsGlobalPolicy):
		return nil, nil
	case s.truncated:
		return nil, fmt.Errorf("Duo answered GET %s with a truncated summary (response_is_truncated) that leaves out policy %s%s, so where it applies cannot be told. "+
			"Retry later; if it persists, report it to Duo support", policySummaryPath, key, name)
	}
	return nil, fmt.Errorf("Duo answered GET %s without policy %s%s, so where it applies cannot be told. The policy may have been created meanwhile: retry. "+
		"If it persists, please report it at https://github.com/idaudit/terraform-provider-duo/issues with this message", policySummaryPath, key, name)
}
