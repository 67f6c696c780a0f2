package dictionary

import (
	"encoding/json"
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

// TestWarnings checks dictionaries that read with warnings, the warnings' text, and how the
// field was read.
func TestWarnings(t *testing.T) {
	tests := []struct {
		name           string
		row            string
		wantValidation string
		want           []string
	}{
		{"site-defined validation", "sid,demo,,text,ID,,,ncanda_id", "ncanda_id",
			[]string{`study.csv:3: field "sid": warning: validation "ncanda_id" is not a REDCap validation type (site-defined?): the field is treated as text`}},
		{"legacy int", "age,demo,,text,Age,,,int,0,120", "integer",
			[]string{`study.csv:3: field "age": warning: validation "int" is REDCap's legacy name of "integer": read as "integer"`}},
		{"validation lower-cased", "dob,demo,,text,DOB,,,Date_YMD,1900-01-01,today", "date_ymd", nil},
		{"autocomplete dropdown", `c,demo,,dropdown,C,"1, A | 2, B",,autocomplete`, "autocomplete", nil},
		{"autocomplete sql", `s,demo,,sql,S,"select 1",,autocomplete`, "autocomplete", nil},
		{"slider shows number", `s,demo,,slider,S,"Low | | High",,number,0,10`, "number", nil},
		{"signature", "sig,demo,,file,Sign,,,signature", "signature", nil},
		{"field reference bounds", "d2,demo,,text,D2,,,date_ymd,[dob],now", "date_ymd", nil},
		{"min does not parse", "n,demo,,text,N,,,integer,abc,1.5", "integer",
			[]string{`study.csv:3: field "n": warning: min "abc" does not parse as an integer for validation "integer"`,
				`study.csv:3: field "n": warning: max "1.5" does not parse as an integer for validation "integer"`}},
		{"date min not Y-M-D", "d,demo,,text,D,,,date_dmy,1/1/1900,today", "date_dmy",
			[]string{`study.csv:3: field "d": warning: min "1/1/1900" does not parse as a Y-M-D date for validation "date_dmy"`}},
		{"comma decimal bound", "n,demo,,text,N,,,number_comma_decimal,\"0,5\",10", "number_comma_decimal", nil},
		{"range without validation", "n,demo,,text,N,,,,1,12", "",
			[]string{`study.csv:3: field "n": warning: min "1" is ignored: the field has no validation that takes a range`,
				`study.csv:3: field "n": warning: max "12" is ignored: the field has no validation that takes a range`}},
		{"dropdown without choices", "c,demo,,dropdown,C", "",
			[]string{`study.csv:3: field "c": warning: dropdown field has no choices (select_choices_or_calculations is empty): it can hold no value`}},
		{"yesno with choices", `y,demo,,yesno,Y,"1, Sure | 0, Nope"`, "",
			[]string{`study.csv:3: field "y": warning: yesno field has choices "1, Sure | 0, Nope": REDCap ignores them and uses its fixed ones`}},
		{"mixed-case name", "reshist_WalkIndex,demo,,text,W", "",
			[]string{`study.csv:3: field "reshist_WalkIndex": warning: field name has upper-case letters; REDCap stores it as "reshist_walkindex"`}},
		{"odd flags", "x,demo,,text,X,,,,,,yes,,true", "",
			[]string{`study.csv:3: field "x": warning: identifier "yes" is not "y" or empty: treated as not set`,
				`study.csv:3: field "x": warning: required_field "true" is not "y" or empty: treated as not set`}},
		{"duplicate labels", `r,demo,,radio,R,"1, Very satisfied | 4, Very satisfied"`, "",
			[]string{`study.csv:3: field "r": warning: choices "1" and "4" have the same label "Very satisfied"`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := ReadCSV("study.csv", []byte(csvOf("record_id,demo,,text,ID", tt.row)))
			if err != nil {
				t.Fatalf("ReadCSV: %v", err)
			}
			var got []string
			for _, w := range p.Warnings {
				got = append(got, w.Error())
			}
			if diff := cmp.Diff(tt.want, got, cmpopts.EquateEmpty()); diff != "" {
				t.Errorf("warnings (-want +got):\n%s", diff)
			}
			if f := p.Forms[0].Fields[1]; f.Validation != tt.wantValidation {
				t.Errorf("validation = %q, want %q", f.Validation, tt.wantValidation)
			}
		})
	}
}

// TestUploadChecksAreWarnings reads dictionaries that REDCap refuses on upload but that live
// projects hold (and export): each reads, with a warning naming the field and its line.
func TestUploadChecksAreWarnings(t *testing.T) {
	tests := []struct {
		name string
		rows []string
		want string
	}{
		{"validation on a notes field", []string{"n,demo,,notes,N,,,integer"},
			`study.csv:3: field "n": warning: validation "integer" on a notes field is ignored (only text fields take a validation)`},
		{"misspelt validation", []string{"dob_1,demo,,text,DOB,,,date_xyz"},
			`study.csv:3: field "dob_1": warning: validation "date_xyz" is unknown (a typo of date_ymd, date_mdy, date_dmy, datetime_ymd, datetime_mdy, datetime_dmy, datetime_seconds_ymd, datetime_seconds_mdy, datetime_seconds_dmy? REDCap refuses it on upload): the field is treated as text`},
		{"calc without equation", []string{"total,demo,,calc,Total"},
			`study.csv:3: field "total": warning: calc field has no equation (select_choices_or_calculations is empty): REDCap computes no value for it`},
		{"matrix group with other choices", []string{`a,demo,,radio,A,"1, Yes | 0, No",,,,,,,,,,m`, `b,demo,,radio,B,"1, Yes | 2, No",,,,,,,,,,m`},
			`study.csv:4: field "b": warning: matrix group "m" needs the same choices in every field (REDCap refuses this on upload): "a" has "1, Yes | 0, No", this field has "1, Yes | 2, No"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := ReadCSV("study.csv", []byte(csvOf(append([]string{"record_id,demo,,text,ID"}, tt.rows...)...)))
			if err != nil {
				t.Fatalf("refused: %v", err)
			}
			var got []string
			for _, w := range p.Warnings {
				got = append(got, w.Error())
			}
			if !slices.Contains(got, tt.want) {
				t.Errorf("warnings %q do not include %q", got, tt.want)
			}
		})
	}
}

func TestProjectAccessors(t *testing.T) {
	p, err := ReadCSV("study.csv", []byte(csvOf("record_id,demo,,text,ID", "intro,demo,,descriptive,Hello",
		`race,demo,,checkbox,Race,"1, White | -1, Declined"`, "visit_date,visit,,text,Date,,,date_ymd")))
	if err != nil {
		t.Fatalf("ReadCSV: %v", err)
	}
	var names []string
	for _, f := range p.DataFields() {
		names = append(names, f.Name)
	}
	if diff := cmp.Diff([]string{"record_id", "race", "visit_date"}, names); diff != "" {
		t.Errorf("DataFields (-want +got):\n%s", diff)
	}
	wantCols := []string{"record_id", "race___1", "race____1", "demo_complete", "visit_date", "visit_complete"}
	if diff := cmp.Diff(wantCols, p.ExportColumns()); diff != "" {
		t.Errorf("ExportColumns (-want +got):\n%s", diff)
	}
	if _, ok := p.Form("visit"); !ok {
		t.Error("Form(visit) not found")
	}
	if _, ok := p.Field("nope"); ok {
		t.Error("Field(nope) found")
	}
	if p.RecordIDField().Name != "record_id" || p.IsLongitudinal() || p.HasRepeating() {
		t.Errorf("record ID %q, longitudinal %v, repeating %v", p.RecordIDField().Name, p.IsLongitudinal(), p.HasRepeating())
	}
}

// TestKnownValidationsMatchREDCap compares KnownValidations with content=fieldValidation.
func TestKnownValidationsMatchREDCap(t *testing.T) {
	var rows []struct {
		Type string `json:"validation_type"`
	}
	if err := json.Unmarshal(caseBody(t, "errors.jsonl", "other_content_fieldValidation"), &rows); err != nil {
		t.Fatal(err)
	}
	var want []string
	for _, r := range rows {
		want = append(want, r.Type)
	}
	if diff := cmp.Diff(want, KnownValidations(), cmpopts.SortSlices(func(a, b string) bool { return a < b })); diff != "" {
		t.Errorf("KnownValidations (-REDCap +got):\n%s", diff)
	}
}
