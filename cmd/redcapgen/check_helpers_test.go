package main

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/redcapgen/redcapgen/dictionary/snapshot"
	"github.com/redcapgen/redcapgen/internal/sharedtest"
)

// checkOutput is the JSON report of `redcapgen -check -json`.
type checkOutput struct {
	Current  bool              `json:"current"`
	Breaking bool              `json:"breaking"`
	Changes  []snapshot.Change `json:"changes"`
	Changed  []string          `json:"changed_files"`
	Added    []string          `json:"added_files"`
	Removed  []string          `json:"removed_files"`
	Kept     []struct {
		Part string `json:"part"`
	} `json:"kept"`
}

// keptParts lists the parts the report says were kept from the committed package.
func (o checkOutput) keptParts() []string {
	parts := make([]string, len(o.Kept))
	for i, k := range o.Kept {
		parts[i] = k.Part
	}
	return parts
}

// runCheckJSON runs -check -json with args and decodes the report.
func runCheckJSON(t *testing.T, env map[string]string, args ...string) (int, checkOutput) {
	t.Helper()
	code, stdout, stderr := runCLI(t, env, append([]string{"-check", "-json"}, args...)...)
	var out checkOutput
	if err := json.Unmarshal([]byte(stdout), &out); err != nil {
		t.Fatalf("-check -json: exit %d, output is not JSON: %v\nstdout:\n%s\nstderr:\n%s", code, err, stdout, stderr)
	}
	return code, out
}

// mustGenerate runs the CLI to write a package and fails the test unless it succeeds silently.
func mustGenerate(t *testing.T, env map[string]string, args ...string) {
	t.Helper()
	code, stdout, stderr := runCLI(t, env, args...)
	if code != exitOK || stdout != "" {
		t.Fatalf("redcapgen %s: exit %d (want %d and no output)\nstdout:\n%s\nstderr:\n%s",
			strings.Join(args, " "), code, exitOK, stdout, stderr)
	}
}

// sharedDictionary returns the bytes of a file of ../shared/dictionaries.
func sharedDictionary(t *testing.T, name string) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(sharedtest.Dir(t), "dictionaries", name))
	if err != nil {
		t.Fatalf("read shared dictionary: %v", err)
	}
	return data
}

// writeFile writes data to dir/name and returns the path.
func writeFile(t *testing.T, dir, name string, data []byte) string {
	t.Helper()
	path := filepath.Join(dir, name)
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// csvRows reads a Data Dictionary CSV (UTF-8, optional BOM) into rows, header first.
func csvRows(t *testing.T, data []byte) [][]string {
	t.Helper()
	r := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))))
	r.FieldsPerRecord = -1
	rows, err := r.ReadAll()
	if err != nil {
		t.Fatalf("read dictionary CSV: %v", err)
	}
	return rows
}

// csvBytes writes rows back as CSV.
func csvBytes(t *testing.T, rows [][]string) []byte {
	t.Helper()
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	if err := w.WriteAll(rows); err != nil {
		t.Fatalf("write dictionary CSV: %v", err)
	}
	return b.Bytes()
}

// Data Dictionary CSV columns used by the edits.
const (
	colFieldName  = 0
	colFormName   = 1
	colFieldType  = 3
	colFieldLabel = 4
	colChoices    = 5
	colValidation = 7
)

// rowOf returns the index of field's row, failing the test when there is none.
func rowOf(t *testing.T, rows [][]string, field string) int {
	t.Helper()
	for i, r := range rows {
		if i > 0 && len(r) > 0 && r[colFieldName] == field {
			return i
		}
	}
	t.Fatalf("the dictionary has no field %q", field)
	return 0
}

// findChange returns the first change of kind about subject (a field, else a form, else an
// event name).
func findChange(changes []snapshot.Change, kind, subject string) (snapshot.Change, bool) {
	for _, c := range changes {
		if c.Kind != kind {
			continue
		}
		if c.Field == subject || (c.Field == "" && (c.Form == subject || (c.Form == "" && c.Event == subject))) {
			return c, true
		}
	}
	return snapshot.Change{}, false
}
