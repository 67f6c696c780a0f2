package snapshot

import (
	"regexp"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/redcapgen/redcapgen/dictionary"
)

// demoProject is a small longitudinal project touching every line kind.
func demoProject() *dictionary.Project {
	demo := &dictionary.Form{Name: "demographics", Label: "Demographics", Fields: []*dictionary.Field{
		{Name: "record_id", Form: "demographics", Type: dictionary.TypeText, Label: "Record ID"},
		{Name: "dob", Form: "demographics", Type: dictionary.TypeText, Label: "Date of birth",
			Validation: "date_ymd", Min: "1900-01-01", Max: "today", Required: true, Identifier: true},
		{Name: "sex", Form: "demographics", Type: dictionary.TypeRadio, Label: "Sex",
			Choices: []dictionary.Choice{{Code: "0", Label: "Female"}, {Code: "1", Label: "Male"}, {Code: "-9", Label: "Unknown"}}},
		{Name: "height_cm", Form: "demographics", Type: dictionary.TypeText, Label: "Height (cm)",
			Validation: "number", Min: "50", Max: "250", Note: `say "cm"`},
	}}
	visit := &dictionary.Form{Name: "visit", Fields: []*dictionary.Field{
		{Name: "visit_date", Form: "visit", Type: dictionary.TypeText, Label: "Visit date", Validation: "date_ymd"},
		{Name: "race", Form: "visit", Type: dictionary.TypeCheckbox, Label: "<b>Race</b>",
			Choices: []dictionary.Choice{{Code: "1", Label: "White"}, {Code: "2", Label: "Black"}}},
		{Name: "bmi", Form: "visit", Type: dictionary.TypeCalc, Label: "BMI", ChoicesRaw: "[weight]/([height_cm]/100)^2",
			Branching: "[height_cm] <> ''", Annotation: "@HIDDEN"},
	}}
	return &dictionary.Project{
		Source: "demo.csv", Format: dictionary.FormatCSV, Title: "Demo", ID: 12,
		Forms:       []*dictionary.Form{demo, visit},
		SurveyForms: []string{"visit"},
		Arms:        []dictionary.Arm{{Num: 1, Name: "Drug A"}},
		Events: []dictionary.Event{
			{UniqueName: "baseline_arm_1", Name: "Baseline", Arm: 1, ID: 40},
			{UniqueName: "week_1_arm_1", Name: "Week 1", Arm: 1, ID: 41},
		},
		Mappings: []dictionary.Mapping{
			{Arm: 1, Event: "baseline_arm_1", Form: "demographics"},
			{Arm: 1, Event: "baseline_arm_1", Form: "visit"},
			{Arm: 1, Event: "week_1_arm_1", Form: "visit"},
		},
		Repeating:    []dictionary.Repeat{{Event: "week_1_arm_1", Form: "visit", CustomLabel: "[visit_date]"}},
		MissingCodes: []dictionary.MissingCode{{Code: "UNK", Label: "Unknown"}, {Code: "-9", Label: "Not asked"}},
	}
}

func TestSnapshotText(t *testing.T) {
	want := `# redcapgen dictionary snapshot v1
field record_id form=demographics type=text label="Record ID"
field dob form=demographics type=text label="Date of birth" validation=date_ymd min=1900-01-01 max=today required identifier
field sex form=demographics type=radio label=Sex choices="0, Female | 1, Male | -9, Unknown"
field height_cm form=demographics type=text label="Height (cm)" note="say \"cm\"" validation=number min=50 max=250
field visit_date form=visit type=text label="Visit date" validation=date_ymd
field race form=visit type=checkbox label="<b>Race</b>" choices="1, White | 2, Black"
field bmi form=visit type=calc label=BMI calc="[weight]/([height_cm]/100)^2" branching="[height_cm] <> ''" annotation=@HIDDEN
form demographics label=Demographics
form visit survey
arm 1 name="Drug A"
event baseline_arm_1 arm=1 name=Baseline
event week_1_arm_1 arm=1 name="Week 1"
mapping baseline_arm_1 form=demographics
mapping baseline_arm_1 form=visit
mapping week_1_arm_1 form=visit
repeat event=week_1_arm_1 form=visit custom_label="[visit_date]"
missing UNK label=Unknown
missing -9 label="Not asked"
`
	if diff := cmp.Diff(want, string(Snapshot(demoProject()))); diff != "" {
		t.Errorf("snapshot mismatch (-want +got):\n%s", diff)
	}
}

func TestFingerprintShape(t *testing.T) {
	fp := Fingerprint(demoProject())
	if !regexp.MustCompile(`^sha256:[0-9a-f]{64}$`).MatchString(fp) {
		t.Errorf("Fingerprint = %q, want sha256:<64 hex>", fp)
	}
	if Fingerprint(demoProject()) != fp {
		t.Error("Fingerprint differs between two calls on equal projects")
	}
	if got := string(Snapshot(nil)); got != header+"\n" {
		t.Errorf("Snapshot(nil) = %q", got)
	}
}

