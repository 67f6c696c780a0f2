package dictionary

import (
	"encoding/json"
	"strings"
	"testing"
)

// TestDefaultFormLabel checks the label REDCap gives an instrument a dictionary creates, against
// the instrument exports of projects made from dictionaries.
func TestDefaultFormLabel(t *testing.T) {
	tests := []struct{ form, want string }{
		{"form_1", "Form 1"},
		{"my_form", "My Form"},
		{"MyForm", "Myform"},
		{"my form", "My Form"},
		{"visit_2b", "Visit 2b"},
		{"a__b", "A  B"},
		{"_x", " X"},
	}
	for _, tt := range tests {
		if got := DefaultFormLabel(tt.form); got != tt.want {
			t.Errorf("DefaultFormLabel(%q) = %q, want %q", tt.form, got, tt.want)
		}
	}
	for _, name := range []string{"instrument_fieldtypes_json", "instrument_longitudinal_json",
		"metadata_import_defect_form_name_with_space__instruments_after",
		"metadata_import_defect_form_name_uppercase__instruments_after"} {
		var instruments []struct {
			Name  string `json:"instrument_name"`
			Label string `json:"instrument_label"`
		}
		if err := json.Unmarshal(caseBody(t, "metadata.jsonl", name), &instruments); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		for _, in := range instruments {
			if got := DefaultFormLabel(in.Name); got != in.Label {
				t.Errorf("%s: DefaultFormLabel(%q) = %q, REDCap made %q", name, in.Name, got, in.Label)
			}
		}
	}
}

// TestDictionaryFormsGetREDCapLabels reads a CSV and its API JSON: every form has the label the
// live project made from it shows.
func TestDictionaryFormsGetREDCapLabels(t *testing.T) {
	p, err := Read("small.csv", []byte(smallCSV+"visit_date,visit_2,,text,Visit date,,,,,,,,,,,,,\n"))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, f := range p.Forms {
		got = append(got, f.Name+"="+f.Label)
	}
	if want := "demographics=Demographics visit_2=Visit 2"; strings.Join(got, " ") != want {
		t.Errorf("form labels %q, want %q", strings.Join(got, " "), want)
	}
}

// smallCSV is a two-field Data Dictionary CSV.
const smallCSV = `Variable / Field Name,Form Name,Section Header,Field Type,Field Label,"Choices, Calculations, OR Slider Labels",Field Note,Text Validation Type OR Show Slider Number,Text Validation Min,Text Validation Max,Identifier?,Branching Logic (Show field only if...),Required Field?,Custom Alignment,Question Number (surveys only),Matrix Group Name,Matrix Ranking?,Field Annotation
record_id,demographics,,text,Record ID,,,,,,,,,,,,,
note,demographics,,descriptive,A note,,,,,,,,y,,,,,
`

// TestDescriptiveFieldIsNeverRequired reads a descriptive field marked required as REDCap stores
// it (fidelity: csv_newlines_metadata_export): not required, with a warning naming the field.
func TestDescriptiveFieldIsNeverRequired(t *testing.T) {
	p, err := Read("small.csv", []byte(smallCSV))
	if err != nil {
		t.Fatal(err)
	}
	f, _ := p.Field("note")
	if f.Required {
		t.Error("the descriptive field is required")
	}
	if !hasWarning(p, "note", "required_field is set on a descriptive field") {
		t.Errorf("no warning about the dropped flag: %v", p.Warnings)
	}
	stored := string(caseBody(t, "fidelity.jsonl", "csv_newlines_metadata_export"))
	if !strings.Contains(stored, `"field_name":"d","form_name":"f1","section_header":"","field_type":"descriptive"`) ||
		!strings.Contains(stored, `"required_field":"","custom_alignment":"","question_number":"","matrix_group_name":"","matrix_ranking":"","field_annotation":""}]`) {
		t.Errorf("the vector no longer shows REDCap dropping required from descriptive field d")
	}
}

// hasWarning reports whether p has a warning about field containing text.
func hasWarning(p *Project, field, text string) bool {
	for _, w := range p.Warnings {
		if w.Field == field && strings.Contains(w.Message, text) {
			return true
		}
	}
	return false
}

