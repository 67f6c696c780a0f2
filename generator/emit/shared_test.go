package emit

import (
	"bufio"
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
)

// moduleRoot returns the nearest directory above the working directory that holds go.mod.
func moduleRoot(t testing.TB) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatalf("working directory: %v", err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Fatalf("no go.mod above %s", dir)
		}
		dir = parent
	}
}

// sharedDir returns ../shared beside the module root. It fails when CI is set and the directory
// is missing, and skips the test loudly otherwise.
func sharedDir(t testing.TB) string {
	t.Helper()
	shared := filepath.Join(moduleRoot(t), "..", "shared")
	if _, err := os.Stat(shared); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("shared test data (../shared beside the module root) is missing and CI is set: %v", err)
		}
		t.Skipf("SKIPPING: shared test data (../shared beside the module root) is missing: %v", err)
	}
	return shared
}

// conformanceCase is one captured exchange of a conformance *.jsonl file.
type conformanceCase struct {
	Name    string         `json:"name"`
	Project string         `json:"project"`
	Request map[string]any `json:"request"`
	Status  int            `json:"status"`
	Body    string         `json:"body"`
}

// readCases reads every case of a conformance file below ../shared/conformance.
func readCases(t testing.TB, file string) []conformanceCase {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(sharedDir(t), "conformance", file))
	if err != nil {
		t.Fatalf("read %s: %v", file, err)
	}
	var cases []conformanceCase
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(nil, 64<<20)
	for sc.Scan() {
		var c conformanceCase
		if err := json.Unmarshal(sc.Bytes(), &c); err != nil {
			t.Fatalf("%s: %v", file, err)
		}
		cases = append(cases, c)
	}
	if err := sc.Err(); err != nil {
		t.Fatalf("%s: %v", file, err)
	}
	return cases
}

// caseBody returns the body of the named case.
func caseBody(t testing.TB, cases []conformanceCase, name string) string {
	t.Helper()
	for _, c := range cases {
		if c.Name == name {
			return c.Body
		}
	}
	t.Fatalf("conformance case %q not found", name)
	return ""
}
