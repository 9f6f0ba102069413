// Package provider implements the duo Terraform provider.
package provider

import (
	"context"
	"fmt"
	"os"
	"strings"
	"sync/atomic"
	"time"

	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/ephemeral"
	"github.com/hashicorp/terraform-plugin-framework/function"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/provider"
	"github.com/hashicorp/terraform-plugin-framework/provider/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/idaudit/terraform-provider-duo/internal/duo"
)

var (
	_ provider.ProviderWithFunctions          = (*duoProvider)(nil)
	_ provider.ProviderWithEphemeralResources = (*duoProvider)(nil)
)

// providerTypeName is the provider's name in configurations, and the prefix
// of its data sources' names.
const providerTypeName = "duo"

// New returns a constructor for the provider at the given version.
func New(version string) func() provider.Provider {
	return func() provider.Provider {
		return &duoProvider{version: version}
	}
}

type duoProvider struct {
	version string
	// accounts are what Configure built, for the reads served outside the
	// framework (see NewServer).
	accounts atomic.Pointer[accounts]
}

func (p *duoProvider) configuredAccounts() *accounts {
	return p.accounts.Load()
}

type providerModel struct {
	IntegrationKey types.String `tfsdk:"integration_key"`
	SecretKey      types.String `tfsdk:"secret_key"`
	APIHost        types.String `tfsdk:"api_host"`
	CACertFile     types.String `tfsdk:"ca_cert_file"`
	RequestTimeout types.String `tfsdk:"request_timeout"`
	MaxRetryWait   types.String `tfsdk:"max_retry_wait"`
	MaxConcurrent  types.Int64  `tfsdk:"max_concurrent_requests"`
	AccountID      types.String `tfsdk:"account_id"`
}

// maxConcurrentRequests is the most max_concurrent_requests allows: Duo's
// budget is about 200 list requests a minute.
const maxConcurrentRequests = 16

// setting is a provider argument that may also come from the environment.
type setting struct {
	attribute string
	envVars   []string
	what      string
}

var (
	integrationKeySetting = setting{"integration_key", []string{"DUO_INTEGRATION_KEY", "DUO_IKEY"}, "integration key"}
	secretKeySetting      = setting{"secret_key", []string{"DUO_SECRET_KEY", "DUO_SKEY"}, "secret key"}
	apiHostSetting        = setting{"api_host", []string{"DUO_API_HOST", "DUO_API_HOSTNAME"}, "API hostname"}
	caCertFileSetting     = setting{"ca_cert_file", []string{"DUO_CA_CERT_FILE"}, "CA certificate file"}
	accountIDSetting      = setting{accountIDArgument, []string{"DUO_ACCOUNT_ID"}, "child account ID"}
)

// envList names the environment variables of s for a description.
func (s setting) envList() string {
	quoted := make([]string, len(s.envVars))
	for i, name := range s.envVars {
		quoted[i] = "`" + name + "`"
	}
	if len(quoted) == 1 {
		return quoted[0]
	}
	return quoted[0] + " (or " + strings.Join(quoted[1:], ", ") + ")"
}

// resolve returns the configured value, else the first environment
// variable that is set, else "".
func (s setting) resolve(configured types.String) string {
	if !configured.IsNull() {
		return configured.ValueString()
	}
	for _, name := range s.envVars {
		if value := os.Getenv(name); value != "" {
			return value
		}
	}
	return ""
}

func (p *duoProvider) Metadata(_ context.Context, _ provider.MetadataRequest, resp *provider.MetadataResponse) {
	resp.TypeName = providerTypeName
	resp.Version = p.version
}

