package emit

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/redcapgen/redcapgen/dictionary"
	"github.com/redcapgen/redcapgen/internal/sharedtest"
)

// TestLogicWithGeneratedCode generates the package of every project of REDCap's logic vectors,
// decodes the records REDCap exported into it and checks, with the generated types, that every
// calc, @CALCTEXT and @CALCDATE value REDCap stored is what redcap.Recalculate computes, and that
// every branching expression shows its field exactly on the rows REDCap's filterLogic returned.
func TestLogicWithGeneratedCode(t *testing.T) {
	if testing.Short() {
		t.Skip("short mode: builds a temporary module")
	}
	shared := sharedDir(t)
	root := moduleRoot(t)
	mod := t.TempDir()
	writeTestFile(t, filepath.Join(mod, "go.mod"), "module redcapgen.test/logic\n\ngo 1.24\n\n"+
		"require github.com/redcapgen/redcapgen v0.0.0\n\nreplace github.com/redcapgen/redcapgen => "+root+"\n")
	for _, lp := range sharedtest.LogicProjects {
		pkg, dict := lp.Name, lp.Dictionary
		p, err := dictionary.ReadFile(filepath.Join(shared, dict))
		if err != nil {
			t.Fatalf("%s: %v", dict, err)
		}
		if !emitInto(t, mod, pkg, p) {
			t.Fatalf("%s: not generated", pkg)
		}
	}
	src, err := os.ReadFile(filepath.Join("testdata", "logiccheck", "main.go"))
	if err != nil {
		t.Fatal(err)
	}
	writeTestFile(t, filepath.Join(mod, "logiccheck", "main.go"), string(src))
	out, err := goCommand(mod, "run", "./logiccheck", filepath.Join(shared, "conformance", "logic"))
	t.Logf("logiccheck:\n%s", firstLines(out, 60))
	if err != nil {
		t.Fatalf("generated code disagrees with REDCap's logic vectors: %v\n%s", err, firstLines(out, 60))
	}
}
