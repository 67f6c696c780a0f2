package emit

import (
	"fmt"
	"strings"
	"testing"

	"github.com/redcapgen/redcapgen/dictionary/snapshot"
	"github.com/redcapgen/redcapgen/generator/naming"
)

// choiceList returns a REDCap choice list of n choices "<i>, <label> <i>".
func choiceList(n int, label string) string {
	parts := make([]string, n)
	for i := range parts {
		parts[i] = fmt.Sprintf("%d, %s %d", i+1, label, i+1)
	}
	return strings.Join(parts, " | ")
}

// TestLongChoiceListsAreTables generates a radio and a checkbox of 10,000 choices each: their
// lookups are tables (no switch case per choice), and the code stays near one line per choice
// and column, so the package builds in seconds (BenchmarkBuildLongChoices in internal/perf
// measures it).
func TestLongChoiceListsAreTables(t *testing.T) {
	const n = 10_000
	for _, tt := range []struct {
		name      string
		choices   int
		wantCases bool // switch cases per choice
	}{
		{"at the threshold", maxSwitchChoices, true},
		{"above it", maxSwitchChoices + 1, false},
		{"10,000 choices", n, false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if testing.Short() && tt.choices == n {
				t.Skip("-short: 10,000 choices take seconds to emit and format")
			}
			p := readRows(t, []dictRow{
				{Name: "record_id", Form: "meds", Type: "text", Label: "Record ID"},
				{Name: "drug", Form: "meds", Type: "dropdown", Label: "Drug", Choices: choiceList(tt.choices, "Drug")},
				{Name: "sites", Form: "meds", Type: "checkbox", Label: "Sites", Choices: choiceList(tt.choices, "Site")},
			})
			names, err := naming.Resolve(p, nil)
			if err != nil {
				t.Fatal(err)
			}
			cfg := Config{Package: "meds", GeneratorVersion: "v0", Fingerprint: snapshot.Fingerprint(p), Snapshot: snapshot.Snapshot(p)}
			files, err := Emit(p, names, cfg)
			if err != nil {
				t.Fatal(err)
			}
			checkFiles(t, files, cfg)
			lines, cases := 0, 0
			for _, f := range files {
				if !strings.HasSuffix(f.Path, ".go") {
					continue
				}
				src := string(f.Bytes)
				lines += strings.Count(src, "\n")
				cases += strings.Count(src, "\tcase ")
			}
			if tt.wantCases != (cases >= tt.choices) {
				t.Errorf("%d choices: %d switch cases in the generated code, want cases per choice: %v", tt.choices, cases, tt.wantCases)
			}
			// Per choice of each field: a constant and a table row, and for the checkbox a
			// column of the layout; the rest is fixed.
			if limit := 6*tt.choices + 1000; !tt.wantCases && lines > limit {
				t.Errorf("%d choices: %d lines of Go, want at most %d", tt.choices, lines, limit)
			}
		})
	}
}