func (p *duoProvider) Schema(_ context.Context, _ provider.SchemaRequest, resp *provider.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Reads a Duo account from the [Duo Admin API](https://duo.com/docs/adminapi) with the credentials of an Admin API application: users and groups with the \"Grant read resource\" permission, and the rest of the account with the permissions each data source names. " +
			"With the credentials of an MSP parent account's Accounts API application, it reads the parent's child accounts instead: each read names its child with `account_id`, or takes the provider's.",
		Attributes: map[string]schema.Attribute{
			integrationKeySetting.attribute: schema.StringAttribute{
				Optional:            true,
				MarkdownDescription: "The Admin API application's integration key, 20 characters starting `DI`. Defaults to the environment variable " + integrationKeySetting.envList() + ".",
			},
			secretKeySetting.attribute: schema.StringAttribute{
				Optional:            true,
				Sensitive:           true,
				MarkdownDescription: "The Admin API application's secret key, 40 characters. Defaults to the environment variable " + secretKeySetting.envList() + ". Prefer the environment variable, so that the key stays out of the configuration.",
			},
			apiHostSetting.attribute: schema.StringAttribute{
				Optional:            true,
				MarkdownDescription: "The Admin API hostname, such as `api-xxxxxxxx.duosecurity.com`, optionally with a port. A leading `https://` is accepted and dropped. Defaults to the environment variable " + apiHostSetting.envList() + ".",
			},
			caCertFileSetting.attribute: schema.StringAttribute{
				Optional:            true,
				MarkdownDescription: "Path of a PEM file of CA certificates to trust in addition to the Duo certificate authorities, for a TLS-inspecting proxy. TLS verification cannot be turned off. Defaults to the environment variable " + caCertFileSetting.envList() + ".",
			},
			"request_timeout": schema.StringAttribute{
				Optional:            true,
				MarkdownDescription: fmt.Sprintf("How long one request to Duo may take, including reading the answer, as a duration such as `30s` or `2m`. Defaults to `%s`.", durationText(duo.DefaultRequestTimeout)),
			},
			"max_concurrent_requests": schema.Int64Attribute{
				Optional: true,
				MarkdownDescription: fmt.Sprintf("How many requests one provider may have in flight to Duo at once, from `1` to `%d`: a listing fetches its pages in parallel once the first page tells how many there are. "+
					"When Duo rate limits a request, the provider halves this for a while and raises it again gradually. Defaults to `%d`.", maxConcurrentRequests, duo.DefaultMaxConcurrentRequests),
				Validators: []validator.Int64{int64validator.Between(1, maxConcurrentRequests)},
			},
			accountIDSetting.attribute: schema.StringAttribute{
				Optional: true,
				MarkdownDescription: "With the key of an MSP parent account's Accounts API application: the child account that every data source and ephemeral resource of this provider reads when it names none with its own `account_id`, " +
					"20 characters starting `DA`, as `duo_child_accounts` lists them. Defaults to the environment variable " + accountIDSetting.envList() + ". " +
					"Without it, reads go to the provider's own account, as with an Admin API key.",
				Validators: accountIDValidators,
			},
			"max_retry_wait": schema.StringAttribute{
				Optional:            true,
				MarkdownDescription: fmt.Sprintf("How long one read may wait in total between retries when Duo rate limits it (HTTP 429) or fails (HTTP 5xx, network errors), as a duration such as `90s` or `10m`. Past it, the read fails. Defaults to `%s`.", durationText(duo.DefaultMaxRetryWait)),
			},
		},
	}
}

