package redcap

import (
	"strings"
	"time"
)

// Warning rule names reported by Soft and the Validator.
const (
	RuleRange      = "range"      // outside text_validation_min/max
	RuleNoMissing  = "nomissing"  // a missing-data code in a field tagged @NOMISSING
	RuleRequired   = "required"   // a required field left blank
	RuleReadOnly   = "readonly"   // a value REDCap drops on import (calc, file, signature)
	RuleNormalized = "normalized" // a value REDCap stores in another form
)

// rangeKind says how a validation type's values compare.
type rangeKind uint8

const (
	rangeNone     rangeKind = iota
	rangeNumber             // integer, number, number_Ndp, comma decimals
	rangeDate               // date_*
	rangeDateTime           // datetime_* and datetime_seconds_*
	rangeTime               // time, time_hh_mm_ss
	rangeMinSec             // time_mm_ss
)

// rangeKindOf returns how values of a validation type compare, and the field's date order for
// bounds written in the field's own format (M/D/Y, D/M/Y).
func rangeKindOf(validation string) (rangeKind, DateFormat) {
	order := DateYMD
	switch {
	case strings.HasSuffix(validation, "_mdy"):
		order = DateMDY
	case strings.HasSuffix(validation, "_dmy"):
		order = DateDMY
	}
	switch {
	case validation == "integer" || validation == "number" || strings.HasPrefix(validation, "number_"):
		return rangeNumber, order
	case strings.HasPrefix(validation, "date_"):
		return rangeDate, order
	case strings.HasPrefix(validation, "datetime_"):
		return rangeDateTime, order
	case validation == "time" || validation == "time_hh_mm_ss":
		return rangeTime, order
	case validation == "time_mm_ss":
		return rangeMinSec, order
	}
	return rangeNone, order
}

// Soft returns the first warning REDCap shows (in its forms and data-quality rules) for a value
// it stores: rule RuleNoMissing for a missing-data code in a field tagged @NOMISSING, or
// RuleRange for a value outside the field's min/max. Bounds may be numbers, dates or times (also
// a date in the field's own M/D/Y or D/M/Y order), "today" and "now" (resolved against now; a
// zero now skips them), or a field reference "[other]" or "[event][other]", resolved through
// lookup (nil, or a value that is blank or does not parse, skips the bound). raw is a stored
// value; one that does not parse has no range to check. ok is true when there is no warning.
// Soft does not allocate when there is none.
func (r *FieldRule) Soft(raw string, codes *MissingCodes, lookup func(field string) string, now time.Time) (rule, msg string, ok bool) {
	if raw == "" {
		return "", "", true
	}
	if codes.Has(raw) {
		if r.NoMissing {
			return RuleNoMissing, "The field is tagged @NOMISSING but holds missing-data code " + raw + " (REDCap accepts it on import).", false
		}
		return "", "", true
	}
	if r.Type != typeText || (r.Min == "" && r.Max == "") {
		return "", "", true
	}
	kind, order := rangeKindOf(r.Validation)
	value, ok := rangeValue(kind, DateYMD, raw, time.Time{})
	if !ok {
		return "", "", true
	}
	if bound, ok := r.rangeBound(kind, order, r.Min, lookup, now); ok && value.less(bound) {
		return RuleRange, r.rangeMessage(), false
	}
	if bound, ok := r.rangeBound(kind, order, r.Max, lookup, now); ok && bound.less(value) {
		return RuleRange, r.rangeMessage(), false
	}
	return "", "", true
}

// rangeMessage is REDCap's soft range warning.
func (r *FieldRule) rangeMessage() string {
	return "The value you provided is outside the suggested range (" + r.Min + " - " + r.Max +
		"). This value is admissible, but you may wish to double check it."
}

// rangeBound reads a min or max: a literal, "today"/"now", or a field reference.
func (r *FieldRule) rangeBound(kind rangeKind, order DateFormat, written string, lookup func(string) string, now time.Time) (rangePoint, bool) {
	if written == "" {
		return rangePoint{}, false
	}
	if name, ok := fieldReference(written); ok {
		if lookup == nil {
			return rangePoint{}, false
		}
		written = lookup(name)
		if written == "" {
			return rangePoint{}, false
		}
	}
	return rangeValue(kind, order, written, now)
}

// fieldReference returns the field named by "[field]" or "[event][field]".
func fieldReference(s string) (string, bool) {
	if len(s) < 3 || s[0] != '[' || s[len(s)-1] != ']' {
		return "", false
	}
	inner := s[1 : len(s)-1]
	if i := strings.LastIndex(inner, "]["); i >= 0 {
		inner = inner[i+2:]
	}
	if inner == "" || strings.ContainsAny(inner, "[]") {
		return "", false
	}
	return inner, true
}

// rangePoint is a value reduced to something ordered: an exact decimal, or an integer for dates
// and times.
type rangePoint struct {
	number decimal
	moment int64
	isNum  bool
}

