package perfdata

import (
	"fmt"
	"math/rand/v2"
	"strconv"
	"strings"

	"github.com/redcapgen/redcapgen/runtime/redcap"
)

// textWords are the words free-text values are made of; one carries non-ASCII, one a slash, so
// the JSON writer and reader escape and unescape on every few rows.
var textWords = [...]string{"patient", "reported", "mild", "headache", "after", "visit", "café", "follow-up", "n/a", "none", "stable", "clinic"}

// candidate returns a value for a text field with the given validation, or "" when it has no
// generator for it. Values respect min and max when the rule gives numeric ones.
func candidate(rng *rand.Rand, r *redcap.FieldRule) string {
	y, m, d := 1950+rng.IntN(70), 1+rng.IntN(12), 1+rng.IntN(28)
	hh, mm, ss := rng.IntN(24), rng.IntN(60), rng.IntN(60)
	ymd := fmt.Sprintf("%04d-%02d-%02d", y, m, d)
	hm := fmt.Sprintf("%02d:%02d", hh, mm)
	hms := fmt.Sprintf("%02d:%02d:%02d", hh, mm, ss)
	switch r.Validation {
	case "":
		return words(rng, 1+rng.IntN(4))
	case "date_ymd", "date_mdy", "date_dmy": // the API sends every date as Y-M-D
		return ymd
	case "datetime_ymd", "datetime_mdy", "datetime_dmy":
		return ymd + " " + hm
	case "datetime_seconds_ymd", "datetime_seconds_mdy", "datetime_seconds_dmy":
		return ymd + " " + hms
	case "time":
		return hm
	case "time_hh_mm_ss":
		return hms
	case "time_mm_ss":
		return fmt.Sprintf("%02d:%02d", mm, ss)
	case "integer":
		return strconv.Itoa(intIn(rng, r, 0, 120))
	case "number":
		return fmt.Sprintf("%d.%d", intIn(rng, r, 0, 200), rng.IntN(10))
	case "email":
		return fmt.Sprintf("user%d@example.org", rng.IntN(100000))
	case "phone":
		return fmt.Sprintf("(615) 322-%04d", rng.IntN(10000))
	case "zipcode":
		return fmt.Sprintf("372%02d", rng.IntN(100))
	case "alpha_only":
		return strings.Repeat("ab", 1+rng.IntN(4))
	case "ssn":
		return fmt.Sprintf("%03d-%02d-%04d", 100+rng.IntN(600), 10+rng.IntN(89), 1000+rng.IntN(9000))
	case "mrn_10d":
		return fmt.Sprintf("%010d", rng.IntN(1_000_000_000))
	case "postalcode_french":
		return fmt.Sprintf("75%03d", rng.IntN(1000))
	case "postalcode_germany":
		return fmt.Sprintf("1%04d", rng.IntN(10000))
	case "postalcode_australia":
		return fmt.Sprintf("2%03d", rng.IntN(1000))
	case "postalcode_canada":
		return "K1A 0B1"
	case "phone_australia":
		return fmt.Sprintf("02 %04d %04d", rng.IntN(10000), rng.IntN(10000))
	case "mrn_generic":
		return fmt.Sprintf("MRN-%06d", rng.IntN(1_000_000))
	case "vmrn":
		return fmt.Sprintf("%09d", rng.IntN(1_000_000_000))
	}
	if places, comma, ok := decimalValidation(r.Validation); ok {
		v := fmt.Sprintf("%d.%0*d", intIn(rng, r, 0, 200), places, rng.IntN(pow10(places)))
		if places == 0 {
			v = fmt.Sprintf("%d.%d", intIn(rng, r, 0, 200), rng.IntN(10))
		}
		if comma {
			v = strings.Replace(v, ".", ",", 1)
		}
		return v
	}
	return ""
}

// decimalValidation reads number_<n>dp[_comma_decimal] and number_comma_decimal.
func decimalValidation(v string) (places int, comma bool, ok bool) {
	rest, found := strings.CutPrefix(v, "number_")
	if !found {
		return 0, false, false
	}
	rest, comma = strings.CutSuffix(rest, "_comma_decimal")
	if rest == "comma_decimal" {
		return 0, true, true
	}
	if len(rest) == 3 && rest[1:] == "dp" && rest[0] >= '1' && rest[0] <= '9' {
		return int(rest[0] - '0'), comma, true
	}
	return 0, false, false
}

func pow10(n int) int {
	p := 1
	for range n {
		p *= 10
	}
	return p
}

// intIn returns an integer within the rule's numeric min and max, or within [lo, hi] when the
// rule has none.
func intIn(rng *rand.Rand, r *redcap.FieldRule, lo, hi int) int {
	if v, err := strconv.ParseFloat(r.Min, 64); err == nil {
		lo = int(v) + 1
	}
	if v, err := strconv.ParseFloat(r.Max, 64); err == nil {
		hi = int(v) - 1
	}
	if hi < lo {
		hi = lo
	}
	return lo + rng.IntN(hi-lo+1)
}

// words returns n words of free text.
func words(rng *rand.Rand, n int) string {
	parts := make([]string, n)
	for i := range parts {
		parts[i] = textWords[rng.IntN(len(textWords))]
	}
	return strings.Join(parts, " ")
}
