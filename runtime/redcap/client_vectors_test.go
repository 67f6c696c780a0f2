package redcap

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/redcapgen/redcapgen/internal/sharedtest"
)

// vector is one captured exchange of ../shared/conformance/*.jsonl.
type vector struct {
	Name        string         `json:"name"`
	Project     string         `json:"project"`
	Request     map[string]any `json:"request"`
	Status      int            `json:"status"`
	ContentType string         `json:"content_type"`
	Body        string         `json:"body"`
}

// param returns a request parameter as text.
func (v vector) param(k string) string {
	s, _ := v.Request[k].(string)
	return s
}

// sharedDir finds ../shared from the module root. It fails under CI and skips loudly otherwise.
func sharedDir(t testing.TB) string {
	t.Helper()
	return sharedtest.Dir(t)
}

// loadVectors reads one conformance file.
func loadVectors(t testing.TB, file string) []vector {
	t.Helper()
	f, err := os.Open(filepath.Join(sharedDir(t), "conformance", file))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []vector
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 0, 1<<20), 64<<20)
	for sc.Scan() {
		var v vector
		if err := json.Unmarshal(sc.Bytes(), &v); err != nil {
			t.Fatalf("%s: %v", file, err)
		}
		out = append(out, v)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// vectorByName returns the named case of a file.
func vectorByName(t testing.TB, file, name string) vector {
	t.Helper()
	for _, v := range loadVectors(t, file) {
		if v.Name == name {
			return v
		}
	}
	t.Fatalf("%s: no case %q", file, name)
	return vector{}
}

// isFlatJSONExport reports whether a case is a successful flat JSON record export.
func isFlatJSONExport(v vector) bool {
	return v.Status == 200 && v.param("content") == "record" && v.param("type") != "eav" &&
		v.param("action") != "import" && v.param("format") == "json" &&
		strings.HasPrefix(v.ContentType, "application/json") &&
		(strings.HasPrefix(v.Body, "[{") || v.Body == "[]")
}
