package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource"

	"github.com/idaudit/terraform-provider-duo/internal/duo"
)

var settingsSpec = newObjectSpec(
	stringField("name", "The account's name, as users see it in Duo's prompts and emails.", func(s *duo.Settings) *string { return s.Name }),
	stringField("caller_id", "The phone number Duo's calls come from; may be empty.", func(s *duo.Settings) *string { return s.CallerID }),
	stringField("fraud_email", "The address that fraud reports go to; empty when every administrator is alerted.", func(s *duo.Settings) *string { return s.FraudEmail }),
	boolField("fraud_email_enabled", "Whether fraud reports are emailed.", func(s *duo.Settings) *duo.Bool { return s.FraudEmailEnabled }),
	stringField("helpdesk_bypass", "Whether Help Desk administrators may give bypass codes: `allow`, `limit` (only with an expiration of `helpdesk_bypass_expiration`) or `deny`.", func(s *duo.Settings) *string { return s.HelpdeskBypass }),
	int64Field("helpdesk_bypass_expiration", "With `helpdesk_bypass = \"limit\"`, the minutes after which Help Desk bypass codes expire; `0` when not limited.", func(s *duo.Settings) *duo.Int { return s.HelpdeskBypassExpiration }),
	boolField("helpdesk_can_send_enroll_email", "Whether Help Desk administrators may send enrollment emails.", func(s *duo.Settings) *duo.Bool { return s.HelpdeskCanSendEnrollEmail }),
	stringField("helpdesk_message", "The message shown to Help Desk administrators; may be empty.", func(s *duo.Settings) *string { return s.HelpdeskMessage }),
	int64Field("inactive_user_expiration", "After how many days without a login a user is deleted; `0` when never.", func(s *duo.Settings) *duo.Int { return s.InactiveUserExpiration }),
	stringField("keypress_confirm", "The key a user presses to approve a phone call; empty for any key.", func(s *duo.Settings) *string { return s.KeypressConfirm }),
	stringField("keypress_fraud", "The key a user presses to report a phone call as fraud; empty for any key.", func(s *duo.Settings) *string { return s.KeypressFraud }),
	stringField("language", "The language of Duo's phone calls and SMS: `EN`, `DE` or `FR`.", func(s *duo.Settings) *string { return s.Language }),
	int64Field("lockout_expire_duration", "How many minutes a user locked out by failed attempts stays locked out; null or `0` when the user stays locked out until an administrator unlocks them.", func(s *duo.Settings) *duo.Int { return s.LockoutExpireDuration }),
	int64Field("lockout_threshold", "After how many failed authentication attempts a user is locked out.", func(s *duo.Settings) *duo.Int { return s.LockoutThreshold }),
	int64Field("log_retention_days", "How many days Duo keeps the account's logs; null or `0` when it keeps them forever.", func(s *duo.Settings) *duo.Int { return s.LogRetentionDays }),
	int64Field("minimum_password_length", "The shortest password an administrator may set.", func(s *duo.Settings) *duo.Int { return s.MinimumPasswordLength }),
	boolField("password_requires_lower_alpha", "Whether administrators' passwords must hold a lower-case letter.", func(s *duo.Settings) *duo.Bool { return s.PasswordRequiresLowerAlpha }),
	boolField("password_requires_numeric", "Whether administrators' passwords must hold a digit.", func(s *duo.Settings) *duo.Bool { return s.PasswordRequiresNumeric }),
	boolField("password_requires_special", "Whether administrators' passwords must hold a special character.", func(s *duo.Settings) *duo.Bool { return s.PasswordRequiresSpecial }),
	boolField("password_requires_upper_alpha", "Whether administrators' passwords must hold an upper-case letter.", func(s *duo.Settings) *duo.Bool { return s.PasswordRequiresUpperAlpha }),
	int64Field("pending_deletion_days", "How many days deleted users stay in the trash (`pending deletion`) before Duo removes them.", func(s *duo.Settings) *duo.Int { return s.PendingDeletionDays }),
	boolField("security_checkup_enabled", "Whether Duo's security checkup is enabled.", func(s *duo.Settings) *duo.Bool { return s.SecurityCheckupEnabled }),
	int64Field("sms_batch", "How many passcodes one SMS carries.", func(s *duo.Settings) *duo.Int { return s.SMSBatch }),
	int64Field("sms_expiration", "After how many minutes SMS passcodes expire; `0` when never.", func(s *duo.Settings) *duo.Int { return s.SMSExpiration }),
	stringField("sms_message", "The text that precedes passcodes in an SMS; may be empty.", func(s *duo.Settings) *string { return s.SMSMessage }),
	int64Field("sms_refresh", "`1` when a new batch of SMS passcodes is sent once the last one is used, else `0`.", func(s *duo.Settings) *duo.Int { return (*duo.Int)(s.SMSRefresh) }),
	int64Field("telephony_warning_min", "Below how many telephony credits administrators are warned; `0` when never.", func(s *duo.Settings) *duo.Int { return s.TelephonyWarningMin }),
	stringField("timezone", "The account's time zone, such as `UTC` or `US/Eastern`.", func(s *duo.Settings) *string { return s.Timezone }),
	int64Field("unenrolled_user_lockout_threshold", "After how many days without enrolling a new user is locked out; `0` when never.", func(s *duo.Settings) *duo.Int { return s.UnenrolledUserLockoutThreshold }),
	boolField("user_managers_can_put_users_in_bypass", "Whether User Manager administrators may put users in bypass.", func(s *duo.Settings) *duo.Bool { return s.UserManagersCanPutUsersInBypass }),
	float64Field("user_telephony_cost_max", "The most telephony credits one authentication may cost; a call or SMS to a costlier destination is refused.", func(s *duo.Settings) *duo.Float { return s.UserTelephonyCostMax }),
	boolField("email_activity_notification_enabled", "Whether users are emailed when a device or method is added to their account.", func(s *duo.Settings) *duo.Bool { return s.EmailActivityNotificationEnabled }),
	boolField("push_activity_notification_enabled", "Whether users get a Duo Push notification when a device or method is added to their account.", func(s *duo.Settings) *duo.Bool { return s.PushActivityNotificationEnabled }),
	boolField("enrollment_universal_prompt_enabled", "Whether new users enroll in the Universal Prompt.", func(s *duo.Settings) *duo.Bool { return s.EnrollmentUniversalPromptEnabled }),
)

// duo_settings: the account's settings.
var settingsObject = object[duo.Settings]{
	name: "settings",
	what: "account settings",
	description: "Reads the settings of the Duo account, such as its lockout thresholds and its rules for enrollment, bypass codes and telephony, with the Admin API's [`GET /admin/v1/settings`](https://duo.com/docs/adminapi#retrieve-settings). " +
		"The Admin API application needs the \"Grant settings\" permission.",
	spec: settingsSpec,
	fetch: func(ctx context.Context, client *account) (*duo.Settings, error) {
		return client.GetSettings(ctx)
	},
}

func newSettingsDataSource() datasource.DataSource {
	return settingsObject.dataSource()
}
