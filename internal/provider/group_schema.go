package provider

import (
	"github.com/idaudit/terraform-provider-duo/internal/duo"
)

// The group object itself is groupSpec, in user_schema.go, shared with the
// groups listed inside each user.

// groupMemberSpec is a user as a group's member listing shows it.
var groupMemberSpec = newObjectSpec(
	stringField("user_id", "The member's user ID, such as `DU3RP9I2WOC59VZX672N`.", func(m *duo.GroupMember) *string { return m.UserID }),
	stringField("username", "The member's username.", func(m *duo.GroupMember) *string { return m.Username }),
)
