package duo

import "context"

// BypassCode is what Duo tells about a bypass code: never the code itself.
type BypassCode struct {
	BypassCodeID *string `json:"bypass_code_id"`
	AdminEmail   *string `json:"admin_email"`
	Created      *Int    `json:"created"`
	Expiration   *Int    `json:"expiration"`
	ReuseCount   *Int    `json:"reuse_count"`
	// User is the user holding the code, in Duo's short form of a user.
	User *User `json:"user"`
}

// Settings are a Duo account's settings.
type Settings struct {
	Name                             *string  `json:"name"`
	CallerID                         *string  `json:"caller_id"`
	FraudEmail                       *string  `json:"fraud_email"`
	FraudEmailEnabled                *Bool    `json:"fraud_email_enabled"`
	HelpdeskBypass                   *string  `json:"helpdesk_bypass"`
	HelpdeskBypassExpiration         *Int     `json:"helpdesk_bypass_expiration"`
	HelpdeskCanSendEnrollEmail       *Bool    `json:"helpdesk_can_send_enroll_email"`
	HelpdeskMessage                  *string  `json:"helpdesk_message"`
	InactiveUserExpiration           *Int     `json:"inactive_user_expiration"`
	KeypressConfirm                  *string  `json:"keypress_confirm"`
	KeypressFraud                    *string  `json:"keypress_fraud"`
	Language                         *string  `json:"language"`
	LockoutExpireDuration            *Int     `json:"lockout_expire_duration"`
	LockoutThreshold                 *Int     `json:"lockout_threshold"`
	LogRetentionDays                 *Int     `json:"log_retention_days"`
	MinimumPasswordLength            *Int     `json:"minimum_password_length"`
	PasswordRequiresLowerAlpha       *Bool    `json:"password_requires_lower_alpha"`
	PasswordRequiresNumeric          *Bool    `json:"password_requires_numeric"`
	PasswordRequiresSpecial          *Bool    `json:"password_requires_special"`
	PasswordRequiresUpperAlpha       *Bool    `json:"password_requires_upper_alpha"`
	PendingDeletionDays              *Int     `json:"pending_deletion_days"`
	SecurityCheckupEnabled           *Bool    `json:"security_checkup_enabled"`
	SMSBatch                         *Int     `json:"sms_batch"`
	SMSExpiration                    *Int     `json:"sms_expiration"`
	SMSMessage                       *string  `json:"sms_message"`
	SMSRefresh                       *FlexInt `json:"sms_refresh"`
	TelephonyWarningMin              *Int     `json:"telephony_warning_min"`
	Timezone                         *string  `json:"timezone"`
	UnenrolledUserLockoutThreshold   *Int     `json:"unenrolled_user_lockout_threshold"`
	UserManagersCanPutUsersInBypass  *Bool    `json:"user_managers_can_put_users_in_bypass"`
	UserTelephonyCostMax             *Float   `json:"user_telephony_cost_max"`
	EmailActivityNotificationEnabled *Bool    `json:"email_activity_notification_enabled"`
	PushActivityNotificationEnabled  *Bool    `json:"push_activity_notification_enabled"`
	EnrollmentUniversalPromptEnabled *Bool    `json:"enrollment_universal_prompt_enabled"`
}

// AccountSummary is Duo's summary of an account.
type AccountSummary struct {
	Edition                   *string `json:"edition"`
	AdminCount                *Int    `json:"admin_count"`
	IntegrationCount          *Int    `json:"integration_count"`
	TelephonyCreditsRemaining *Int    `json:"telephony_credits_remaining"`
	UserCount                 *Int    `json:"user_count"`
	UserPendingDeletionCount  *Int    `json:"user_pending_deletion_count"`
}

// MaxBypassCodePageSize is the largest page of bypass codes the Admin API
// serves, as recalled from Duo's documentation; the listing adapts to
// smaller pages.
const MaxBypassCodePageSize = 500

var bypassCodesAPI = endpoint[BypassCode]{
	path: "/admin/v1/bypass_codes", what: "bypass codes", pageSize: MaxBypassCodePageSize,
	permission: permissionReadResource, id: func(b *BypassCode) *string { return b.BypassCodeID },
}

// StreamBypassCodes sends what Duo tells of every bypass code, in Duo's
// order, to sink.
func (c *Client) StreamBypassCodes(ctx context.Context, sink PageSink[BypassCode]) error {
	return bypassCodesAPI.stream(ctx, c, nil, sink)
}

// GetSettings returns the account's settings.
func (c *Client) GetSettings(ctx context.Context) (*Settings, error) {
	return getObject[Settings](ctx, c, "/admin/v1/settings", permissionSettings)
}

// GetAccountSummary returns Duo's summary of the account.
func (c *Client) GetAccountSummary(ctx context.Context) (*AccountSummary, error) {
	return getObject[AccountSummary](ctx, c, "/admin/v1/info/summary", permissionInformation)
}
