package fakeduo

import (
	"encoding/json"
	"fmt"
	"strconv"
)

const endpointsPath = "/admin/v1/endpoints"

// endpointsListing pages as copies of Duo's documentation give it (default
// 100, max 500).
var endpointsListing = listing{endpointsPath, 100, 500}

// Endpoint is a device that reached an application Duo protects, as GET
// /admin/v1/endpoints sends it. Duo sends "" for what it does not know,
// never null.
type Endpoint struct {
	Epkey string `json:"epkey"`
	// UserID is the user who last used the endpoint, sent as its
	// "username" and "email"; "" sends both as "".
	UserID               string    `json:"-"`
	DeviceName           string    `json:"device_name"`
	DeviceUsername       string    `json:"device_username"`
	DeviceUsernameType   string    `json:"device_username_type"`
	DeviceID             string    `json:"device_id"`
	DeviceIdentifier     string    `json:"device_identifier"`
	DeviceIdentifierType string    `json:"device_identifier_type"`
	DeviceUDID           string    `json:"device_udid"`
	ComputerSID          string    `json:"computer_sid"`
	CPUID                string    `json:"cpu_id"`
	DomainSID            string    `json:"domain_sid"`
	HardwareUUID         string    `json:"hardware_uuid"`
	MachineGUID          string    `json:"machine_guid"`
	Model                string    `json:"model"`
	Type                 string    `json:"type"`
	OSFamily             string    `json:"os_family"`
	OSVersion            string    `json:"os_version"`
	OSBuild              string    `json:"os_build"`
	DiskEncryptionStatus string    `json:"disk_encryption_status"` // On, Off, Unknown
	FirewallStatus       string    `json:"firewall_status"`        // On, Off, Unknown
	PasswordStatus       string    `json:"password_status"`        // Set, Unset, Unknown
	TrustedEndpoint      string    `json:"trusted_endpoint"`       // yes, no
	LastUpdated          int64     `json:"last_updated"`
	Browsers             []Browser `json:"browsers"` // nil is sent as []

	// Duo Desktop's health data, which Older leaves out as older accounts
	// do.
	Older                  bool            `json:"-"`
	HealthAppClientVersion string          `json:"-"`
	SecurityAgents         []SecurityAgent `json:"-"` // nil is sent as []
	// HealthDataLastCollected is sent as Unix seconds, as Duo's
	// documentation shows it, or as "" when nil, as payloads captured
	// from Duo show it.
	HealthDataLastCollected *int64 `json:"-"`
}

// Browser is a browser an endpoint reached Duo with.
type Browser struct {
	BrowserFamily  string `json:"browser_family"`
	BrowserVersion string `json:"browser_version"`
	FlashVersion   string `json:"flash_version"`
	JavaVersion    string `json:"java_version"`
	LastUsed       int64  `json:"last_used"`
}

// SecurityAgent is a security agent Duo Desktop found on an endpoint.
type SecurityAgent struct {
	SecurityAgent string `json:"security_agent"`
	Version       string `json:"version"`
}

// indexEndpoints encodes endpoints with the username and email of their
// users.
func indexEndpoints(endpoints []Endpoint, users []User, byID map[string]int) (collection, error) {
	for _, e := range endpoints {
		if _, ok := byID[e.UserID]; e.UserID != "" && !ok {
			return collection{}, fmt.Errorf("fakeduo: endpoint %q was last used by user_id %q, which is not among the users", e.Epkey, e.UserID)
		}
	}
	return newCollection("epkey", len(endpoints),
		func(i int) string { return endpoints[i].Epkey },
		func(i int) ([]byte, error) { return endpoints[i].encoded(users, byID) }, nil)
}

func (e Endpoint) encoded(users []User, byID map[string]int) ([]byte, error) {
	if e.Browsers == nil {
		e.Browsers = []Browser{}
	}
	endpoint, err := json.Marshal(e)
	if err != nil {
		return nil, err
	}
	var username, email string
	if e.UserID != "" {
		user := &users[byID[e.UserID]]
		username, email = user.Username, user.Email
	}
	fields := []rawField{{"username", mustMarshal(username)}, {"email", mustMarshal(email)}}
	if !e.Older {
		collected := []byte(`""`)
		if e.HealthDataLastCollected != nil {
			collected = strconv.AppendInt(nil, *e.HealthDataLastCollected, 10)
		}
		agents := e.SecurityAgents
		if agents == nil {
			agents = []SecurityAgent{}
		}
		fields = append(fields,
			rawField{"health_app_client_version", mustMarshal(e.HealthAppClientVersion)},
			rawField{"health_data_last_collected", collected},
			rawField{"security_agents", mustMarshal(agents)})
	}
	return withRawFields(endpoint, fields...), nil
}

// mustMarshal encodes a value that always encodes: a string or a list of
// plain structs.
func mustMarshal(v any) []byte {
	b, err := json.Marshal(v)
	if err != nil {
		panic(err)
	}
	return b
}

var (
	generatedOSFamilies = []string{"Windows", "Mac OS X", "iOS", "Android", "Linux", "Chrome OS"}
	generatedStatuses3  = []string{"On", "Off", "Unknown"}
)

// generatedEndpoint returns endpoint i, last used by userID ("": nobody
// Duo knows). Statuses, trust, browsers, agents and the health data's two
// forms vary with i; every fifth is sent as older accounts send it.
func generatedEndpoint(i int, userID string) Endpoint {
	e := Endpoint{
		Epkey:                generatedID("EP", uint64(i)),
		UserID:               userID,
		DeviceName:           fmt.Sprintf("device-%05d", i+1),
		OSFamily:             generatedOSFamilies[i%len(generatedOSFamilies)],
		OSVersion:            fmt.Sprintf("%d.%d", 10+i%5, i%3),
		DiskEncryptionStatus: generatedStatuses3[i%3],
		FirewallStatus:       generatedStatuses3[(i/3)%3],
		PasswordStatus:       []string{"Set", "Unset", "Unknown"}[(i/2)%3],
		TrustedEndpoint:      []string{"yes", "no"}[i%2],
		LastUpdated:          sampleLastLogin - int64(i)*600,
	}
	if i%9 == 4 {
		e.UserID = ""
	}
	if i%3 == 0 {
		e.DeviceIdentifier, e.DeviceIdentifierType = generatedID("HW", uint64(i)), "hardware_uuid"
		e.HardwareUUID = e.DeviceIdentifier
	}
	for b := range i % 3 {
		e.Browsers = append(e.Browsers, Browser{
			BrowserFamily: []string{"Chrome", "Firefox"}[b], BrowserVersion: fmt.Sprintf("%d.0", 120+i%7),
			FlashVersion: "uninstalled", JavaVersion: "uninstalled", LastUsed: e.LastUpdated - int64(b)*60,
		})
	}
	if i%5 == 3 {
		e.Older = true
		return e
	}
	e.HealthAppClientVersion = []string{"6.3.0.0", "5.1.0.0", ""}[i%3]
	if i%2 == 0 {
		e.HealthDataLastCollected = ptr(e.LastUpdated + 1)
	}
	if i%4 == 0 {
		e.SecurityAgents = []SecurityAgent{{SecurityAgent: "Cisco Secure Endpoint", Version: "8.3.0"}}
	}
	return e
}