// odmWith returns a one-form project XML whose items are the given ItemDef elements (each
// named in the item group), for fields record_id plus those items.
func odmWith(items ...string) string {
	var refs, defs strings.Builder
	refs.WriteString(`<ItemRef ItemOID="record_id"/>`)
	defs.WriteString(`<ItemDef OID="record_id" Name="record_id" DataType="text" redcap:Variable="record_id" redcap:FieldType="text"><Question><TranslatedText>ID</TranslatedText></Question></ItemDef>`)
	for _, it := range items {
		oid := strings.SplitN(strings.SplitN(it, `OID="`, 2)[1], `"`, 2)[0]
		refs.WriteString(`<ItemRef ItemOID="` + oid + `"/>`)
		defs.WriteString(it)
	}
	return `<?xml version="1.0" encoding="UTF-8"?>
<ODM xmlns="http://www.cdisc.org/ns/odm/v1.3" xmlns:redcap="https://projectredcap.org">
<Study OID="Project.T"><GlobalVariables><StudyName>T</StudyName></GlobalVariables>
<MetaDataVersion OID="Metadata.T" Name="T" redcap:RecordIdField="record_id">
<FormDef OID="Form.f1" Name="F one" redcap:FormName="f1"><ItemGroupRef ItemGroupOID="f1.g"/></FormDef>
<ItemGroupDef OID="f1.g" Name="F one">` + refs.String() + `</ItemGroupDef>
` + defs.String() + `
</MetaDataVersion></Study></ODM>`
}

// TestProjectXMLReadAsREDCapStoresIt reads a project XML's text as REDCap stores it when it
// creates a project from the file: literal blank lines collapse (two line feeds become one,
// three become two: fidelity odm_literal_newlines_metadata_export), CRLF pairs and &#10;
// references stay (odm_scheduling_metadata_export_blank_lines); matrix ranking is read; a calc
// field without an equation is a warning naming the field and where it is.
func TestProjectXMLReadAsREDCapStoresIt(t *testing.T) {
	xml := odmWith(
		"<ItemDef OID=\"first_name\" Name=\"first_name\" DataType=\"text\" redcap:Variable=\"first_name\" redcap:FieldType=\"text\"><Question><TranslatedText>First Name\n\n(as on the ID card)\n\n\nno nicknames\nend</TranslatedText></Question></ItemDef>",
		"<ItemDef OID=\"last_name\" Name=\"last_name\" DataType=\"text\" redcap:Variable=\"last_name\" redcap:FieldType=\"text\"><Question><TranslatedText>Last Name\r\n\r\nCRLF pair</TranslatedText></Question></ItemDef>",
		`<ItemDef OID="kept" Name="kept" DataType="text" redcap:Variable="kept" redcap:FieldType="text"><Question><TranslatedText>A&#10;&#10;B</TranslatedText></Question></ItemDef>`,
		`<ItemDef OID="rank" Name="rank" DataType="text" redcap:Variable="rank" redcap:FieldType="radio" redcap:MatrixGroupName="m" redcap:MatrixRanking="y"><Question><TranslatedText>Rank</TranslatedText></Question></ItemDef>`,
		`<ItemDef OID="score" Name="score" DataType="float" redcap:Variable="score" redcap:FieldType="calc" redcap:Calculation=""><Question><TranslatedText>Score</TranslatedText></Question></ItemDef>`,
	)
	p, err := Read("project.xml", []byte(xml))
	if err != nil {
		t.Fatalf("a project XML with a calc field without equation is refused: %v", err)
	}
	stored := map[string]string{}
	var fields []struct {
		Name  string `json:"field_name"`
		Label string `json:"field_label"`
	}
	if err := json.Unmarshal(caseBody(t, "fidelity.jsonl", "odm_literal_newlines_metadata_export"), &fields); err != nil {
		t.Fatal(err)
	}
	for _, f := range fields {
		stored[f.Name] = f.Label
	}
	stored["kept"] = "A\n\nB"
	for name, want := range stored {
		f, ok := p.Field(name)
		if !ok {
			t.Fatalf("no field %q", name)
		}
		if f.Label != want {
			t.Errorf("%s: label %q, REDCap stores %q", name, f.Label, want)
		}
	}
	if f, _ := p.Field("rank"); !f.MatrixRanking {
		t.Error("redcap:MatrixRanking=\"y\" is not read")
	}
	if !hasWarning(p, "score", "calc field has no equation") {
		t.Errorf("no warning about the empty calc field: %v", p.Warnings)
	}
	for _, w := range p.Warnings {
		if w.Field == "score" && w.Location() != "project.xml: element 6" {
			t.Errorf("warning located at %q, want project.xml: element 6", w.Location())
		}
	}
}
