package redcaptest

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
)

// sharedDir finds ../shared next to the module root (the directory holding go.mod). It fails the
// test when CI is set and the directory is missing, and skips loudly otherwise.
func sharedDir(t *testing.T) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatalf("getwd: %v", err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			break
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Fatalf("no go.mod above the test directory")
		}
		dir = parent
	}
	shared := filepath.Join(dir, "..", "shared")
	if _, err := os.Stat(filepath.Join(shared, "conformance")); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("CI is set but %s is missing: the conformance vectors are required", shared)
		}
		t.Skipf("*** SKIPPING: %s not found; the conformance vectors are not checked ***", shared)
	}
	return shared
}

// vector is one captured exchange of ../shared/conformance/*.jsonl.
type vector struct {
	Name         string         `json:"name"`
	Project      string         `json:"project"`
	Method       string         `json:"method"`
	Path         string         `json:"path"`
	Note         string         `json:"note"`
	Request      map[string]any `json:"request"`
	Status       int            `json:"status"`
	ContentType  string         `json:"content_type"`
	Body         string         `json:"body"`
	VolatileKeys []string       `json:"volatile_keys"`
}

// loadVectors reads one conformance file in order.
func loadVectors(t *testing.T, shared, file string) []vector {
	t.Helper()
	f, err := os.Open(filepath.Join(shared, "conformance", file))
	if err != nil {
		t.Fatalf("open %s: %v", file, err)
	}
	defer f.Close()
	var out []vector
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 64<<20)
	for sc.Scan() {
		var v vector
		if err := json.Unmarshal(sc.Bytes(), &v); err != nil {
			t.Fatalf("%s: %v", file, err)
		}
		out = append(out, v)
	}
	if err := sc.Err(); err != nil {
		t.Fatalf("read %s: %v", file, err)
	}
	return out
}

// byName indexes vectors by name.
func byName(vs []vector) map[string]vector {
	m := make(map[string]vector, len(vs))
	for _, v := range vs {
		m[v.Name] = v
	}
	return m
}
