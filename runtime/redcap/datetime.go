package redcap

import (
	"fmt"
	"time"
)

// Date is a calendar date (date_ymd, date_mdy, date_dmy fields). REDCap exports dates in Y-M-D
// order whatever the display format; Value keeps the exact text (a field can hold "2024/02/29").
type Date struct {
	Year  int
	Month time.Month
	Day   int
}

// DateOf returns the Date of t in t's location.
func DateOf(t time.Time) Date { return Date{Year: t.Year(), Month: t.Month(), Day: t.Day()} }

// String returns the date as YYYY-MM-DD.
func (d Date) String() string { return fmt.Sprintf("%04d-%02d-%02d", d.Year, int(d.Month), d.Day) }

// Time returns the date at midnight in loc.
func (d Date) Time(loc *time.Location) time.Time {
	return time.Date(d.Year, d.Month, d.Day, 0, 0, 0, 0, loc)
}

// ParseDate reads a date as REDCap exports or stores it: Y-M-D with "-" or "/" separators and
// one- or two-digit month and day. It checks the calendar (2023-02-29 is refused).
func ParseDate(s string) (Date, bool) {
	d, rest, ok := scanDate(s)
	return d, ok && rest == ""
}

// DateTime is a date with a time of day (datetime_* and datetime_seconds_* fields). Seconds is
// true for datetime_seconds_* values, which print with seconds.
type DateTime struct {
	Date
	Hour, Minute, Second int
	Seconds              bool
}

// DateTimeOf returns the DateTime of t, with seconds when withSeconds is true.
func DateTimeOf(t time.Time, withSeconds bool) DateTime {
	dt := DateTime{Date: DateOf(t), Hour: t.Hour(), Minute: t.Minute(), Seconds: withSeconds}
	if withSeconds {
		dt.Second = t.Second()
	}
	return dt
}

// String returns "YYYY-MM-DD HH:MM", or "YYYY-MM-DD HH:MM:SS" when Seconds is set.
func (t DateTime) String() string {
	if t.Seconds {
		return fmt.Sprintf("%s %02d:%02d:%02d", t.Date, t.Hour, t.Minute, t.Second)
	}
	return fmt.Sprintf("%s %02d:%02d", t.Date, t.Hour, t.Minute)
}

// Time returns the moment in loc.
func (t DateTime) Time(loc *time.Location) time.Time {
	return time.Date(t.Year, t.Month, t.Day, t.Hour, t.Minute, t.Second, 0, loc)
}

// ParseDateTime reads "Y-M-D H:MM" or "Y-M-D H:MM:SS" (a "T" may separate date and time).
func ParseDateTime(s string) (DateTime, bool) {
	d, rest, ok := scanDate(s)
	if !ok || len(rest) < 2 || (rest[0] != ' ' && rest[0] != 'T') {
		return DateTime{}, false
	}
	tm, ok := ParseTime(rest[1:])
	if !ok {
		return DateTime{}, false
	}
	return DateTime{Date: d, Hour: tm.Hour, Minute: tm.Minute, Second: tm.Second, Seconds: tm.Seconds}, true
}

// Time is a time of day (time and time_hh_mm_ss fields).
type Time struct {
	Hour, Minute, Second int
	Seconds              bool
}

// String returns "HH:MM", or "HH:MM:SS" when Seconds is set.
func (t Time) String() string {
	if t.Seconds {
		return fmt.Sprintf("%02d:%02d:%02d", t.Hour, t.Minute, t.Second)
	}
	return fmt.Sprintf("%02d:%02d", t.Hour, t.Minute)
}

// ParseTime reads "H:MM" or "H:MM:SS" with hours 0-23.
func ParseTime(s string) (Time, bool) {
	h, rest, ok := scanDigits(s, 1, 2)
	if !ok || h > 23 || len(rest) < 3 || rest[0] != ':' {
		return Time{}, false
	}
	m, rest, ok := scanDigits(rest[1:], 2, 2)
	if !ok || m > 59 {
		return Time{}, false
	}
	if rest == "" {
		return Time{Hour: h, Minute: m}, true
	}
	if rest[0] != ':' {
		return Time{}, false
	}
	sec, rest, ok := scanDigits(rest[1:], 2, 2)
	if !ok || sec > 59 || rest != "" {
		return Time{}, false
	}
	return Time{Hour: h, Minute: m, Second: sec, Seconds: true}, true
}

// MinSec is a duration in minutes and seconds (time_mm_ss fields), "MM:SS".
type MinSec struct {
	Minute, Second int
}

// String returns "MM:SS".
func (t MinSec) String() string { return fmt.Sprintf("%02d:%02d", t.Minute, t.Second) }

// Duration returns the value as a time.Duration.
func (t MinSec) Duration() time.Duration {
	return time.Duration(t.Minute)*time.Minute + time.Duration(t.Second)*time.Second
}

// ParseMinSec reads "MM:SS" with two digits each and values 00-59.
func ParseMinSec(s string) (MinSec, bool) {
	m, rest, ok := scanDigits(s, 2, 2)
	if !ok || m > 59 || len(rest) != 3 || rest[0] != ':' {
		return MinSec{}, false
	}
	sec, _, ok := scanDigits(rest[1:], 2, 2)
	if !ok || sec > 59 {
		return MinSec{}, false
	}
	return MinSec{Minute: m, Second: sec}, true
}

// scanDate reads Y-M-D (or Y/M/D) from the start of s and returns the rest.
func scanDate(s string) (Date, string, bool) {
	y, rest, ok := scanDigits(s, 4, 4)
	if !ok || rest == "" || (rest[0] != '-' && rest[0] != '/') {
		return Date{}, "", false
	}
	sep := rest[0]
	mo, rest, ok := scanDigits(rest[1:], 1, 2)
	if !ok || rest == "" || rest[0] != sep {
		return Date{}, "", false
	}
	d, rest, ok := scanDigits(rest[1:], 1, 2)
	if !ok || mo < 1 || mo > 12 || d < 1 || d > daysIn(y, time.Month(mo)) {
		return Date{}, "", false
	}
	return Date{Year: y, Month: time.Month(mo), Day: d}, rest, true
}

// scanDigits reads between min and max ASCII digits from the start of s.
func scanDigits(s string, min, max int) (int, string, bool) {
	n, i := 0, 0
	for i < len(s) && i < max && s[i] >= '0' && s[i] <= '9' {
		n = n*10 + int(s[i]-'0')
		i++
	}
	if i < min {
		return 0, s, false
	}
	return n, s[i:], true
}

// daysIn returns the number of days in month m of year y.
func daysIn(y int, m time.Month) int {
	return time.Date(y, m+1, 0, 0, 0, 0, 0, time.UTC).Day()
}
