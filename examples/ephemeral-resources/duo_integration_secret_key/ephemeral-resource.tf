# The keys of the read-only Reporting application, read during the run and
# never stored: here they configure a second duo provider, which reads with
# Reporting's permissions. A write-only argument of a secret store takes
# them the same way (see the credentials guide).
ephemeral "duo_integration_secret_key" "reporting" {
  integration_key = "DISAMPLE000000000002"
}

provider "duo" {
  alias           = "reporting"
  integration_key = ephemeral.duo_integration_secret_key.reporting.integration_key
  secret_key      = ephemeral.duo_integration_secret_key.reporting.secret_key
  # api_host and ca_cert_file from DUO_API_HOST and DUO_CA_CERT_FILE, as
  # for the default provider.
}

data "duo_account_summary" "as_reporting" {
  provider = duo.reporting
}

output "users_seen_by_reporting" {
  value = data.duo_account_summary.as_reporting.user_count
}
