package dictionary

import (
	"slices"
	"strings"
)

// KnownValidations returns the 39 validation types REDCap 15.7.6 knows (the answer of
// content=fieldValidation), grouped by family.
func KnownValidations() []string {
	return []string{
		"date_ymd", "date_mdy", "date_dmy",
		"datetime_ymd", "datetime_mdy", "datetime_dmy",
		"datetime_seconds_ymd", "datetime_seconds_mdy", "datetime_seconds_dmy",
		"time", "time_hh_mm_ss", "time_mm_ss",
		"integer", "number", "number_1dp", "number_2dp", "number_3dp", "number_4dp",
		"number_comma_decimal", "number_1dp_comma_decimal", "number_2dp_comma_decimal",
		"number_3dp_comma_decimal", "number_4dp_comma_decimal",
		"email", "phone", "phone_australia", "phone_france", "phone_uk",
		"zipcode", "postalcode_australia", "postalcode_canada", "postalcode_french",
		"postalcode_germany", "postalcode_uk",
		"alpha_only", "ssn", "mrn_10d", "mrn_generic", "vmrn",
	}
}

// IsKnownValidation reports whether v is one of REDCap's own validation types.
func IsKnownValidation(v string) bool {
	return slices.Contains(KnownValidations(), v)
}

// legacyValidation maps REDCap's legacy validation names, still found in old dictionaries, to
// the names REDCap uses today.
func legacyValidation(v string) (string, bool) {
	switch v {
	case "date":
		return "date_ymd", true
	case "datetime":
		return "datetime_ymd", true
	case "datetime_seconds":
		return "datetime_seconds_ymd", true
	case "int":
		return "integer", true
	case "float":
		return "number", true
	}
	return "", false
}

// validationsStartingWith renders the known validation types of one family for messages, or
// all of them when none starts with prefix.
func validationsStartingWith(prefix string) string {
	var family []string
	for _, v := range KnownValidations() {
		if strings.HasPrefix(v, prefix) {
			family = append(family, v)
		}
	}
	if len(family) == 0 {
		family = KnownValidations()
	}
	return strings.Join(family, ", ")
}
