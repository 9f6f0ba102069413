package provider

import (
	"context"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/datasource"

	"github.com/idaudit/terraform-provider-duo/internal/duo"
)

// duo_admin: one administrator, by ID or by email address.
var adminObject = object[duo.Admin]{
	name: "admin",
	what: "administrator",
	description: "Reads one Duo administrator, by ID (through [`GET /admin/v1/admins/{admin_id}`](https://duo.com/docs/adminapi#retrieve-administrator-by-id)) " +
		"or by email address (through [`GET /admin/v1/admins`](https://duo.com/docs/adminapi#retrieve-administrators)). " +
		"An administrator that does not exist is an error. " +
		"The Admin API application needs the \"Grant administrators - Read\" permission (\"Grant administrators\" in older Admin Panels).",
	spec: adminSpec,
	lookups: []lookup[duo.Admin]{
		{
			argument: "admin_id",
			description: "The ID of the administrator to read. Exactly one of `admin_id` and `email` must be set. " +
				"When the plan has read the administrator listing, or is reading it (for a `duo_admins`, or a `duo_admin` by `email`), the administrator is found in it without a request of its own; one that the listing lacks is asked of Duo before it is reported missing.",
			find: func(ctx context.Context, client *account, adminID string) (*duo.Admin, error) {
				return client.adminWithID(ctx, adminID)
			},
			notFound: "No Duo administrator has the ID %q. Check the ID, or look the administrator up by email instead.",
		},
		{
			argument: "email",
			description: "The email address of the administrator to read, matched without regard to case. Exactly one of `admin_id` and `email` must be set. " +
				"The Admin API cannot look administrators up by email, so the provider reads the administrator listing to find it. After the read it holds the administrator's email address as Duo spells it.",
			find:     adminWithEmail,
			notFound: "No Duo administrator has the email address %q. Check the spelling, or use the duo_admins data source to list the administrators.",
		},
	},
}

func newAdminDataSource() datasource.DataSource {
	return adminObject.dataSource()
}

// adminWithEmail finds the administrator who logs in with email; Duo
// treats email addresses without regard to case.
func adminWithEmail(ctx context.Context, client *account, email string) (*duo.Admin, error) {
	admins, err := client.admins(ctx)
	if err != nil {
		return nil, err
	}
	for i := range admins {
		if admins[i].Email != nil && strings.EqualFold(*admins[i].Email, email) {
			return &admins[i], nil
		}
	}
	return nil, nil
}
