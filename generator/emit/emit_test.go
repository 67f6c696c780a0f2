package emit

import (
	"bytes"
	"encoding/json"
	"regexp"
	"strings"
	"testing"

	"github.com/dave/jennifer/jen"
	"github.com/google/go-cmp/cmp"

	"github.com/redcapgen/redcapgen/dictionary"
	"github.com/redcapgen/redcapgen/generator/naming"
)

// dictRow is one row of an API JSON dictionary, for building small test projects.
type dictRow struct {
	Name, Form, Type, Label, Choices, Validation, Min, Max, Annotation, Branching string
}

// smallProject reads a small dictionary through the real JSON reader: a demographics form with a
// date, a radio with a negative code, a checkbox, a calc, and a visit form.
func smallProject(t testing.TB) *dictionary.Project {
	t.Helper()
	rows := []dictRow{
		{Name: "record_id", Form: "demographics", Type: "text", Label: "Record ID"},
		{Name: "dob", Form: "demographics", Type: "text", Label: "Date of <b>birth</b>", Validation: "date_ymd", Min: "1900-01-01", Max: "today"},
		{Name: "sex", Form: "demographics", Type: "radio", Label: "Sex", Choices: "0, Female | 1, Male | -9, Unknown"},
		{Name: "race", Form: "demographics", Type: "checkbox", Label: "Race", Choices: "1, White | -1, Declined"},
		{Name: "bmi", Form: "demographics", Type: "calc", Label: "BMI", Choices: "[weight]/2"},
		{Name: "visit_date", Form: "visit", Type: "text", Label: "Visit date", Validation: "date_mdy"},
	}
	return readRows(t, rows)
}

// readRows turns dictionary rows into a Project with dictionary.ReadJSON.
func readRows(t testing.TB, rows []dictRow) *dictionary.Project {
	t.Helper()
	var objs []map[string]string
	for _, r := range rows {
		objs = append(objs, map[string]string{
			"field_name": r.Name, "form_name": r.Form, "section_header": "", "field_type": r.Type,
			"field_label": r.Label, "select_choices_or_calculations": r.Choices, "field_note": "",
			"text_validation_type_or_show_slider_number": r.Validation, "text_validation_min": r.Min,
			"text_validation_max": r.Max, "identifier": "", "branching_logic": r.Branching, "required_field": "",
			"custom_alignment": "", "question_number": "", "matrix_group_name": "", "matrix_ranking": "",
			"field_annotation": r.Annotation,
		})
	}
	data, err := json.Marshal(objs)
	if err != nil {
		t.Fatal(err)
	}
	p, err := dictionary.ReadJSON("small.json", data)
	if err != nil {
		t.Fatalf("read small dictionary: %v", err)
	}
	return p
}

// smallPlan resolves names and plans a project.
func smallPlan(t testing.TB, p *dictionary.Project) *plan {
	t.Helper()
	n, err := naming.Resolve(p, nil)
	if err != nil {
		t.Fatalf("resolve names: %v", err)
	}
	pl, err := newPlan(p, n, Config{Package: "study", GeneratorVersion: "v0.0.0-test", Fingerprint: "sha256:test"})
	if err != nil {
		t.Fatalf("plan: %v", err)
	}
	return pl
}

// renderDecl renders one declaration in a small file and returns the source after the package
// clause and imports.
func renderDecl(t *testing.T, code jen.Code) string {
	t.Helper()
	f := jen.NewFilePathName("", "study")
	f.ImportName(runtimePath, "redcap")
	f.Add(code)
	var buf bytes.Buffer
	if err := f.Render(&buf); err != nil {
		t.Fatalf("render: %v", err)
	}
	src := buf.String()
	if i := strings.Index(src, "\n\n"); i >= 0 {
		src = src[i+2:]
	}
	if strings.HasPrefix(src, "import") {
		if i := strings.Index(src, "\n\n"); i >= 0 {
			src = src[i+2:]
		}
	}
	return src
}

// fieldOf returns the planned field with a REDCap name.
func fieldOf(t *testing.T, pl *plan, name string) *fieldPlan {
	t.Helper()
	for _, fp := range pl.forms {
		for _, fd := range fp.fields {
			if fd.field.Name == name {
				return fd
			}
		}
	}
	t.Fatalf("field %q not planned", name)
	return nil
}

