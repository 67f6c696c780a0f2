package snapshot

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/redcapgen/redcapgen/dictionary"
)

// brief is the part of a Change a test pins: kind, subject and class.
type brief struct {
	Kind, Form, Field, Event string
	Breaking                 bool
}

func briefs(changes []Change) []brief {
	out := make([]brief, len(changes))
	for i, c := range changes {
		out[i] = brief{c.Kind, c.Form, c.Field, c.Event, c.Breaking}
	}
	return out
}

// field returns the named field of p.
func field(p *dictionary.Project, name string) *dictionary.Field {
	f, _ := p.Field(name)
	return f
}

func TestDiff(t *testing.T) {
	tests := []struct {
		name   string
		mutate func(p *dictionary.Project)
		want   []brief
	}{
		{"nothing", func(p *dictionary.Project) {}, []brief{}},
		{"optional field added", func(p *dictionary.Project) {
			p.Forms[0].Fields = append(p.Forms[0].Fields, &dictionary.Field{Name: "weight", Form: "demographics", Type: dictionary.TypeText})
		}, []brief{{KindFieldAdded, "demographics", "weight", "", false}}},
		{"required field added", func(p *dictionary.Project) {
			p.Forms[0].Fields = append(p.Forms[0].Fields, &dictionary.Field{Name: "weight", Form: "demographics", Type: dictionary.TypeText, Required: true})
		}, []brief{{KindFieldAdded, "demographics", "weight", "", true}}},
		{"field removed", func(p *dictionary.Project) { p.Forms[0].Fields = p.Forms[0].Fields[:3] },
			[]brief{{KindFieldRemoved, "demographics", "height_cm", "", true}}},
		{"type changed", func(p *dictionary.Project) {
			field(p, "bmi").Type = dictionary.TypeText
			field(p, "bmi").ChoicesRaw = ""
		},
			[]brief{{KindTypeChanged, "visit", "bmi", "", true}, {KindFieldChanged, "visit", "bmi", "", false}}},
		{"text field becomes descriptive", func(p *dictionary.Project) {
			p.Forms[0].Fields[3].Type = dictionary.TypeDescriptive
		}, []brief{{KindTypeChanged, "demographics", "height_cm", "", true}}},
		{"text to notes keeps data", func(p *dictionary.Project) { field(p, "record_id").Type = dictionary.TypeNotes },
			[]brief{{KindTypeChanged, "demographics", "record_id", "", false}}},
		{"number to notes drops the validation", func(p *dictionary.Project) {
			field(p, "height_cm").Type = dictionary.TypeNotes
			field(p, "height_cm").Validation = ""
		}, []brief{{KindTypeChanged, "demographics", "height_cm", "", false}, {KindValidationChanged, "demographics", "height_cm", "", true}}},
		{"radio to dropdown keeps data", func(p *dictionary.Project) { field(p, "sex").Type = dictionary.TypeDropdown },
			[]brief{{KindTypeChanged, "demographics", "sex", "", false}}},
		{"validation changed", func(p *dictionary.Project) { field(p, "dob").Validation = "date_mdy" },
			[]brief{{KindValidationChanged, "demographics", "dob", "", true}}},
		{"autocomplete on a dropdown is display only", func(p *dictionary.Project) {
			field(p, "sex").Type = dictionary.TypeDropdown
			field(p, "sex").Validation = "autocomplete"
		}, []brief{{KindTypeChanged, "demographics", "sex", "", false}, {KindValidationChanged, "demographics", "sex", "", false}}},
		{"range widened", func(p *dictionary.Project) { field(p, "height_cm").Min = "40"; field(p, "height_cm").Max = "" },
			[]brief{{KindRangeChanged, "demographics", "height_cm", "", false}, {KindRangeChanged, "demographics", "height_cm", "", false}}},
		{"range narrowed", func(p *dictionary.Project) { field(p, "height_cm").Max = "200" },
			[]brief{{KindRangeChanged, "demographics", "height_cm", "", true}}},
		{"date minimum moved earlier", func(p *dictionary.Project) { field(p, "dob").Min = "1890-01-01" },
			[]brief{{KindRangeChanged, "demographics", "dob", "", false}}},
		{"bound that cannot be ordered", func(p *dictionary.Project) { field(p, "dob").Max = "[visit_date]" },
			[]brief{{KindRangeChanged, "demographics", "dob", "", true}}},
		{"choice added", func(p *dictionary.Project) {
			field(p, "race").Choices = append(field(p, "race").Choices, dictionary.Choice{Code: "98", Label: "Other"})
		}, []brief{{KindChoiceAdded, "visit", "race", "", false}}},
		{"choice removed", func(p *dictionary.Project) { field(p, "sex").Choices = field(p, "sex").Choices[:2] },
			[]brief{{KindChoiceRemoved, "demographics", "sex", "", true}}},
		{"choice relabelled", func(p *dictionary.Project) { field(p, "sex").Choices[2].Label = "Not known" },
			[]brief{{KindChoiceRelabelled, "demographics", "sex", "", false}}},
		{"choices reordered", func(p *dictionary.Project) {
			c := field(p, "race").Choices
			c[0], c[1] = c[1], c[0]
		}, []brief{{KindChoicesReordered, "visit", "race", "", false}}},
		{"field moved to another form", func(p *dictionary.Project) {
			f := p.Forms[0].Fields[3]
			p.Forms[0].Fields = p.Forms[0].Fields[:3]
			f.Form = "visit"
			p.Forms[1].Fields = append(p.Forms[1].Fields, f)
		}, []brief{{KindFieldMoved, "visit", "height_cm", "", true}}},
		{"became required", func(p *dictionary.Project) { field(p, "sex").Required = true },
			[]brief{{KindRequiredChanged, "demographics", "sex", "", true}}},
		{"no longer required", func(p *dictionary.Project) { field(p, "dob").Required = false },
			[]brief{{KindRequiredChanged, "demographics", "dob", "", false}}},
		{"identifier dropped", func(p *dictionary.Project) { field(p, "dob").Identifier = false },
			[]brief{{KindIdentifierChanged, "demographics", "dob", "", true}}},
		{"label and branching changed", func(p *dictionary.Project) {
			field(p, "bmi").Label = "Body mass index"
			field(p, "bmi").Branching = ""
		}, []brief{{KindFieldRelabelled, "visit", "bmi", "", false}, {KindFieldChanged, "visit", "bmi", "", false}}},
		{"record ID changed", func(p *dictionary.Project) {
			f := p.Forms[0].Fields
			f[0], f[1] = f[1], f[0]
		}, []brief{{KindRecordIDChanged, "demographics", "dob", "", true}, {KindOrderChanged, "demographics", "", "", false}}},
		{"fields reordered", func(p *dictionary.Project) {
			f := p.Forms[1].Fields
			f[0], f[2] = f[2], f[0]
		}, []brief{{KindOrderChanged, "visit", "", "", false}}},
		{"forms and events reordered", func(p *dictionary.Project) {
			p.Forms[0], p.Forms[1] = p.Forms[1], p.Forms[0]
			p.Events[0], p.Events[1] = p.Events[1], p.Events[0]
		}, []brief{
			{KindRecordIDChanged, "visit", "visit_date", "", true},
			{KindOrderChanged, "", "", "", false},
			{KindOrderChanged, "", "", "", false},
		}},
		{"form added and removed", func(p *dictionary.Project) {
			p.Forms[1] = &dictionary.Form{Name: "followup", Fields: p.Forms[1].Fields}
			for _, f := range p.Forms[1].Fields {
				f.Form = "followup"
			}
			p.SurveyForms = nil
			for i := range p.Mappings {
				if p.Mappings[i].Form == "visit" {
					p.Mappings[i].Form = "followup"
				}
			}
			p.Repeating[0].Form = "followup"
		}, []brief{
			{KindFieldMoved, "followup", "visit_date", "", true},
			{KindFieldMoved, "followup", "race", "", true},
			{KindFieldMoved, "followup", "bmi", "", true},
			{KindFormAdded, "followup", "", "", false},
			{KindFormRemoved, "visit", "", "", true},
			{KindFormMapped, "followup", "", "", false},
			{KindFormUnmapped, "visit", "", "", true},
			{KindRepeatingChanged, "followup", "", "week_1_arm_1", true},
			{KindRepeatingChanged, "visit", "", "week_1_arm_1", true},
		}},
		{"event added", func(p *dictionary.Project) {
			p.Events = append(p.Events, dictionary.Event{UniqueName: "week_2_arm_1", Name: "Week 2", Arm: 1})
		}, []brief{{KindEventAdded, "", "", "week_2_arm_1", false}}},
		{"event removed with its mapping and repeat", func(p *dictionary.Project) {
			p.Events = p.Events[:1]
			p.Mappings = p.Mappings[:2]
			p.Repeating = nil
		}, []brief{
			{KindEventRemoved, "", "", "week_1_arm_1", true},
			{KindFormUnmapped, "visit", "", "", true},
			{KindRepeatingChanged, "visit", "", "week_1_arm_1", true},
		}},
		{"no longer longitudinal", func(p *dictionary.Project) {
			p.Arms, p.Events, p.Mappings, p.Repeating = nil, nil, nil, []dictionary.Repeat{{Form: "visit"}}
		}, []brief{
			{KindLongitudinalChanged, "", "", "", true},
			{KindArmRemoved, "", "", "", true},
			{KindEventRemoved, "", "", "baseline_arm_1", true},
			{KindEventRemoved, "", "", "week_1_arm_1", true},
			{KindFormUnmapped, "demographics", "", "", true},
			{KindFormUnmapped, "visit", "", "", true},
			{KindRepeatingChanged, "visit", "", "", true},
			{KindRepeatingChanged, "visit", "", "week_1_arm_1", true},
		}},
		{"event renamed", func(p *dictionary.Project) { p.Events[1].Name = "Week one" },
			[]brief{{KindEventChanged, "", "", "week_1_arm_1", false}}},
		{"form moved between events", func(p *dictionary.Project) { p.Mappings[0].Event = "week_1_arm_1" },
			[]brief{{KindFormMovedEvents, "demographics", "", "", true}}},
		{"repeating label changed", func(p *dictionary.Project) { p.Repeating[0].CustomLabel = "Visit" },
			[]brief{{KindRepeatingChanged, "visit", "", "week_1_arm_1", false}}},
		{"whole event repeats", func(p *dictionary.Project) {
			p.Repeating = append(p.Repeating, dictionary.Repeat{Event: "baseline_arm_1"})
		}, []brief{{KindRepeatingChanged, "", "", "baseline_arm_1", true}}},
		{"arms", func(p *dictionary.Project) {
			p.Arms = []dictionary.Arm{{Num: 1, Name: "Drug B"}, {Num: 2, Name: "Placebo"}}
		}, []brief{{KindArmRenamed, "", "", "", true}, {KindArmAdded, "", "", "", false}}},
		{"missing codes", func(p *dictionary.Project) {
			p.MissingCodes = []dictionary.MissingCode{{Code: "UNK", Label: "Unknown value"}, {Code: "NA", Label: "Not applicable"}}
		}, []brief{
			{KindMissingCodeRelabelled, "", "", "", false},
			{KindMissingCodeAdded, "", "", "", false},
			{KindMissingCodeRemoved, "", "", "", true},
		}},
		{"form label and survey", func(p *dictionary.Project) {
			p.Forms[0].Label = "Demography"
			p.SurveyForms = append(p.SurveyForms, "demographics")
		}, []brief{{KindFormChanged, "demographics", "", "", false}, {KindFormChanged, "demographics", "", "", false}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			old, new := demoProject(), demoProject()
			tt.mutate(new)
			got := Diff(old, new)
			if diff := cmp.Diff(tt.want, briefs(got)); diff != "" {
				t.Errorf("Diff mismatch (-want +got):\n%s\nchanges:\n%s", diff, render(got))
			}
			// The same through committed snapshots.
			if sold, snew := reparse(t, old), reparse(t, new); len(tt.want) > 0 {
				if diff := cmp.Diff(tt.want, briefs(Diff(sold, snew))); diff != "" {
					t.Errorf("Diff of parsed snapshots mismatch (-want +got):\n%s", diff)
				}
			}
		})
	}
}

