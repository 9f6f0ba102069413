package main

import (
	"flag"
	"log"
	"os"
	"path"
	"strings"

	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6/tf6server"

	"github.com/idaudit/terraform-provider-duo/internal/provider"
)

// registryAddress is the provider's address in the Terraform Registry; the
// namespace is chosen here and nowhere else.
const registryAddress = "registry.terraform.io/idaudit/duo"

// version is set by the release build (goreleaser ldflags).
var version = "dev"

func main() {
	var debug bool
	flag.BoolVar(&debug, "debug", false, "run the provider with support for debuggers such as delve")
	flag.Parse()

	// Run with -debug, the provider writes its log to the terminal it runs
	// in, not to Terraform.
	if !debug {
		silenceUnreadLogs(os.LookupEnv, os.Setenv)
	}
	newServer := provider.NewServer(version)
	server, err := newServer()
	if err != nil {
		log.Fatal(err)
	}
	var opts []tf6server.ServeOpt
	if debug {
		opts = append(opts, tf6server.WithManagedDebug())
	}
	if err := tf6server.Serve(registryAddress, func() tfprotov6.ProviderServer { return server }, opts...); err != nil {
		log.Fatal(err)
	}
}

// Terraform and OpenTofu show a provider's log only when TF_LOG_PROVIDER,
// or else TF_LOG, sets a level other than off, and discard it otherwise;
// but the loggers of terraform-plugin-go and the framework write every
// line at TRACE unless told a level, and Terraform parses each line before
// it discards it.
// Those unread lines cost a plan of 300 duo_user 8% of its time on 2
// cores (scripts/bench-plan.sh, Terraform 1.5.7: 5.1 s with them, 4.7 s
// without).
//
// silenceUnreadLogs turns the provider's and the SDK's loggers off when
// Terraform would discard them, and leaves any level the environment sets
// as it is.
func silenceUnreadLogs(lookupEnv func(string) (string, bool), setenv func(string, string) error) {
	// The level Terraform gives providers' logs, as it reads it.
	shown, _ := lookupEnv("TF_LOG_PROVIDER")
	if shown == "" {
		shown, _ = lookupEnv("TF_LOG")
	}
	if shown != "" && !strings.EqualFold(shown, "off") {
		return
	}
	// terraform-plugin-go names the provider's logger after its type
	// (TF_LOG_PROVIDER_DUO); TF_LOG_SDK also sets the level of the SDK's
	// subsystems (the protocol's, the framework's) that have none of their
	// own.
	providerLogger := "TF_LOG_PROVIDER_" + strings.ToUpper(path.Base(registryAddress))
	for _, logger := range []string{"TF_LOG_SDK", providerLogger} {
		if level, ok := lookupEnv(logger); !ok || level == "" {
			_ = setenv(logger, "off")
		}
	}
}
