package dictionary

import (
	"encoding/json"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

func TestParseMissingCodes(t *testing.T) {
	tests := []struct {
		name     string
		raw      string
		want     []MissingCode
		warnings []string
	}{
		{"empty", "", nil, nil},
		{"project xml lines", "-1, NA -1\r\nUNK, Unknown\n\n9999999, (missing value, this project)",
			[]MissingCode{{"-1", "NA -1"}, {"UNK", "Unknown"}, {"9999999", "(missing value, this project)"}}, nil},
		{"api pipes", "NA, Not applicable | UNK, Unknown | -99, Not asked",
			[]MissingCode{{"NA", "Not applicable"}, {"UNK", "Unknown"}, {"-99", "Not asked"}}, nil},
		{"no label", "NASK", []MissingCode{{"NASK", "NASK"}}, []string{`missing-data code "NASK" has no label`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, warnings := ParseMissingCodes(tt.raw)
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("codes (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tt.warnings, warnings, cmpopts.EquateEmpty()); diff != "" {
				t.Errorf("warnings (-want +got):\n%s", diff)
			}
		})
	}
}

// TestParseMissingCodesProjectInfo reads the codes of the missingcodes fixture from project info.
func TestParseMissingCodesProjectInfo(t *testing.T) {
	var info struct {
		Codes string `json:"missing_data_codes"`
	}
	if err := json.Unmarshal(caseBody(t, "missingcodes.jsonl", "missingcodes_project_info"), &info); err != nil {
		t.Fatal(err)
	}
	got, warnings := ParseMissingCodes(info.Codes)
	want := []MissingCode{{"NA", "Not applicable"}, {"UNK", "Unknown"}, {"-99", "Not asked"}}
	if diff := cmp.Diff(want, got); diff != "" || len(warnings) > 0 {
		t.Errorf("codes (-want +got):\n%s\nwarnings %v", diff, warnings)
	}
}

func TestTextValidation(t *testing.T) {
	tests := []struct {
		field Field
		want  string
	}{
		{Field{Type: TypeText, Validation: "date_ymd"}, "date_ymd"},
		{Field{Type: TypeText, Validation: "ncanda_id"}, "ncanda_id"},
		{Field{Type: TypeDropdown, Validation: "autocomplete"}, ""},
		{Field{Type: TypeSQL, Validation: "autocomplete"}, ""},
		{Field{Type: TypeFile, Validation: "signature"}, ""},
		{Field{Type: TypeSlider, Validation: "number"}, ""},
	}
	for _, tt := range tests {
		if got := tt.field.TextValidation(); got != tt.want {
			t.Errorf("%s/%s: TextValidation() = %q, want %q", tt.field.Type, tt.field.Validation, got, tt.want)
		}
	}
}
