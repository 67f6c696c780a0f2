package redcaptest

import (
	"math"
	"slices"
	"strings"
	"time"
)

// calcFunction evaluates REDCap's numeric special functions. Blank or non-numeric arguments give
// a blank result, except in sum, mean, median, min and max, which ignore them; an unknown
// function is blank.
func calcFunction(name string, args []string) string {
	arg := func(i int) string {
		if i < len(args) {
			return args[i]
		}
		return ""
	}
	switch name {
	case "round", "roundup", "rounddown":
		return roundCalc(name, arg(0), arg(1))
	case "sqrt":
		return unaryCalc(arg(0), math.Sqrt)
	case "abs":
		return unaryCalc(arg(0), math.Abs)
	case "exponential":
		return unaryCalc(arg(0), math.Exp)
	case "sum", "mean", "median", "min", "max":
		return aggregate(name, args)
	case "isnumber":
		_, ok := number(arg(0))
		return boolText(ok)
	case "isinteger":
		f, ok := number(arg(0))
		return boolText(ok && f == math.Trunc(f) && !strings.Contains(arg(0), "."))
	case "datediff":
		return datediff(arg(0), arg(1), arg(2), arg(3), arg(4))
	}
	return ""
}

// unaryCalc applies f to one number.
func unaryCalc(a string, f func(float64) float64) string {
	x, ok := number(a)
	if !ok {
		return ""
	}
	return formatNumber(f(x))
}

// roundCalc rounds half away from zero (round), up (roundup) or down (rounddown) to the given
// number of decimal places (0 when omitted).
func roundCalc(name, a, places string) string {
	x, ok := number(a)
	if !ok {
		return ""
	}
	d := 0.0
	if places != "" {
		if d, ok = number(places); !ok {
			return ""
		}
	}
	p := math.Pow(10, math.Trunc(d))
	// Scale through formatNumber so that 2.675*100 rounds as the 267.5 a person reads.
	scaled, _ := number(formatNumber(x * p))
	switch name {
	case "roundup":
		return formatNumber(math.Ceil(scaled) / p)
	case "rounddown":
		return formatNumber(math.Floor(scaled) / p)
	}
	return formatNumber(math.Round(scaled) / p)
}

// aggregate computes sum, mean, median, min or max of the numeric arguments; blank when none is
// numeric.
func aggregate(name string, args []string) string {
	var xs []float64
	for _, a := range args {
		if x, ok := number(a); ok {
			xs = append(xs, x)
		}
	}
	if len(xs) == 0 {
		return ""
	}
	sum := 0.0
	for _, x := range xs {
		sum += x
	}
	switch name {
	case "sum":
		return formatNumber(sum)
	case "mean":
		return formatNumber(sum / float64(len(xs)))
	case "min":
		return formatNumber(slices.Min(xs))
	case "max":
		return formatNumber(slices.Max(xs))
	}
	slices.Sort(xs)
	if len(xs)%2 == 1 {
		return formatNumber(xs[len(xs)/2])
	}
	return formatNumber((xs[len(xs)/2-1] + xs[len(xs)/2]) / 2)
}

// Days per unit in datediff: REDCap counts a year as 365.2425 days and a month as 30.44 days.
const (
	daysPerYear  = 365.2425
	daysPerMonth = 30.44
)

// datediff is REDCap's datediff(date1, date2, units, dateformat, returnSigned): date2 - date1 in
// y, M, d, h, m or s, unsigned unless returnSigned is true. Dates are Y-M-D (as stored), with an
// optional time; the format argument ("mdy", "dmy") also admits dates written that way; "today"
// and "now" are the server's clock. A blank or unreadable date gives blank.
func datediff(a, b, units, format, signed string) string {
	if units == "" {
		units = "d"
	}
	if format == "true" || format == "false" || format == "1" || format == "0" {
		// datediff(d1, d2, units, returnSigned): the format may be left out.
		format, signed = "", format
	}
	t1, ok1 := calcDate(a, format)
	t2, ok2 := calcDate(b, format)
	if !ok1 || !ok2 {
		return ""
	}
	secs := t2.Sub(t1).Seconds()
	if !truthy(signed) {
		secs = math.Abs(secs)
	}
	days := secs / 86400
	switch units {
	case "y":
		return formatNumber(days / daysPerYear)
	case "M":
		return formatNumber(days / daysPerMonth)
	case "d":
		return formatNumber(days)
	case "h":
		return formatNumber(secs / 3600)
	case "m":
		return formatNumber(secs / 60)
	case "s":
		return formatNumber(secs)
	}
	return ""
}

// calcDate reads a date or datetime for datediff.
func calcDate(s, format string) (time.Time, bool) {
	s = strings.TrimSpace(s)
	switch strings.ToLower(s) {
	case "":
		return time.Time{}, false
	case "today":
		y, m, d := time.Now().Date()
		return time.Date(y, m, d, 0, 0, 0, 0, time.UTC), true
	case "now":
		n := time.Now()
		return time.Date(n.Year(), n.Month(), n.Day(), n.Hour(), n.Minute(), n.Second(), 0, time.UTC), true
	}
	dates := []string{"2006-01-02"}
	switch strings.ToLower(format) {
	case "mdy":
		dates = append(dates, "01-02-2006", "01/02/2006")
	case "dmy":
		dates = append(dates, "02-01-2006", "02/01/2006")
	}
	for _, d := range dates {
		for _, clock := range []string{"", " 15:04", " 15:04:05"} {
			if t, err := time.ParseInLocation(d+clock, s, time.UTC); err == nil {
				return t, true
			}
		}
	}
	return time.Time{}, false
}
