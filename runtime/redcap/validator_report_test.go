package redcap

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

// TestValidationErrorListsOnlyRefusedValues checks that one refused value among thousands of
// warnings gives an error of a few lines, and that every warning stays available.
func TestValidationErrorListsOnlyRefusedValues(t *testing.T) {
	rules := validatorRules()
	v := NewValidator(validatorSchema(), ValidatorOptions{Now: time.Date(2024, 6, 15, 0, 0, 0, 0, time.UTC)})
	for i := range 4000 {
		v.At(fmt.Sprint(i), "", "", 0)
		v.Value(&rules[1], "") // required
		if i%4 == 0 {
			v.Value(&rules[4], "300") // range
		}
	}
	v.At("77", "", "", 0)
	v.Value(&rules[2], "9")
	var verr *ValidationError
	if !errors.As(v.Err(), &verr) {
		t.Fatalf("Err() = %v, want a *ValidationError", v.Err())
	}
	want := strings.Join([]string{
		"redcap: 1 value(s) REDCap would refuse, 5000 warning(s):",
		`	record "77" field "sex" (Sex): value "9": The value is not a valid category for sex [choice]`,
		"	warnings by rule: 4000 required, 1000 range (not listed here)",
	}, "\n")
	if diff := cmp.Diff(want, verr.Error()); diff != "" {
		t.Errorf("Error() (-want +got):\n%s", diff)
	}
	if got := v.Summary(); got != strings.TrimPrefix(want, "redcap: ") {
		t.Errorf("Summary() = %q", got)
	}
	if len(verr.Warnings()) != 5000 || len(verr.Errors()) != 1 || len(verr.Violations) != 5001 {
		t.Errorf("got %d warnings, %d errors, %d violations", len(verr.Warnings()), len(verr.Errors()), len(verr.Violations))
	}
	if diff := cmp.Diff([]RuleCount{{RuleRequired, 4000}, {RuleRange, 1000}}, CountWarnings(verr.Violations)); diff != "" {
		t.Errorf("CountWarnings (-want +got):\n%s", diff)
	}
}

// TestImportPreflightErrorIsShort checks the whole import error for one refused value among
// thousands of warnings: a few lines, naming the value; the warnings stay in the error value.
func TestImportPreflightErrorIsShort(t *testing.T) {
	f := newFakeREDCap(t)
	c := f.start()
	recs := make([]testRecord, 3000)
	for i := range recs {
		recs[i].ID = fmt.Sprint(i + 1) // name blank: a required warning each
	}
	recs[1234].Name = "bad1"
	_, err := Import(context.Background(), c, recs, ImportOptions{BatchSize: len(recs)})
	if err == nil {
		t.Fatal("want a pre-flight error")
	}
	lines := strings.Split(err.Error(), "\n")
	if len(lines) > 4 {
		t.Errorf("error has %d lines, want at most 4:\n%.2000s", len(lines), err.Error())
	}
	for _, want := range []string{`record "1235" field "name" (Name): value "bad1"`, "warnings by rule: 2999 required"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error lacks %q:\n%s", want, err.Error())
		}
	}
	var verr *ValidationError
	if !errors.As(err, &verr) || len(verr.Warnings()) != 2999 {
		t.Fatalf("want a *ValidationError holding 2999 warnings: %v", err)
	}
	if f.imports != 0 {
		t.Errorf("a refused batch was sent")
	}
}

