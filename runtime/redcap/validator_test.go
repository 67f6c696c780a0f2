package redcap

import (
	"errors"
	"strings"
	"testing"
	"time"
)

// validatorRules is a small project: every kind of rule the Validator meets.
func validatorRules() []FieldRule {
	return []FieldRule{
		{Name: "record_id", Type: typeText},
		{Name: "dob", GoName: "DOB", Type: typeText, Validation: "date_ymd", Min: "1900-01-01", Max: "today", Identifier: true, Required: true},
		{Name: "sex", GoName: "Sex", Type: "radio", Choices: []RuleChoice{{"0", "Female"}, {"1", "Male"}}},
		{Name: "race", GoName: "Race", Type: typeCheckbox, Required: true, CheckboxColumns: []string{"race___1", "race____1", "race___na"}},
		{Name: "height", GoName: "Height", Type: typeText, Validation: "number", Min: "50", Max: "250"},
		{Name: "phone", GoName: "Phone", Type: typeText, Validation: "phone", Identifier: true},
		{Name: "bmi", GoName: "BMI", Type: typeCalc, ReadOnly: true},
		{Name: "consent", GoName: "Consent", Type: typeFile, Validation: "signature", ReadOnly: true},
		{Name: "pulse", GoName: "Pulse", Type: typeText, Validation: "integer", NoMissing: true},
		{Name: "demo_complete", GoName: "Complete", Type: typeFormStatus},
	}
}

// validatorSchema is the schema of validatorRules, with missing-data code NA.
func validatorSchema() *Schema {
	return &Schema{RecordIDField: "record_id", Fields: validatorRules(), MissingCodes: NewMissingCodes("NA")}
}

