package dictionary

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

func TestReadJSONDetails(t *testing.T) {
	data := "\xEF\xBB\xBF" + `[
 {"form_name":"demo","field_name":"record_id","field_type":"text","field_label":"ID","x_extra":"1"},
 {"field_name":"age","form_name":"demo","field_type":"text","field_label":"Age","text_validation_type_or_show_slider_number":"integer","text_validation_min":0,"text_validation_max":120,"field_note":null,"x_extra":"2"},
 {"field_name":"sex","form_name":"demo","field_type":"radio","field_label":"Sex","select_choices_or_calculations":"0, Female | 1, Male | -9, Unknown","identifier":"y","field_annotation":" @HIDDEN-SURVEY "}
]`
	p, err := ReadJSON("meta.json", []byte(data))
	if err != nil {
		t.Fatalf("ReadJSON: %v", err)
	}
	age, _ := p.Field("age")
	sex, _ := p.Field("sex")
	want := []*Field{
		{Name: "age", Form: "demo", Type: TypeText, Label: "Age", Validation: "integer", Min: "0", Max: "120", Location: "meta.json: element 2"},
		{Name: "sex", Form: "demo", Type: TypeRadio, Label: "Sex", ChoicesRaw: "0, Female | 1, Male | -9, Unknown",
			Choices: []Choice{{"0", "Female"}, {"1", "Male"}, {"-9", "Unknown"}}, Identifier: true,
			Annotation: " @HIDDEN-SURVEY ", ActionTags: []ActionTag{{Name: "HIDDEN-SURVEY"}}, Location: "meta.json: element 3"},
	}
	if diff := cmp.Diff(want, []*Field{age, sex}, cmpopts.EquateEmpty()); diff != "" {
		t.Errorf("fields (-want +got):\n%s", diff)
	}
	wantWarnings := []string{`meta.json: element 1: field "record_id": warning: unknown keys ignored: x_extra`}
	var got []string
	for _, w := range p.Warnings {
		got = append(got, w.Error())
	}
	if diff := cmp.Diff(wantWarnings, got); diff != "" {
		t.Errorf("warnings (-want +got):\n%s", diff)
	}
}

func TestReadAPIXMLDetails(t *testing.T) {
	data := `<?xml version="1.0" encoding="UTF-8" ?>
<records>
<item><field_name><![CDATA[record_id]]></field_name><form_name>demo</form_name><field_type>text</field_type><field_label><![CDATA[<b>ID</b> & "more"]]></field_label><select_choices_or_calculations></select_choices_or_calculations></item>
<item><field_name>race</field_name><form_name>demo</form_name><field_type>checkbox</field_type><field_label>Race</field_label><select_choices_or_calculations><![CDATA[1, White | 98, Other | -1, Declined]]></select_choices_or_calculations><odd/></item>
</records>`
	p, err := ReadAPIXML("meta.xml", []byte(data))
	if err != nil {
		t.Fatalf("ReadAPIXML: %v", err)
	}
	if got := p.RecordIDField().Label; got != `<b>ID</b> & "more"` {
		t.Errorf("label = %q", got)
	}
	wantCols := []string{"record_id", "race___1", "race___98", "race____1", "demo_complete"}
	if diff := cmp.Diff(wantCols, p.ExportColumns()); diff != "" {
		t.Errorf("columns (-want +got):\n%s", diff)
	}
	if len(p.Warnings) != 1 || p.Warnings[0].Error() != `meta.xml: element 2: field "race": warning: unknown elements ignored: odd` {
		t.Errorf("warnings = %v", p.Warnings)
	}
}
