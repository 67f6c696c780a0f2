package golden

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/redcapgen/redcapgen/generator"
)

var update = flag.Bool("update", false, "rewrite golden files (refused when CI is set)")

// goldenVersion pins the generator version in goldens so they do not churn.
const goldenVersion = "v0.0.0-golden"

// caseConfig is golden/<case>/case.json.
type caseConfig struct {
	Description string `json:"description"`
	Issue       string `json:"issue"`
	Package     string `json:"package"`
	Input       string `json:"input"`            // input file name in the case directory
	Events      string `json:"events,omitempty"` // optional event design file
	Names       string `json:"names,omitempty"`  // optional names file
}

func TestGolden(t *testing.T) {
	if *update && os.Getenv("CI") != "" {
		t.Fatal("-update is refused when CI is set: regenerate goldens locally and commit them")
	}
	dirs, err := filepath.Glob("*/case.json")
	if err != nil {
		t.Fatal(err)
	}
	if len(dirs) == 0 {
		t.Fatal("no golden cases found")
	}
	for _, c := range dirs {
		dir := filepath.Dir(c)
		t.Run(dir, func(t *testing.T) { runCase(t, dir) })
	}
}

func runCase(t *testing.T, dir string) {
	var cc caseConfig
	data, err := os.ReadFile(filepath.Join(dir, "case.json"))
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(data, &cc); err != nil {
		t.Fatalf("%s/case.json: %v", dir, err)
	}
	cfg := generator.Config{
		Source:           generator.FileSource{Path: filepath.Join(dir, cc.Input)},
		Package:          cc.Package,
		GeneratorVersion: goldenVersion,
	}
	if cc.Events != "" {
		cfg.EventsFile = filepath.Join(dir, cc.Events)
	}
	if cc.Names != "" {
		cfg.NamesFile = filepath.Join(dir, cc.Names)
	}
	res, genErr := generator.Generate(context.Background(), cfg)
	errPath := filepath.Join(dir, "want.err")
	if _, err := os.Stat(errPath); err == nil || (genErr != nil && *update) {
		compareError(t, errPath, genErr)
		return
	}
	if genErr != nil {
		t.Fatalf("generate: %v", genErr)
	}
	got := map[string][]byte{}
	for _, f := range res.Files {
		got[f.Path] = f.Bytes
	}
	compareDir(t, filepath.Join(dir, "want"), got)
}

// compareError checks the generation error text against want.err.
func compareError(t *testing.T, path string, genErr error) {
	t.Helper()
	if genErr == nil {
		t.Fatalf("%s: generation succeeded, want an error", path)
	}
	got := strings.ReplaceAll(genErr.Error(), filepath.Dir(path)+string(filepath.Separator), "") + "\n"
	if *update {
		writeIfChanged(t, path, []byte(got))
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(string(want), got); diff != "" {
		t.Errorf("%s mismatch (-want +got):\n%s", path, diff)
	}
}

// compareDir compares generated files with want/, or rewrites want/ with -update.
func compareDir(t *testing.T, wantDir string, got map[string][]byte) {
	t.Helper()
	want := map[string][]byte{}
	entries, err := os.ReadDir(wantDir)
	if err != nil && !(errors.Is(err, os.ErrNotExist) && *update) {
		t.Fatal(err)
	}
	for _, e := range entries {
		if e.IsDir() || strings.HasSuffix(e.Name(), "_test.go") {
			continue // hand-written tests beside a case are neither compared nor overwritten
		}
		b, err := os.ReadFile(filepath.Join(wantDir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		want[e.Name()] = b
	}
	if *update {
		if err := os.MkdirAll(wantDir, 0o755); err != nil {
			t.Fatal(err)
		}
		for name, b := range got {
			writeIfChanged(t, filepath.Join(wantDir, name), b)
		}
		for name := range want {
			if _, ok := got[name]; !ok {
				t.Logf("delete %s", filepath.Join(wantDir, name))
				if err := os.Remove(filepath.Join(wantDir, name)); err != nil {
					t.Fatal(err)
				}
			}
		}
		return
	}
	for _, name := range sortedKeys(want, got) {
		w, inWant := want[name]
		g, inGot := got[name]
		switch {
		case !inGot:
			t.Errorf("%s: missing from output", filepath.Join(wantDir, name))
		case !inWant:
			t.Errorf("%s: extra file in output", filepath.Join(wantDir, name))
		case string(w) != string(g):
			t.Errorf("%s mismatch (-want +got):\n%s", filepath.Join(wantDir, name), cmp.Diff(string(w), string(g)))
		}
	}
}

func writeIfChanged(t *testing.T, path string, b []byte) {
	t.Helper()
	if old, err := os.ReadFile(path); err == nil && string(old) == string(b) {
		return
	}
	t.Logf("update %s", path)
	if err := os.WriteFile(path, b, 0o644); err != nil {
		t.Fatal(err)
	}
}

func sortedKeys(maps ...map[string][]byte) []string {
	seen := map[string]bool{}
	var keys []string
	for _, m := range maps {
		for k := range m {
			if !seen[k] {
				seen[k] = true
				keys = append(keys, k)
			}
		}
	}
	sort.Strings(keys)
	return keys
}