// less reports whether a < b.
func (a rangePoint) less(b rangePoint) bool {
	if a.isNum {
		return compareDecimal(a.number, b.number) < 0
	}
	return a.moment < b.moment
}

// rangeValue reads s as a value of kind. Dates may be Y-M-D (or Y/M/D) or, for bounds, in the
// field's own order with "/"; "today" and "now" use now when it is not zero.
func rangeValue(kind rangeKind, order DateFormat, s string, now time.Time) (rangePoint, bool) {
	if kind == rangeNumber {
		d, ok := parseDecimal(s)
		return rangePoint{number: d, isNum: true}, ok
	}
	if s == "today" || s == "now" {
		return relativeMoment(kind, s, now)
	}
	switch kind {
	case rangeDate, rangeDateTime:
		y, m, d, rest, ok := scanAnyDate(s, order)
		if !ok {
			return rangePoint{}, false
		}
		h, mi, sec := 0, 0, 0
		if rest != "" {
			if rest[0] != ' ' && rest[0] != 'T' {
				return rangePoint{}, false
			}
			h, mi, sec, _, _, ok = scanClock(rest[1:])
			if !ok {
				return rangePoint{}, false
			}
		}
		if kind == rangeDate {
			h, mi, sec = 0, 0, 0
		}
		return rangePoint{moment: dayMoment(y, m, d)*86400 + int64(h*3600+mi*60+sec)}, true
	case rangeTime:
		h, mi, sec, _, _, ok := scanClock(s)
		return rangePoint{moment: int64(h*3600 + mi*60 + sec)}, ok
	case rangeMinSec:
		if !checkTimeMS(s) {
			return rangePoint{}, false
		}
		m, _ := fixedDigits(s, 0, 2)
		sec, _ := fixedDigits(s, 3, 2)
		return rangePoint{moment: int64(m*60 + sec)}, true
	}
	return rangePoint{}, false
}

// relativeMoment resolves "today" and "now" for a kind.
func relativeMoment(kind rangeKind, word string, now time.Time) (rangePoint, bool) {
	if now.IsZero() {
		return rangePoint{}, false
	}
	day := dayMoment(now.Year(), int(now.Month()), now.Day()) * 86400
	clock := int64(now.Hour()*3600 + now.Minute()*60 + now.Second())
	switch {
	case kind == rangeDate:
		return rangePoint{moment: day}, true
	case kind == rangeDateTime && word == "today":
		return rangePoint{moment: day}, true
	case kind == rangeDateTime:
		return rangePoint{moment: day + clock}, true
	case kind == rangeTime && word == "now":
		return rangePoint{moment: clock}, true
	}
	return rangePoint{}, false
}

// dayMoment numbers a date so that later dates have larger numbers.
func dayMoment(y, m, d int) int64 { return int64(y)*372 + int64(m)*31 + int64(d) }

// scanAnyDate reads a date at the start of s: Y-M-D or Y/M/D, or with order MDY/DMY "M/D/Y" or
// "D/M/Y"; month and day take one or two digits. It returns the rest of s.
func scanAnyDate(s string, order DateFormat) (y, m, d int, rest string, ok bool) {
	if len(s) >= 5 && countDigits(s) == 4 && (s[4] == '-' || s[4] == '/') {
		y, _ = fixedDigits(s, 0, 4)
		m, d, rest, ok = scanTwoParts(s[5:], s[4])
		if ok && (len(rest) == 0 || rest[0] == ' ' || rest[0] == 'T') {
			return y, m, d, rest, m >= 1 && m <= 12 && d >= 1 && d <= redcapDaysIn(y, m)
		}
		return 0, 0, 0, "", false
	}
	if order == DateYMD {
		return 0, 0, 0, "", false
	}
	a, b, rest, ok := scanTwoParts(s, '/')
	if !ok || len(rest) < 5 || rest[0] != '/' {
		return 0, 0, 0, "", false
	}
	y, ok = fixedDigits(rest, 1, 4)
	m, d, rest = a, b, rest[5:]
	if order == DateDMY {
		m, d = b, a
	}
	ok = ok && (rest == "" || rest[0] == ' ') && m >= 1 && m <= 12 && d >= 1 && d <= redcapDaysIn(y, m)
	return y, m, d, rest, ok
}

// scanTwoParts reads "A<sep>B" (one or two digits each) and returns the rest after B.
func scanTwoParts(s string, sep byte) (a, b int, rest string, ok bool) {
	a, n := leadingDigits(s, 2)
	if n == 0 || n >= len(s) || s[n] != sep {
		return 0, 0, "", false
	}
	s = s[n+1:]
	b, n = leadingDigits(s, 2)
	if n == 0 {
		return 0, 0, "", false
	}
	return a, b, s[n:], true
}
