package redcap_test

import (
	"errors"
	"fmt"
	"time"

	"github.com/redcapgen/redcapgen/runtime/redcap"
)

// CheckImport says what REDCap does with one value: store it (perhaps in another form) or
// refuse it with its own message.
func ExampleFieldRule_CheckImport() {
	phone := redcap.FieldRule{Name: "phone", Type: "text", Validation: "phone"}
	fmt.Println(phone.CheckImport("615.555.1212", nil, redcap.DateYMD))
	dob := redcap.FieldRule{Name: "dob", Type: "text", Validation: "date_ymd"}
	fmt.Println(dob.CheckImport("03/02/1990", nil, redcap.DateDMY))
	_, msg, ok := dob.CheckImport("2023-02-29", nil, redcap.DateYMD)
	fmt.Println(ok, msg)
	// Output:
	// (615) 555-1212  true
	// 1990-02-03  true
	// false Invalid date format. (NOTE: Dates must be imported here only in Y-M-D format, regardless of the specific date format designated for this field.)
}

// A Validator is made from a generated package's Schema (here a hand-written one standing in for
// study.Schema()); it collects every violation of a record, errors and warnings, with where it is.
// Summary prints the refused values and counts the warnings by rule; Skip leaves rules out.
func ExampleValidator() {
	schema := &redcap.Schema{
		RecordIDField: "record_id",
		MissingCodes:  redcap.NewMissingCodes("UNK"),
		Fields: []redcap.FieldRule{
			{Name: "dob", GoName: "DOB", Type: "text", Validation: "date_ymd"},
			{Name: "height", GoName: "Height", Type: "text", Validation: "number", Min: "50", Max: "250"},
			{Name: "weight", GoName: "Weight", Type: "text", Validation: "number", Required: true},
		},
	}
	rules := schema.Fields
	v := redcap.NewValidator(schema, redcap.ValidatorOptions{Now: time.Date(2024, 6, 1, 0, 0, 0, 0, time.UTC)})
	v.At("3", "baseline_arm_1", "", 0)
	v.Value(&rules[0], "2023-02-29")
	v.Value(&rules[1], "300")
	v.Value(&rules[1], "UNK") // a missing-data code of the project: valid
	v.Value(&rules[2], "")
	fmt.Println(v.Summary())
	var verr *redcap.ValidationError
	if errors.As(v.Err(), &verr) {
		for _, vi := range verr.Violations {
			fmt.Println(vi.Severity, vi.Field, vi.Rule)
		}
	}
	quiet := redcap.NewValidator(schema, redcap.ValidatorOptions{Skip: []string{redcap.RuleRequired}})
	quiet.Value(&rules[2], "")
	fmt.Println(len(quiet.Violations()), "violations without the required rule")
	// Output:
	// 1 value(s) REDCap would refuse, 2 warning(s):
	// 	record "3" event "baseline_arm_1" field "dob" (DOB): value "2023-02-29": Invalid date format. (NOTE: Dates must be imported here only in Y-M-D format, regardless of the specific date format designated for this field.) [validation:date_ymd]
	// 	warnings by rule: 1 range, 1 required (not listed here)
	// error dob validation:date_ymd
	// warning height range
	// warning weight required
	// 0 violations without the required rule
}
