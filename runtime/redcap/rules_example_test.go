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

// A Validator collects every violation of a record, errors and warnings, with where it is.
func ExampleValidator() {
	rules := []redcap.FieldRule{
		{Name: "dob", GoName: "DOB", Type: "text", Validation: "date_ymd"},
		{Name: "height", GoName: "Height", Type: "text", Validation: "number", Min: "50", Max: "250"},
	}
	v := redcap.NewValidator(redcap.ValidatorOptions{Now: time.Date(2024, 6, 1, 0, 0, 0, 0, time.UTC)})
	v.At("3", "baseline_arm_1", "", 0)
	v.Value(&rules[0], "2023-02-29")
	v.Value(&rules[1], "300")
	var verr *redcap.ValidationError
	if errors.As(v.Err(), &verr) {
		for _, vi := range verr.Violations {
			fmt.Println(vi.Severity, vi.Field, vi.Rule)
		}
	}
	// Output:
	// error dob validation:date_ymd
	// warning height range
}
