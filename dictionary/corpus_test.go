package dictionary

import (
	"path/filepath"
	"testing"
)

// TestReadCorpus reads every dictionary of ../shared/dictionaries and compares its counts with
// MANIFEST.md.
func TestReadCorpus(t *testing.T) {
	tests := []struct {
		file                                   string
		format                                 Format
		fields, forms, arms, events, repeating int
	}{
		{"ncanda-laptops-import.csv", FormatCSV, 11872, 26, 0, 0, 0},
		{"tbi-return-to-school.csv", FormatCSV, 5751, 34, 0, 0, 0},
		{"flight-tracker.json", FormatJSON, 2253, 36, 0, 0, 0},
		{"bridge2ai-voice.csv", FormatCSV, 1903, 59, 0, 0, 0},
		{"redcap-regression-test.xml", FormatProjectXML, 781, 72, 1, 2, 2},
		{"redcap-regression-test.csv", FormatCSV, 781, 72, 0, 0, 0},
		{"ccpuk-hantavirus.csv", FormatCSV, 586, 10, 0, 0, 0},
		{"ncanda-penncnp-import.csv", FormatCSV, 908, 16, 0, 0, 0},
		{"abcd-geocoding.csv", FormatCSV, 228, 1, 0, 0, 0},
		{"harmonist-hub.csv", FormatCSV, 161, 8, 0, 0, 0},
		{"pycap-longitudinal.xml", FormatProjectXML, 96, 9, 2, 16, 1},
		{"redcap-etl-repeating-events.xml", FormatProjectXML, 47, 5, 3, 12, 9},
		{"rsvc-a64400.xml", FormatProjectXML, 53, 4, 2, 4, 2},
		{"redcapapi-offline.csv", FormatCSV, 57, 11, 0, 0, 0},
		{"redcapr-validation-types.csv", FormatCSV, 50, 1, 0, 0, 0},
		{"redcapr-validation-types.xml", FormatProjectXML, 50, 1, 0, 0, 0},
		{"tlfb-scoring.csv", FormatCSV, 22, 1, 0, 0, 0},
		{"redcapr-problematic.csv", FormatCSV, 6, 1, 0, 0, 0},
	}
	dir := filepath.Join(sharedDir(t), "dictionaries")
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			p, err := ReadFile(filepath.Join(dir, tt.file))
			if err != nil {
				t.Fatalf("ReadFile: %v", err)
			}
			if p.Source != tt.file || p.Format != tt.format {
				t.Errorf("Source, Format = %q, %q; want %q, %q", p.Source, p.Format, tt.file, tt.format)
			}
			got := []int{len(p.Fields()), len(p.Forms), len(p.Arms), len(p.Events), len(p.Repeating)}
			want := []int{tt.fields, tt.forms, tt.arms, tt.events, tt.repeating}
			names := []string{"fields", "forms", "arms", "events", "repeating"}
			for i := range got {
				if got[i] != want[i] {
					t.Errorf("%s = %d, want %d", names[i], got[i], want[i])
				}
			}
			seen := make(map[string]bool)
			for _, col := range p.ExportColumnsWith(true, true) {
				if seen[col] {
					t.Errorf("export column %q appears twice", col)
				}
				seen[col] = true
			}
			for _, w := range p.Warnings {
				t.Logf("%v", w)
			}
		})
	}
}
