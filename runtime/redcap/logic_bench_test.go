package redcap_test

import (
	"fmt"
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

// TestLogicConcurrent evaluates the logic of records of one schema from several goroutines: the
// storage they reuse is never shared (go test -race).
func TestLogicConcurrent(t *testing.T) {
	done := make(chan error)
	for g := 0; g < 4; g++ {
		go func() {
			var err error
			for i := 0; i < 50 && err == nil; i++ {
				var rec *calculations.Record
				err = redcap.ReadRecords[calculations.Record](strings.NewReader(`[{"record_id":"1","height_cm":"172","weight_kg":"70","bmi":"1","smoker":"1"}]`),
					func(r *calculations.Record) error { rec = r; return nil })
				if err != nil {
					break
				}
				var stale []redcap.StaleValue
				if stale, err = redcap.Recalculate(rec, redcap.LogicOptions{}); err == nil && (len(stale) != 2 || stale[0].Computed != "23.7") {
					err = fmt.Errorf("stale values %v", stale)
				}
				if ok, aerr := redcap.Applies(rec, "cigs_per_day", "", 0, redcap.LogicOptions{}); err == nil && (aerr != nil || !ok) {
					err = fmt.Errorf("applies %v, %v", ok, aerr)
				}
			}
			done <- err
		}()
	}
	for g := 0; g < 4; g++ {
		if err := <-done; err != nil {
			t.Error(err)
		}
	}
}
