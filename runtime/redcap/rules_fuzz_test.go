package redcap

import (
	"encoding/json"
	"regexp"
	"strings"
	"testing"
)

// Fuzz targets: each verdict of the rules is checked against REDCap's own pattern for the type
// (errors.jsonl case other_content_fieldValidation), run by the PCRE interpreter of
// rules_pcre_test.go, or against another independent definition.
//
// Known, deliberate divergences from the bare patterns, where REDCap's PHP does more than its
// pattern or where the pattern's PCRE reading is looser than we dare to be:
//   - PCRE's $ also matches before a final "\n"; the rules refuse a trailing newline.
//   - Dates: Y-M-D with one-digit month or day is accepted and zero-padded (REDCap does it,
//     import_v_date_ymd_10); datetimes also take "T", a date alone, seconds in minute fields, and
//     a one-digit hour, all normalised (import_normalization_batch__after).
//   - phone: REDCap reformats before matching (import_v_phone_03, _04, _07).
//   - vmrn: REDCap reads the value as an integer and zero-pads it (import_v_vmrn_03).

// serverPatterns returns REDCap's pattern per validation type.
func serverPatterns(t testing.TB) map[string]*pcre {
	t.Helper()
	_, byName := rulesLoadCases(t, "errors.jsonl")
	var list []struct {
		Type  string `json:"validation_type"`
		Regex string `json:"regex"`
	}
	if err := json.Unmarshal([]byte(rulesMustCase(t, byName, "other_content_fieldValidation").Body), &list); err != nil {
		t.Fatalf("fieldValidation: %v", err)
	}
	out := map[string]*pcre{}
	for _, p := range list {
		re, err := compilePCRE(p.Regex)
		if err != nil {
			t.Fatalf("%s: %v", p.Type, err)
		}
		out[p.Type] = re
	}
	if len(out) != 39 {
		t.Fatalf("got %d patterns, want 39", len(out))
	}
	return out
}

// serverMatch runs REDCap's pattern the way the rules read it: a trailing newline, which PCRE's
// $ tolerates, is refused (see the divergences above).
func serverMatch(p *pcre, s string) bool {
	return !strings.HasSuffix(s, "\n") && p.matchString(s)
}

// textRule returns a text field rule with a validation.
func textRule(validation string) *FieldRule {
	return &FieldRule{Name: "f", Type: typeText, Validation: validation}
}

// seedFromVectors adds every value of the value-import vectors as a seed.
func seedFromVectors(f *testing.F) {
	records, _ := rulesLoadCases(f, "records.jsonl")
	for _, c := range records {
		if !isFieldtypesValueVector(c.Name) {
			continue
		}
		var rows []map[string]any
		if json.Unmarshal([]byte(c.param("data")), &rows) != nil {
			continue
		}
		for _, row := range rows {
			for k, v := range row {
				if s, ok := v.(string); ok && k != "record_id" {
					f.Add(s)
				}
			}
		}
	}
}

// exactTypes are checked for verdict equality with the server pattern.
func checkExact(t *testing.T, patterns map[string]*pcre, types []string, s string) {
	for _, v := range types {
		_, msg, ok := textRule(v).CheckImport(s, nil, DateYMD)
		if want := serverMatch(patterns[v], s); ok != want {
			t.Errorf("%s %q: ok=%v (%s), REDCap's pattern says %v", v, s, ok, msg, want)
		}
	}
}

// FuzzNumbers checks integer, number and the fixed-decimal and comma types against REDCap's
// patterns, sliders against the integer pattern and their range, and vmrn's stored form.
func FuzzNumbers(f *testing.F) {
	seedFromVectors(f)
	for _, s := range []string{"-0", "+.5e-3", "1e", "00", "1,5e2", "-1,", "١٢", "12\n", "999999999", "-5", " 7", "+1.5", "+1,55"} {
		f.Add(s)
	}
	patterns := serverPatterns(f)
	types := []string{"integer", "number", "number_comma_decimal", "number_1dp", "number_2dp", "number_3dp",
		"number_4dp", "number_1dp_comma_decimal", "number_2dp_comma_decimal", "number_3dp_comma_decimal", "number_4dp_comma_decimal"}
	sliderInt := regexp.MustCompile(`^-?[0-9]+$`)
	f.Fuzz(func(t *testing.T, s string) {
		if s == "" {
			return
		}
		checkExact(t, patterns, types, s)
		slider := &FieldRule{Name: "f", Type: typeSlider, Min: "-5", Max: "10"}
		_, _, ok := slider.CheckImport(s, nil, DateYMD)
		want := sliderInt.MatchString(s)
		if want {
			n, _ := parseDecimal(s)
			lo, _ := parseDecimal("-5")
			hi, _ := parseDecimal("10")
			want = compareDecimal(n, lo) >= 0 && compareDecimal(n, hi) <= 0
		}
		if ok != want {
			t.Errorf("slider -5..10 %q: ok=%v, want %v", s, ok, want)
		}
		stored, _, ok := textRule("vmrn").CheckImport(s, nil, DateYMD)
		if ok != patterns["vmrn"].matchString(stored) || (ok && len(stored) != 9) {
			t.Errorf("vmrn %q: stored %q ok=%v disagrees with REDCap's pattern", s, stored, ok)
		}
	})
}

