package emit

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestSurveyLayout checks that a project with a survey-enabled form gets REDCap's survey columns
// (in the order of an export with exportSurveyFields) and that the plan places
// them as read-only columns: decoded, never part of what a built row sends.
func TestSurveyLayout(t *testing.T) {
	tests := []struct {
		name         string
		surveyForms  []string
		wantColumns  []string
		wantReadOnly []string
	}{
		{
			name:        "no survey forms",
			wantColumns: []string{"record_id", "dob", "sex", "race___1", "race____1", "bmi", "demographics_complete", "visit_date", "visit_complete"},
		},
		{
			name:        "visit is a survey",
			surveyForms: []string{"visit"},
			wantColumns: []string{"record_id", "redcap_survey_identifier", "dob", "sex", "race___1", "race____1", "bmi",
				"demographics_complete", "visit_timestamp", "visit_date", "visit_complete"},
			wantReadOnly: []string{"redcap_survey_identifier", "visit_timestamp"},
		},
		{
			name:        "both forms are surveys",
			surveyForms: []string{"demographics", "visit"},
			wantColumns: []string{"record_id", "redcap_survey_identifier", "demographics_timestamp", "dob", "sex", "race___1",
				"race____1", "bmi", "demographics_complete", "visit_timestamp", "visit_date", "visit_complete"},
			wantReadOnly: []string{"redcap_survey_identifier", "demographics_timestamp", "visit_timestamp"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := smallProject(t)
			p.SurveyForms = tt.surveyForms
			pl := smallPlan(t, p)
			if diff := cmp.Diff(tt.wantColumns, pl.columns); diff != "" {
				t.Errorf("layout (-want +got):\n%s", diff)
			}
			var readOnly []string
			for _, c := range pl.readOnlyColumns() {
				readOnly = append(readOnly, pl.columns[c])
			}
			if diff := cmp.Diff(tt.wantReadOnly, readOnly); diff != "" {
				t.Errorf("read-only columns (-want +got):\n%s", diff)
			}
			allowed, built := pl.rowSpans(pl.containers[0].forms)
			for _, fp := range pl.forms {
				if fp.timestamp < 0 {
					continue
				}
				if !inSpans(allowed, fp.timestamp) || !inSpans(allowed, pl.surveyCol) {
					t.Errorf("%s: a row may not carry its survey columns", fp.form.Name)
				}
				if inSpans(built, fp.timestamp) || inSpans(built, pl.surveyCol) {
					t.Errorf("%s: a built row sends its survey columns", fp.form.Name)
				}
			}
		})
	}
}

// inSpans reports whether column c lies in one of spans.
func inSpans(spans []span, c int) bool {
	for _, s := range spans {
		if s.Start <= c && c < s.End {
			return true
		}
	}
	return false
}

// TestSurveyDeclarations checks the generated survey members: Record.SurveyIdentifier, the
// form's Timestamp, their decoding, and that DecodeRows forgets the read-only columns so that
// EncodeRows never sends them. Wanted snippets are compared with runs of blanks collapsed.
func TestSurveyDeclarations(t *testing.T) {
	p := smallProject(t)
	p.SurveyForms = []string{"visit"}
	pl := smallPlan(t, p)
	visit := pl.forms[1]
	tests := []struct {
		name string
		src  string
		want []string
		not  []string
	}{
		{"record struct", renderDecl(t, pl.emitRecordStruct()), []string{
			"SurveyIdentifier string // redcap_survey_identifier:",
		}, nil},
		{"survey form struct", renderDecl(t, pl.emitFormStruct(visit)), []string{
			`Timestamp redcap.Value[redcap.Text] // "visit_timestamp": survey completion time`,
		}, nil},
		{"other form struct", renderDecl(t, pl.emitFormStruct(pl.forms[0])), nil, []string{"Timestamp"}},
		{"survey form decode", renderDecl(t, pl.emitFormDecode(visit)), []string{
			"vals := (*[3]string)(row.Values[8:11])",
			"f.Timestamp = redcap.Decode(vals[0], nil, redcap.ParseText)",
		}, nil},
		{"survey form encode", renderDecl(t, pl.emitFormEncode(visit)), []string{"vals := (*[3]string)(row.Values[8:11])"}, []string{"Timestamp", "vals[0] ="}},
		{"decode rows", renderDecl(t, pl.emitRecordDecodeRows()), []string{
			`if id := row.Get(1); id != "" {`,
			"r.SurveyIdentifier = id",
			"r.present[1] = false",
			"r.present[8] = false",
		}, nil},
		{"new row", renderDecl(t, pl.emitRecordNewRow()), nil, []string{"row.Values[1]", "SurveyIdentifier"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			flat := strings.Join(strings.Fields(tt.src), " ") // gofmt alignment aside
			for _, w := range tt.want {
				if !strings.Contains(flat, w) {
					t.Errorf("missing %q in:\n%s", w, tt.src)
				}
			}
			for _, n := range tt.not {
				if strings.Contains(tt.src, n) {
					t.Errorf("unexpected %q in:\n%s", n, tt.src)
				}
			}
		})
	}
}
