package snapshot

import (
	"bufio"
	"bytes"
	"encoding/json"
	"github.com/redcapgen/redcapgen/internal/sharedtest"
	"os"
	"path/filepath"
	"testing"

	"github.com/redcapgen/redcapgen/dictionary"
)

// sharedDir returns ../shared beside the checkout (see sharedtest.Dir).
func sharedDir(t testing.TB) string { return sharedtest.Dir(t) }

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
