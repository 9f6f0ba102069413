package duo

import "context"

// Endpoint is a device that reached an application Duo protects, as Duo's
// endpoint listing shows it. Duo sends "" for what it does not know.
type Endpoint struct {
	Epkey                *string `json:"epkey"`
	Email                *string `json:"email"`
	Username             *string `json:"username"`
	DeviceName           *string `json:"device_name"`
	DeviceUsername       *string `json:"device_username"`
	DeviceUsernameType   *string `json:"device_username_type"`
	DeviceID             *string `json:"device_id"`
	DeviceIdentifier     *string `json:"device_identifier"`
	DeviceIdentifierType *string `json:"device_identifier_type"`
	DeviceUDID           *string `json:"device_udid"`
	ComputerSID          *string `json:"computer_sid"`
	CPUID                *string `json:"cpu_id"`
	DomainSID            *string `json:"domain_sid"`
	HardwareUUID         *string `json:"hardware_uuid"`
	MachineGUID          *string `json:"machine_guid"`
	Model                *string `json:"model"`
	Type                 *string `json:"type"`
	OSFamily             *string `json:"os_family"`
	OSVersion            *string `json:"os_version"`
	OSBuild              *string `json:"os_build"`
	DiskEncryptionStatus *string `json:"disk_encryption_status"`
	FirewallStatus       *string `json:"firewall_status"`
	PasswordStatus       *string `json:"password_status"`
	TrustedEndpoint      *string `json:"trusted_endpoint"`
	// Duo Desktop's health data, which older accounts do not send.
	HealthAppClientVersion *string `json:"health_app_client_version"`
	// HealthDataLastCollected is a Unix-seconds number in Duo's
	// documentation and "" in payloads captured from Duo: it is kept as
	// Duo wrote it.
	HealthDataLastCollected *Text           `json:"health_data_last_collected"`
	LastUpdated             *Int            `json:"last_updated"`
	SecurityAgents          []SecurityAgent `json:"security_agents"`
	Browsers                []Browser       `json:"browsers"`
}

// SecurityAgent is a security agent that Duo Desktop found on an endpoint.
type SecurityAgent struct {
	SecurityAgent *string `json:"security_agent"`
	Version       *string `json:"version"`
}

// Browser is a browser an endpoint reached Duo with.
type Browser struct {
	BrowserFamily  *string `json:"browser_family"`
	BrowserVersion *string `json:"browser_version"`
	FlashVersion   *string `json:"flash_version"`
	JavaVersion    *string `json:"java_version"`
	LastUsed       *Int    `json:"last_used"`
}

// MaxEndpointPageSize is the largest page of endpoints the Admin API
// serves, as copies of Duo's documentation give it; the listing adapts to
// smaller pages.
const MaxEndpointPageSize = 500

var endpointsAPI = endpoint[Endpoint]{
	path: "/admin/v1/endpoints", what: "endpoints", pageSize: MaxEndpointPageSize,
	permission: permissionReadResource, id: func(e *Endpoint) *string { return e.Epkey },
}

// StreamEndpoints sends every endpoint Duo knows of, in Duo's order, to
// sink.
func (c *Client) StreamEndpoints(ctx context.Context, sink PageSink[Endpoint]) error {
	return endpointsAPI.stream(ctx, c, nil, sink)
}
