package redcap

import "testing"

// TestCheckImport covers the rules' decisions that no single vector shows: date orders,
// datetimes, vmrn, sliders, read-only fields and the conservative choices documented in the code.
func TestCheckImport(t *testing.T) {
	codes := NewMissingCodes("NA", "-99")
	text := func(v string) *FieldRule { return &FieldRule{Name: "f", Type: typeText, Validation: v} }
	slider := &FieldRule{Name: "s", Type: typeSlider, Min: "-1", Max: "101"}
	tests := []struct {
		name   string
		rule   *FieldRule
		raw    string
		df     DateFormat
		stored string
		msg    string // "" when accepted
	}{
		{"blank", text("date_ymd"), "", DateYMD, "", ""},
		{"missing code in date", text("date_ymd"), "NA", DateYMD, "NA", ""},
		{"MDY date", text("date_ymd"), "2/3/1990", DateMDY, "1990-02-03", ""},
		{"DMY date", text("date_dmy"), "03/02/1990", DateDMY, "1990-02-03", ""},
		{"DMY impossible date reports converted", text("date_ymd"), "31/02/1990", DateDMY, "1990-02-31", msgDateDMY},
		{"DMY refuses dashes", text("date_ymd"), "03-02-1990", DateDMY, "03-02-1990", msgDateDMY},
		{"MDY keeps Y-M-D", text("date_ymd"), "1990-02-03", DateMDY, "1990-02-03", ""},
		{"MDY refuses Y/M/D", text("date_ymd"), "1990/02/03", DateMDY, "1990/02/03", msgDateMDY},
		{"Y/M/D needs two digits", text("date_ymd"), "2024/2/9", DateYMD, "2024/2/9", msgDateYMD},
		{"century leap year by REDCap's rule", text("date_ymd"), "2400-02-29", DateYMD, "2400-02-29", ""},
		{"3200 is not leap for REDCap", text("date_ymd"), "3200-02-29", DateYMD, "3200-02-29", msgDateYMD},
		{"DMY datetime", text("datetime_ymd"), "31/12/2023 9:05", DateDMY, "2023-12-31 09:05", ""},
		{"datetime padded date", text("datetime_ymd"), "2024-3-5 14:30", DateYMD, "2024-03-05 14:30", ""},
		{"datetime seconds added", text("datetime_seconds_ymd"), "2024-03-05", DateYMD, "2024-03-05 00:00:00", ""},
		{"datetime seconds dropped must be valid", text("datetime_ymd"), "2024-03-05 14:30:61", DateYMD, "2024-03-05 14:30:61", msgDateTimeYMD},
		{"datetime two spaces", text("datetime_ymd"), "2024-03-05  14:30", DateYMD, "2024-03-05  14:30", msgDateTimeYMD},
		{"datetime MDY message", text("datetime_ymd"), "x", DateMDY, "x", msgDateTimeMDY},
		{"time hour padded", text("time"), "0:00", DateYMD, "00:00", ""},
		{"time one-digit minutes", text("time"), "12:5", DateYMD, "12:5", msgTime},
		{"hh_mm_ss one-digit hour kept", text("time_hh_mm_ss"), "9:05:00", DateYMD, "9:05:00", ""},
		{"vmrn negative", text("vmrn"), "-5", DateYMD, "-00000005", msgFormat},
		{"vmrn ten digits", text("vmrn"), "1234567890", DateYMD, "1234567890", msgFormat},
		{"vmrn numeric prefix", text("vmrn"), " 42abc", DateYMD, "000000042", ""},
		{"vmrn exponent", text("vmrn"), "1e3", DateYMD, "000001000", ""},
		{"vmrn missing code kept", text("vmrn"), "NA", DateYMD, "NA", ""},
		{"phone extension", text("phone"), "(615) 555-1212 x12", DateYMD, "(615) 555-1212 x12", ""},
		{"phone 11 digits reformatted and refused", text("phone"), "16155551212", DateYMD, "(161) 555-5121 2", msgPhone("f")},
		{"site-defined validation", text("ncanda_id"), "anything", DateYMD, "anything", ""},
		{"slider negative bound", slider, "-1", DateYMD, "-1", ""},
		{"slider below", slider, "-2", DateYMD, "-2", msgSliderBelow("s", "-1")},
		{"slider plus sign", slider, "+5", DateYMD, "+5", msgSliderInteger("s")},
		{"slider missing code", slider, "-99", DateYMD, "-99", ""},
		{"slider default range", &FieldRule{Name: "s", Type: typeSlider}, "100", DateYMD, "100", ""},
		{"calc dropped", &FieldRule{Name: "c", Type: typeCalc}, "42", DateYMD, "", ""},
		{"signature dropped", &FieldRule{Name: "g", Type: typeFile, Validation: "signature"}, "x.png", DateYMD, "", ""},
		{"descriptive unknown", &FieldRule{Name: "d", Type: typeDescriptive}, "x", DateYMD, "x", msgUnknownField("d")},
		{"checkbox base name unknown", &FieldRule{Name: "cb", Type: typeCheckbox}, "1", DateYMD, "1", msgUnknownField("cb")},
		{"form status refuses missing code", &FieldRule{Name: "x_complete", Type: typeFormStatus}, "NA", DateYMD, "NA", msgCategory("x_complete")},
		{"yesno without choices", &FieldRule{Name: "y", Type: "yesno"}, "1", DateYMD, "1", ""},
		{"truefalse without choices", &FieldRule{Name: "y", Type: "truefalse"}, "true", DateYMD, "true", msgCategory("y")},
		{"notes keep anything", &FieldRule{Name: "n", Type: "notes"}, "a\r\nb", DateYMD, "a\r\nb", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			stored, msg, ok := tt.rule.CheckImport(tt.raw, codes, tt.df)
			if stored != tt.stored || msg != tt.msg || ok != (tt.msg == "") {
				t.Errorf("CheckImport(%q, %v) = %q, %q, %v; want %q, %q", tt.raw, tt.df, stored, msg, ok, tt.stored, tt.msg)
			}
		})
	}
}

