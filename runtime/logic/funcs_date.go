package logic

import (
	"math"
	"strings"
	"time"
)

// Seconds per datediff and @CALCDATE unit: REDCap counts a year as 365.2425 days and a month as
// 30.44 days.
var unitSeconds = map[string]float64{
	"y": 365.2425 * 86400, "M": 30.44 * 86400, "d": 86400, "h": 3600, "m": 60, "s": 1,
}

// evalDatediff is datediff(date1, date2, units[, dateformat][, returnSigned]): date2 - date1 in
// the units, absolute unless returnSigned is true. Field values are Y-M-D (as stored) with an
// optional time, or a time alone; a literal is read in the given format ("ymd", "mdy", "dmy") or,
// without one, in the format of a D-M-Y or M-D-Y field on the other side. Blank gives NaN.
func evalDatediff(ev *evaluator, n *node) (Value, error) {
	a, err := ev.args(n)
	if err != nil {
		return Value{}, err
	}
	units, format, signed := "d", "", false
	if len(a) > 2 {
		units = text(a[2])
	}
	switch len(a) {
	case 4:
		if f := strings.ToLower(text(a[3])); f == "ymd" || f == "mdy" || f == "dmy" {
			format = f
		} else {
			signed = a[3].Truthy()
		}
	case 5:
		format, signed = strings.ToLower(text(a[3])), a[4].Truthy()
	}
	sec, ok := unitSeconds[units]
	if !ok {
		return Float(math.NaN()), nil
	}
	t1, ok1 := ev.dateArg(n.kids[0], n.kids[1], a[0], format)
	t2, ok2 := ev.dateArg(n.kids[1], n.kids[0], a[1], format)
	if !ok1 || !ok2 {
		return Float(math.NaN()), nil
	}
	d := t2.Sub(t1).Seconds()
	if !signed {
		d = math.Abs(d)
	}
	return Float(d / sec), nil
}

// dateArg reads a datediff argument: fields as stored, literals in the explicit format or in
// the format of the field on the other side.
func (ev *evaluator) dateArg(arg, other *node, v Value, format string) (time.Time, bool) {
	if arg.kind != nodeRef && format == "" && other.kind == nodeRef {
		if f := ev.schema.field(other.ref.Field); f != nil {
			format = f.dates
		}
	}
	if arg.kind == nodeRef {
		format = ""
	}
	return parseDate(text(v), format)
}

// parseDate reads Y-M-D (or D-M-Y, M-D-Y) with an optional H:M or H:M:S, or a time alone.
func parseDate(s, format string) (time.Time, bool) {
	s = strings.TrimSpace(s)
	if s == "" {
		return time.Time{}, false
	}
	layouts := []string{"2006-01-02"}
	switch format {
	case "dmy":
		layouts = []string{"02-01-2006", "02/01/2006", "2006-01-02"}
	case "mdy":
		layouts = []string{"01-02-2006", "01/02/2006", "2006-01-02"}
	}
	for _, d := range layouts {
		for _, clock := range []string{"", " 15:04", " 15:04:05"} {
			if t, err := time.ParseInLocation(d+clock, s, time.UTC); err == nil {
				return t, true
			}
		}
	}
	for _, clock := range []string{"15:04", "15:04:05"} {
		if t, err := time.ParseInLocation(clock, s, time.UTC); err == nil {
			return t, true
		}
	}
	return time.Time{}, false
}

// evalCalcDate is @CALCDATE's calcdate(date, offset, units): the date moved by offset units, as
// "Y-M-D H:M:S" (CalcDate cuts it to the field's validation). Blank date or offset gives "".
func evalCalcDate(ev *evaluator, n *node) (Value, error) {
	a, err := ev.args(n)
	if err != nil {
		return Value{}, err
	}
	t, ok := parseDate(text(a[0]), "")
	if !ok {
		return String(""), nil
	}
	off, ok := aggregateNumber(a[1])
	if !ok {
		return String(""), nil
	}
	sec, ok := unitSeconds[text(a[2])]
	if !ok {
		return String(""), nil
	}
	d := time.Duration(math.Round(off*sec)) * time.Second
	return Value{kind: KindString, timed: true, when: t.Add(d)}, nil
}
