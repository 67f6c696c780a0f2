package dictionary

import (
	"bufio"
	"bytes"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

// conformanceCase returns the case called name from a conformance file.
func conformanceCase(t *testing.T, file, name string) map[string]any {
	t.Helper()
	sc := bufio.NewScanner(bytes.NewReader(readShared(t, filepath.Join("conformance", file))))
	sc.Buffer(make([]byte, 0, 1<<20), 16<<20)
	for sc.Scan() {
		var c map[string]any
		if err := json.Unmarshal(sc.Bytes(), &c); err != nil {
			t.Fatalf("%s: %v", file, err)
		}
		if c["name"] == name {
			return c
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatalf("%s: %v", file, err)
	}
	t.Fatalf("%s: no case %q", file, name)
	return nil
}

// caseBody returns the body of a conformance case.
func caseBody(t *testing.T, file, name string) []byte {
	t.Helper()
	body, ok := conformanceCase(t, file, name)["body"].(string)
	if !ok {
		t.Fatalf("%s: case %q has no string body", file, name)
	}
	return []byte(body)
}

// ignoreWhere ignores what says where and how a project was read.
var ignoreWhere = cmp.Options{
	cmpopts.IgnoreFields(Field{}, "Location"),
	cmpopts.IgnoreFields(Project{}, "Source", "Format", "Lacks", "Warnings"),
}

// TestFieldtypesSameInEveryFormat reads the fieldtypes dictionary of metadata.jsonl as imported
// (JSON) and as exported in JSON, CSV and API XML, and wants one model.
func TestFieldtypesSameInEveryFormat(t *testing.T) {
	imported, ok := conformanceCase(t, "metadata.jsonl", "metadata_import_fieldtypes_all")["request"].(map[string]any)["data"].(string)
	if !ok {
		t.Fatal("metadata_import_fieldtypes_all has no request data")
	}
	want, err := Read("import.json", []byte(imported))
	if err != nil {
		t.Fatalf("read import data: %v", err)
	}
	if n := len(want.Fields()); n != 65 {
		t.Errorf("import data has %d fields, want 65", n)
	}
	// The one change REDCap makes on import: a slider without custom alignment is stored as
	// "RV" (its default). Every export shows it.
	for _, f := range want.Fields() {
		if f.Type == TypeSlider && f.Alignment == "" {
			f.Alignment = "RV"
		}
	}
	tests := []struct {
		name   string
		format Format
	}{
		{"metadata_export_fieldtypes_json", FormatJSON},
		{"metadata_export_fieldtypes_csv", FormatCSV},
		{"metadata_export_fieldtypes_xml", FormatAPIXML},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Read(tt.name, caseBody(t, "metadata.jsonl", tt.name))
			if err != nil {
				t.Fatalf("Read: %v", err)
			}
			if got.Format != tt.format {
				t.Errorf("Format = %q, want %q", got.Format, tt.format)
			}
			if diff := cmp.Diff(want, got, ignoreWhere); diff != "" {
				t.Errorf("model differs from the imported dictionary (-want +got):\n%s", diff)
			}
		})
	}
}

// dictionaryOnly keeps what a CSV or JSON dictionary carries: project XML adds a title, form
// labels and the design, which are dropped here.
func dictionaryOnly(p *Project) *Project {
	out := &Project{}
	for _, form := range p.Forms {
		out.Forms = append(out.Forms, &Form{Name: form.Name, Fields: form.Fields})
	}
	return out
}

// odmComparable returns a copy of p's fields without the columns project XML does not carry
// (question number, matrix ranking, the SQL of sql fields, slider min/max, column 6 of text
// fields other than ontology searches) and with choice lists compared by their parsed choices
// (ODM spells the raw list differently). Blank lines are left out of text: REDCap removes some
// from a project XML's text (asREDCapReadsODM), so the XML and the dictionary of one project
// differ there.
func odmComparable(p *Project) *Project {
	out := dictionaryOnly(p)
	for _, form := range out.Forms {
		fields := make([]*Field, len(form.Fields))
		for i, f := range form.Fields {
			c := *f
			c.QuestionNumber, c.MatrixRanking = "", false
			for _, text := range []*string{&c.Label, &c.SectionHeader, &c.Note, &c.Annotation, &c.Branching, &c.ChoicesRaw} {
				*text = withoutBlankLines(*text)
			}
			// Project XML trims annotations and leaves out the default alignment "RV".
			c.Annotation = strings.TrimSpace(c.Annotation)
			if c.Alignment == "RV" {
				c.Alignment = ""
			}
			switch c.Type {
			case TypeSQL, TypeDropdown, TypeRadio, TypeCheckbox:
				c.ChoicesRaw = ""
			case TypeText:
				// ODM keeps column 6 of a text field only for an ontology search; the
				// regression project's at_setvalue has stray text there that ODM drops.
				if !strings.HasPrefix(c.ChoicesRaw, "BIOPORTAL:") {
					c.ChoicesRaw = ""
				}
			case TypeSlider:
				// ODM has no RangeCheck for sliders: their min/max exist only in the dictionary.
				c.Min, c.Max = "", ""
			}
			fields[i] = &c
		}
		form.Fields = fields
	}
	return out
}

// withoutBlankLines turns every run of line breaks into one line feed.
func withoutBlankLines(s string) string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	for strings.Contains(s, "\n\n") {
		s = strings.ReplaceAll(s, "\n\n", "\n")
	}
	return s
}

// TestProjectXMLMatchesDictionary reads the same project as project XML and as a dictionary
// (CSV or JSON) and wants the same fields for every column both carry.
func TestProjectXMLMatchesDictionary(t *testing.T) {
	tests := []struct {
		name     string
		dict     func(t *testing.T) []byte
		odm      func(t *testing.T) []byte
		wantForm string // label of the first form, which only ODM carries
	}{
		{
			name:     "fieldtypes",
			dict:     func(t *testing.T) []byte { return caseBody(t, "metadata.jsonl", "metadata_export_fieldtypes_json") },
			odm:      func(t *testing.T) []byte { return caseBody(t, "metadata.jsonl", "project_xml_metadata_only") },
			wantForm: "Field Types",
		},
		{
			name:     "redcap-regression-test",
			dict:     func(t *testing.T) []byte { return readShared(t, "dictionaries/redcap-regression-test.csv") },
			odm:      func(t *testing.T) []byte { return readShared(t, "dictionaries/redcap-regression-test.xml") },
			wantForm: "",
		},
		{
			name:     "redcapr-validation-types",
			dict:     func(t *testing.T) []byte { return readShared(t, "dictionaries/redcapr-validation-types.csv") },
			odm:      func(t *testing.T) []byte { return readShared(t, "dictionaries/redcapr-validation-types.xml") },
			wantForm: "Form 1",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dict, err := Read(tt.name+".dict", tt.dict(t))
			if err != nil {
				t.Fatalf("read dictionary: %v", err)
			}
			odm, err := Read(tt.name+".xml", tt.odm(t))
			if err != nil {
				t.Fatalf("read project XML: %v", err)
			}
			if odm.Format != FormatProjectXML {
				t.Fatalf("Format = %q, want %q", odm.Format, FormatProjectXML)
			}
			if tt.wantForm != "" && odm.Forms[0].Label != tt.wantForm {
				t.Errorf("first form label = %q, want %q", odm.Forms[0].Label, tt.wantForm)
			}
			if diff := cmp.Diff(odmComparable(dict), odmComparable(odm), ignoreWhere); diff != "" {
				t.Errorf("project XML differs from the dictionary (-dictionary +project XML):\n%s", diff)
			}
		})
	}
}
