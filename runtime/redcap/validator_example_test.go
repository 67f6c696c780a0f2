package redcap_test

import (
	"fmt"
	"log"
	"strings"
	"time"

	"github.com/redcapgen/redcapgen/examples/quickstart/study"
	"github.com/redcapgen/redcapgen/runtime/redcap"
)

// A generated record's Validate checks every value against REDCap's rules into a Validator made
// from the generated package's Schema: values REDCap would refuse on import are errors, what its
// data entry would flag (out of range, required and blank) are warnings.
func ExampleNewValidator() {
	body := `[
		{"record_id":"1","first_name":"Ada","dob":"2031-02-03","sex":"0","height_cm":"300","email":"ada@example"},
		{"record_id":"2","first_name":"Ben","sex":"1","height_cm":"182","email":"ben@example.org"}
	]`
	v := redcap.NewValidator(study.Schema(), redcap.ValidatorOptions{Now: time.Date(2026, 12, 2, 0, 0, 0, 0, time.UTC)})
	err := redcap.ReadRecords[study.Record](strings.NewReader(body), func(rec *study.Record) error {
		rec.Validate(v)
		return nil
	})
	if err != nil {
		log.Fatal(err)
	}
	for _, vi := range v.Violations() {
		fmt.Println(vi.Severity, vi.Record, vi.Field, vi.Rule)
	}
	// Output:
	// warning 1 dob range
	// warning 1 height_cm range
	// error 1 email validation:email
}
