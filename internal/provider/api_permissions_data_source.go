package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource"

	"github.com/idaudit/terraform-provider-duo/internal/duo"
)

// readGrantField and writeGrantField are the grants of duo_api_permissions.
func readGrantField(name, permission, what string, get func(*duo.Permissions) *duo.Bool) field[duo.Permissions] {
	return boolField(name, "Whether the key may read "+what+" (the Admin Panel's "+permission+"), "+
		"from the application's own record, or else from one small read.", get)
}

func writeGrantField(name, permission, what string, get func(*duo.Permissions) *duo.Bool) field[duo.Permissions] {
	return boolField(name, "Whether the key may change "+what+" (the Admin Panel's "+permission+"). "+
		"Null when `learned_from` is `probes`, since it cannot be told without writing, or when the application's record lacks the flag (older records lack the newer ones). "+
		"True is an audit finding for a key that only reads.", get)
}

var permissionsSpec = newObjectSpec(
	stringField("integration_key", "The integration key the provider is configured with, whose permissions these are.", func(p *duo.Permissions) *string { return &p.IntegrationKey }),
	stringField("learned_from", "How the permissions were learned: `integration`, from the `adminapi_*` flags of the key's own Admin API application, "+
		"which name every grant; or `probes`, from one small read for each read grant, when the key may not read its own application "+
		"(it lacks \"Grant applications\") or Duo holds none for it (an Accounts API key reading a child account), and the write grants are then null.",
		func(p *duo.Permissions) *string { return &p.LearnedFrom }),
	readGrantField("read_resource", "\"Grant read resource\", or \"Grant resource - Read\"", "users, groups, phones, tokens, bypass codes, credentials, endpoints and policies",
		func(p *duo.Permissions) *duo.Bool { return p.ReadResource }),
	readGrantField("read_log", "\"Grant read log\", or \"Grant log - Read\"", "the logs and Trust Monitor", func(p *duo.Permissions) *duo.Bool { return p.ReadLog }),
	readGrantField("read_information", "\"Grant read information\"", "the account summary and the info reports", func(p *duo.Permissions) *duo.Bool { return p.ReadInformation }),
	readGrantField("settings", "\"Grant settings\"", "the account's settings", func(p *duo.Permissions) *duo.Bool { return p.Settings }),
	readGrantField("administrators", "\"Grant administrators - Read\", or \"Grant administrators\"", "administrators, administrative units and how administrators log in",
		func(p *duo.Permissions) *duo.Bool { return p.Administrators }),
	readGrantField("applications", "\"Grant applications\"", "integrations and their secret keys", func(p *duo.Permissions) *duo.Bool { return p.Applications }),
	writeGrantField("write_resource", "\"Grant write resource\", `adminapi_write_resource`", "users, groups, phones, tokens and bypass codes",
		func(p *duo.Permissions) *duo.Bool { return p.WriteResource }),
	writeGrantField("administrators_write", "\"Grant administrators\", `adminapi_admins`, beside the read-only `adminapi_admins_read`", "administrators",
		func(p *duo.Permissions) *duo.Bool { return p.AdministratorsWrite }),
	writeGrantField("applications_write", "\"Grant applications\", `adminapi_integrations`, which allows reading and changing both", "integrations",
		func(p *duo.Permissions) *duo.Bool { return p.ApplicationsWrite }),
	writeGrantField("settings_write", "\"Grant settings\", `adminapi_settings`, which allows reading and changing both", "the account's settings",
		func(p *duo.Permissions) *duo.Bool { return p.SettingsWrite }),
	writeGrantField("set_permissions", "\"Grant allow to set permissions\", `adminapi_allow_to_set_permissions`", "the permissions of Admin API applications, its own included",
		func(p *duo.Permissions) *duo.Bool { return p.SetPermissions }),
)

// duo_api_permissions: what the provider's own key may do.
var apiPermissionsObject = object[duo.Permissions]{
	name: "api_permissions",
	what: "Admin API application's permissions",
	description: "Reads what the provider's own key may do in Duo: the first thing to plan with a new key, and what a module reads to check only what its key may read, " +
		"reporting the rest as unknown rather than failing the plan. It is the one data source that a missing permission does not fail. " +
		"The provider first reads the key's own Admin API application, with [`GET /admin/v3/integrations/{integration_key}`](https://duo.com/docs/adminapi#retrieve-integration-by-integration-key), " +
		"whose `adminapi_*` flags name every grant, those that change Duo included. " +
		"When Duo refuses that (the key lacks \"Grant applications\") or holds no such application (an Accounts API key reading a child account), " +
		"it sends one small read for each read grant instead (`GET /admin/v1/users?limit=1`, `/admin/v1/admins?limit=1`, `/admin/v3/integrations?limit=1`, " +
		"`/admin/v1/settings`, `/admin/v1/info/summary` and `/admin/v1/logs/administrator` from now on): HTTP 403 with Duo's code 40301 is `false`, an answer `true`, " +
		"and any other failure fails the read. The write grants are then null, since they cannot be told without writing.\n\n" +
		"A key that may change Duo (`write_resource`, `administrators_write`, `applications_write`, `settings_write` or `set_permissions` true) is an audit finding: " +
		"this provider only reads, and a leaked key with write grants can put users in bypass, add administrators or read every application's secret key. " +
		"Give the provider an Admin API application with read grants only.",
	spec: permissionsSpec,
	fetch: func(ctx context.Context, client *account) (*duo.Permissions, error) {
		return client.Permissions(ctx)
	},
}

func newAPIPermissionsDataSource() datasource.DataSource {
	return apiPermissionsObject.dataSource()
}