// FuzzText checks the other pattern-only types: postal codes, ssn, mrn, alpha_only, zipcode,
// the non-US phones, time_hh_mm_ss and time_mm_ss.
func FuzzText(f *testing.F) {
	seedFromVectors(f)
	patterns := serverPatterns(f)
	types := []string{"zipcode", "postalcode_australia", "postalcode_canada", "postalcode_french", "postalcode_germany",
		"postalcode_uk", "ssn", "mrn_10d", "mrn_generic", "alpha_only", "phone_australia", "phone_uk", "phone_france",
		"time_hh_mm_ss", "time_mm_ss"}
	f.Fuzz(func(t *testing.T, s string) {
		if s != "" {
			checkExact(t, patterns, types, s)
		}
	})
}

// FuzzEmail checks e-mail addresses against REDCap's pattern.
func FuzzEmail(f *testing.F) {
	seedFromVectors(f)
	for _, s := range []string{"a@b.cd", "a.@b.cd", "a@b..cd", ".a@b.cd", "a@.b.cd", "ü@ö.äß", "a@b.c1", "a@b@c.de", "a@b.co.uk", "x@y." + strings.Repeat("z", 64)} {
		f.Add(s)
	}
	patterns := serverPatterns(f)
	f.Fuzz(func(t *testing.T, s string) {
		if s != "" {
			checkExact(t, patterns, []string{"email"}, s)
		}
	})
}

// FuzzPhone checks North-American phone numbers: what the rule accepts matches REDCap's pattern
// after reformatting, what the pattern accepts as sent (and REDCap does not reformat) is
// accepted unchanged, and the reformatting agrees with an independent definition of it.
func FuzzPhone(f *testing.F) {
	seedFromVectors(f)
	for _, s := range []string{"(615)555-1212", "615 555 1212 x12", "+16155551212", "1e123456789", "\t6155551212"} {
		f.Add(s)
	}
	patterns := serverPatterns(f)
	f.Fuzz(func(t *testing.T, s string) {
		if s != "" {
			checkPhoneProperties(t, patterns, s)
		}
	})
}

// phoneNumeric is PHP's is_numeric without a fraction (dots are stripped before it is asked).
var phoneNumeric = regexp.MustCompile(`^[\t\n\v\f\r ]*[-+]?[0-9]+([eE][-+]?[0-9]+)?[\t\n\v\f\r ]*$`)

// checkPhoneProperties checks one North-American phone value (see FuzzPhone).
func checkPhoneProperties(t *testing.T, patterns map[string]*pcre, s string) {
	stored, _, ok := textRule("phone").CheckImport(s, nil, DateYMD)
	if ok != serverMatch(patterns["phone"], stored) {
		t.Errorf("phone %q stored as %q: ok=%v, REDCap's pattern disagrees", s, stored, ok)
	}
	stripped := strings.NewReplacer(" ", "", ".", "", "(", "", ")", "").Replace(s)
	want := s
	if len(stripped) >= 10 && phoneNumeric.MatchString(stripped) {
		want = "(" + stripped[:3] + ") " + stripped[3:6] + "-" + stripped[6:10]
		if len(stripped) > 10 {
			want += " " + stripped[10:]
		}
	}
	if stored != want {
		t.Errorf("phone %q stored as %q, want %q", s, stored, want)
	}
}

// FuzzDates checks dates, datetimes and times. Values the pattern accepts as sent are accepted
// and stored unchanged (one-digit hours padded); every accepted value's stored form matches the
// pattern; and the normalisations agree with an independent reading of them.
func FuzzDates(f *testing.F) {
	seedFromVectors(f)
	for _, s := range []string{"2024-2-9", "2024-02-29T23:59:59", "2100-02-29", "2000-02-29 9:05", "1600/02/29", "02/29/2024", "2024-02-29\n", "3200-02-29", "1900-2-29"} {
		f.Add(s)
	}
	patterns := serverPatterns(f)
	f.Fuzz(func(t *testing.T, s string) {
		if s != "" {
			checkDateProperties(t, patterns, s)
		}
	})
}

