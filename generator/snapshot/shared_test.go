package snapshot

import (
	"bufio"
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/redcapgen/redcapgen/generator/dictionary"
)

// sharedDir returns ../shared relative to the module root. It fails the test when CI is set and
// the directory is missing, and skips it loudly otherwise.
func sharedDir(t testing.TB) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatalf("working directory: %v", err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			break
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Fatalf("no go.mod above the test's working directory")
		}
		dir = parent
	}
	shared := filepath.Join(dir, "..", "shared")
	if _, err := os.Stat(shared); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("shared test data %s is missing (CI is set): %v", shared, err)
		}
		t.Skipf("SKIPPING: shared test data %s is missing: %v", shared, err)
	}
	return shared
}

// readSharedProject reads a dictionary below ../shared/dictionaries.
func readSharedProject(t testing.TB, name string) *dictionary.Project {
	t.Helper()
	p, err := dictionary.ReadFile(filepath.Join(sharedDir(t), "dictionaries", name))
	if err != nil {
		t.Fatalf("read %s: %v", name, err)
	}
	return p
}

// sharedDictionaryNames lists the dictionary files of ../shared/dictionaries.
func sharedDictionaryNames(t testing.TB) []string {
	t.Helper()
	entries, err := os.ReadDir(filepath.Join(sharedDir(t), "dictionaries"))
	if err != nil {
		t.Fatalf("list dictionaries: %v", err)
	}
	var names []string
	for _, e := range entries {
		if ext := filepath.Ext(e.Name()); ext == ".csv" || ext == ".json" || ext == ".xml" {
			names = append(names, e.Name())
		}
	}
	return names
}

// conformanceBody returns the response body of a case in a conformance file.
func conformanceBody(t testing.TB, file, name string) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(sharedDir(t), "conformance", file))
	if err != nil {
		t.Fatalf("read %s: %v", file, err)
	}
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 0, 1<<20), 16<<20)
	for sc.Scan() {
		var c struct {
			Name string `json:"name"`
			Body any    `json:"body"`
		}
		if err := json.Unmarshal(sc.Bytes(), &c); err != nil {
			t.Fatalf("%s: %v", file, err)
		}
		if c.Name != name {
			continue
		}
		body, ok := c.Body.(string)
		if !ok {
			t.Fatalf("%s: case %q has no string body", file, name)
		}
		return []byte(body)
	}
	t.Fatalf("%s: no case %q (scan error: %v)", file, name, sc.Err())
	return nil
}
