package fakeduo

import (
	"encoding/json"
	"fmt"
	"math"
	"strconv"
	"strings"
)

const (
	settingsPath = "/admin/v1/settings"
	summaryPath  = "/admin/v1/info/summary"
)

// Settings is the account's settings as GET /admin/v1/settings sends them.
type Settings struct {
	Name            string `json:"name"`
	CallerID        string `json:"caller_id"`
	FraudEmail      string `json:"fraud_email"` // "": every admin is alerted
	HelpdeskMessage string `json:"helpdesk_message"`
	SMSMessage      string `json:"sms_message"`
	Timezone        string `json:"timezone"`
	Language        string `json:"language"`         // EN, DE, FR
	KeypressConfirm string `json:"keypress_confirm"` // "": any key
	KeypressFraud   string `json:"keypress_fraud"`
	HelpdeskBypass  string `json:"helpdesk_bypass"` // allow, limit, deny

	FraudEmailEnabled                bool `json:"fraud_email_enabled"`
	HelpdeskCanSendEnrollEmail       bool `json:"helpdesk_can_send_enroll_email"`
	PasswordRequiresLowerAlpha       bool `json:"password_requires_lower_alpha"`
	PasswordRequiresNumeric          bool `json:"password_requires_numeric"`
	PasswordRequiresSpecial          bool `json:"password_requires_special"`
	PasswordRequiresUpperAlpha       bool `json:"password_requires_upper_alpha"`
	SecurityCheckupEnabled           bool `json:"security_checkup_enabled"`
	UserManagersCanPutUsersInBypass  bool `json:"user_managers_can_put_users_in_bypass"`
	EmailActivityNotificationEnabled bool `json:"email_activity_notification_enabled"`
	PushActivityNotificationEnabled  bool `json:"push_activity_notification_enabled"`
	EnrollmentUniversalPromptEnabled bool `json:"enrollment_universal_prompt_enabled"`

	HelpdeskBypassExpiration       int `json:"helpdesk_bypass_expiration"`
	InactiveUserExpiration         int `json:"inactive_user_expiration"`
	LockoutThreshold               int `json:"lockout_threshold"`
	MinimumPasswordLength          int `json:"minimum_password_length"`
	PendingDeletionDays            int `json:"pending_deletion_days"`
	SMSBatch                       int `json:"sms_batch"`
	SMSExpiration                  int `json:"sms_expiration"`
	TelephonyWarningMin            int `json:"telephony_warning_min"`
	UnenrolledUserLockoutThreshold int `json:"unenrolled_user_lockout_threshold"`

	LockoutExpireDuration *int    `json:"lockout_expire_duration"` // null: locked until an admin acts
	LogRetentionDays      *int    `json:"log_retention_days"`      // null: kept forever
	SMSRefresh            int     `json:"sms_refresh"`             // 0/1
	UserTelephonyCostMax  float64 `json:"user_telephony_cost_max"`
}

// servedSettings sends user_telephony_cost_max with a decimal point (20.0):
// clients that decode it as an integer then fail against the fake, as they
// would against a Duo that sends a float.
type servedSettings struct {
	Settings
	UserTelephonyCostMax decimal `json:"user_telephony_cost_max"`
}

// decimal is a number encoded with at least one decimal.
type decimal float64

func (d decimal) MarshalJSON() ([]byte, error) {
	f := float64(d)
	if math.IsInf(f, 0) || math.IsNaN(f) {
		return nil, fmt.Errorf("%v is no JSON number", f)
	}
	s := strconv.FormatFloat(f, 'f', -1, 64)
	if !strings.Contains(s, ".") {
		s += ".0"
	}
	return []byte(s), nil
}

// summary is the answer of GET /admin/v1/info/summary.
type summary struct {
	AdminCount                int     `json:"admin_count"`
	IntegrationCount          int     `json:"integration_count"`
	TelephonyCreditsRemaining int     `json:"telephony_credits_remaining"`
	UserCount                 int     `json:"user_count"` // users not pending deletion
	UserPendingDeletionCount  int     `json:"user_pending_deletion_count"`
	Edition                   *string `json:"edition,omitempty"`
}

// encodeAccountObjects encodes the settings and the summary, whose counts
// come from users and account.
func encodeAccountObjects(users []User, account *Account) (settings, summaryJSON []byte, err error) {
	settings, err = json.Marshal(servedSettings{account.Settings, decimal(account.Settings.UserTelephonyCostMax)})
	if err != nil {
		return nil, nil, fmt.Errorf("fakeduo: encode settings: %w", err)
	}
	sum := summary{
		AdminCount:                len(account.Admins),
		IntegrationCount:          len(account.Integrations),
		TelephonyCreditsRemaining: account.TelephonyCreditsRemaining,
		Edition:                   account.Edition,
	}
	for i := range users {
		if users[i].Status == "pending deletion" {
			sum.UserPendingDeletionCount++
		} else {
			sum.UserCount++
		}
	}
	summaryJSON, err = json.Marshal(sum)
	return settings, summaryJSON, err
}
