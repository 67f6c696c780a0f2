package main

import (
	"bytes"
	"encoding/json"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/redcapgen/redcapgen/dictionary"
	"github.com/redcapgen/redcapgen/dictionary/snapshot"
)

// reverseKeys rewrites a JSON metadata export with every object's keys in reverse order.
func reverseKeys(t *testing.T, data []byte) []byte {
	t.Helper()
	var rows []map[string]json.RawMessage
	if err := json.Unmarshal(data, &rows); err != nil {
		t.Fatalf("decode JSON metadata: %v", err)
	}
	var b bytes.Buffer
	b.WriteString("[")
	for i, row := range rows {
		keys := make([]string, 0, len(row))
		for k := range row {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		slices.Reverse(keys)
		if i > 0 {
			b.WriteString(",")
		}
		b.WriteString("\n {")
		for j, k := range keys {
			if j > 0 {
				b.WriteString(", ")
			}
			name, _ := json.Marshal(k)
			b.Write(name)
			b.WriteString(": ")
			b.Write(row[k])
		}
		b.WriteString("}")
	}
	b.WriteString("\n]\n")
	return b.Bytes()
}

// apiKeys are the keys of REDCap's API metadata export, in the order of the CSV columns.
var apiKeys = []string{
	"field_name", "form_name", "section_header", "field_type", "field_label",
	"select_choices_or_calculations", "field_note", "text_validation_type_or_show_slider_number",
	"text_validation_min", "text_validation_max", "identifier", "branching_logic", "required_field",
	"custom_alignment", "question_number", "matrix_group_name", "matrix_ranking", "field_annotation",
}

// csvToAPIJSON turns an 18-column Data Dictionary CSV into the API's JSON metadata export.
func csvToAPIJSON(t *testing.T, data []byte) []byte {
	t.Helper()
	rows := csvRows(t, data)
	out := make([]map[string]string, 0, len(rows)-1)
	for _, r := range rows[1:] {
		if len(r) != len(apiKeys) {
			t.Fatalf("row %q has %d columns, want %d", r[0], len(r), len(apiKeys))
		}
		m := map[string]string{}
		for i, k := range apiKeys {
			m[k] = r[i]
		}
		out = append(out, m)
	}
	b, err := json.Marshal(out)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestReorderedJSONKeysCheckClean checks that JSON key order changes nothing. REDCap's own
// dictionary import maps keys by position, but redcapgen reads them by name. The real API
// export flight-tracker.json with reversed keys gives the same fingerprint; and a package
// generated from a JSON export checks clean (exit 0) against the same JSON with reversed keys.
// The JSON made from a Data Dictionary CSV also has the CSV's fingerprint.
func TestReorderedJSONKeysCheckClean(t *testing.T) {
	flight := sharedDictionary(t, "flight-tracker.json")
	original, err := dictionary.Read("flight-tracker.json", flight)
	if err != nil {
		t.Fatal(err)
	}
	reversed, err := dictionary.Read("flight-tracker.json", reverseKeys(t, flight))
	if err != nil {
		t.Fatal(err)
	}
	if snapshot.Fingerprint(original) != snapshot.Fingerprint(reversed) {
		t.Errorf("flight-tracker.json: reversing the keys changes the fingerprint")
	}

	const name = "redcapapi-offline"
	csvData := sharedDictionary(t, name+".csv")
	jsonData := csvToAPIJSON(t, csvData)
	fromCSV, err := dictionary.Read(name+".csv", csvData)
	if err != nil {
		t.Fatal(err)
	}
	fromJSON, err := dictionary.Read(name+".json", jsonData)
	if err != nil {
		t.Fatal(err)
	}
	if snapshot.Fingerprint(fromCSV) != snapshot.Fingerprint(fromJSON) {
		t.Errorf("%s: the CSV and its API JSON have different fingerprints", name)
	}
	dir := t.TempDir()
	dict := writeFile(t, dir, "original/"+name+".json", jsonData)
	reordered := writeFile(t, dir, "reordered/"+name+".json", reverseKeys(t, jsonData))
	out := filepath.Join(dir, "study")
	mustGenerate(t, nil, "-dict", dict, "-package", "study", "-out", out)
	code, report := runCheckJSON(t, nil, "-dict", reordered, "-package", "study", "-out", out)
	if code != exitOK || !report.Current || len(report.Changes) > 0 {
		t.Errorf("reordered keys: exit %d, current %v, changes %v, changed files %v", code, report.Current, report.Changes, report.Changed)
	}
}

// designOnlyKinds are the changes a project XML shows against the CSV of the same project
// because only the XML carries them: form labels and survey settings, arms, events, the
// form-event mapping, repeating forms and missing-data codes.
var designOnlyKinds = []string{
	snapshot.KindLongitudinalChanged, snapshot.KindFormChanged, snapshot.KindArmAdded,
	snapshot.KindEventAdded, snapshot.KindFormMapped, snapshot.KindRepeatingChanged,
	snapshot.KindMissingCodeAdded,
}

// csvOnlyColumn reports whether a field change is one of the columns only the Data Dictionary
// CSV carries: the SQL of sql fields, stray text in the choices column of text fields, and the
// min/max of sliders (project XML has no RangeCheck for sliders).
func csvOnlyColumn(f *dictionary.Field, c snapshot.Change) bool {
	switch {
	case c.Kind == snapshot.KindFieldChanged && f.Type == dictionary.TypeSQL:
		return strings.HasPrefix(c.Detail, "SQL query changed")
	case c.Kind == snapshot.KindFieldChanged && f.Type == dictionary.TypeText:
		return strings.HasPrefix(c.Detail, "choices/calculations column changed")
	case c.Kind == snapshot.KindRangeChanged && f.Type == dictionary.TypeSlider:
		return true
	}
	return false
}

// blankLinesOnly reports whether the label of f and of the same field in the project XML differ
// only in blank lines, which REDCap removes from a project XML's text.
func blankLinesOnly(f *dictionary.Field, xmlProject *dictionary.Project) bool {
	x, ok := xmlProject.Field(f.Name)
	squeeze := func(s string) string {
		s = strings.ReplaceAll(s, "\r\n", "\n")
		for strings.Contains(s, "\n\n") {
			s = strings.ReplaceAll(s, "\n\n", "\n")
		}
		return s
	}
	return ok && squeeze(f.Label) == squeeze(x.Label)
}

// TestSwitchingSourceFormat generates from the CSV of a shared project, then checks its project
// XML: the files differ (their headers name the source file and the fingerprint, and the XML adds
// design), but every reported change is one the two formats cannot agree on, explained by
// designOnlyKinds, csvOnlyColumn and blankLinesOnly. No field is added, removed, retyped or re-choiced.
func TestSwitchingSourceFormat(t *testing.T) {
	for _, base := range []string{"redcap-regression-test", "redcapr-validation-types"} {
		t.Run(base, func(t *testing.T) {
			dir := t.TempDir()
			csvPath := writeFile(t, dir, base+".csv", sharedDictionary(t, base+".csv"))
			xmlPath := writeFile(t, dir, base+".xml", sharedDictionary(t, base+".xml"))
			csvProject, xmlProject := fakeProject(t, csvPath), fakeProject(t, xmlPath)
			out := filepath.Join(dir, "study")
			mustGenerate(t, nil, "-dict", csvPath, "-package", "study", "-out", out)
			_, report := runCheckJSON(t, nil, "-dict", xmlPath, "-package", "study", "-out", out)
			for _, c := range report.Changes {
				if c.Field == "" {
					if !slices.Contains(designOnlyKinds, c.Kind) {
						t.Errorf("unexplained difference between CSV and XML: %s [%s]", c, c.Kind)
					}
					continue
				}
				f, ok := csvProject.Field(c.Field)
				if ok && c.Kind == snapshot.KindFieldRelabelled && blankLinesOnly(f, xmlProject) {
					continue
				}
				if !ok || !csvOnlyColumn(f, c) {
					t.Errorf("unexplained field difference between CSV and XML: %s [%s]", c, c.Kind)
				}
			}
		})
	}
}
