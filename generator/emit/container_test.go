package emit

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/redcapgen/redcapgen/dictionary"
)

// containerShape is a container's plan in REDCap names, for comparison.
type containerShape struct {
	Event          string
	RepeatingEvent bool
	Forms          []string
	Repeats        []string
}

// shapes lists the planned containers in REDCap names.
func shapes(pl *plan) []containerShape {
	var out []containerShape
	for _, c := range pl.containers {
		s := containerShape{RepeatingEvent: c.repeatingEvent}
		if c.event != nil {
			s.Event = c.event.UniqueName
		}
		for _, fp := range c.forms {
			s.Forms = append(s.Forms, fp.form.Name)
		}
		for _, fp := range c.repeats {
			s.Repeats = append(s.Repeats, fp.form.Name)
		}
		out = append(out, s)
	}
	return out
}

func TestPlanContainers(t *testing.T) {
	events := []dictionary.Event{
		{UniqueName: "baseline_arm_1", Name: "Baseline", Arm: 1},
		{UniqueName: "follow_up_arm_1", Name: "Follow Up", Arm: 1},
		{UniqueName: "week_2_arm_2", Name: "Week 2", Arm: 2},
	}
	tests := []struct {
		name   string
		design func(p *dictionary.Project)
		want   []containerShape
	}{
		{"classic", func(p *dictionary.Project) {}, []containerShape{{Forms: []string{"demographics", "visit"}}}},
		{"classic repeating instrument", func(p *dictionary.Project) {
			p.Repeating = []dictionary.Repeat{{Form: "visit"}}
		}, []containerShape{{Forms: []string{"demographics"}, Repeats: []string{"visit"}}}},
		{"classic repeat naming the hidden event", func(p *dictionary.Project) {
			p.Repeating = []dictionary.Repeat{{Event: "event_1_arm_1", Form: "visit"}}
		}, []containerShape{{Forms: []string{"demographics"}, Repeats: []string{"visit"}}}},
		{"longitudinal", func(p *dictionary.Project) {
			p.Arms = []dictionary.Arm{{Num: 1, Name: "A"}, {Num: 2, Name: "B"}}
			p.Events = events
			p.Mappings = []dictionary.Mapping{
				{Arm: 1, Event: "baseline_arm_1", Form: "visit"}, {Arm: 1, Event: "baseline_arm_1", Form: "demographics"},
				{Arm: 1, Event: "follow_up_arm_1", Form: "visit"}, {Arm: 2, Event: "week_2_arm_2", Form: "visit"},
			}
			p.Repeating = []dictionary.Repeat{{Event: "follow_up_arm_1", Form: "visit"}, {Event: "week_2_arm_2"}}
		}, []containerShape{
			{Event: "baseline_arm_1", Forms: []string{"demographics", "visit"}},
			{Event: "follow_up_arm_1", Repeats: []string{"visit"}},
			{Event: "week_2_arm_2", RepeatingEvent: true, Forms: []string{"visit"}},
		}},
		{"longitudinal without mapping", func(p *dictionary.Project) {
			p.Arms = []dictionary.Arm{{Num: 1, Name: "A"}}
			p.Events = events[:1]
		}, []containerShape{{Event: "baseline_arm_1", Forms: []string{"demographics", "visit"}}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := smallProject(t)
			tt.design(p)
			if diff := cmp.Diff(tt.want, shapes(smallPlan(t, p))); diff != "" {
				t.Errorf("containers mismatch (-want +got):\n%s", diff)
			}
		})
	}
}
