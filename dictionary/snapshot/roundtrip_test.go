package snapshot_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/redcapgen/redcapgen/dictionary"
	"github.com/redcapgen/redcapgen/dictionary/snapshot"
	"github.com/redcapgen/redcapgen/generator"
	"github.com/redcapgen/redcapgen/internal/sharedtest"
)

// TestParseGivesBackTheProject writes the snapshot of each example's dictionary, each golden
// input and each shared dictionary, reads it back and wants the same Project for everything a
// snapshot holds (and a fake REDCap started from it needs): fields with every dictionary column
// and their parsed choices (yesno and truefalse included), forms and labels, survey flags, arms,
// events, mappings, repeats and missing codes.
func TestParseGivesBackTheProject(t *testing.T) {
	for _, in := range repoInputs(t) {
		t.Run(in.name, func(t *testing.T) {
			data, err := os.ReadFile(in.dict)
			if err != nil {
				t.Fatal(err)
			}
			p, err := dictionary.Read(filepath.Base(in.dict), data)
			if err != nil {
				t.Fatalf("read: %v", err)
			}
			if in.events != "" {
				design, err := os.ReadFile(in.events)
				if err != nil {
					t.Fatal(err)
				}
				if err := generator.ApplyEventDesign(p, filepath.Base(in.events), design); err != nil {
					t.Fatalf("event design: %v", err)
				}
			}
			checkGivesBack(t, p)
		})
	}
	dir := filepath.Join(sharedtest.Dir(t), "dictionaries")
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatalf("list dictionaries: %v", err)
	}
	for _, e := range entries {
		if ext := filepath.Ext(e.Name()); ext != ".csv" && ext != ".json" && ext != ".xml" {
			continue
		}
		t.Run("shared/"+e.Name(), func(t *testing.T) {
			p, err := dictionary.ReadFile(filepath.Join(dir, e.Name()))
			if err != nil {
				t.Fatalf("read: %v", err)
			}
			checkGivesBack(t, p)
		})
	}
}

// input is a dictionary of the repository, with its event design file when it has one.
type input struct{ name, dict, events string }

// repoInputs lists the examples' dictionaries and the golden inputs that generate a package.
func repoInputs(t *testing.T) []input {
	t.Helper()
	root := filepath.Join("..", "..")
	ins := []input{
		{"examples/quickstart", filepath.Join(root, "examples", "quickstart", "study.csv"), ""},
		{"examples/calculations", filepath.Join(root, "examples", "calculations", "study.csv"), ""},
		{"examples/sync", filepath.Join(root, "examples", "sync", "study.csv"), ""},
		{"examples/longitudinal", filepath.Join(root, "examples", "longitudinal", "study.csv"),
			filepath.Join(root, "examples", "longitudinal", "design.json")},
	}
	cases, err := filepath.Glob(filepath.Join(root, "golden", "*", "want"))
	if err != nil || len(cases) == 0 {
		t.Fatalf("no golden cases (%v)", err)
	}
	for _, want := range cases {
		dir := filepath.Dir(want)
		dicts, _ := filepath.Glob(filepath.Join(dir, "input.*"))
		if len(dicts) != 1 {
			t.Fatalf("%s: want one input.* file, have %q", dir, dicts)
		}
		in := input{name: "golden/" + filepath.Base(dir), dict: dicts[0]}
		if _, err := os.Stat(filepath.Join(dir, "design.json")); err == nil {
			in.events = filepath.Join(dir, "design.json")
		}
		ins = append(ins, in)
	}
	return ins
}

// checkGivesBack compares p with its snapshot read back.
func checkGivesBack(t *testing.T, p *dictionary.Project) {
	t.Helper()
	q, err := snapshot.ParseSnapshot(snapshot.Snapshot(p))
	if err != nil {
		t.Fatalf("ParseSnapshot: %v", err)
	}
	if diff := cmp.Diff(designOf(p), designOf(q), snapshotEquivalence...); diff != "" {
		t.Errorf("the snapshot read back differs (-project +read back):\n%s", diff)
	}
}

// snapshotEquivalence is what a snapshot normalises: surrounding white space and line endings
// of every value, and the order of survey forms, mappings and repeats.
var snapshotEquivalence = []cmp.Option{
	cmp.Transformer("canon", func(s string) string {
		s = strings.ReplaceAll(s, "\r\n", "\n")
		return strings.TrimSpace(strings.ReplaceAll(s, "\r", "\n"))
	}),
	cmpopts.SortSlices(func(a, b string) bool { return a < b }),
	cmpopts.SortSlices(func(a, b dictionary.Mapping) bool { return a.Event+"\x00"+a.Form < b.Event+"\x00"+b.Form }),
	cmpopts.SortSlices(func(a, b dictionary.Repeat) bool { return a.Event+"\x00"+a.Form < b.Event+"\x00"+b.Form }),
	cmpopts.EquateEmpty(),
}

// designOf copies what a snapshot holds of p: it leaves out what identifies one server's copy
// of a project (ID, title, event IDs and offsets, DAGs, roles, numbering, record labels), what
// says where it was read (source, format, locations, warnings, lacking parts), the text of a
// choice list (its parsed choices are compared) and REDCap's default alignment RV.
func designOf(p *dictionary.Project) *dictionary.Project {
	d := &dictionary.Project{
		Arms:         p.Arms,
		Mappings:     p.Mappings,
		Repeating:    p.Repeating,
		MissingCodes: p.MissingCodes,
		SurveyForms:  p.SurveyForms,
	}
	for _, e := range p.Events {
		d.Events = append(d.Events, dictionary.Event{UniqueName: e.UniqueName, Name: e.Name, Arm: e.Arm, CustomLabel: e.CustomLabel})
	}
	for _, form := range p.Forms {
		nf := &dictionary.Form{Name: form.Name, Label: form.Label}
		for _, f := range form.Fields {
			c := *f
			c.Location = ""
			if len(c.Choices) > 0 && c.Type != dictionary.TypeCalc {
				c.ChoicesRaw = ""
			}
			if a := strings.ToUpper(strings.TrimSpace(c.Alignment)); a == "RV" {
				c.Alignment = ""
			} else {
				c.Alignment = a
			}
			nf.Fields = append(nf.Fields, &c)
		}
		d.Forms = append(d.Forms, nf)
	}
	return d
}
