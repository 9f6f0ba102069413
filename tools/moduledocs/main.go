// Command moduledocs writes the generated part of the README.md of each
// Terraform module it is given: the module's requirements, inputs and
// outputs, read from the module's own files with terraform-config-inspect,
// between the lines <!-- BEGIN GENERATED --> and <!-- END GENERATED -->,
// which the rest of the README surrounds.
//
// Usage: go run ./moduledocs DIR...
package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/hashicorp/terraform-config-inspect/tfconfig"
)

const (
	begin = "<!-- BEGIN GENERATED: make generate writes this part from the module's files -->"
	end   = "<!-- END GENERATED -->"
)

func main() {
	if len(os.Args) < 2 {
		fmt.Fprintln(os.Stderr, "usage: moduledocs DIR...")
		os.Exit(2)
	}
	for _, dir := range os.Args[1:] {
		if err := write(dir); err != nil {
			fmt.Fprintf(os.Stderr, "moduledocs: %s: %v\n", dir, err)
			os.Exit(1)
		}
	}
}

// write replaces the generated part of dir's README.md.
func write(dir string) error {
	module, diags := tfconfig.LoadModule(dir)
	if diags.HasErrors() {
		return diags.Err()
	}
	path := filepath.Join(dir, "README.md")
	readme, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	before, rest, found := strings.Cut(string(readme), begin)
	_, after, foundEnd := strings.Cut(rest, end)
	if !found || !foundEnd {
		return fmt.Errorf("%s has no lines %q and %q to write between", path, begin, end)
	}
	return os.WriteFile(path, []byte(before+begin+"\n"+generated(module)+end+after), 0o644)
}

// generated is the markdown of the module's requirements, inputs and
// outputs.
func generated(m *tfconfig.Module) string {
	var b strings.Builder
	b.WriteString("## Requirements\n\n| name | version |\n| --- | --- |\n")
	fmt.Fprintf(&b, "| terraform | `%s` |\n", strings.Join(m.RequiredCore, ", "))
	for _, name := range sortedKeys(m.RequiredProviders) {
		p := m.RequiredProviders[name]
		version := "any"
		if len(p.VersionConstraints) > 0 {
			version = "`" + strings.Join(p.VersionConstraints, ", ") + "`"
		}
		fmt.Fprintf(&b, "| %s (`%s`) | %s |\n", name, p.Source, version)
	}

	b.WriteString("\n## Inputs\n\n| name | description | type | default | required |\n| --- | --- | --- | --- | :---: |\n")
	for _, name := range sortedKeys(m.Variables) {
		v := m.Variables[name]
		def, required := "", "yes"
		if !v.Required {
			def, required = "`"+jsonOf(v.Default)+"`", "no"
		}
		fmt.Fprintf(&b, "| `%s` | %s | `%s` | %s | %s |\n", name, cell(v.Description), v.Type, def, required)
	}

	b.WriteString("\n## Outputs\n\n| name | description |\n| --- | --- |\n")
	for _, name := range sortedKeys(m.Outputs) {
		fmt.Fprintf(&b, "| `%s` | %s |\n", name, cell(m.Outputs[name].Description))
	}
	return b.String()
}

// cell is text as one cell of a markdown table.
func cell(text string) string {
	return strings.ReplaceAll(strings.ReplaceAll(text, "|", `\|`), "\n", " ")
}

func jsonOf(v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		return fmt.Sprint(v)
	}
	return string(b)
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}
