package redcap_test

import (
	"reflect"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	longstudy "github.com/redcapgen/redcapgen/examples/longitudinal/study"
	"github.com/redcapgen/redcapgen/runtime/redcap"
)

// reuseBody is a flat export of the longitudinal example whose records differ in shape: events
// present in one record and absent from the next, repeating instances, blanks.
const reuseBody = `[
{"record_id":"1","redcap_event_name":"baseline_arm_1","redcap_repeat_instrument":"","redcap_repeat_instance":"","dob":"1980-02-29","sex":"1","demographics_complete":"2","visit_date":"2024-01-05","weight_kg":"71.5","sbp":"120","symptoms___1":"1","symptoms___2":"0","symptoms___3":"0","symptoms___0":"0","visit_complete":"2","ae_term":"","ae_onset":"","ae_severity":"","ae_serious":"","adverse_events_complete":""},
{"record_id":"1","redcap_event_name":"follow_up_arm_1","redcap_repeat_instrument":"","redcap_repeat_instance":"","dob":"","sex":"","demographics_complete":"","visit_date":"2024-02-05","weight_kg":"70","sbp":"","symptoms___1":"0","symptoms___2":"1","symptoms___3":"0","symptoms___0":"0","visit_complete":"1","ae_term":"","ae_onset":"","ae_severity":"","ae_serious":"","adverse_events_complete":""},
{"record_id":"1","redcap_event_name":"follow_up_arm_1","redcap_repeat_instrument":"adverse_events","redcap_repeat_instance":1,"dob":"","sex":"","demographics_complete":"","visit_date":"","weight_kg":"","sbp":"","symptoms___1":"","symptoms___2":"","symptoms___3":"","symptoms___0":"","visit_complete":"","ae_term":"Headache","ae_onset":"2024-02-01","ae_severity":"1","ae_serious":"0","adverse_events_complete":"2"},
{"record_id":"1","redcap_event_name":"phone_call_arm_1","redcap_repeat_instrument":"","redcap_repeat_instance":2,"dob":"","sex":"","demographics_complete":"","visit_date":"","weight_kg":"","sbp":"","symptoms___1":"","symptoms___2":"","symptoms___3":"","symptoms___0":"","visit_complete":"","ae_term":"Rash","ae_onset":"2024-03-01","ae_severity":"2","ae_serious":"1","adverse_events_complete":"0"},
{"record_id":"2","redcap_event_name":"follow_up_arm_1","redcap_repeat_instrument":"","redcap_repeat_instance":"","dob":"","sex":"","demographics_complete":"","visit_date":"2024-04-05","weight_kg":"","sbp":"130","symptoms___1":"0","symptoms___2":"0","symptoms___3":"0","symptoms___0":"1","visit_complete":"0","ae_term":"","ae_onset":"","ae_severity":"","ae_serious":"","adverse_events_complete":""},
{"record_id":"3","redcap_event_name":"baseline_arm_1","redcap_repeat_instrument":"","redcap_repeat_instance":"","dob":"","sex":"0","demographics_complete":"0","visit_date":"","weight_kg":"","sbp":"","symptoms___1":"0","symptoms___2":"0","symptoms___3":"0","symptoms___0":"0","visit_complete":"0","ae_term":"","ae_onset":"","ae_severity":"","ae_serious":"","adverse_events_complete":""},
{"record_id":"4","redcap_event_name":"baseline_arm_1","redcap_repeat_instrument":"","redcap_repeat_instance":"","dob":"1975-07-01","sex":"","demographics_complete":"1"}
]`

// everything compares every field of generated records, unexported ones (remembered columns,
// recycled storage) included.
var everything = cmp.Exporter(func(reflect.Type) bool { return true })

