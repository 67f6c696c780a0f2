package main

import (
	"encoding/json"
	"path/filepath"
	"slices"
	"testing"

	"github.com/redcapgen/redcapgen/dictionary"
	"github.com/redcapgen/redcapgen/dictionary/snapshot"
)

// longitudinalChangeSource is the shared project XML whose event design the design edits change:
// two arms, 16 events and a repeating instrument.
const longitudinalChangeSource = "pycap-longitudinal.xml"

// designJSON is the -events JSON file: REDCap's arm, event, formEventMapping and
// repeatingFormsEvents exports side by side.
type designJSON struct {
	Arms      []armJSON     `json:"arms"`
	Events    []eventJSON   `json:"events"`
	Mappings  []mappingJSON `json:"formEventMapping"`
	Repeating []repeatJSON  `json:"repeatingFormsEvents"`
}

type armJSON struct {
	Num  int    `json:"arm_num"`
	Name string `json:"name"`
}

type eventJSON struct {
	Name        string `json:"event_name"`
	Arm         int    `json:"arm_num"`
	UniqueName  string `json:"unique_event_name"`
	CustomLabel string `json:"custom_event_label"`
}

type mappingJSON struct {
	Arm   int    `json:"arm_num"`
	Event string `json:"unique_event_name"`
	Form  string `json:"form"`
}

type repeatJSON struct {
	Event       string `json:"event_name"`
	Form        string `json:"form_name"`
	CustomLabel string `json:"custom_form_label"`
}

// designOf writes a project's event design as the -events JSON file.
func designOf(p *dictionary.Project) designJSON {
	var d designJSON
	for _, a := range p.Arms {
		d.Arms = append(d.Arms, armJSON{a.Num, a.Name})
	}
	for _, e := range p.Events {
		d.Events = append(d.Events, eventJSON{e.Name, e.Arm, e.UniqueName, e.CustomLabel})
	}
	for _, m := range p.Mappings {
		d.Mappings = append(d.Mappings, mappingJSON{m.Arm, m.Event, m.Form})
	}
	for _, r := range p.Repeating {
		d.Repeating = append(d.Repeating, repeatJSON{r.Event, r.Form, r.CustomLabel})
	}
	return d
}

// designEdit is one change to the event design, with the change -check must report.
type designEdit struct {
	name     string
	edit     func(t *testing.T, d *designJSON)
	kind     string
	subject  string // the form the report must name
	breaking bool
}

var designEdits = []designEdit{
	{
		// completion_data moves from the final visit to visit 3 in arm 1.
		name: "form moved to another event",
		edit: func(t *testing.T, d *designJSON) {
			i := slices.Index(d.Mappings, mappingJSON{1, "final_visit_arm_1", "completion_data"})
			if i < 0 {
				t.Fatal("the design does not map completion_data to final_visit_arm_1")
			}
			d.Mappings[i].Event = "visit_3_arm_1"
		},
		kind: snapshot.KindFormMovedEvents, subject: "completion_data", breaking: true,
	},
	{
		name: "form mapped to one more event",
		edit: func(t *testing.T, d *designJSON) {
			d.Mappings = append(d.Mappings, mappingJSON{1, "dose_1_arm_1", "visit_lab_data"})
		},
		kind: snapshot.KindFormMapped, subject: "visit_lab_data", breaking: false,
	},
	{
		name: "instrument starts repeating",
		edit: func(t *testing.T, d *designJSON) {
			d.Repeating = append(d.Repeating, repeatJSON{Event: "visit_1_arm_1", Form: "visit_lab_data"})
		},
		kind: snapshot.KindRepeatingChanged, subject: "visit_lab_data", breaking: true,
	},
	{
		name: "instrument stops repeating",
		edit: func(t *testing.T, d *designJSON) {
			i := slices.IndexFunc(d.Repeating, func(r repeatJSON) bool { return r.Form == "baseline_data" })
			if i < 0 {
				t.Fatal("the design has no repeating baseline_data")
			}
			d.Repeating = slices.Delete(d.Repeating, i, i+1)
		},
		kind: snapshot.KindRepeatingChanged, subject: "baseline_data", breaking: true,
	},
}

// TestCheckReportsEachDesignChange generates a package from a shared project XML with its event
// design given through -events, changes the design one way at a time, and requires -check to
// exit 1 and name the form, the kind of change and its class.
func TestCheckReportsEachDesignChange(t *testing.T) {
	dir := t.TempDir()
	dict := writeFile(t, dir, longitudinalChangeSource, sharedDictionary(t, longitudinalChangeSource))
	p, err := dictionary.ReadFile(dict)
	if err != nil {
		t.Fatalf("read %s: %v", longitudinalChangeSource, err)
	}
	if !p.IsLongitudinal() || len(p.Repeating) == 0 {
		t.Fatalf("%s: want a longitudinal project with a repeating instrument", longitudinalChangeSource)
	}
	writeDesign := func(t *testing.T, d designJSON) string {
		data, err := json.MarshalIndent(d, "", "  ")
		if err != nil {
			t.Fatal(err)
		}
		return writeFile(t, t.TempDir(), "design.json", data)
	}
	out := filepath.Join(dir, "study")
	unchanged := writeDesign(t, designOf(p))
	mustGenerate(t, nil, "-dict", dict, "-events", unchanged, "-package", "study", "-out", out)
	if code, stdout, stderr := runCLI(t, nil, "-check", "-dict", dict, "-events", unchanged, "-package", "study", "-out", out); code != exitOK {
		t.Fatalf("unchanged design: exit %d\n%s%s", code, stdout, stderr)
	}
	for _, tt := range designEdits {
		t.Run(tt.name, func(t *testing.T) {
			d := designOf(p)
			tt.edit(t, &d)
			changed := writeDesign(t, d)
			assertCheckReports(t, dictionaryEdit{name: tt.name, kind: tt.kind, subject: tt.subject, breaking: tt.breaking},
				"-dict", dict, "-events", changed, "-package", "study", "-out", out)
		})
	}
}