// TestSnapshotNormalises applies changes that only the source format or layout decides and
// wants the same fingerprint; and real changes, and wants another one.
func TestSnapshotNormalises(t *testing.T) {
	base := Fingerprint(demoProject())
	tests := []struct {
		name   string
		mutate func(p *dictionary.Project)
		same   bool
	}{
		{"CRLF and padding in a label", func(p *dictionary.Project) { p.Forms[0].Fields[1].Label = "  Date of birth\r\n" }, true},
		{"padded annotation", func(p *dictionary.Project) { p.Forms[1].Fields[2].Annotation = " @HIDDEN " }, true},
		{"choice spacing in the raw list", func(p *dictionary.Project) { p.Forms[0].Fields[2].ChoicesRaw = "0,Female|1,Male|-9,Unknown" }, true},
		{"default alignment RV spelled out", func(p *dictionary.Project) { p.Forms[0].Fields[0].Alignment = "RV" }, true},
		{"mapping order", func(p *dictionary.Project) {
			m := p.Mappings
			p.Mappings = []dictionary.Mapping{m[2], m[1], m[0]}
		}, true},
		{"event IDs, title, project ID, source", func(p *dictionary.Project) {
			p.Events[0].ID, p.Title, p.ID, p.Source, p.Format = 99, "Other", 7, "x.xml", dictionary.FormatProjectXML
		}, true},
		{"label text", func(p *dictionary.Project) { p.Forms[0].Fields[1].Label = "Birth date" }, false},
		{"choice label", func(p *dictionary.Project) { p.Forms[0].Fields[2].Choices[0].Label = "Woman" }, false},
		{"alignment", func(p *dictionary.Project) { p.Forms[0].Fields[0].Alignment = "LH" }, false},
		{"field order", func(p *dictionary.Project) {
			f := p.Forms[0].Fields
			f[1], f[2] = f[2], f[1]
		}, false},
		{"missing code", func(p *dictionary.Project) { p.MissingCodes = p.MissingCodes[:1] }, false},
		{"repeat label", func(p *dictionary.Project) { p.Repeating[0].CustomLabel = "" }, false},
		{"missing code order", func(p *dictionary.Project) {
			m := p.MissingCodes
			m[0], m[1] = m[1], m[0]
		}, false},
		{"event order", func(p *dictionary.Project) { p.Events[0], p.Events[1] = p.Events[1], p.Events[0] }, false},
		{"form order", func(p *dictionary.Project) { p.Forms[0], p.Forms[1] = p.Forms[1], p.Forms[0] }, false},
		{"survey flag", func(p *dictionary.Project) { p.SurveyForms = nil }, false},
		{"section header", func(p *dictionary.Project) { p.Forms[0].Fields[0].SectionHeader = "<h2>Basics</h2>" }, false},
		{"matrix ranking", func(p *dictionary.Project) { p.Forms[0].Fields[2].MatrixRanking = true }, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := demoProject()
			tt.mutate(p)
			if got := Fingerprint(p) == base; got != tt.same {
				t.Errorf("same fingerprint = %v, want %v; snapshot:\n%s", got, tt.same, Snapshot(p))
			}
			// Diff sees exactly the differences the snapshot shows.
			if changes := Diff(demoProject(), p); (len(changes) == 0) != tt.same {
				t.Errorf("Diff = %v, want changes only when the fingerprint differs", changes)
			}
		})
	}
}

func TestQuote(t *testing.T) {
	tests := []struct{ in, want string }{
		{"date_ymd", "date_ymd"},
		{"-9", "-9"},
		{"2024-01-01", "2024-01-01"},
		{"a b", `"a b"`},
		{"a=b", `"a=b"`},
		{`say "x"`, `"say \"x\""`},
		{"line\nbreak", `"line\nbreak"`},
		{"café", `"café"`},
		{"", `""`},
	}
	for _, tt := range tests {
		got := quote(tt.in)
		if got != tt.want {
			t.Errorf("quote(%q) = %s, want %s", tt.in, got, tt.want)
		}
		if strings.Contains(got, "\n") {
			t.Errorf("quote(%q) holds a newline", tt.in)
		}
	}
}

// BenchmarkSnapshot writes the snapshot of the largest corpus dictionary (11,872 fields).
func BenchmarkSnapshot(b *testing.B) {
	p := readSharedProject(b, "ncanda-laptops-import.csv")
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		Snapshot(p)
	}
}

// BenchmarkDiff compares the largest corpus dictionary with its parsed snapshot.
func BenchmarkDiff(b *testing.B) {
	p := readSharedProject(b, "ncanda-laptops-import.csv")
	q, err := ParseSnapshot(Snapshot(p))
	if err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		Diff(p, q)
	}
}
