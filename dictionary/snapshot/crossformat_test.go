package snapshot

import (
	"bytes"
	"encoding/json"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/redcapgen/redcapgen/dictionary"
)

// TestSameFingerprintInEveryAPIFormat reads one project's metadata as exported by REDCap in
// JSON, CSV and API XML: every column is carried by all three, so the fingerprints are equal.
func TestSameFingerprintInEveryAPIFormat(t *testing.T) {
	read := func(name string) *dictionary.Project {
		p, err := dictionary.Read(name, conformanceBody(t, "metadata.jsonl", name))
		if err != nil {
			t.Fatalf("read %s: %v", name, err)
		}
		return p
	}
	jsonProject := read("metadata_export_fieldtypes_json")
	want := string(Snapshot(jsonProject))
	for _, name := range []string{"metadata_export_fieldtypes_csv", "metadata_export_fieldtypes_xml"} {
		if diff := cmp.Diff(want, string(Snapshot(read(name)))); diff != "" {
			t.Errorf("%s snapshot differs from JSON (-json +%s):\n%s", name, name, diff)
		}
	}
}

// TestKeyOrderAndWhitespace rewrites a JSON metadata export with every object's keys in
// reverse order and indented, and wants the same fingerprint.
func TestKeyOrderAndWhitespace(t *testing.T) {
	body := conformanceBody(t, "metadata.jsonl", "metadata_export_fieldtypes_json")
	var rows []map[string]string
	if err := json.Unmarshal(body, &rows); err != nil {
		t.Fatalf("decode: %v", err)
	}
	var b bytes.Buffer
	b.WriteString("[\n")
	for i, row := range rows {
		keys := make([]string, 0, len(row))
		for k := range row {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		slices.Reverse(keys)
		b.WriteString("  {\r\n")
		for j, k := range keys {
			kj, _ := json.Marshal(k)
			vj, _ := json.Marshal(row[k])
			b.WriteString("    " + string(kj) + " :  " + string(vj))
			if j < len(keys)-1 {
				b.WriteString(",")
			}
			b.WriteString("\r\n")
		}
		b.WriteString("  }")
		if i < len(rows)-1 {
			b.WriteString(",")
		}
		b.WriteString("\n")
	}
	b.WriteString("]\n")
	orig, err := dictionary.Read("orig.json", body)
	if err != nil {
		t.Fatalf("read original: %v", err)
	}
	shuffled, err := dictionary.Read("reordered.json", b.Bytes())
	if err != nil {
		t.Fatalf("read reordered: %v", err)
	}
	if diff := cmp.Diff(string(Snapshot(orig)), string(Snapshot(shuffled))); diff != "" {
		t.Errorf("reordered keys change the snapshot (-orig +reordered):\n%s", diff)
	}
}

// commonColumns keeps what both a data dictionary (CSV/JSON) and a project XML carry. Project
// XML alone carries form labels, survey settings, arms, events, the mapping, repeats and
// missing-data codes; the dictionary alone carries question numbers, matrix ranking, slider
// min/max, the SQL of sql fields, and stray text in column 6 of text fields (project XML keeps
// it only for an ontology search, BIOPORTAL:...). Blank lines are left out of text: REDCap
// removes some from a project XML's text.
func commonColumns(p *dictionary.Project) *dictionary.Project {
	out := &dictionary.Project{}
	for _, form := range p.Forms {
		g := &dictionary.Form{Name: form.Name}
		for _, f := range form.Fields {
			c := *f
			c.QuestionNumber, c.MatrixRanking = "", false
			for _, text := range []*string{&c.Label, &c.SectionHeader, &c.Note, &c.Annotation, &c.Branching, &c.ChoicesRaw} {
				*text = withoutBlankLines(*text)
			}
			switch {
			case c.Type == dictionary.TypeSlider:
				c.Min, c.Max = "", ""
			case c.Type == dictionary.TypeSQL:
				c.ChoicesRaw = ""
			case c.Type == dictionary.TypeText && !strings.HasPrefix(c.ChoicesRaw, "BIOPORTAL:"):
				c.ChoicesRaw = ""
			}
			g.Fields = append(g.Fields, &c)
		}
		out.Forms = append(out.Forms, g)
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

// TestCSVAndProjectXMLPairs compares the CSV and project XML of the same projects: equal
// fingerprints over the columns both carry, different full fingerprints where the XML carries
// design the CSV cannot.
func TestCSVAndProjectXMLPairs(t *testing.T) {
	tests := []struct {
		csv, xml       string
		xmlHasMoreInfo bool // form labels or design only the XML carries
	}{
		{"redcap-regression-test.csv", "redcap-regression-test.xml", true},
		{"redcapr-validation-types.csv", "redcapr-validation-types.xml", true},
	}
	for _, tt := range tests {
		t.Run(tt.csv, func(t *testing.T) {
			csv, xml := readSharedProject(t, tt.csv), readSharedProject(t, tt.xml)
			comparePair(t, csv, xml, tt.xmlHasMoreInfo)
		})
	}
	t.Run("fieldtypes JSON and project XML", func(t *testing.T) {
		read := func(name string) *dictionary.Project {
			p, err := dictionary.Read(name, conformanceBody(t, "metadata.jsonl", name))
			if err != nil {
				t.Fatalf("read %s: %v", name, err)
			}
			return p
		}
		comparePair(t, read("metadata_export_fieldtypes_json"), read("project_xml_metadata_only"), true)
	})
}

// comparePair wants equal snapshots of the columns both sources carry, and full fingerprints
// that differ exactly when the project XML carries more.
func comparePair(t *testing.T, csv, xml *dictionary.Project, xmlHasMoreInfo bool) {
	t.Helper()
	if diff := cmp.Diff(string(Snapshot(commonColumns(csv))), string(Snapshot(commonColumns(xml)))); diff != "" {
		t.Errorf("common columns differ (-csv +xml):\n%s", diff)
	}
	if Fingerprint(commonColumns(csv)) != Fingerprint(commonColumns(xml)) {
		t.Errorf("fingerprints of the common columns differ")
	}
	if got := Fingerprint(csv) != Fingerprint(xml); got != xmlHasMoreInfo {
		t.Errorf("full fingerprints differ = %v, want %v", got, xmlHasMoreInfo)
	}
}
