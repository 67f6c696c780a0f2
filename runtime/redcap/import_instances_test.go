package redcap

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// instanceRows builds rows of the layout record_id, redcap_event_name, redcap_repeat_instrument,
// redcap_repeat_instance, x from [record, event, instrument, instance] quadruples.
func instanceRows(l *Layout, rows ...[4]string) []Row {
	out := make([]Row, len(rows))
	for i, r := range rows {
		out[i] = NewRow(l)
		copy(out[i].Values, r[:])
	}
	return out
}

func TestNewInstancesAssigned(t *testing.T) {
	l := NewLayout("record_id", "redcap_event_name", "redcap_repeat_instrument", "redcap_repeat_instance", "x")
	meds := instanceSlot{record: "1", event: "e1", instrument: "meds"}
	week := instanceSlot{record: "2", event: "week_arm_2"}
	tests := []struct {
		name    string
		sent    [][4]string
		before  map[instanceSlot][]int
		after   map[instanceSlot][]int
		want    []NewInstance
		wantErr string
	}{
		{
			name:   "two new after a gap, numbered in order",
			sent:   [][4]string{{"1", "e1", "meds", "new"}, {"1", "e1", "meds", "new"}},
			before: map[instanceSlot][]int{meds: {1, 3}},
			after:  map[instanceSlot][]int{meds: {1, 3, 5, 4}},
			want:   []NewInstance{{"1", "e1", "meds", 4}, {"1", "e1", "meds", 5}},
		},
		{
			name:   "explicit numbers sent beside new ones are not new",
			sent:   [][4]string{{"1", "e1", "meds", "7"}, {"1", "e1", "meds", "new"}, {"2", "week_arm_2", "", "new"}},
			before: map[instanceSlot][]int{meds: {1}},
			after:  map[instanceSlot][]int{meds: {1, 7, 8}, week: {1}},
			want:   []NewInstance{{"1", "e1", "meds", 8}, {"2", "week_arm_2", "", 1}},
		},
		{
			name:    "fewer numbers than rows sent as new",
			sent:    [][4]string{{"1", "e1", "meds", "new"}, {"1", "e1", "meds", "new"}},
			before:  map[instanceSlot][]int{meds: {1}},
			after:   map[instanceSlot][]int{meds: {1, 2}},
			wantErr: `record "1", event "e1", instrument "meds": 2 instances sent as new, 1 new instance numbers found`,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := planNewInstances(l, instanceRows(l, tt.sent...))
			if p == nil {
				t.Fatal("no plan for rows sent as new")
			}
			p.before = tt.before
			got, err := p.assigned(tt.after)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("error %v, want it to contain %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("new instances (-want +got):\n%s", diff)
			}
		})
	}
}

func TestPlanNewInstances(t *testing.T) {
	l := NewLayout("record_id", "redcap_event_name", "redcap_repeat_instrument", "redcap_repeat_instance", "x")
	if p := planNewInstances(l, instanceRows(l, [4]string{"1", "e1", "meds", "2"}, [4]string{"1", "e1", "", ""})); p != nil {
		t.Errorf("a plan for rows without new instances: %+v", p)
	}
	if p := planNewInstances(NewLayout("record_id", "x"), nil); p != nil {
		t.Error("a plan for a layout without repeat columns")
	}
	p := planNewInstances(l, instanceRows(l, [4]string{"2", "e2", "", "new"}, [4]string{"1", "e1", "meds", "new"}, [4]string{"2", "e1", "meds", "new"}))
	if p == nil {
		t.Fatal("no plan")
	}
	if diff := cmp.Diff([]string{"2", "1"}, p.records); diff != "" {
		t.Errorf("records (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{"e2", "e1"}, p.events); diff != "" {
		t.Errorf("events (-want +got):\n%s", diff)
	}
}