// TestValidator checks what each kind of value reports, with its rule and severity.
func TestValidator(t *testing.T) {
	rules := validatorRules()
	now := time.Date(2024, 6, 15, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		name     string
		validate func(v *Validator)
		want     []string // "<field> <rule> <severity>"
	}{
		{"valid values", func(v *Validator) {
			v.Value(&rules[1], "2000-01-01")
			v.Value(&rules[2], "1")
			v.Checkbox(&rules[3], []string{"1", "0", ""})
			v.Value(&rules[4], "180")
			v.Value(&rules[5], "(615) 555-1212")
			v.Value(&rules[9], "2")
		}, nil},
		{"refused date", func(v *Validator) { v.Value(&rules[1], "2023-02-29") }, []string{"dob validation:date_ymd error"}},
		{"future date", func(v *Validator) { v.Value(&rules[1], "2024-06-16") }, []string{"dob range warning"}},
		{"required blank", func(v *Validator) { v.Value(&rules[1], "") }, []string{"dob required warning"}},
		{"bad choice", func(v *Validator) { v.Value(&rules[2], "2") }, []string{"sex choice error"}},
		{"missing code is valid", func(v *Validator) { v.Value(&rules[2], "NA") }, nil},
		{"checkbox bad column", func(v *Validator) { v.Checkbox(&rules[3], []string{"2", "1", "0"}) }, []string{"race___1 checkbox error"}},
		{"checkbox none checked", func(v *Validator) { v.Checkbox(&rules[3], []string{"0", "", "0"}) }, []string{"race required warning"}},
		{"checkbox wrong length", func(v *Validator) { v.Checkbox(&rules[3], []string{"1"}) }, []string{"race checkbox error"}},
		{"normalized phone", func(v *Validator) { v.Value(&rules[5], "6155551212") }, []string{"phone normalized warning"}},
		{"calc value dropped", func(v *Validator) { v.ReadOnly(&rules[6], "22.5") }, []string{"bmi readonly warning"}},
		{"calc through Value", func(v *Validator) { v.Value(&rules[6], "22.5") }, []string{"bmi readonly warning"}},
		{"signature dropped", func(v *Validator) { v.ReadOnly(&rules[7], "sig.png") }, []string{"consent readonly warning"}},
		{"nomissing code", func(v *Validator) { v.Value(&rules[8], "NA") }, []string{"pulse nomissing warning"}},
		{"form status", func(v *Validator) { v.Value(&rules[9], "3") }, []string{"demo_complete form_status error"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v := NewValidator(validatorSchema(), ValidatorOptions{Now: now})
			v.At("1", "", "", 0)
			tt.validate(v)
			var got []string
			for _, vi := range v.Violations() {
				got = append(got, vi.Field+" "+vi.Rule+" "+vi.Severity.String())
			}
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("violations:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
		})
	}
}

// TestViolationString pins the one-line form a data manager reads.
func TestViolationString(t *testing.T) {
	rules := validatorRules()
	v := NewValidator(validatorSchema(), ValidatorOptions{Now: time.Date(2024, 6, 15, 0, 0, 0, 0, time.UTC)})
	v.At("3", "baseline_arm_1", "", 0)
	v.Value(&rules[1], "2023-02-29")
	v.At("3", "follow_up_arm_1", "visit", 2)
	v.Value(&rules[4], "300")
	got := v.Violations()
	want := []string{
		`record "3" event "baseline_arm_1" field "dob" (DOB): value "2023-02-29": ` + msgDateYMD + ` [validation:date_ymd]`,
		`record "3" event "follow_up_arm_1" instrument "visit" instance 2 field "height" (Height): value "300": warning: ` +
			`The value you provided is outside the suggested range (50 - 250). This value is admissible, but you may wish to double check it. [range]`,
	}
	if len(got) != len(want) {
		t.Fatalf("got %d violations, want %d", len(got), len(want))
	}
	for i := range want {
		if got[i].String() != want[i] {
			t.Errorf("violation %d:\n got %s\nwant %s", i, got[i].String(), want[i])
		}
	}
}

// TestValidatorErr checks that Err reports only when REDCap would refuse, lists everything and
// is found with errors.As.
func TestValidatorErr(t *testing.T) {
	rules := validatorRules()
	v := NewValidator(validatorSchema(), ValidatorOptions{})
	v.At("7", "", "", 0)
	v.Value(&rules[4], "300")
	if err := v.Err(); err != nil {
		t.Fatalf("warnings only: Err() = %v, want nil", err)
	}
	v.Value(&rules[2], "9")
	err := v.Err()
	var verr *ValidationError
	if !errors.As(err, &verr) {
		t.Fatalf("Err() = %v, want a *ValidationError", err)
	}
	if len(verr.Violations) != 2 || len(verr.Errors()) != 1 {
		t.Errorf("got %d violations, %d errors; want 2 and 1", len(verr.Violations), len(verr.Errors()))
	}
	if msg := err.Error(); !strings.Contains(msg, "1 value(s) REDCap would refuse, 1 warning(s)") || !strings.Contains(msg, `field "sex"`) {
		t.Errorf("Error() = %q", msg)
	}
	v.Reset()
	if v.Err() != nil || len(v.Violations()) != 0 {
		t.Errorf("after Reset: %v, %d violations", v.Err(), len(v.Violations()))
	}
}

// TestValidatorRedactsIdentifiers checks that identifier values never reach a violation.
func TestValidatorRedactsIdentifiers(t *testing.T) {
	rules := validatorRules()
	v := NewValidator(validatorSchema(), ValidatorOptions{RedactIdentifiers: true})
	v.At("1", "", "", 0)
	v.Value(&rules[1], "1999-02-30")
	v.Value(&rules[5], "6155551212")
	v.Value(&rules[2], "5")
	for _, vi := range v.Violations() {
		line := vi.String()
		if strings.Contains(line, "1999") || strings.Contains(line, "555") {
			t.Errorf("identifier leaked: %s", line)
		}
	}
	if got := v.Violations()[2].Value; got != "5" {
		t.Errorf("non-identifier value %q was redacted", got)
	}
}

// TestValidatorLookup checks field references resolved per record through SetLookup.
func TestValidatorLookup(t *testing.T) {
	rule := FieldRule{Name: "end", Type: typeText, Validation: "date_ymd", Min: "[start]"}
	v := NewValidator(validatorSchema(), ValidatorOptions{Lookup: func(string) string { return "2024-01-10" }})
	v.Value(&rule, "2024-01-09")
	v.SetLookup(func(string) string { return "2024-01-01" })
	v.Value(&rule, "2024-01-09")
	if n := len(v.Violations()); n != 1 {
		t.Errorf("got %d violations, want 1 (only before the lookup changed)", n)
	}
}

// validValues pairs rules with valid stored values of every common type.
func validValues(rules []FieldRule) []struct {
	rule *FieldRule
	raw  string
} {
	return []struct {
		rule *FieldRule
		raw  string
	}{
		{&rules[0], "1001"},
		{&rules[1], "1985-07-04"},
		{&rules[2], "0"},
		{&rules[4], "172.5"},
		{&rules[5], "(615) 555-1212"},
		{&rules[8], "72"},
		{&rules[9], "2"},
		{&rules[2], "NA"},
	}
}

// TestValidatorNoAllocations shows that valid values cost no allocation.
func TestValidatorNoAllocations(t *testing.T) {
	rules := validatorRules()
	extra := []FieldRule{
		{Name: "t", Type: typeText, Validation: "datetime_seconds_ymd", Min: "2000-01-01 00:00:00", Max: "now"},
		{Name: "e", Type: typeText, Validation: "email"},
		{Name: "c", Type: typeText, Validation: "number_2dp_comma_decimal", Min: "0", Max: "100,5"},
		{Name: "z", Type: typeText, Validation: "postalcode_uk"},
		{Name: "m", Type: typeText, Validation: "time", Min: "08:00", Max: "17:00"},
		{Name: "s", Type: typeSlider, Min: "0", Max: "10"},
	}
	values := validValues(rules)
	v := NewValidator(validatorSchema(), ValidatorOptions{Now: time.Date(2024, 6, 15, 0, 0, 0, 0, time.UTC)})
	v.At("1", "", "", 0)
	boxes := []string{"1", "0", "0"}
	allocs := testing.AllocsPerRun(200, func() {
		for _, x := range values {
			v.Value(x.rule, x.raw)
		}
		v.Checkbox(&rules[3], boxes)
		v.Value(&extra[0], "2024-03-05 14:30:59")
		v.Value(&extra[1], "first.last+tag@example.org")
		v.Value(&extra[2], "1,55")
		v.Value(&extra[3], "SW1A 1AA")
		v.Value(&extra[4], "09:05")
		v.Value(&extra[5], "7")
	})
	if allocs != 0 {
		t.Errorf("%.1f allocations per run of valid values, want 0", allocs)
	}
	if n := len(v.Violations()); n != 0 {
		t.Fatalf("valid values reported %d violations: %v", n, v.Violations()[0])
	}
}

// BenchmarkValidate runs 100,000 values through a Validator per iteration.
func BenchmarkValidate(b *testing.B) {
	rules := validatorRules()
	values := validValues(rules)
	const n = 100_000
	v := NewValidator(validatorSchema(), ValidatorOptions{Now: time.Date(2024, 6, 15, 0, 0, 0, 0, time.UTC)})
	b.ReportAllocs()
	for b.Loop() {
		v.Reset()
		for i := 0; i < n; i++ {
			if i%len(values) == 0 {
				v.At("r", "", "", 0)
			}
			x := values[i%len(values)]
			v.Value(x.rule, x.raw)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/n, "ns/value")
}
