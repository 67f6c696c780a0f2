package redcap_test

import (
	"strings"
	"testing"
	"time"

	calculations "github.com/redcapgen/redcapgen/examples/calculations/study"
	"github.com/redcapgen/redcapgen/runtime/redcap"
)

// benchCalcRecord is a record of the calculations example decoded from an export.
func benchCalcRecord(b *testing.B) *calculations.Record {
	b.Helper()
	var rec *calculations.Record
	err := redcap.ReadRecords[calculations.Record](strings.NewReader(`[{"record_id":"101","dob":"1980-05-17","age":"46","height_cm":"172","weight_kg":"70","bmi":"23.7","bmi_class":"normal","baseline_complete":"2","smoker":"1","cigs_per_day":"10","quit_date":"","visit_date":"2026-11-02","next_visit":"2026-11-30","visits_complete":"2"}]`),
		func(r *calculations.Record) error { rec = r; return nil })
	if err != nil {
		b.Fatal(err)
	}
	return rec
}

// BenchmarkRecalculate recomputes every calculated field of a decoded record.
func BenchmarkRecalculate(b *testing.B) {
	rec := benchCalcRecord(b)
	opts := redcap.LogicOptions{Now: time.Date(2026, 12, 2, 12, 0, 0, 0, time.UTC)}
	b.ReportAllocs()
	for b.Loop() {
		if stale, err := redcap.Recalculate(rec, opts); err != nil || len(stale) != 0 {
			b.Fatalf("stale %v, err %v", stale, err)
		}
	}
}

// BenchmarkApplies evaluates one field's branching logic on a decoded record.
func BenchmarkApplies(b *testing.B) {
	rec := benchCalcRecord(b)
	b.ReportAllocs()
	for b.Loop() {
		if ok, err := redcap.Applies(rec, "cigs_per_day", "", 0, redcap.LogicOptions{}); err != nil || !ok {
			b.Fatalf("applies %v, err %v", ok, err)
		}
	}
}
