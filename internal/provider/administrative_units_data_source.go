package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource"

	"github.com/idaudit/terraform-provider-duo/internal/duo"
)

var administrativeUnitSpec = newObjectSpec(
	stringField("admin_unit_id", "The administrative unit's ID.", func(u *duo.AdministrativeUnit) *string { return u.AdminUnitID }),
	stringField("name", "The administrative unit's name.", func(u *duo.AdministrativeUnit) *string { return u.Name }),
	stringField("description", "The administrative unit's description; may be empty.", func(u *duo.AdministrativeUnit) *string { return u.Description }),
	boolField("restrict_by_groups", "Whether the unit's administrators may only manage the users of the unit's groups.", func(u *duo.AdministrativeUnit) *duo.Bool { return u.RestrictByGroups }),
	boolField("restrict_by_integrations", "Whether the unit's administrators may only manage the unit's integrations.", func(u *duo.AdministrativeUnit) *duo.Bool { return u.RestrictByIntegrations }),
	stringListField("admins", "The IDs of the unit's administrators (`admin_id` in `duo_admins`).", func(u *duo.AdministrativeUnit) []string { return u.Admins }),
	stringListField("groups", "The IDs of the unit's groups (`group_id` in `duo_groups`).", func(u *duo.AdministrativeUnit) []string { return u.Groups }),
	stringListField("integrations", "The integration keys of the unit's integrations (`integration_key` in `duo_integrations`).", func(u *duo.AdministrativeUnit) []string { return u.Integrations }),
)

// duo_administrative_units: the Admin API's administrative unit listing.
var administrativeUnitsListing = listing[duo.AdministrativeUnit]{
	name: "administrative_units",
	what: "administrative units",
	description: "Lists the administrative units of the Duo account, which restrict administrators to some users, groups and integrations, with the Admin API's [`GET /admin/v1/administrative_units`](https://duo.com/docs/adminapi#retrieve-administrative-units): " +
		"every page, in the order Duo lists them, each with its administrators, groups and integrations. " +
		"Duo's listing leaves those out, so the provider reads each unit that lacks them by ID as well (one request a unit). " +
		"The Admin API application needs the \"Grant administrators - Read\" permission (\"Grant administrators\" in older Admin Panels).",
	objects: "The administrative units, in the order Duo lists them.",
	spec:    administrativeUnitSpec,
	list: func(ctx context.Context, client *account, _ *arguments, sink duo.PageSink[duo.AdministrativeUnit]) error {
		units, err := client.ListAdministrativeUnits(ctx)
		if err != nil {
			return err
		}
		sink.Add(units)
		return nil
	},
}

func newAdministrativeUnitsDataSource() datasource.DataSource {
	return administrativeUnitsListing.dataSource()
}
