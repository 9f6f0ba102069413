variable "account_id" {
  description = "The child account to read, null for the provider's account."
  type        = string
}

variable "may" {
  description = "Which grants the key has, from duo_api_permissions: read_resource, read_log, administrators and applications."
  type = object({
    read_resource  = bool
    read_log       = bool
    administrators = bool
    applications   = bool
  })
}

variable "stale_before" {
  description = "The users who last logged in before this RFC 3339 time, or never, are read as stale."
  type        = string
}

variable "mintime" {
  description = "The start of the log window, RFC 3339."
  type        = string
}

variable "maxtime" {
  description = "The end of the log window, RFC 3339."
  type        = string
}

variable "max_log_events" {
  description = "The most events each log read may return."
  type        = number
}

variable "read_trust_monitor" {
  description = "Whether to read Trust Monitor: the key may read logs and the account's edition has Trust Monitor."
  type        = bool
}