func TestEmitDeclarations(t *testing.T) {
	p := smallProject(t)
	p.MissingCodes = []dictionary.MissingCode{{Code: "UNK", Label: "Unknown"}}
	pl := smallPlan(t, p)
	tests := []struct {
		name string
		code jen.Code
		want string
	}{
		{"form struct", pl.emitFormStruct(pl.forms[0]), `// Demographics is REDCap instrument "demographics" (Demographics).
type Demographics struct {
	DOB  redcap.Value[redcap.Date] // "dob" (Date of birth): text, date_ymd, 1900-01-01..today
	Sex  redcap.Value[Sex]         // "sex" (Sex): radio
	Race RaceSet                   // "race" (Race): checkbox, columns race___1 … race___unk
	// Computed: [weight]/2
	// REDCap cannot evaluate this; the value stays blank (at position 1: unknown field "weight").
	BMI      redcap.Value[redcap.Number]     // "bmi" (BMI): calc, read-only (REDCap drops imported values)
	Complete redcap.Value[redcap.FormStatus] // "demographics_complete": form status (0 Incomplete, 1 Unverified, 2 Complete)
}
`},
		{"enum parse", emitEnumParse(pl.enums()[0]), `// ParseSex returns the choice whose code is exactly code (codes are text: "01" is not "1").
func ParseSex(code string) (Sex, bool) {
	switch code {
	case "0", "1", "-9":
		return Sex(code), true
	}
	return "", false
}
`},
		{"enum consts", emitEnumConsts(pl.enums()[0]), `// The choices of Sex, in dictionary order.
const (
	SexFemale  Sex = "0"  // Female
	SexMale    Sex = "1"  // Male
	SexUnknown Sex = "-9" // Unknown
)
`},
		{"set missing code", emitSetMissingCode(fieldOf(t, pl, "race")), `// MissingCode returns the first missing-data code whose column holds "1".
func (s RaceSet) MissingCode() (string, bool) {
	switch {
	case s.cols[2] == "1":
		return "UNK", true
	}
	return "", false
}
`},
		{"form decode", pl.emitFormDecode(pl.forms[1]), `// decode fills the instrument from its columns of row.
func (f *Visit) decode(row *redcap.Row) {
	vals := (*[2]string)(row.Values[8:10])
	f.VisitDate = scalarDecodeDate(vals[0])
	f.Complete = redcap.Decode(vals[1], nil, redcap.ParseFormStatus)
}
`},
		{"form validate", pl.emitFormValidate(pl.forms[0]), `// Validate checks every value of the instrument against REDCap's rules and reports into v;
// v.At says where the values sit.
func (f *Demographics) Validate(v *redcap.Validator) {
	rs := (*[5]redcap.FieldRule)(rules[1:6])
	v.Value(&rs[0], f.DOB.Raw())
	v.Value(&rs[1], f.Sex.Raw())
	v.Checkbox(&rs[2], f.Race.cols[:])
	v.ReadOnly(&rs[3], f.BMI.Raw())
	v.Value(&rs[4], f.Complete.Raw())
}
`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, renderDecl(t, tt.code)); diff != "" {
				t.Errorf("%s mismatch (-want +got):\n%s", tt.name, diff)
			}
		})
	}
}

func TestEmitSmallProject(t *testing.T) {
	p := smallProject(t)
	p.Title = `Demo "study" */`
	p.Repeating = []dictionary.Repeat{{Form: "visit"}}
	n, err := naming.Resolve(p, nil)
	if err != nil {
		t.Fatal(err)
	}
	cfg := Config{Package: "study", GeneratorVersion: "v1.2.3", Fingerprint: "sha256:abc", Snapshot: []byte("field `a`\nfield b\n")}
	files, err := Emit(p, n, cfg)
	if err != nil {
		t.Fatalf("Emit: %v", err)
	}
	checkFiles(t, files, cfg)
	var paths []string
	for _, f := range files {
		paths = append(paths, f.Path)
	}
	wantPaths := []string{
		"redcap_form_demographics_gen.go", "redcap_form_visit_gen.go", "redcap_enums_gen.go",
		"redcap_checkboxes_gen.go", "redcap_record_gen.go", "redcap_codec_gen.go",
		"redcap_validate_gen.go", "redcap_project_gen.go", "redcap_rules_gen.go", "redcap_snapshot_gen.go", SnapshotFile,
	}
	if diff := cmp.Diff(wantPaths, paths); diff != "" {
		t.Errorf("files mismatch (-want +got):\n%s", diff)
	}
	again, err := Emit(p, n, cfg)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(files, again); diff != "" {
		t.Errorf("second generation differs (-first +second):\n%s", diff)
	}
	record := string(files[4].Bytes)
	if !regexp.MustCompile(`\tVisit +\[\]redcap\.Instance\[Visit\]`).MatchString(record) {
		t.Errorf("repeating instrument is not a slice of instances:\n%s", record)
	}
	if snapshot := string(files[9].Bytes); !strings.Contains(snapshot, "//go:embed "+SnapshotFile+"\nvar Snapshot string\n") {
		t.Errorf("snapshot does not embed its text file:\n%s", snapshot)
	}
	if text := string(files[10].Bytes); text != "field `a`\nfield b\n" {
		t.Errorf("%s = %q, want the snapshot text", SnapshotFile, text)
	}
	if rules := string(files[8].Bytes); !strings.Contains(rules, "\nvar rules = []redcap.FieldRule{\n\t{Name: ") {
		t.Errorf("rules table missing:\n%s", rules)
	}
}

func TestEmitRefusesIncompleteInput(t *testing.T) {
	p := smallProject(t)
	n, err := naming.Resolve(p, nil)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name  string
		p     *dictionary.Project
		n     Names
		cfg   Config
		wants string
	}{
		{"no project", nil, n, Config{Package: "x"}, "no project"},
		{"no package", p, n, Config{}, "no package name"},
		{"names of another project", p, emptyNames{}, Config{Package: "x"}, "no Go name"},
		{"nil names table", p, (*naming.Names)(nil), Config{Package: "x"}, "internal error"},
		{"form name with a path", withForm(p, "../x"), n, Config{Package: "x"}, "cannot name a file"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Emit(tt.p, tt.n, tt.cfg)
			if err == nil || !strings.Contains(err.Error(), tt.wants) {
				t.Errorf("Emit error = %v, want one containing %q", err, tt.wants)
			}
		})
	}
}

// emptyNames knows no names, like a table resolved for another project.
type emptyNames struct{}

func (emptyNames) Form(string) string              { return "" }
func (emptyNames) Field(string) string             { return "" }
func (emptyNames) Enum(string) string              { return "" }
func (emptyNames) EnumConst(string, string) string { return "" }
func (emptyNames) Set(string) string               { return "" }
func (emptyNames) Event(string) string             { return "" }
func (emptyNames) Arm(int) string                  { return "" }

// withForm returns a copy of p whose first form has another name.
func withForm(p *dictionary.Project, name string) *dictionary.Project {
	q := *p
	form := *p.Forms[0]
	form.Name = name
	q.Forms = append([]*dictionary.Form{&form}, p.Forms[1:]...)
	return &q
}
