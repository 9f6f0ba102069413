package provider

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"strings"
	"sync"

	"github.com/hashicorp/go-version"
	"github.com/hashicorp/terraform-plugin-testing/tfversion"
)

// Features that only newer CLIs have, each with the first Terraform and
// OpenTofu versions that have it. OpenTofu reports its own version to
// terraform-plugin-testing (1.12.6 for OpenTofu 1.12.6), which tfversion
// compares as if it were Terraform's: the checks below tell the two apart.
var (
	// providerFunctions: provider::duo::... in expressions.
	providerFunctions = cliFeature{"provider functions", tfversion.Version1_8_0, tfversion.Version1_7_0}
	// ephemeralResources: ephemeral blocks, and ephemeral values in
	// provider configurations.
	ephemeralResources = cliFeature{"ephemeral resources", tfversion.Version1_10_0, tfversion.Version1_11_0}
)

// cliFeature is a feature of the Terraform language that a test needs.
type cliFeature struct {
	name      string
	terraform *version.Version
	openTofu  *version.Version
}

// skipWithout skips a test under a CLI older than the first with feature.
func skipWithout(feature cliFeature) tfversion.TerraformVersionCheck {
	return skipWithoutCheck{feature}
}

type skipWithoutCheck struct {
	feature cliFeature
}

func (c skipWithoutCheck) CheckTerraformVersion(_ context.Context, req tfversion.CheckTerraformVersionRequest, resp *tfversion.CheckTerraformVersionResponse) {
	f := c.feature
	cli, first := "Terraform", f.terraform
	if testCLIIsOpenTofu() {
		cli, first = "OpenTofu", f.openTofu
	}
	if req.TerraformVersion.LessThan(first) {
		resp.Skip = fmt.Sprintf("%s came with Terraform %s and OpenTofu %s; this is %s %s", f.name, f.terraform, f.openTofu, cli, req.TerraformVersion)
	}
}

var testCLIIsOpenTofu = sync.OnceValue(func() bool {
	path := os.Getenv("TF_ACC_TERRAFORM_PATH")
	if path == "" {
		var err error
		if path, err = exec.LookPath("terraform"); err != nil {
			return false
		}
	}
	out, err := exec.Command(path, "version").Output()
	// The version line may follow warnings, such as one about a missing
	// CLI configuration file.
	return err == nil && strings.Contains(string(out), "OpenTofu v")
})
