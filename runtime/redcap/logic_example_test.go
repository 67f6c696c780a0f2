package redcap_test

import (
	"fmt"
	"log"
	"strings"
	"time"

	"github.com/redcapgen/redcapgen/examples/calculations/study"
	"github.com/redcapgen/redcapgen/runtime/redcap"
)

// Recalculate recomputes a record's calc, @CALCTEXT and @CALCDATE fields as REDCap would store
// them and returns the stored values that differ; Applies says whether branching logic shows a
// field. Both work on generated records, without a server.
func ExampleRecalculate() {
	body := `[{"record_id":"1","dob":"1990-06-15","age":"30","height_cm":"180","weight_kg":"81","bmi":"",` +
		`"smoker":"0","visit_date":"2026-11-20","next_visit":""}]`
	opts := redcap.LogicOptions{Now: time.Date(2026, 12, 2, 12, 0, 0, 0, time.UTC), Apply: true}
	err := redcap.ReadRecords[study.Record](strings.NewReader(body), func(rec *study.Record) error {
		stale, err := redcap.Recalculate(rec, opts)
		if err != nil {
			return err
		}
		for _, s := range stale {
			fmt.Printf("%s: stored %q, REDCap computes %q\n", s.Field, s.Stored, s.Computed)
		}
		for _, field := range []string{"cigs_per_day", "quit_date"} {
			shown, err := redcap.Applies(rec, field, "", 0, opts)
			if err != nil {
				return err
			}
			fmt.Println(field, "shown:", shown)
		}
		return nil
	})
	if err != nil {
		log.Fatal(err)
	}
	// Output:
	// age: stored "30", REDCap computes "36"
	// bmi: stored "", REDCap computes "25"
	// bmi_class: stored "", REDCap computes "overweight"
	// next_visit: stored "", REDCap computes "2026-12-18"
	// cigs_per_day shown: false
	// quit_date shown: true
}