func (p *duoProvider) Configure(ctx context.Context, req provider.ConfigureRequest, resp *provider.ConfigureResponse) {
	var config providerModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &config)...)
	if resp.Diagnostics.HasError() {
		return
	}

	for _, unknown := range []struct {
		value   types.String
		setting setting
	}{
		{config.IntegrationKey, integrationKeySetting},
		{config.SecretKey, secretKeySetting},
		{config.APIHost, apiHostSetting},
		{config.CACertFile, caCertFileSetting},
		{config.AccountID, accountIDSetting},
	} {
		if unknown.value.IsUnknown() {
			resp.Diagnostics.AddAttributeError(path.Root(unknown.setting.attribute), "Unknown Duo "+unknown.setting.what,
				fmt.Sprintf("The provider cannot connect to Duo because %s depends on a value that is not known until apply. Set it to a value known at plan time, use the %s environment variable, or apply the resource it depends on first (terraform apply -target).",
					unknown.setting.attribute, unknown.setting.envList()))
		}
	}
	if config.RequestTimeout.IsUnknown() || config.MaxRetryWait.IsUnknown() || config.MaxConcurrent.IsUnknown() {
		resp.Diagnostics.AddError("Unknown Duo provider setting", "request_timeout, max_retry_wait and max_concurrent_requests must be known at plan time.")
	}
	if resp.Diagnostics.HasError() {
		return
	}

	clientConfig := duo.Config{
		IntegrationKey: integrationKeySetting.resolve(config.IntegrationKey),
		SecretKey:      secretKeySetting.resolve(config.SecretKey),
		UserAgent:      "terraform-provider-duo/" + p.version,
		LogRequest:     logRequest,
	}
	for _, required := range []struct {
		value   string
		setting setting
	}{
		{clientConfig.IntegrationKey, integrationKeySetting},
		{clientConfig.SecretKey, secretKeySetting},
		{apiHostSetting.resolve(config.APIHost), apiHostSetting},
	} {
		if required.value == "" {
			resp.Diagnostics.AddAttributeError(path.Root(required.setting.attribute), "Missing Duo "+required.setting.what,
				fmt.Sprintf("Set %s in the provider block, or the %s environment variable, to the %s of a Duo Admin API application.",
					required.setting.attribute, required.setting.envList(), required.setting.what))
		}
	}
	if resp.Diagnostics.HasError() {
		return
	}

	if err := checkIntegrationKey(clientConfig.IntegrationKey); err != nil {
		resp.Diagnostics.AddAttributeError(path.Root(integrationKeySetting.attribute), "Invalid Duo integration key", err.Error())
	}
	if err := checkSecretKey(clientConfig.SecretKey); err != nil {
		resp.Diagnostics.AddAttributeError(path.Root(secretKeySetting.attribute), "Invalid Duo secret key", err.Error())
	}
	host, err := duo.NormalizeAPIHost(apiHostSetting.resolve(config.APIHost))
	if err != nil {
		resp.Diagnostics.AddAttributeError(path.Root(apiHostSetting.attribute), "Invalid Duo API hostname",
			fmt.Sprintf("The API hostname is not usable: %s. Copy it from the Admin API application in the Duo Admin Panel.", err))
	}
	clientConfig.APIHost = host
	accountID := accountIDSetting.resolve(config.AccountID)
	if accountID != "" && !accountIDPattern.MatchString(accountID) {
		resp.Diagnostics.AddAttributeError(path.Root(accountIDSetting.attribute), "Invalid Duo child account ID",
			fmt.Sprintf("%q, from account_id or %s, is not a Duo account ID: 20 characters, upper-case letters and digits, starting DA, as duo_child_accounts lists them. Copy it from duo_child_accounts, or unset it to read the provider's own account.",
				accountID, accountIDSetting.envList()))
	}

	if file := caCertFileSetting.resolve(config.CACertFile); file != "" {
		pem, err := os.ReadFile(file)
		if err != nil {
			resp.Diagnostics.AddAttributeError(path.Root(caCertFileSetting.attribute), "Unreadable CA certificate file",
				fmt.Sprintf("The provider could not read the CA certificate file: %s. Give the path of a readable PEM file.", err))
		}
		clientConfig.ExtraCACertsPEM = pem
	}
	clientConfig.RequestTimeout = parseDuration(config.RequestTimeout, "request_timeout", &resp.Diagnostics)
	clientConfig.MaxRetryWait = parseDuration(config.MaxRetryWait, "max_retry_wait", &resp.Diagnostics)
	clientConfig.MaxConcurrentRequests = int(config.MaxConcurrent.ValueInt64())
	if resp.Diagnostics.HasError() {
		return
	}

	client, err := duo.NewClient(clientConfig)
	if err != nil {
		resp.Diagnostics.AddError("Unable to configure the Duo client", err.Error()+". Check the "+caCertFileSetting.attribute+" file.")
		return
	}
	configured := newAccounts(client, accountID)
	p.accounts.Store(configured)
	resp.DataSourceData = configured
	resp.EphemeralResourceData = configured
}

