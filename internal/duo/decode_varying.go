package duo

import (
	"bytes"
	"encoding/json"
)

// Fields whose type Duo's sources show varying, each read by one type that
// holds every form; like the types of decode.go, a form none of them
// takes is an error that names it.

// BoolOrString is a device health flag (access_device.is_encryption_enabled
// and its siblings) that Duo sends as a boolean, or as the string
// "unknown" when Duo Desktop could not tell. It holds "true" or "false"
// for a boolean (in any form Bool takes), and any other string as Duo
// sent it.
type BoolOrString string

func (s *BoolOrString) UnmarshalJSON(data []byte) error {
	var flag Bool
	if flag.UnmarshalJSON(data) == nil {
		*s = "false"
		if flag {
			*s = "true"
		}
		return nil
	}
	var text string
	if err := json.Unmarshal(data, &text); err != nil {
		return &valueError{want: `a boolean or a string such as "unknown"`, data: data}
	}
	*s = BoolOrString(text)
	return nil
}

// SecurityAgents are the security agents that Duo Desktop found on a
// device: a list, or a string such as "unknown" when it could not tell.
type SecurityAgents struct {
	// Agents is the list Duo sent; nil when it sent a string.
	Agents []SecurityAgent
	// Unreported is the string Duo sent instead of a list; "" when it
	// sent a list.
	Unreported string
}

func (a *SecurityAgents) UnmarshalJSON(data []byte) error {
	if bytes.HasPrefix(bytes.TrimSpace(data), []byte("[")) {
		agents := []SecurityAgent{}
		if err := json.Unmarshal(data, &agents); err != nil {
			return &valueError{want: `a list of {security_agent, version}, or a string such as "unknown"`, data: data}
		}
		*a = SecurityAgents{Agents: agents}
		return nil
	}
	var text string
	if err := json.Unmarshal(data, &text); err != nil {
		return &valueError{want: `a list of {security_agent, version}, or a string such as "unknown"`, data: data}
	}
	*a = SecurityAgents{Unreported: text}
	return nil
}

// JSONText is a JSON document, kept as its text for the caller to decode:
// the administrator log's description, which Duo sends as a JSON object
// encoded in a string, and the risk assessments of an authentication,
// which Duo sends as objects whose shape it does not document. A string
// holds its text, any other value its compact JSON.
type JSONText string

func (t *JSONText) UnmarshalJSON(data []byte) error {
	var text string
	if json.Unmarshal(data, &text) == nil {
		*t = JSONText(text)
		return nil
	}
	var compact bytes.Buffer
	if err := json.Compact(&compact, data); err != nil {
		return &valueError{want: "JSON", data: data}
	}
	*t = JSONText(compact.String())
	return nil
}

// ActivityAction is the action of an activity log event, which Duo's
// sources show in two forms: its name alone, such as "phone_create"
// (duo_client_python, duo_log_sync), or an object {"name": ...,
// "details": ...} (Elastic's payloads). Details holds what the object
// form sends, as JSON text; nil for the name alone.
type ActivityAction struct {
	Name    *string
	Details *JSONText
}

func (a *ActivityAction) UnmarshalJSON(data []byte) error {
	var name string
	if json.Unmarshal(data, &name) == nil {
		*a = ActivityAction{Name: &name}
		return nil
	}
	var object struct {
		Name    *string   `json:"name"`
		Details *JSONText `json:"details"`
	}
	if !bytes.HasPrefix(bytes.TrimSpace(data), []byte("{")) || json.Unmarshal(data, &object) != nil {
		return &valueError{want: `an action's name, or an object {"name", "details"}`, data: data}
	}
	*a = ActivityAction(object)
	return nil
}

// Address is an IP address, which the activity log sends as {"address":
// "192.0.2.1"} and the other logs as the string itself.
type Address string

func (a *Address) UnmarshalJSON(data []byte) error {
	var text string
	if json.Unmarshal(data, &text) == nil {
		*a = Address(text)
		return nil
	}
	var object struct {
		Address *string `json:"address"`
	}
	if !bytes.HasPrefix(bytes.TrimSpace(data), []byte("{")) || json.Unmarshal(data, &object) != nil || object.Address == nil {
		return &valueError{want: `an IP address, or an object {"address"}`, data: data}
	}
	*a = Address(*object.Address)
	return nil
}