// render lists changes one per line for failure messages.
func render(changes []Change) string {
	var b strings.Builder
	for _, c := range changes {
		b.WriteString(c.String())
		b.WriteByte('\n')
	}
	return b.String()
}

// reparse returns p as read back from its snapshot.
func reparse(t *testing.T, p *dictionary.Project) *dictionary.Project {
	t.Helper()
	q, err := ParseSnapshot(Snapshot(p))
	if err != nil {
		t.Fatalf("ParseSnapshot: %v", err)
	}
	return q
}

// TestDescriptiveBecomesData checks the reverse of "text field becomes descriptive": a field
// that held no data gains a type, which is compatible like a new field.
func TestDescriptiveBecomesData(t *testing.T) {
	old, new := demoProject(), demoProject()
	old.Forms[0].Fields[3].Type = dictionary.TypeDescriptive
	want := []brief{{KindTypeChanged, "demographics", "height_cm", "", false}}
	if diff := cmp.Diff(want, briefs(Diff(old, new))); diff != "" {
		t.Errorf("Diff mismatch (-want +got):\n%s", diff)
	}
}

func TestChangeString(t *testing.T) {
	tests := []struct {
		c    Change
		want string
	}{
		{Change{Kind: KindValidationChanged, Form: "demographics", Field: "dob", Breaking: true,
			Detail: fromTo("validation", "date_ymd", "date_mdy")},
			`field "dob" on form "demographics": validation changed from "date_ymd" to "date_mdy" (breaking)`},
		{Change{Kind: KindFormMapped, Form: "visit", Detail: `now designated for events "week_2_arm_1"`},
			`form "visit": now designated for events "week_2_arm_1" (compatible)`},
		{Change{Kind: KindRepeatingChanged, Form: "visit", Event: "week_1_arm_1", Detail: "now repeats", Breaking: true},
			`form "visit" on event "week_1_arm_1": now repeats (breaking)`},
		{Change{Kind: KindEventRemoved, Event: "week_1_arm_1", Detail: "event removed from arm 1", Breaking: true},
			`event "week_1_arm_1": event removed from arm 1 (breaking)`},
		{Change{Kind: KindMissingCodeAdded, Detail: fromTo("x", "", strings.Repeat("é", 100))},
			`project: x changed from (empty) to "` + strings.Repeat("é", 80) + `…" (compatible)`},
	}
	for _, tt := range tests {
		if got := tt.c.String(); got != tt.want {
			t.Errorf("String() =\n%s\nwant\n%s", got, tt.want)
		}
	}
}

