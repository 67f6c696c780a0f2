package dictionary

import (
	"path/filepath"
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestProjectXMLDesign checks the design read from the corpus' project XML files.
func TestProjectXMLDesign(t *testing.T) {
	dir := filepath.Join(sharedDir(t), "dictionaries")
	read := func(t *testing.T, file string) *Project {
		t.Helper()
		p, err := ReadFile(filepath.Join(dir, file))
		if err != nil {
			t.Fatalf("ReadFile: %v", err)
		}
		return p
	}
	t.Run("pycap-longitudinal", func(t *testing.T) {
		p := read(t, "pycap-longitudinal.xml")
		want := &Project{Title: "New Test Long Project", Arms: []Arm{{1, "Drug A"}, {2, "Drug B"}},
			Repeating: []Repeat{{Event: "enrollment_arm_1", Form: "baseline_data"}}, SurveyForms: []string{"contact_info"}}
		got := &Project{Title: p.Title, Arms: p.Arms, Repeating: p.Repeating, SurveyForms: p.SurveyForms}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("design (-want +got):\n%s", diff)
		}
		if e := p.Events[9]; e != (Event{UniqueName: "deadline_to_opt_ou_arm_2", Name: "Deadline to opt out of study", Arm: 2, DayOffset: 5}) || p.SchedulingEnabled {
			t.Errorf("event 10 = %+v, scheduling %v", e, p.SchedulingEnabled)
		}
		if len(p.Mappings) != 44 || p.Mappings[0] != (Mapping{Arm: 1, Event: "enrollment_arm_1", Form: "demographics"}) {
			t.Errorf("mappings: %d, first %+v", len(p.Mappings), p.Mappings[0])
		}
		if p.Forms[0].Label != "Demographics" || !p.IsLongitudinal() || !p.HasRepeating() {
			t.Errorf("form label %q, longitudinal %v, repeating %v", p.Forms[0].Label, p.IsLongitudinal(), p.HasRepeating())
		}
	})
	t.Run("redcap-etl-repeating-events", func(t *testing.T) {
		p := read(t, "redcap-etl-repeating-events.xml")
		want := []Repeat{{Event: "visit_arm_1"}, {Event: "visit_arm_2"}, {Event: "visit_arm_3"},
			{Event: "home_visit_arm_1", Form: "weight"}, {Event: "home_visit_arm_1", Form: "cardiovascular"},
			{Event: "home_visit_arm_2", Form: "weight"}, {Event: "home_visit_arm_2", Form: "cardiovascular"},
			{Event: "home_visit_arm_3", Form: "weight"}, {Event: "home_visit_arm_3", Form: "cardiovascular"}}
		if diff := cmp.Diff(want, p.Repeating); diff != "" {
			t.Errorf("repeating (-want +got):\n%s", diff)
		}
		if !p.AutoNumbering || len(p.Arms) != 3 || p.Arms[2] != (Arm{3, "lchf"}) {
			t.Errorf("auto-numbering %v, arms %v", p.AutoNumbering, p.Arms)
		}
	})
	t.Run("redcap-regression-test", func(t *testing.T) {
		p := read(t, "redcap-regression-test.xml")
		if len(p.MissingCodes) != 21 || p.MissingCodes[0] != (MissingCode{"-1", "NA -1"}) ||
			p.MissingCodes[20] != (MissingCode{"9999999", "(missing value for this project)"}) {
			t.Errorf("missing codes: %v", p.MissingCodes)
		}
		wantDAGs := []DAG{{Name: "Georgia"}, {Name: "Texas"}, {Name: "United States"}, {Name: "Washington"}}
		if diff := cmp.Diff(wantDAGs, p.DAGs); diff != "" {
			t.Errorf("DAGs (-want +got):\n%s", diff)
		}
		if p.Repeating[0] != (Repeat{Event: "set_up_arm_1", Form: "base_external_modules", CustomLabel: "[base_em_name]"}) {
			t.Errorf("repeating: %v", p.Repeating)
		}
		if p.CustomRecordLabel != "[instance_url]" || len(p.Events) != 2 || p.Events[1].CustomLabel != "[test_date] [test_time] [final_test_result]" {
			t.Errorf("record label %q, events %v", p.CustomRecordLabel, p.Events)
		}
		cols := p.ExportColumns()
		if !slices.Equal(cols[:4], []string{"instance_name", "redcap_event_name", "redcap_repeat_instrument", "redcap_repeat_instance"}) {
			t.Errorf("first columns %v", cols[:4])
		}
		for _, f := range p.Fields() {
			if f.Type != TypeCheckbox {
				continue
			}
			hasMissing := slices.Contains(cols, CheckboxColumn(f.Name, "UNK"))
			if hasMissing == f.HasTag("NOMISSING") {
				t.Errorf("checkbox %q: missing-code column %v with @NOMISSING %v", f.Name, hasMissing, f.HasTag("NOMISSING"))
			}
		}
	})
	t.Run("classic", func(t *testing.T) {
		p := read(t, "redcapr-validation-types.xml")
		if p.IsLongitudinal() || p.HasRepeating() || len(p.Arms) != 0 || len(p.Mappings) != 0 {
			t.Errorf("classic project has design: %v %v %v", p.Arms, p.Events, p.Repeating)
		}
		f, _ := p.Field("v_integer")
		g, _ := p.Field("v_number")
		if f.Validation != "integer" || g.Validation != "number" {
			t.Errorf("ODM int/float read as %q/%q", f.Validation, g.Validation)
		}
	})
}