// TestCheckColumn checks column routing: checkbox columns, base names and unknown columns.
func TestCheckColumn(t *testing.T) {
	rules := []FieldRule{
		{Name: "id", Type: typeText},
		{Name: "race", Type: typeCheckbox, CheckboxColumns: []string{"race___1", "race____9", "race___na"}},
	}
	codes := NewMissingCodes("NA")
	tests := []struct {
		column, raw, msg string
	}{
		{"race___1", "1", ""},
		{"race___na", "0", ""},
		{"race____9", "NA", msgCheckbox("race____9")},
		{"race", "1", msgUnknownField("race")},
		{"race___2", "1", msgUnknownField("race___2")},
		{"nope", "x", msgUnknownField("nope")},
		{"id", "x", ""},
	}
	for _, tt := range tests {
		if _, msg, ok := CheckColumn(rules, tt.column, tt.raw, codes, DateYMD); msg != tt.msg || ok != (tt.msg == "") {
			t.Errorf("CheckColumn(%q, %q) = %q, %v; want %q", tt.column, tt.raw, msg, ok, tt.msg)
		}
	}
}

// TestParseDateFormat checks that unknown values fall back to Y-M-D as REDCap does.
func TestParseDateFormat(t *testing.T) {
	for in, want := range map[string]DateFormat{"MDY": DateMDY, "DMY": DateDMY, "YMD": DateYMD, "": DateYMD, "XYZ": DateYMD, "mdy": DateYMD} {
		if got := ParseDateFormat(in); got != want {
			t.Errorf("ParseDateFormat(%q) = %v, want %v", in, got, want)
		}
	}
}

// TestParseNumberREDCapSyntax checks that decoding a number accepts what REDCap's number
// patterns accept and refuses Go-only forms.
func TestParseNumberREDCapSyntax(t *testing.T) {
	for s, want := range map[string]bool{
		"3.14": true, "-.5": true, "1e2": true, "-0": true, "1,5": true, "+5": true,
		"5.": false, "0x10": false, "0b11": false, "1/2": false, "": false, "1 000": false, "Inf": false,
	} {
		if _, ok := ParseNumber(s); ok != want {
			t.Errorf("ParseNumber(%q) ok=%v, want %v", s, ok, want)
		}
	}
}
