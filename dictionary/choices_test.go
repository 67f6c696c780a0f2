package dictionary

import (
	"encoding/json"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

func TestParseChoices(t *testing.T) {
	tests := []struct {
		name     string
		raw      string
		want     []Choice
		warnings []string
		err      string
	}{
		{"empty", "  ", nil, nil, ""},
		{"spaced", "1, Yes | 0, No", []Choice{{"1", "Yes"}, {"0", "No"}}, nil, ""},
		{"unspaced and uneven", "1, Type 1| 2,Type 2 |3 ,  Type 3", []Choice{{"1", "Type 1"}, {"2", "Type 2"}, {"3", "Type 3"}}, nil, ""},
		{"label with commas and html", "1, <b>Red</b>, bright | 2, Blue, dark, deep",
			[]Choice{{"1", "<b>Red</b>, bright"}, {"2", "Blue, dark, deep"}}, nil, ""},
		{"codes are strings", "01, Jan | 1, One | -9, Unknown | 5.5, Half | en-US, English | 9..9, Dots | ABC, Letters",
			[]Choice{{"01", "Jan"}, {"1", "One"}, {"-9", "Unknown"}, {"5.5", "Half"}, {"en-US", "English"}, {"9..9", "Dots"}, {"ABC", "Letters"}}, nil, ""},
		{"empty label", "1, Lowest | 2,  | 3, Highest", []Choice{{"1", "Lowest"}, {"2", ""}, {"3", "Highest"}}, nil, ""},
		{"no comma", "normal | abnormal", []Choice{{"normal", "normal"}, {"abnormal", "abnormal"}},
			[]string{`choice "normal" has no comma: using it as both code and label`, `choice "abnormal" has no comma: using it as both code and label`}, ""},
		{"line breaks", "1, A\n2, B\r\n3, C", []Choice{{"1", "A"}, {"2", "B"}, {"3", "C"}}, nil, ""},
		{"stray pipe", "1, A | | 2, B |", []Choice{{"1", "A"}, {"2", "B"}},
			[]string{`choice entry 2 is empty (a stray "|")`, `choice entry 4 is empty (a stray "|")`}, ""},
		{"duplicate label is fine", "1, Very satisfied | 2, Satisfied | 4, Very satisfied",
			[]Choice{{"1", "Very satisfied"}, {"2", "Satisfied"}, {"4", "Very satisfied"}}, nil, ""},
		{"duplicate code", "1, A | 1, B", []Choice{{"1", "A"}}, nil,
			`malformed choices: choice code "1" is used twice (labels "A" and "B"); codes must be unique`},
		{"case differs is not duplicate", "a, Lower | A, Upper", []Choice{{"a", "Lower"}, {"A", "Upper"}}, nil, ""},
		{"empty code", "1, A | , B", []Choice{{"1", "A"}}, nil, `malformed choices: choice entry 2 (", B") has an empty code`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, warnings, err := ParseChoices(tt.raw)
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("choices (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tt.warnings, warnings, cmpopts.EquateEmpty()); diff != "" {
				t.Errorf("warnings (-want +got):\n%s", diff)
			}
			gotErr := ""
			if err != nil {
				gotErr = err.Error()
			}
			if gotErr != tt.err {
				t.Errorf("error = %q, want %q", gotErr, tt.err)
			}
		})
	}
}

func TestCheckboxColumn(t *testing.T) {
	tests := []struct{ field, code, want string }{
		{"f_checkbox", "1", "f_checkbox___1"},
		{"f_checkbox", "-9", "f_checkbox____9"},
		{"f_checkbox", "abc", "f_checkbox___abc"},
		{"f_checkbox", "A_B", "f_checkbox___a_b"},
		{"f_checkbox", "10", "f_checkbox___10"},
		{"m_check", "NA", "m_check___na"},
		{"m_check", "-99", "m_check____99"},
		{"f_checkbox", "1.5", "f_checkbox___1_5"},
		{"race", "en-US", "race___en_us"},
		{"race", "é", "race_____"}, // two UTF-8 bytes, two underscores
	}
	for _, tt := range tests {
		if got := CheckboxColumn(tt.field, tt.code); got != tt.want {
			t.Errorf("CheckboxColumn(%q, %q) = %q, want %q", tt.field, tt.code, got, tt.want)
		}
	}
}

// TestCheckboxColumnsMatchExportFieldNames compares CheckboxColumn with the checkbox rows of
// REDCap's exportFieldNames for the fieldtypes and missingcodes fixtures.
func TestCheckboxColumnsMatchExportFieldNames(t *testing.T) {
	for _, tc := range []struct{ file, name string }{
		{"metadata.jsonl", "exportFieldNames_fieldtypes_json"},
		{"missingcodes.jsonl", "missingcodes_exportFieldNames"},
	} {
		var rows []struct {
			Field  string `json:"original_field_name"`
			Choice string `json:"choice_value"`
			Export string `json:"export_field_name"`
		}
		if err := json.Unmarshal(caseBody(t, tc.file, tc.name), &rows); err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		checked := 0
		for _, r := range rows {
			if r.Choice == "" {
				continue
			}
			checked++
			if got := CheckboxColumn(r.Field, r.Choice); got != r.Export {
				t.Errorf("%s: CheckboxColumn(%q, %q) = %q, REDCap says %q", tc.name, r.Field, r.Choice, got, r.Export)
			}
		}
		if checked == 0 {
			t.Errorf("%s: no checkbox rows", tc.name)
		}
	}
}
