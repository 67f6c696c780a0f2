package dictionary

import (
	"bytes"
	"encoding/json"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// firstRowKeys returns the keys of the first row of a JSON record export, in order.
func firstRowKeys(t *testing.T, body []byte) []string {
	t.Helper()
	var rows []json.RawMessage
	if err := json.Unmarshal(body, &rows); err != nil || len(rows) == 0 {
		t.Fatalf("record export: %v (%d rows)", err, len(rows))
	}
	dec := json.NewDecoder(bytes.NewReader(rows[0]))
	if _, err := dec.Token(); err != nil { // {
		t.Fatal(err)
	}
	var keys []string
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			t.Fatal(err)
		}
		keys = append(keys, tok.(string))
		var skip json.RawMessage
		if err := dec.Decode(&skip); err != nil {
			t.Fatal(err)
		}
	}
	return keys
}

// TestExportColumnsMatchREDCap compares ExportColumnsWith with the columns of real flat exports
// of the conformance fixture projects.
func TestExportColumnsMatchREDCap(t *testing.T) {
	tests := []struct {
		export      string // exports.jsonl (or missingcodes.jsonl) case
		exportFile  string
		dictionary  string // metadata.jsonl (or missingcodes.jsonl) case with the dictionary
		dictFile    string
		design      func(p *Project)
		dag, survey bool
	}{
		{export: "fieldtypes_flat_raw_json", dictionary: "metadata_export_fieldtypes_json"},
		{export: "classic_flat_raw_json", dictionary: "metadata_export_classic_json"},
		{export: "classic_flat_exportSurveyFields_json", dictionary: "metadata_export_classic_json",
			design: func(p *Project) { p.SurveyForms = []string{"demographics"} }, survey: true},
		{export: "classic_flat_exportDataAccessGroups_json", dictionary: "metadata_export_classic_json",
			design: func(p *Project) { p.DAGs = []DAG{{Name: "Site A", UniqueName: "site_a"}} }, dag: true},
		{export: "longitudinal_flat_raw_json", dictionary: "metadata_export_classic_json",
			design: func(p *Project) {
				p.Events = []Event{{UniqueName: "baseline_arm_1", Arm: 1}, {UniqueName: "follow_up_arm_1", Arm: 1}}
				p.Repeating = []Repeat{{Event: "follow_up_arm_1", Form: "visit"}}
			}},
		{export: "longitudinal_exportDataAccessGroups", dictionary: "metadata_export_classic_json",
			design: func(p *Project) {
				p.Events = []Event{{UniqueName: "baseline_arm_1", Arm: 1}}
				p.Repeating = []Repeat{{Event: "week_2_arm_2"}}
			}, dag: true}, // the longitudinal project has no DAGs: no DAG column
		{export: "repeating_flat_raw_json", dictionary: "metadata_import_repeating",
			design: func(p *Project) { p.Repeating = []Repeat{{Form: "medications"}, {Form: "adverse_events"}} }},
		{export: "missingcodes_export_all", exportFile: "missingcodes.jsonl", dictionary: "missingcodes_metadata", dictFile: "missingcodes.jsonl",
			design: func(p *Project) {
				p.MissingCodes = []MissingCode{{"NA", "Not applicable"}, {"UNK", "Unknown"}, {"-99", "Not asked"}}
			}},
	}
	for _, tt := range tests {
		t.Run(tt.export, func(t *testing.T) {
			exportFile, dictFile := or(tt.exportFile, "exports.jsonl"), or(tt.dictFile, "metadata.jsonl")
			p, err := ReadJSON(tt.dictionary, dictionaryBytes(t, dictFile, tt.dictionary))
			if err != nil {
				t.Fatalf("ReadJSON: %v", err)
			}
			if tt.design != nil {
				tt.design(p)
			}
			want := firstRowKeys(t, caseBody(t, exportFile, tt.export))
			if diff := cmp.Diff(want, p.ExportColumnsWith(tt.dag, tt.survey)); diff != "" {
				t.Errorf("ExportColumnsWith(%v, %v) (-REDCap +got):\n%s", tt.dag, tt.survey, diff)
			}
		})
	}
}

// dictionaryBytes returns a dictionary from a conformance case: the body of an export, or the
// data of an import.
func dictionaryBytes(t *testing.T, file, name string) []byte {
	t.Helper()
	req, _ := conformanceCase(t, file, name)["request"].(map[string]any)
	if data, ok := req["data"].(string); ok {
		return []byte(data)
	}
	return caseBody(t, file, name)
}

// or returns s, or def when s is empty.
func or(s, def string) string {
	if s == "" {
		return def
	}
	return s
}

func TestFieldColumnsMissingCodes(t *testing.T) {
	p := &Project{MissingCodes: []MissingCode{{"NA", "Not applicable"}, {"-99", "Not asked"}}}
	tests := []struct {
		field Field
		want  []string
	}{
		{Field{Name: "c", Type: TypeCheckbox, Choices: []Choice{{"1", "A"}, {"NA", "None"}}},
			[]string{"c___1", "c___na", "c____99"}},
		{Field{Name: "c", Type: TypeCheckbox, Choices: []Choice{{"1", "A"}}, ActionTags: []ActionTag{{Name: "NOMISSING"}}},
			[]string{"c___1"}},
		{Field{Name: "d", Type: TypeDescriptive}, nil},
		{Field{Name: "t", Type: TypeText}, []string{"t"}},
	}
	for _, tt := range tests {
		if diff := cmp.Diff(tt.want, p.FieldColumns(&tt.field)); diff != "" {
			t.Errorf("FieldColumns(%s) (-want +got):\n%s", tt.field.Name, diff)
		}
	}
}