// TestValidatorSkip checks that Skip leaves out warning rules only, and that a name that is
// not a warning rule is reported.
func TestValidatorSkip(t *testing.T) {
	rules := validatorRules()
	tests := []struct {
		skip    []string
		want    []string // rules reported
		wantErr string
	}{
		{nil, []string{"required", "range", "choice", "normalized", "readonly"}, "1 value(s)"},
		{[]string{RuleRequired}, []string{"range", "choice", "normalized", "readonly"}, "1 value(s)"},
		{[]string{RuleRequired, RuleRange, RuleNormalized, RuleReadOnly, RuleNoMissing}, []string{"choice"}, "1 value(s)"},
		{[]string{"choice"}, []string{"required", "range", "choice", "normalized", "readonly"}, `"choice" is not a warning rule`},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.skip, ","), func(t *testing.T) {
			v := NewValidator(validatorSchema(), ValidatorOptions{Skip: tt.skip, Now: time.Date(2024, 6, 15, 0, 0, 0, 0, time.UTC)})
			v.At("1", "", "", 0)
			v.Value(&rules[1], "")
			v.Value(&rules[4], "300")
			v.Value(&rules[2], "7")
			v.Value(&rules[5], "6155551212")
			v.Value(&rules[6], "22")
			var got []string
			for _, vi := range v.Violations() {
				got = append(got, vi.Rule)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("rules (-want +got):\n%s", diff)
			}
			if err := v.Err(); err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Errorf("Err() = %v, want it to say %q", err, tt.wantErr)
			}
		})
	}
}

// TestValidatorWithoutSchema checks that a Validator not made from a schema checks nothing and
// says so, instead of reporting every missing-data code as an invalid value.
func TestValidatorWithoutSchema(t *testing.T) {
	rules := validatorRules()
	for name, v := range map[string]*Validator{"zero": {}, "nil schema": NewValidator(nil, ValidatorOptions{})} {
		t.Run(name, func(t *testing.T) {
			v.At("1", "", "", 0)
			v.Value(&rules[2], "NA")
			v.Checkbox(&rules[3], []string{"x"})
			v.ReadOnly(&rules[6], "1")
			if n := len(v.Violations()); n != 0 {
				t.Errorf("%d violations, want none", n)
			}
			if err := v.Err(); !errors.Is(err, errNoSchema) {
				t.Errorf("Err() = %v, want errNoSchema", err)
			}
			if !strings.Contains(v.Summary(), "NewValidator") {
				t.Errorf("Summary() = %q", v.Summary())
			}
		})
	}
	v := NewValidator(validatorSchema(), ValidatorOptions{})
	v.Value(&rules[2], "NA")
	if v.Err() != nil || len(v.Violations()) != 0 {
		t.Errorf("a missing-data code of the schema was reported: %v", v.Violations())
	}
}

// TestValidatorRedactValues checks that RedactValues keeps every value out of violations and
// their text, naming record, field and rule.
func TestValidatorRedactValues(t *testing.T) {
	rules := validatorRules()
	v := NewValidator(validatorSchema(), ValidatorOptions{RedactValues: true, Now: time.Date(2024, 6, 15, 0, 0, 0, 0, time.UTC)})
	v.At("rec9", "", "", 0)
	v.Value(&rules[2], "secret-choice")
	v.Value(&rules[4], "299.75")
	v.Value(&rules[5], "6155551212")
	v.Value(&rules[8], "NA")
	v.Checkbox(&rules[3], []string{"yes", "1", "0"})
	if len(v.Violations()) != 5 {
		t.Fatalf("got %d violations, want 5: %v", len(v.Violations()), v.Violations())
	}
	text := v.Err().Error()
	for _, vi := range v.Violations() {
		text += "\n" + vi.String()
		if vi.Value != redacted {
			t.Errorf("%s: value %q not redacted", vi.Field, vi.Value)
		}
	}
	for _, leak := range []string{"secret", "299", "615", "555", `"NA"`, "code NA", "yes"} {
		if strings.Contains(text, leak) {
			t.Errorf("value %q leaked:\n%s", leak, text)
		}
	}
	for _, want := range []string{`record "rec9"`, `field "sex"`, "[choice]", "[range]", "[normalized]", "[nomissing]", "[checkbox]"} {
		if !strings.Contains(text, want) {
			t.Errorf("text lacks %q:\n%s", want, text)
		}
	}
}