// FuzzDiff checks that Diff sees every difference two snapshots show, and none between a
// snapshot and itself.
func FuzzDiff(f *testing.F) {
	base := string(Snapshot(demoProject()))
	f.Add(base, strings.Replace(base, "date_ymd", "date_mdy", 1))
	f.Add(base, strings.Replace(base, "missing UNK label=Unknown\n", "", 1))
	f.Add(base, strings.Replace(base, "event week_1_arm_1 arm=1", "event week_1_arm_1 arm=2", 1))
	f.Add(header+"\nfield a form=f type=radio choices=\"1, A | 2, B\"\n", header+"\nfield a form=f type=radio choices=\"2, B | 1, A\"\n")
	f.Fuzz(func(t *testing.T, a, b string) {
		pa, errA := ParseSnapshot([]byte(a))
		pb, errB := ParseSnapshot([]byte(b))
		if errA != nil || errB != nil {
			return
		}
		if changes := Diff(pa, pa); len(changes) > 0 {
			t.Fatalf("Diff of a project with itself: %v", changes)
		}
		if string(Snapshot(pa)) != string(Snapshot(pb)) && len(Diff(pa, pb)) == 0 {
			t.Fatalf("snapshots differ but Diff sees nothing:\n%s\n---\n%s", Snapshot(pa), Snapshot(pb))
		}
	})
}
