package redcap

import (
	"testing"
	"time"
)

// TestSoft checks REDCap's soft warnings: ranges of every kind, today/now, field references and
// @NOMISSING.
func TestSoft(t *testing.T) {
	now := time.Date(2024, 6, 15, 12, 30, 0, 0, time.UTC)
	codes := NewMissingCodes("NA", "-99")
	visit := func(field string) string {
		if field == "visit_date" {
			return "2024-01-01"
		}
		return ""
	}
	rule := func(validation, min, max string) *FieldRule {
		return &FieldRule{Name: "f", Type: typeText, Validation: validation, Min: min, Max: max}
	}
	tests := []struct {
		name   string
		rule   *FieldRule
		raw    string
		lookup func(string) string
		now    time.Time
		want   string // rule name, "" for no warning
	}{
		{"integer in range", rule("integer", "-10", "100"), "100", nil, now, ""},
		{"integer above", rule("integer", "-10", "100"), "101", nil, now, RuleRange},
		{"integer below", rule("integer", "-10", "100"), "-11", nil, now, RuleRange},
		{"integer huge", rule("integer", "-10", "100"), "9999999999999999999", nil, now, RuleRange},
		{"integer plus sign", rule("integer", "-10", "100"), "+5", nil, now, ""},
		{"missing code skips range", rule("integer", "30", "220"), "NA", nil, now, ""},
		{"number exponent above", rule("number", "-5.5", "5.5"), "1e2", nil, now, RuleRange},
		{"number at max", rule("number", "-5.5", "5.5"), "5.50", nil, now, ""},
		{"number just below", rule("number", "-5.5", "5.5"), "-5.6", nil, now, RuleRange},
		{"number tiny exponent", rule("number", "-5.5", "5.5"), "-55e-1", nil, now, ""},
		{"comma decimal", rule("number_1dp_comma_decimal", "1,5", ""), "1,4", nil, now, RuleRange},
		{"date before min", rule("date_ymd", "2000-01-01", "2030-12-31"), "1999-12-31", nil, now, RuleRange},
		{"date after max", rule("date_ymd", "2000-01-01", "2030-12-31"), "2031-01-01", nil, now, RuleRange},
		{"date slashes in range", rule("date_ymd", "2000-01-01", "2030-12-31"), "2024/02/29", nil, now, ""},
		{"date after today", rule("date_ymd", "", "today"), "2024-06-16", nil, now, RuleRange},
		{"date today", rule("date_ymd", "", "today"), "2024-06-15", nil, now, ""},
		{"today without clock", rule("date_ymd", "", "today"), "2999-01-01", nil, time.Time{}, ""},
		{"dmy bound in field order", rule("date_dmy", "1/1/1900", ""), "1899-12-31", nil, now, RuleRange},
		{"mdy bound in field order", rule("date_mdy", "12/31/1999", ""), "2000-01-01", nil, now, ""},
		{"datetime after max", rule("datetime_ymd", "2000-01-01 00:00", "2030-12-31 23:59"), "2031-01-01 00:00", nil, now, RuleRange},
		{"datetime after now", rule("datetime_ymd", "", "now"), "2024-06-15 12:31", nil, now, RuleRange},
		{"datetime seconds", rule("datetime_seconds_ymd", "2024-01-01 00:00:01", ""), "2024-01-01 00:00:00", nil, now, RuleRange},
		{"time before", rule("time", "08:00", "17:30"), "07:59", nil, now, RuleRange},
		{"time at max", rule("time", "08:00", "17:30"), "17:30", nil, now, ""},
		{"time after", rule("time", "08:00", "17:30"), "17:31", nil, now, RuleRange},
		{"minutes seconds", rule("time_mm_ss", "01:00", ""), "00:59", nil, now, RuleRange},
		{"field reference", rule("date_ymd", "", "[visit_date]"), "2024-01-02", visit, now, RuleRange},
		{"event field reference", rule("date_ymd", "", "[baseline_arm_1][visit_date]"), "2024-01-02", visit, now, RuleRange},
		{"reference without lookup", rule("date_ymd", "", "[visit_date]"), "2024-01-02", nil, now, ""},
		{"reference to blank", rule("date_ymd", "[other]", ""), "1900-01-01", visit, now, ""},
		{"unparsable bound", rule("integer", "ten", ""), "1", nil, now, ""},
		{"unparsable value", rule("integer", "0", "10"), "abc", nil, now, ""},
		{"slider range is not soft", &FieldRule{Name: "s", Type: typeSlider, Min: "0", Max: "10"}, "50", nil, now, ""},
		{"nomissing with code", &FieldRule{Name: "n", Type: typeText, NoMissing: true}, "-99", nil, now, RuleNoMissing},
		{"nomissing with value", &FieldRule{Name: "n", Type: typeText, NoMissing: true}, "99", nil, now, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, msg, ok := tt.rule.Soft(tt.raw, codes, tt.lookup, tt.now)
			if got != tt.want || ok != (tt.want == "") {
				t.Errorf("Soft(%q) = %q, %q, %v; want rule %q", tt.raw, got, msg, ok, tt.want)
			}
			if !ok && msg == "" {
				t.Errorf("Soft(%q) gave no message", tt.raw)
			}
		})
	}
}

// TestSoftMessage pins REDCap's wording of the range warning.
func TestSoftMessage(t *testing.T) {
	r := &FieldRule{Name: "height", Type: typeText, Validation: "number", Min: "50", Max: "250"}
	_, msg, _ := r.Soft("300", nil, nil, time.Time{})
	want := "The value you provided is outside the suggested range (50 - 250). This value is admissible, but you may wish to double check it."
	if msg != want {
		t.Errorf("message %q, want %q", msg, want)
	}
}
