package logic

import (
	"strings"
)

// Calc returns the text REDCap stores for a calc field whose equation gave v (or failed with
// err): integers and floats as PHP writes them (14 significant digits, 6.77E+15), numeric text as
// it is ("02" stays "02"), INF as "INF"; NaN, true, false, other text and errors give blank.
func Calc(v Value, err error) string {
	if err != nil {
		return ""
	}
	switch v.kind {
	case KindInt:
		return v.Text()
	case KindFloat:
		if v.IsNaN() {
			return ""
		}
		return v.Text()
	case KindString:
		if _, ok := numericString(v.str()); ok && !v.missing {
			return v.str()
		}
	}
	return ""
}

// CalcText returns the text REDCap stores for an @CALCTEXT field: PHP's text of the value (NaN
// is "NAN", true "1", false ""); an error gives blank.
func CalcText(v Value, err error) string {
	if err != nil {
		return ""
	}
	return v.Text()
}

// CalcDate returns the text REDCap stores for an @CALCDATE field with the given validation: the
// date and time cut to the field's format (Y-M-D, Y-M-D H:M or Y-M-D H:M:S).
func CalcDate(v Value, err error, validation string) string {
	s := CalcText(v, err)
	if len(s) < len("2006-01-02 15:04:05") {
		return s
	}
	switch {
	case strings.HasPrefix(validation, "datetime_seconds"):
		return s
	case strings.HasPrefix(validation, "datetime"):
		return s[:len("2006-01-02 15:04")]
	}
	return s[:len("2006-01-02")]
}

// dateLayout is the layout of a date of the given validation, as REDCap stores it.
func dateLayout(validation string) string {
	switch {
	case strings.HasPrefix(validation, "datetime_seconds"):
		return calcDateLayout
	case strings.HasPrefix(validation, "datetime"):
		return "2006-01-02 15:04"
	}
	return "2006-01-02"
}

// Selects reports whether a filterLogic or branching expression holds: REDCap selects a row
// unless the value is false or evaluating failed (a number, NaN or text all select it).
func Selects(v Value, err error) bool {
	return err == nil && !v.isFalse()
}
