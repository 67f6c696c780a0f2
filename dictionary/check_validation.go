package dictionary

import (
	"strconv"
	"strings"
	"time"
)

// misspeltPrefixes are prefixes of REDCap's own validation families: an unknown type starting
// with one of them is a typo, not a site-defined type.
func misspeltPrefixes() []string {
	return []string{"date", "time", "number", "integer", "phone", "postalcode", "zipcode", "email", "mrn_", "alpha_", "ssn"}
}

// checkValidation checks column 8 against the field type and min/max against the validation.
// Validation is lower-cased; legacy names (date, int, float...) become today's names.
func checkValidation(c *collector, w where, f *Field) {
	v := f.Validation
	switch f.Type {
	case TypeText:
		checkTextValidation(c, w, f)
	case TypeDropdown, TypeSQL:
		if v != "" && v != "autocomplete" {
			c.warnf(w, f.Name, "validation %q on a %s field is ignored (only \"autocomplete\" applies)", v, f.Type)
		}
	case TypeSlider:
		if v != "" && v != "number" {
			c.warnf(w, f.Name, "show-slider-number %q is not \"number\": the number is not shown", v)
		}
	case TypeFile:
		if v != "" && v != "signature" {
			c.warnf(w, f.Name, "validation %q on a file field is ignored (only \"signature\" applies)", v)
		}
	default:
		if v != "" {
			// REDCap refuses this on dictionary upload; a project that holds it ignores it.
			c.warnf(w, f.Name, "validation %q on a %s field is ignored (only text fields take a validation)", v, f.Type)
		}
	}
	checkRange(c, w, f)
}

// checkTextValidation checks the validation type of a text field.
func checkTextValidation(c *collector, w where, f *Field) {
	v := f.Validation
	if v == "" || IsKnownValidation(v) {
		return
	}
	if modern, ok := legacyValidation(v); ok {
		c.warnf(w, f.Name, "validation %q is REDCap's legacy name of %q: read as %q", v, modern, modern)
		f.Validation = modern
		return
	}
	for _, prefix := range misspeltPrefixes() {
		if strings.HasPrefix(v, prefix) {
			// REDCap refuses an unknown type on dictionary upload, but a project may hold a
			// site-defined one of that name: the field is generated as text.
			c.warnf(w, f.Name, "validation %q is unknown (a typo of %s? REDCap refuses it on upload): the field is treated as text", v, validationsStartingWith(prefix))
			return
		}
	}
	c.warnf(w, f.Name, "validation %q is not a REDCap validation type (site-defined?): the field is treated as text", v)
}

// checkRange warns when min or max does not parse for the field's validation.
func checkRange(c *collector, w where, f *Field) {
	kind := rangeKind(f)
	for _, bound := range []struct{ name, value string }{{"min", f.Min}, {"max", f.Max}} {
		if bound.value == "" {
			continue
		}
		if kind == "" {
			c.warnf(w, f.Name, "%s %q is ignored: the field has no validation that takes a range", bound.name, bound.value)
			continue
		}
		if !rangeValueParses(kind, f.Validation, bound.value) {
			c.warnf(w, f.Name, "%s %q does not parse as %s for validation %q", bound.name, bound.value, kindDescription(kind), validationOrType(f))
		}
	}
}

// validationOrType returns the validation type, or the field type when there is none.
func validationOrType(f *Field) string {
	if f.Validation != "" {
		return f.Validation
	}
	return string(f.Type)
}

// rangeKind says what kind of bound a field's min/max hold: "number", "integer", "date",
// "datetime", "time", or "" when the field takes no range.
func rangeKind(f *Field) string {
	if f.Type == TypeSlider {
		return "integer"
	}
	if f.Type != TypeText {
		return ""
	}
	v := f.Validation
	switch {
	case v == "integer":
		return "integer"
	case v == "number" || strings.HasPrefix(v, "number_"):
		return "number"
	case strings.HasPrefix(v, "datetime_"):
		return "datetime"
	case strings.HasPrefix(v, "date_"):
		return "date"
	case strings.HasPrefix(v, "time"):
		return "time"
	case v == "":
		return ""
	}
	// Site-defined and other types: REDCap does not check the bound, and neither do we.
	return "any"
}

// kindDescription names a range kind for messages.
func kindDescription(kind string) string {
	switch kind {
	case "date":
		return "a Y-M-D date"
	case "datetime":
		return "a Y-M-D date and time"
	case "time":
		return "a time"
	case "integer":
		return "an integer"
	}
	return "a number"
}

// rangeValueParses reports whether a min/max value suits the range kind. Field references
// ("[visit_date]") and "today"/"now" are accepted for every kind REDCap allows them in.
func rangeValueParses(kind, validation, value string) bool {
	if strings.HasPrefix(value, "[") && strings.HasSuffix(value, "]") {
		return true
	}
	switch kind {
	case "any":
		return true
	case "integer":
		_, err := strconv.ParseInt(strings.TrimPrefix(value, "+"), 10, 64)
		return err == nil
	case "number":
		return parsesAsNumber(validation, value)
	case "date":
		return value == "today" || value == "now" || parsesTime(value, "2006-01-02", "2006-1-2")
	case "datetime":
		return value == "now" || value == "today" ||
			parsesTime(value, "2006-01-02 15:04", "2006-01-02 15:04:05", "2006-01-02")
	case "time":
		return value == "now" || parsesTime(value, "15:04", "15:04:05", "04:05")
	}
	return false
}

// parsesAsNumber reports whether value is a number, with a decimal comma for the comma types.
func parsesAsNumber(validation, value string) bool {
	if strings.HasSuffix(validation, "_comma_decimal") {
		value = strings.Replace(value, ",", ".", 1)
	}
	_, err := strconv.ParseFloat(value, 64)
	return err == nil
}

// parsesTime reports whether value matches one of the layouts.
func parsesTime(value string, layouts ...string) bool {
	for _, layout := range layouts {
		if _, err := time.Parse(layout, value); err == nil {
			return true
		}
	}
	return false
}
