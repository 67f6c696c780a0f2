package redcaptest

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/redcapgen/redcapgen/dictionary"
)

// projectShape is what a project XML must carry back to the dictionary reader: the dictionary
// and the design, without where it was read from.
type projectShape struct {
	Title        string
	Forms        []formShape
	Arms         []dictionary.Arm
	Events       []dictionary.Event
	Mappings     []dictionary.Mapping
	Repeating    []dictionary.Repeat
	MissingCodes []dictionary.MissingCode
	DAGs         []string
	SurveyForms  []string
	Scheduling   bool
}

type formShape struct {
	Name, Label string
	Fields      []dictionary.Field
}

// asRead is text as a project XML reader gets it back: REDCap (and the generator's reader) read
// two line feeds written in the file as one.
func asRead(s string) string { return strings.ReplaceAll(s, "\n\n", "\n") }

// shapeOf projects a project onto what the round trip compares; served projects are taken as a
// project XML reader reads them back (asRead).
func shapeOf(p *dictionary.Project, served bool) projectShape {
	s := projectShape{Title: p.Title, Arms: p.Arms, Mappings: p.Mappings, Repeating: p.Repeating,
		MissingCodes: p.MissingCodes, SurveyForms: p.SurveyForms, Scheduling: p.SchedulingEnabled}
	for _, e := range p.Events {
		e.ID = 0
		s.Events = append(s.Events, e)
	}
	for _, d := range p.DAGs {
		s.DAGs = append(s.DAGs, d.Name)
	}
	for _, f := range p.Forms {
		fs := formShape{Name: f.Name, Label: f.Label}
		for _, fl := range f.Fields {
			if fl.Type == dictionary.TypeCheckbox && len(fl.Choices) == 0 {
				continue // no export column, so no item in a project XML
			}
			c := *fl
			c.Location, c.ChoicesRaw = "", ""
			if fl.Type == dictionary.TypeCalc || fl.Type == dictionary.TypeSlider {
				c.ChoicesRaw = fl.ChoicesRaw
			}
			if served {
				for _, t := range []*string{&c.Label, &c.SectionHeader, &c.Note, &c.Annotation, &c.Branching, &c.ChoicesRaw} {
					*t = asRead(*t)
				}
				c.Choices = nil
				for _, ch := range fl.Choices {
					c.Choices = append(c.Choices, dictionary.Choice{Code: ch.Code, Label: asRead(ch.Label)})
				}
			}
			fs.Fields = append(fs.Fields, c)
		}
		s.Forms = append(s.Forms, fs)
	}
	return s
}

// TestProjectXMLRoundTrip serves every shared dictionary and both project XMLs the capture
// created projects from, exports the project XML, and reads it back with the generator's
// reader: the project must come back the same (as the fake stores it).
func TestProjectXMLRoundTrip(t *testing.T) {
	shared := sharedDir(t)
	var paths []string
	for _, dir := range []string{filepath.Join(shared, "dictionaries"), filepath.Join(shared, "conformance", "projects")} {
		entries, err := os.ReadDir(dir)
		if err != nil {
			t.Fatalf("read %s: %v", dir, err)
		}
		for _, e := range entries {
			if !strings.HasSuffix(e.Name(), ".md") {
				paths = append(paths, filepath.Join(dir, e.Name()))
			}
		}
	}
	for _, path := range paths {
		t.Run(filepath.Base(path), func(t *testing.T) {
			p, err := dictionary.ReadFile(path)
			if err != nil {
				t.Skipf("the dictionary reader refuses it (its own tests cover that): %.100v", err)
			}
			if p.Title == "" {
				p.Title = "Round trip"
			}
			var opts []Option
			if strings.HasSuffix(path, ".xml") {
				raw, err := os.ReadFile(path)
				if err != nil {
					t.Fatal(err)
				}
				opts = append(opts, WithProjectXML(raw))
			}
			s := NewUnstartedServer(p, opts...)
			a := s.st.exportProjectXML(params{v: map[string][]string{"returnMetadataOnly": {"true"}}})
			if a.status != 200 {
				t.Fatalf("status %d: %.300s", a.status, a.body)
			}
			back, err := dictionary.ReadProjectXML("export.xml", []byte(a.body))
			if err != nil {
				t.Fatalf("read the exported project XML: %v", err)
			}
			if d := cmp.Diff(shapeOf(s.st.proj, true), shapeOf(back, false)); d != "" {
				t.Errorf("project XML round trip (-served +read back):\n%s", d)
			}
		})
	}
}

// TestProjectXMLOptions checks the parameters against a small project with data: metadata only,
// records[], fields[], DAGs, file fields and the format's Content-Type.
func TestProjectXMLOptions(t *testing.T) {
	s := newDemo(t, WithDAGs(dictionary.DAG{Name: "Site A", UniqueName: "site_a"}))
	if err := s.Load([]map[string]string{
		{"record_id": "1", "sex": "0", "race___2": "1", "redcap_data_access_group": "site_a"},
		{"record_id": "2", "dob": "2000-01-31", "cigs": "3"},
	}); err != nil {
		t.Fatalf("load: %v", err)
	}
	tests := []struct {
		name       string
		params     map[string]string
		want, not  []string
		contentTyp string
	}{
		{"metadata only", map[string]string{"returnMetadataOnly": "true", "format": "json"},
			[]string{`<ItemDef OID="race___2" Name="race___2" DataType="boolean"`, `<redcap:DataAccessGroups group_name="Site A"/>`}, []string{"<ClinicalData"}, "application/json; charset=utf-8"},
		{"all records", nil, []string{`<SubjectData SubjectKey="1"`, `<ItemData ItemOID="race___2" Value="1"/>`, `<ItemData ItemOID="cigs" Value="3"/>`}, []string{"redcap_data_access_group"}, "text/xml; charset=utf-8"},
		{"one record", map[string]string{"records[0]": "2"}, []string{`<SubjectData SubjectKey="2"`}, []string{`SubjectKey="1"`}, "text/xml; charset=utf-8"},
		{"DAG column", map[string]string{"exportDataAccessGroups": "true", "format": "csv"}, []string{`<ItemData ItemOID="redcap_data_access_group" Value="site_a"/>`, `<ItemRef ItemOID="redcap_data_access_group"`}, nil, "text/csv; charset=utf-8"},
		{"no match", map[string]string{"filterLogic": "[cigs] > 50"}, []string{"<ClinicalData", "</ClinicalData>"}, []string{"<SubjectData"}, "text/xml; charset=utf-8"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v := map[string][]string{}
			for k, x := range tt.params {
				v[k] = []string{x}
			}
			a := s.st.exportProjectXML(params{v: v})
			if a.status != 200 || contentTypes[a.format] != tt.contentTyp {
				t.Fatalf("status %d, content type %q", a.status, contentTypes[a.format])
			}
			for _, w := range tt.want {
				if !strings.Contains(a.body, w) {
					t.Errorf("body lacks %s", w)
				}
			}
			for _, n := range tt.not {
				if strings.Contains(a.body, n) {
					t.Errorf("body has %s", n)
				}
			}
		})
	}
}
