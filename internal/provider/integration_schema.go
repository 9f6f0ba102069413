package provider

import (
	"github.com/idaudit/terraform-provider-duo/internal/duo"
)

// The Duo integration object, shared by the duo_integrations and
// duo_integration data sources. It holds no secret: only duo_integration
// adds the secret key, and only when asked.

// adminAPIGrant is an Admin API permission flag of an integration.
func adminAPIGrant(name, grant string, get func(*duo.Integration) *duo.FlexInt) field[duo.Integration] {
	return int64Field(name, "`1` when this Admin API application has the "+grant+" permission, else `0`. Always `0` for integrations of other types.",
		func(i *duo.Integration) *duo.Int { return (*duo.Int)(get(i)) })
}

// flag is an integration setting that Duo sends as `0` or `1`.
func flag(name, description string, get func(*duo.Integration) *duo.FlexInt) field[duo.Integration] {
	return int64Field(name, description, func(i *duo.Integration) *duo.Int { return (*duo.Int)(get(i)) })
}

var integrationSpec = newObjectSpec(
	stringField("integration_key", "The integration key, such as `DIWJ8X6AEYOR5OMC6TQ1`.", func(i *duo.Integration) *string { return i.IntegrationKey }),
	stringField("name", "The integration's name.", func(i *duo.Integration) *string { return i.Name }),
	stringField("type", "The integration's type, such as `adminapi`, `accountsapi`, `authapi`, `websdk`, `sso-generic`, `rdp` or `unix`; Duo adds new types.", func(i *duo.Integration) *string { return i.Type }),
	stringField("notes", "Notes about the integration; may be empty.", func(i *duo.Integration) *string { return i.Notes }),
	stringField("greeting", "The greeting of Duo's voice calls for this integration; may be empty.", func(i *duo.Integration) *string { return i.Greeting }),
	stringField("enroll_policy", "Legacy: what happens to users who have not enrolled: `enroll`, `allow` or `deny`.", func(i *duo.Integration) *string { return i.EnrollPolicy }),
	stringField("user_access", "Who may use the integration: `ALL_USERS`, `NO_USERS` or `PERMITTED_GROUPS` (the groups in `groups_allowed`).", func(i *duo.Integration) *string { return i.UserAccess }),
	stringListField("groups_allowed", "The IDs of the groups whose users may use the integration; empty when every group may.", func(i *duo.Integration) []string { return i.GroupsAllowed }),
	stringListField("ip_whitelist", "The IP addresses, ranges and CIDR blocks from which users may skip two-factor authentication; null when Duo does not send it.", func(i *duo.Integration) []string { return i.IPWhitelist }),
	stringField("ip_whitelist_enroll_policy", "What happens to users without a device who log in from `ip_whitelist`: `enforce` or `allow`; null when Duo does not send it.", func(i *duo.Integration) *string { return i.IPWhitelistEnrollPolicy }),
	stringField("networks_for_api_access", "For Admin API and Accounts API applications, the networks from which the application may call Duo, comma-separated; empty for any network. Null for other types.", func(i *duo.Integration) *string { return i.NetworksForAPIAccess }),
	stringField("policy_key", "The key of the custom policy applied to the integration; null when it follows the global policy.", func(i *duo.Integration) *string { return i.PolicyKey }),
	stringField("username_normalization_policy", "How Duo normalises usernames for the integration: `None` or `Simple`.", func(i *duo.Integration) *string { return i.UsernameNormalizationPolicy }),
	flag("self_service_allowed", "`1` when users may manage their own devices from the integration's prompt, else `0`.", func(i *duo.Integration) *duo.FlexInt { return i.SelfServiceAllowed }),
	flag("frameless_auth_prompt_enabled", "`1` when the integration uses Duo's frameless Universal Prompt, else `0`; null until Duo enables it for the integration.", func(i *duo.Integration) *duo.FlexInt { return i.FramelessAuthPromptEnabled }),
	flag("prompt_v4_enabled", "`1` when the Universal Prompt is activated for the integration, else `0`; null unless `frameless_auth_prompt_enabled` is `1`.", func(i *duo.Integration) *duo.FlexInt { return i.PromptV4Enabled }),
	flag("trusted_device_days", "How many days a device stays trusted for the integration; null when Duo does not send it.", func(i *duo.Integration) *duo.FlexInt { return i.TrustedDeviceDays }),
	flag("web_referers_enabled", "`1` when the integration checks the web referers of its requests, else `0`; null when Duo does not send it.", func(i *duo.Integration) *duo.FlexInt { return i.WebReferersEnabled }),
	stringField("missing_web_referer_policy", "What happens to a request without a web referer; null when Duo does not send it.", func(i *duo.Integration) *string { return i.MissingWebRefererPolicy }),
	adminAPIGrant("adminapi_admins", `"Grant administrators"`, func(i *duo.Integration) *duo.FlexInt { return i.AdminAPIAdmins }),
	adminAPIGrant("adminapi_admins_read", `"Grant administrators - Read"`, func(i *duo.Integration) *duo.FlexInt { return i.AdminAPIAdminsRead }),
	adminAPIGrant("adminapi_allow_to_set_permissions", `"Allow to set permissions"`, func(i *duo.Integration) *duo.FlexInt { return i.AdminAPIAllowToSetPermissions }),
	adminAPIGrant("adminapi_info", `"Grant read information"`, func(i *duo.Integration) *duo.FlexInt { return i.AdminAPIInfo }),
	adminAPIGrant("adminapi_integrations", `"Grant applications"`, func(i *duo.Integration) *duo.FlexInt { return i.AdminAPIIntegrations }),
	adminAPIGrant("adminapi_read_log", `"Grant read log"`, func(i *duo.Integration) *duo.FlexInt { return i.AdminAPIReadLog }),
	adminAPIGrant("adminapi_read_resource", `"Grant read resource"`, func(i *duo.Integration) *duo.FlexInt { return i.AdminAPIReadResource }),
	adminAPIGrant("adminapi_settings", `"Grant settings"`, func(i *duo.Integration) *duo.FlexInt { return i.AdminAPISettings }),
	adminAPIGrant("adminapi_write_resource", `"Grant write resource"`, func(i *duo.Integration) *duo.FlexInt { return i.AdminAPIWriteResource }),
	stringField("sso", "For SSO integrations, their SSO settings (SAML, OIDC or OAuth, depending on the type) as JSON, to read with `jsondecode`; null for other integrations. "+
		"Client secrets are left out.", func(i *duo.Integration) *string {
		if i.SSO == nil {
			return nil
		}
		return &i.SSO.JSON
	}),
)