// checkDateProperties checks one value in every date, datetime and time field (see FuzzDates).
func checkDateProperties(t *testing.T, patterns map[string]*pcre, s string) {
	types := []string{"time", "date_ymd", "date_mdy", "date_dmy", "datetime_ymd", "datetime_mdy", "datetime_dmy",
		"datetime_seconds_ymd", "datetime_seconds_mdy", "datetime_seconds_dmy"}
	for _, v := range types {
		stored, _, ok := textRule(v).CheckImport(s, nil, DateYMD)
		ymd := patterns[strings.NewReplacer("_mdy", "_ymd", "_dmy", "_ymd").Replace(v)]
		if ok && !serverMatch(ymd, stored) {
			t.Errorf("%s %q accepted as %q, which REDCap's pattern refuses", v, s, stored)
		}
		if serverMatch(ymd, s) && (!ok || stored != padHour(s)) {
			t.Errorf("%s %q matches REDCap's pattern but gives ok=%v stored %q", v, s, ok, stored)
		}
		if want, wantOK := independentNormal(v, s); ok && wantOK && stored != want {
			t.Errorf("%s %q stored as %q, want %q", v, s, stored, want)
		}
	}
}

// padHour pads a one-digit hour after the last space (or the start): REDCap stores "09:05".
func padHour(s string) string {
	i := strings.LastIndexByte(s, ' ') + 1
	if len(s)-i >= 4 && s[i+1] == ':' {
		return s[:i] + "0" + s[i:]
	}
	return s
}

// normalDate is the independent reading of the normalisations REDCap applies: Y-M-D with one or
// two digits, an optional time after "T" or " ".
var normalDate = regexp.MustCompile(`^([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})(?:[ T]([0-9]{1,2}):([0-9]{2})(?::([0-9]{2}))?)?$`)

// independentNormal returns the stored form of a value that normalDate reads.
func independentNormal(validation, s string) (string, bool) {
	m := normalDate.FindStringSubmatch(s)
	if m == nil || strings.HasPrefix(validation, "time") {
		return "", false
	}
	pad := func(x string) string { return strings.Repeat("0", 2-len(x)) + x }
	date := m[1] + "-" + pad(m[2]) + "-" + pad(m[3])
	if strings.HasPrefix(validation, "date_") {
		if m[4] != "" {
			return "", false
		}
		return date, true
	}
	hour, minute, sec := "00", "00", "00"
	if m[4] != "" {
		hour, minute = pad(m[4]), m[5]
		if m[6] != "" {
			sec = m[6]
		}
	}
	if strings.HasPrefix(validation, "datetime_seconds_") {
		return date + " " + hour + ":" + minute + ":" + sec, true
	}
	return date + " " + hour + ":" + minute, true
}

// FuzzChoices checks choice fields, form status and checkbox columns against a map lookup.
func FuzzChoices(f *testing.F) {
	for _, s := range []string{"1", "01", "-9", "A", "a", "x_y", " 1", "NA", "UNK", "2", "0", ""} {
		f.Add(s)
	}
	codes := NewMissingCodes("NA", "UNK", "-99")
	radio := &FieldRule{Name: "f", Type: "radio", Choices: []RuleChoice{{"0", "No"}, {"1", "Yes"}, {"-9", "?"}, {"A", "a"}, {"x_y", "x"}}}
	checkbox := &FieldRule{Name: "c", Type: typeCheckbox, CheckboxColumns: []string{"c___1", "c____9"}}
	status := &FieldRule{Name: "form_complete", Type: typeFormStatus}
	f.Fuzz(func(t *testing.T, s string) {
		valid := map[string]bool{"": true, "0": true, "1": true, "-9": true, "A": true, "x_y": true, "NA": true, "UNK": true, "-99": true}
		if _, _, ok := radio.CheckImport(s, codes, DateYMD); ok != valid[s] {
			t.Errorf("radio %q: ok=%v, want %v", s, ok, valid[s])
		}
		statusValid := map[string]bool{"": true, "0": true, "1": true, "2": true}
		if _, _, ok := status.CheckImport(s, codes, DateYMD); ok != statusValid[s] {
			t.Errorf("form status %q: ok=%v, want %v", s, ok, statusValid[s])
		}
		boxValid := map[string]bool{"": true, "0": true, "1": true}
		if _, _, ok := checkbox.CheckCheckboxColumn("c____9", s); ok != boxValid[s] {
			t.Errorf("checkbox column %q: ok=%v, want %v", s, ok, boxValid[s])
		}
		if _, _, ok := checkbox.CheckCheckboxColumn(s, "1"); ok != (s == "c___1" || s == "c____9") {
			t.Errorf("checkbox column name %q: ok=%v", s, ok)
		}
	})
}
