package redcaptest

import (
	"bufio"
	"encoding/json"
	"github.com/redcapgen/redcapgen/internal/sharedtest"
	"os"
	"path/filepath"
	"testing"
)

// sharedDir returns ../shared beside the checkout (see sharedtest.Dir).
func sharedDir(t *testing.T) string { return sharedtest.Dir(t) }

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
	BodyBase64   string         `json:"body_base64"`
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
