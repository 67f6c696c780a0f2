package dictionary

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// fuzzSeeds adds small valid and broken inputs, plus the named shared files when present.
func fuzzSeeds(f *testing.F, inline []string, sharedFiles ...string) {
	for _, s := range inline {
		f.Add([]byte(s))
	}
	shared, err := findShared()
	if err != nil {
		return // the inline seeds suffice; the corpus tests report missing shared data
	}
	for _, rel := range sharedFiles {
		if data, err := os.ReadFile(filepath.Join(shared, rel)); err == nil {
			f.Add(data)
		}
	}
}

// checkReaderResult fails unless a reader either returned a usable project or a Problems error.
func checkReaderResult(t *testing.T, p *Project, err error) {
	t.Helper()
	if err != nil {
		var ps Problems
		if !errors.As(err, &ps) || len(ps) == 0 {
			t.Fatalf("error %v (%T) is not a non-empty Problems", err, err)
		}
		if p != nil {
			t.Fatalf("got a project and an error")
		}
		return
	}
	if p == nil || p.RecordIDField() == nil {
		t.Fatalf("no error but no project or no record ID field")
	}
	_ = p.ExportColumnsWith(true, true)
}

// FuzzReadCSV checks that ReadCSV never panics and fails only with Problems.
func FuzzReadCSV(f *testing.F) {
	fuzzSeeds(f, []string{
		csvOf("record_id,demo,,text,ID", `sex,demo,,radio,Sex,"1, F | 2, M"`),
		csvHeader18 + "\r\nrecord_id,demo,,text,\"a\r\nb\",,,,,,,,,,,,,\r\n",
		"Variable / Field Name;Form Name;Section Header;Field Type;Field Label;Choices;Field Note;Text Validation Type;Text Validation Min;Text Validation Max;Identifier?;Branching Logic;Required Field?;Custom Alignment;Question Number;Matrix Group Name\nid;f;;text;\x93ID\x94;;;;;;;;;;;\n",
		"\"unterminated",
		"",
	}, "dictionaries/redcapr-problematic.csv", "dictionaries/tlfb-scoring.csv")
	f.Fuzz(func(t *testing.T, data []byte) {
		p, err := ReadCSV("fuzz.csv", data)
		checkReaderResult(t, p, err)
	})
}

// FuzzReadJSON checks that ReadJSON never panics and fails only with Problems.
func FuzzReadJSON(f *testing.F) {
	fuzzSeeds(f, []string{
		`[{"field_name":"record_id","form_name":"f","field_type":"text","field_label":"ID"},{"field_name":"c","form_name":"f","field_type":"checkbox","select_choices_or_calculations":"1, A | -9, B"}]`,
		`[{"field_name":1,"form_name":null,"field_type":true}]`,
		`{}`, `[]`, `[7]`, `[{"field_name":{}}]`,
	})
	f.Fuzz(func(t *testing.T, data []byte) {
		p, err := ReadJSON("fuzz.json", data)
		checkReaderResult(t, p, err)
	})
}

// FuzzReadAPIXML checks that ReadAPIXML never panics and fails only with Problems.
func FuzzReadAPIXML(f *testing.F) {
	fuzzSeeds(f, []string{
		`<?xml version="1.0" encoding="UTF-8" ?><records><item><field_name><![CDATA[record_id]]></field_name><form_name>f</form_name><field_type>text</field_type><field_label>ID</field_label></item></records>`,
		`<records><item><x/></item></records>`,
		`<records><item>`,
		`<other/>`,
	})
	f.Fuzz(func(t *testing.T, data []byte) {
		p, err := ReadAPIXML("fuzz.xml", data)
		checkReaderResult(t, p, err)
	})
}

// FuzzReadProjectXML checks that ReadProjectXML never panics and fails only with Problems.
func FuzzReadProjectXML(f *testing.F) {
	fuzzSeeds(f, []string{
		`<ODM xmlns:redcap="https://projectredcap.org"><Study><GlobalVariables><StudyName>S</StudyName><redcap:MissingDataCodes>NA, Not applicable</redcap:MissingDataCodes></GlobalVariables><MetaDataVersion><FormDef OID="Form.f" Name="F" redcap:FormName="f"><ItemGroupRef ItemGroupOID="g"/></FormDef><ItemGroupDef OID="g"><ItemRef ItemOID="record_id"/><ItemRef ItemOID="c___1"/><ItemRef ItemOID="f_complete"/></ItemGroupDef><ItemDef OID="record_id" Name="record_id" redcap:Variable="record_id" redcap:FieldType="text"><Question><TranslatedText>ID</TranslatedText></Question></ItemDef><ItemDef OID="c___1" Name="c___1" redcap:Variable="c" redcap:FieldType="checkbox"><CodeListRef CodeListOID="c.choices"/></ItemDef><CodeList OID="c.choices" redcap:CheckboxChoices="1, A|2, B"/></MetaDataVersion></Study></ODM>`,
		`<ODM><Study><MetaDataVersion><StudyEventDef OID="e" redcap:ArmNum="x"/></MetaDataVersion></Study></ODM>`,
		`<ODM>`,
	}, "dictionaries/redcapr-validation-types.xml")
	f.Fuzz(func(t *testing.T, data []byte) {
		p, err := ReadProjectXML("fuzz.xml", data)
		checkReaderResult(t, p, err)
	})
}

// FuzzParseChoices checks that ParseChoices never panics and that accepted lists have unique,
// non-empty, trimmed codes.
func FuzzParseChoices(f *testing.F) {
	for _, s := range []string{"1, A | 2, B", "a|b", "1, A | 1, B", ",x", "1, A\n2, B", "| |"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		choices, _, err := ParseChoices(raw)
		if err != nil {
			return
		}
		seen := make(map[string]bool)
		for _, c := range choices {
			if c.Code == "" || seen[c.Code] || strings.TrimSpace(c.Code) != c.Code {
				t.Fatalf("bad code %q in %q", c.Code, raw)
			}
			seen[c.Code] = true
		}
	})
}

// FuzzParseActionTags checks that ParseActionTags never panics and returns upper-case names.
func FuzzParseActionTags(f *testing.F) {
	for _, s := range []string{`@IF([a]=1, @HIDDEN, @DEFAULT="x") @NOW`, `@DEFAULT='a`, `@CALCTEXT((`, "@", "x@Y"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, annotation string) {
		for _, tag := range ParseActionTags(annotation) {
			if tag.Name == "" || strings.ToUpper(tag.Name) != tag.Name {
				t.Fatalf("bad tag name %q in %q", tag.Name, annotation)
			}
		}
	})
}
