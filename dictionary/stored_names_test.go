package dictionary

import (
	"bufio"
	"bytes"
	"encoding/json"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestStoredNames: field and form names with upper-case letters or spaces are read as the names
// REDCap stores, with a warning that names the written one (once per form).
func TestStoredNames(t *testing.T) {
	p, err := ReadCSV("study.csv", []byte(csvOf("record_id,Main,,text,ID", "Age,Main,,text,Age", "bad name,My Form,,text,X")))
	if err != nil {
		t.Fatalf("ReadCSV: %v", err)
	}
	var got []string
	for _, form := range p.Forms {
		for _, f := range form.Fields {
			got = append(got, form.Name+"."+f.Name)
		}
	}
	if d := cmp.Diff([]string{"main.record_id", "main.age", "my_form.bad_name"}, got); d != "" {
		t.Errorf("stored names (-want +got):\n%s", d)
	}
	var warnings []string
	for _, w := range p.Warnings {
		warnings = append(warnings, w.Error())
	}
	want := []string{
		`study.csv:2: field "record_id": warning: form name "Main" has upper-case letters; REDCap stores it as "main"`,
		`study.csv:3: field "Age": warning: field name has upper-case letters; REDCap stores it as "age"`,
		`study.csv:4: field "bad name": warning: field name contains a space; REDCap stores it as "bad_name"`,
		`study.csv:4: field "bad name": warning: form name "My Form" has upper-case letters and spaces; REDCap stores it as "my_form"`,
	}
	if d := cmp.Diff(want, warnings); d != "" {
		t.Errorf("warnings (-want +got):\n%s", d)
	}
}

// TestStoredNamesMatchREDCap: for each capture where REDCap renamed a field or form on import,
// the reader stores the field under the name and form REDCap answered with afterwards.
func TestStoredNamesMatchREDCap(t *testing.T) {
	cases := map[string]json.RawMessage{}
	sc := bufio.NewScanner(bytes.NewReader(readShared(t, filepath.Join("conformance", "metadata.jsonl"))))
	sc.Buffer(make([]byte, 0, 1<<20), 16<<20)
	for sc.Scan() {
		var c struct {
			Name string `json:"name"`
		}
		if err := json.Unmarshal(sc.Bytes(), &c); err != nil {
			t.Fatal(err)
		}
		cases[c.Name] = append(json.RawMessage(nil), sc.Bytes()...)
	}
	for _, name := range []string{
		"metadata_import_defect_uppercase_field_name", "metadata_import_defect_field_name_with_space",
		"metadata_import_defect_form_name_uppercase", "metadata_import_defect_form_name_with_space",
	} {
		var imp struct {
			Request map[string]string `json:"request"`
		}
		var stored struct {
			Body string `json:"body"`
		}
		if err := json.Unmarshal(cases[name], &imp); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if err := json.Unmarshal(cases[name+"__stored"], &stored); err != nil {
			t.Fatalf("%s__stored: %v", name, err)
		}
		var rows []struct {
			Field string `json:"field_name"`
			Form  string `json:"form_name"`
		}
		if err := json.Unmarshal([]byte(stored.Body), &rows); err != nil || len(rows) != 1 {
			t.Fatalf("%s__stored: want one stored row, got %d (%v)", name, len(rows), err)
		}
		p, err := Read(name, []byte(imp.Request["data"]))
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		f, ok := p.Field(rows[0].Field)
		if !ok || f.Form != rows[0].Form {
			t.Errorf("%s: REDCap stored field %q on form %q; the reader has %+v", name, rows[0].Field, rows[0].Form, f)
		}
	}
}