// TestReadRecordsIntoMatchesFresh decodes the same export into new records and into one
// recycled record: every record must be identical, unexported state included, and encode to
// the same rows; an event the previous record had must not leak into the next.
func TestReadRecordsIntoMatchesFresh(t *testing.T) {
	var fresh []*longstudy.Record
	if err := redcap.ReadRecords(strings.NewReader(reuseBody), func(r *longstudy.Record) error {
		fresh = append(fresh, r)
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	if len(fresh) != 4 {
		t.Fatalf("decoded %d records, want 4", len(fresh))
	}
	var reused longstudy.Record
	var events []any
	i := 0
	err := redcap.ReadRecordsInto(strings.NewReader(reuseBody), &reused, func(r *longstudy.Record) error {
		if r != &reused {
			t.Errorf("record %d: ReadRecordsInto gave another record than the one passed", i+1)
		}
		if d := cmp.Diff(fresh[i], r, everything); d != "" {
			t.Errorf("record %q: recycled decode differs from a fresh one (-fresh +recycled):\n%s", r.ID, d)
		}
		want, err := fresh[i].EncodeRows(nil)
		if err != nil {
			t.Fatal(err)
		}
		got, err := r.EncodeRows(nil)
		if err != nil {
			t.Fatal(err)
		}
		if d := cmp.Diff(rowMaps(want), rowMaps(got)); d != "" {
			t.Errorf("record %q: rows differ (-fresh +recycled):\n%s", r.ID, d)
		}
		events = append(events, r.BaselineArm1, r.FollowUpArm1)
		i++
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if i != len(fresh) {
		t.Fatalf("ReadRecordsInto gave %d records, want %d", i, len(fresh))
	}
	// Record 1 has both events, 2 only the follow-up, 3 and 4 only the baseline. A recycled
	// record reuses the events the record before it had, and drops the others (a decode uses the
	// storage of the last Recycle only).
	if events[1] != events[3] {
		t.Errorf("the follow-up event of record 2 was allocated anew instead of reused")
	}
	if events[4] != events[6] {
		t.Errorf("the baseline event of record 4 was allocated anew instead of reused")
	}
	if events[0] == events[4] {
		t.Errorf("record 3 reused the baseline event of record 1, which record 2 did not have")
	}
}

// TestRecycleEmpties checks that a recycled record is empty and, decoded again, owes nothing to
// the record before.
func TestRecycleEmpties(t *testing.T) {
	var rec longstudy.Record
	var first *longstudy.Record
	if err := redcap.ReadRecords(strings.NewReader(reuseBody), func(r *longstudy.Record) error {
		if first == nil {
			first = r
		}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	rec = *first
	rec.Recycle()
	if rec.ID != "" || rec.BaselineArm1 != nil || rec.FollowUpArm1 != nil || rec.PhoneCallArm1 != nil {
		t.Errorf("a recycled record is not empty: %+v", rec)
	}
	// Decoded again from record 2's rows alone, it equals a fresh decode of them.
	var second *longstudy.Record
	if err := redcap.ReadRecords(strings.NewReader(reuseBody), func(r *longstudy.Record) error {
		if r.ID == "2" {
			second = r
		}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	rows2, err := second.EncodeRows(nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := rec.DecodeRows(rows2); err != nil {
		t.Fatal(err)
	}
	if d := cmp.Diff(second, &rec, everything); d != "" {
		t.Errorf("decode after Recycle differs from a fresh decode (-fresh +recycled):\n%s", d)
	}
	rec.Recycle()
	rows, err := (&rec).EncodeRows(nil)
	if err == nil || len(rows) != 0 {
		t.Errorf("a recycled record encodes %d rows, err %v; want none and an error for the missing ID", len(rows), err)
	}
}

// rowMaps renders rows as column-to-value maps of their present columns.
func rowMaps(rows []redcap.Row) []map[string]string {
	out := make([]map[string]string, len(rows))
	for i, r := range rows {
		m := map[string]string{}
		for c := range r.Values {
			if r.Has(c) {
				m[r.Layout.Column(c)] = r.Get(c)
			}
		}
		out[i] = m
	}
	return out
}