func (p *duoProvider) Functions(context.Context) []func() function.Function {
	return []func() function.Function{newUnixToRFC3339Function}
}

func (p *duoProvider) EphemeralResources(context.Context) []func() ephemeral.EphemeralResource {
	return []func() ephemeral.EphemeralResource{newIntegrationSecretKeyEphemeralResource}
}

func (p *duoProvider) Resources(context.Context) []func() resource.Resource {
	return nil
}

func (p *duoProvider) DataSources(context.Context) []func() datasource.DataSource {
	return []func() datasource.DataSource{
		newUsersDataSource,
		newUserDataSource,
		newGroupsDataSource,
		newGroupDataSource,
		newAdminsDataSource,
		newAdminDataSource,
		newAdministrativeUnitsDataSource,
		newIntegrationsDataSource,
		newIntegrationDataSource,
		newPhonesDataSource,
		newTokensDataSource,
		newBypassCodesDataSource,
		newWebAuthnCredentialsDataSource,
		newEndpointsDataSource,
		newDesktopAuthenticatorsDataSource,
		newSettingsDataSource,
		newAccountSummaryDataSource,
		newPoliciesDataSource,
		newPolicyDataSource,
		newEffectivePolicyDataSource,
		newAuthenticationLogsDataSource,
		newAdministratorLogsDataSource,
		newTelephonyLogsDataSource,
		newTrustMonitorEventsDataSource,
		newActivityLogsDataSource,
		newOfflineEnrollmentLogsDataSource,
		newAdminAuthMethodsDataSource,
		newAPIPermissionsDataSource,
		newAuthenticationAttemptsDataSource,
		newTelephonyCreditsUsedDataSource,
		newChildAccountsDataSource,
	}
}

// checkIntegrationKey rejects what cannot be a Duo integration key, without
// repeating the value.
func checkIntegrationKey(key string) error {
	if len(key) != 20 || !strings.HasPrefix(key, "DI") {
		return fmt.Errorf("an integration key is 20 characters starting with DI; this one is %d characters. Copy it from the Admin API application in the Duo Admin Panel", len(key))
	}
	return nil
}

// checkSecretKey rejects what cannot be a Duo secret key, without repeating
// the value.
func checkSecretKey(key string) error {
	if len(key) != 40 {
		return fmt.Errorf("a secret key is 40 characters; this one is %d. Copy it from the Admin API application in the Duo Admin Panel", len(key))
	}
	return nil
}

// durationText writes d as a user would, "5m" rather than "5m0s".
func durationText(d time.Duration) string {
	return strings.TrimSuffix(d.String(), "0s")
}

// parseDuration reads an optional positive duration setting; zero means the default.
func parseDuration(value types.String, attribute string, diags *diag.Diagnostics) time.Duration {
	if value.IsNull() {
		return 0
	}
	d, err := time.ParseDuration(value.ValueString())
	if err != nil || d <= 0 {
		diags.AddAttributeError(path.Root(attribute), "Invalid duration",
			fmt.Sprintf("%s must be a positive duration such as \"30s\" or \"5m\", not %q.", attribute, value.ValueString()))
		return 0
	}
	return d
}

// logRequest records every Duo request at debug level, so TF_LOG=DEBUG
// explains a slow read. It never sees credentials.
func logRequest(ctx context.Context, r duo.RequestLog) {
	fields := map[string]any{
		"method":      r.Method,
		"path":        r.Path,
		"query":       r.Query,
		"status":      r.Status,
		"duration_ms": r.Duration.Milliseconds(),
		"attempt":     r.Attempt,
	}
	if r.Err != nil {
		fields["error"] = r.Err.Error()
	}
	tflog.Debug(ctx, "Duo Admin API request", fields)
}
