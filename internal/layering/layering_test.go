package layering

import (
	"context"
	"os/exec"
	"strings"
	"testing"
	"time"

	"github.com/redcapgen/redcapgen/internal/sharedtest"
)

// module is the module path every package of the repository starts with.
const module = "github.com/redcapgen/redcapgen"

// goList runs `go list` with args from the module root and returns its lines.
func goList(t *testing.T, args ...string) []string {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, "go", append([]string{"list"}, args...)...)
	cmd.Dir = sharedtest.ModuleRoot(t)
	out, err := cmd.Output()
	if err != nil {
		var stderr string
		if ee, ok := err.(*exec.ExitError); ok {
			stderr = string(ee.Stderr)
		}
		t.Fatalf("go list %s: %v\n%s", strings.Join(args, " "), err, stderr)
	}
	return strings.Fields(string(out))
}

// isUnder reports whether pkg is the module's package dir or one below it.
func isUnder(pkg, dir string) bool {
	p := module + "/" + dir
	return pkg == p || strings.HasPrefix(pkg, p+"/")
}

// TestRuntimeNeedsNoGenerator lists every package the runtime packages build from and wants
// none of the generator's: a program that talks to REDCap, or tests against the fake, does not
// link the code generator.
func TestRuntimeNeedsNoGenerator(t *testing.T) {
	runtimePkgs := goList(t, "./runtime/...")
	if len(runtimePkgs) < 3 {
		t.Fatalf("go list ./runtime/... = %q, want the runtime packages", runtimePkgs)
	}
	for _, pkg := range runtimePkgs {
		for _, dep := range goList(t, "-deps", pkg) {
			if isUnder(dep, "generator") {
				t.Errorf("%s depends on %s", pkg, dep)
			}
		}
	}
}

// TestExamplesUseGeneratedPackages wants every example program to import no generator package
// and no dictionary package (it starts the fake from its generated package's snapshot), and to
// link no generator package at all.
func TestExamplesUseGeneratedPackages(t *testing.T) {
	mains := goList(t, "-f", `{{if eq .Name "main"}}{{.ImportPath}}{{end}}`, "./examples/...")
	if len(mains) < 4 {
		t.Fatalf("found the example programs %q, want quickstart, longitudinal, calculations and sync", mains)
	}
	for _, pkg := range mains {
		for _, imp := range goList(t, "-f", `{{join .Imports " "}}`, pkg) {
			if isUnder(imp, "generator") || isUnder(imp, "dictionary") {
				t.Errorf("%s imports %s", pkg, imp)
			}
		}
		for _, dep := range goList(t, "-deps", pkg) {
			if isUnder(dep, "generator") {
				t.Errorf("%s depends on %s", pkg, dep)
			}
		}
	}
}
