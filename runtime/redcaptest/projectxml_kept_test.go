package redcaptest

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestRawElementsAttributeNames keeps the attributes REDCap can have written (XML names, values
// with their line breaks) and drops what no XML writer produces, such as a name starting with a
// digit, which would break the project XML export when written back.
func TestRawElementsAttributeNames(t *testing.T) {
	tests := []struct {
		name, element, doc string
		want               [][]xmlAttr
	}{
		{"names and values", "Surveys", `<redcap:Surveys form_name="f" title="A &amp; B"/>`,
			[][]xmlAttr{{{"form_name", "f"}, {"title", "A & B"}}}},
		{"line breaks kept", "Surveys", "<redcap:Surveys instructions=\"a\r\nb\"/>",
			[][]xmlAttr{{{"instructions", "a\r\nb"}}}},
		{"name starting with a digit", "SurveysQueue", `<redcap:SurveysQueue 0abc="1" survey_id="f"/>`,
			[][]xmlAttr{{{"survey_id", "f"}}}},
		{"suffix of a bad name", "SurveysQueue", `<redcap:SurveysQueue 0A="1"/>`, [][]xmlAttr{nil}},
		{"underscore and colon first", "SurveysQueue", `<redcap:SurveysQueue _a="1" x:b="2"/>`,
			[][]xmlAttr{{{"_a", "1"}, {"x:b", "2"}}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := rawElements([]byte(tt.doc), tt.element)
			if diff := cmp.Diff(tt.want, got, cmp.AllowUnexported(xmlAttr{})); diff != "" {
				t.Errorf("rawElements(%q) (-want +got):\n%s", tt.doc, diff)
			}
		})
	}
}
