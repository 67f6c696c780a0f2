package redcap

import (
	"testing"
)

// Deterministic companions of the fuzz targets: every string built from small alphabets and
// typical pieces is judged by the rules and by REDCap's own pattern (see rules_fuzz_test.go for
// the known divergences), so edge cases are covered on every run, not only when fuzzing.

// allStrings returns every string of up to n pieces.
func allStrings(pieces []string, n int) []string {
	out := []string{""}
	level := []string{""}
	for i := 0; i < n; i++ {
		var next []string
		for _, prefix := range level {
			for _, p := range pieces {
				next = append(next, prefix+p)
			}
		}
		out = append(out, next...)
		level = next
	}
	return out
}

// combine returns every concatenation of one piece from each list.
func combine(lists ...[]string) []string {
	out := []string{""}
	for _, list := range lists {
		var next []string
		for _, prefix := range out {
			for _, p := range list {
				next = append(next, prefix+p)
			}
		}
		out = next
	}
	return out
}

// TestNumbersAgainstServerPatterns compares the number types with REDCap's patterns on every
// string of up to five characters from a number-shaped alphabet.
func TestNumbersAgainstServerPatterns(t *testing.T) {
	patterns := serverPatterns(t)
	types := []string{"integer", "number", "number_comma_decimal", "number_1dp", "number_2dp", "number_3dp",
		"number_4dp", "number_1dp_comma_decimal", "number_2dp_comma_decimal", "number_3dp_comma_decimal", "number_4dp_comma_decimal"}
	for _, s := range allStrings([]string{"0", "7", "-", "+", ".", ",", "e", " "}, 5) {
		if s != "" {
			checkExact(t, patterns, types, s)
		}
	}
}

// TestTextAgainstServerPatterns compares postal codes, ssn, mrn, alpha_only and the times with
// REDCap's patterns on strings built from the pieces these types are made of.
func TestTextAgainstServerPatterns(t *testing.T) {
	patterns := serverPatterns(t)
	types := []string{"zipcode", "postalcode_australia", "postalcode_canada", "postalcode_french", "postalcode_germany",
		"postalcode_uk", "ssn", "mrn_10d", "mrn_generic", "alpha_only", "time_hh_mm_ss", "time_mm_ss"}
	inputs := allStrings([]string{"0", "9", "K", "i", "D", "-", " ", ":", "_"}, 4)
	inputs = append(inputs, combine([]string{"K", "k", "W", "1"}, []string{"1", "A"}, []string{"A", "a", "1"}, []string{"", " ", "\v", "  "}, []string{"0B1", "0b1", "1AA", "1CI"})...)
	inputs = append(inputs, combine([]string{"", "0", "1", "9", "00", "99", "98", "01"}, []string{"001", "123", "1234"})...)
	inputs = append(inputs, combine([]string{"0", "9", "1", "23", "24"}, []string{":00", ":59", ":60"}, []string{"", ":00", ":59", ":60"})...)
	inputs = append(inputs, combine([]string{"123", "12"}, []string{"-", ""}, []string{"45", "4"}, []string{"-6789", "6789", "-678"})...)
	for _, s := range inputs {
		if s != "" {
			checkExact(t, patterns, types, s)
		}
	}
}

// TestPhonesAgainstServerPatterns checks phone numbers built from area codes, separators and
// extensions, and the non-US phone types.
func TestPhonesAgainstServerPatterns(t *testing.T) {
	patterns := serverPatterns(t)
	us := combine([]string{"", "(", "+1 "}, []string{"615", "211", "800", "811", "123", "905"}, []string{"", ")"},
		[]string{"", " ", "-", ".", " - "}, []string{"555"}, []string{"", "-", ".", "  "}, []string{"1212", "121"},
		[]string{"", " x12", "ext.9", " #1", "1"})
	for _, s := range us {
		checkPhoneProperties(t, patterns, s)
	}
	foreign := combine([]string{"", "+33 ", "0033", "+44", "(0", "0"}, []string{"2", "20", "1", "7700", "412"},
		[]string{"", " ", ")", ") ", "."}, []string{"9876 5432", "7946 0958", "23 45 67 89", "900123", "345 678"})
	for _, s := range foreign {
		checkExact(t, patterns, []string{"phone_australia", "phone_uk", "phone_france"}, s)
	}
}

// TestEmailAgainstServerPattern checks e-mail addresses built from typical and tricky pieces.
func TestEmailAgainstServerPattern(t *testing.T) {
	patterns := serverPatterns(t)
	inputs := combine([]string{"a", ".a", "a.", "a.b", "a..b", "ü", "a+b", "a b", "", "\"a\""},
		[]string{"@", "@@", ""}, []string{"b", ".b", "b-c", "b..c", "b.c", "ö", "1", ""},
		[]string{".co", ".c", ".c1", ".ÄÖ", ".한국", "", ".", ".co.", ".𝒳𝒳", ".\uFFFD\uFFFD", ".\uD7B0\uD7B0", ".\u02AF\u02B0"})
	for _, s := range inputs {
		if s != "" {
			checkExact(t, patterns, []string{"email"}, s)
		}
	}
}

// TestDatesAgainstServerPatterns checks dates, datetimes and times built from calendar edge
// cases (leap years by REDCap's rule, month and day limits, both separators, one-digit parts).
func TestDatesAgainstServerPatterns(t *testing.T) {
	patterns := serverPatterns(t)
	inputs := combine([]string{"2024", "2023", "2000", "1900", "1600", "3200", "2100", "0000", "204"},
		[]string{"-", "/"}, []string{"02", "2", "12", "13", "00", "04", "1"}, []string{"-", "/"},
		[]string{"29", "28", "30", "31", "9", "00", "32"},
		[]string{"", " 9:05", "T14:30", " 14:30:59", " 24:00", " 23:59:60", " 23:5", "  12:00", " 09:05:00"})
	if testing.Short() {
		inputs = everyNth(inputs, 8) // the full run checks all 15,876 combinations
	}
	inputs = append(inputs, "9:05", "09:05", "23:59", "24:00", "14:30:00", "2:30 PM", "02/29/2024", "29/02/2024")
	for _, s := range inputs {
		checkDateProperties(t, patterns, s)
	}
}

// everyNth keeps the first of every n inputs, for go test -short.
func everyNth(inputs []string, n int) []string {
	var out []string
	for i := 0; i < len(inputs); i += n {
		out = append(out, inputs[i])
	}
	return out
}
