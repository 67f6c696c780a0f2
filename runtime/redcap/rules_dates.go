package redcap

// DateFormat is the dateFormat parameter of a record import: the order in which dates are sent.
// Whatever it is, REDCap also accepts Y-M-D, and always stores Y-M-D.
type DateFormat uint8

// The date formats REDCap's import understands.
const (
	DateYMD DateFormat = iota // Y-M-D (the default, and what REDCap does with an unknown value)
	DateMDY                   // M/D/Y with "/" separators
	DateDMY                   // D/M/Y with "/" separators
)

// ParseDateFormat reads the dateFormat parameter as REDCap does: "MDY" and "DMY" select those
// orders; anything else (also "YMD", "" or a typo) is Y-M-D, because REDCap ignores unknown values.
func ParseDateFormat(s string) DateFormat {
	switch s {
	case "MDY":
		return DateMDY
	case "DMY":
		return DateDMY
	}
	return DateYMD
}

// String returns the parameter value: "YMD", "MDY" or "DMY".
func (f DateFormat) String() string {
	switch f {
	case DateMDY:
		return "MDY"
	case DateDMY:
		return "DMY"
	}
	return "YMD"
}

// dateMessage returns REDCap's message for a refused date or datetime under format f.
func dateMessage(f DateFormat, withTime bool) string {
	switch {
	case withTime && f == DateDMY:
		return msgDateTimeDMY
	case withTime && f == DateMDY:
		return msgDateTimeMDY
	case withTime:
		return msgDateTimeYMD
	case f == DateDMY:
		return msgDateDMY
	case f == DateMDY:
		return msgDateMDY
	}
	return msgDateYMD
}

// checkImportDate applies REDCap's import rule for date_* fields. It returns the value REDCap
// stores, or false and the value REDCap names in its error (the converted Y-M-D text when an
// M/D/Y or D/M/Y value was rearranged, as REDCap reports "1990-02-31" for "31/02/1990").
//
// Accepted: Y-M-D with "-" and one- or two-digit month and day (stored zero-padded:
// 2024-2-9 → 2024-02-09); Y/M/D with two-digit month and day (stored as sent, as REDCap does);
// under MDY/DMY also M/D/Y or D/M/Y with "/" (stored as Y-M-D). The calendar is REDCap's: its
// pattern knows leap years, and of the century years only 1600, 2000, 2400 and 2800.
func checkImportDate(s string, f DateFormat) (string, bool) {
	if f != DateYMD && len(s) > 4 && s[4] != '-' {
		return convertSlashDate(s, f)
	}
	return checkYMD(s)
}

// checkYMD checks a Y-M-D (or Y/M/D) date and returns its stored form.
func checkYMD(s string) (string, bool) {
	y, ok := fixedDigits(s, 0, 4)
	if !ok || len(s) < 8 || (s[4] != '-' && s[4] != '/') {
		return s, false
	}
	sep := s[4]
	m, mLen := leadingDigits(s[5:], 2)
	if mLen == 0 || 5+mLen >= len(s) || s[5+mLen] != sep {
		return s, false
	}
	dayAt := 5 + mLen + 1
	d, dLen := leadingDigits(s[dayAt:], 2)
	if dLen == 0 || dayAt+dLen != len(s) {
		return s, false
	}
	if sep == '/' && (mLen != 2 || dLen != 2) {
		return s, false
	}
	if m < 1 || m > 12 || d < 1 || d > redcapDaysIn(y, m) {
		return s, false
	}
	if mLen == 2 && dLen == 2 {
		return s, true
	}
	return formatYMD(s[:4], m, d), true
}

// convertSlashDate rearranges an M/D/Y or D/M/Y date into Y-M-D and checks that.
func convertSlashDate(s string, f DateFormat) (string, bool) {
	a, aLen := leadingDigits(s, 2)
	if aLen == 0 || aLen >= len(s) || s[aLen] != '/' {
		return s, false
	}
	rest := s[aLen+1:]
	b, bLen := leadingDigits(rest, 2)
	if bLen == 0 || bLen >= len(rest) || rest[bLen] != '/' {
		return s, false
	}
	year := rest[bLen+1:]
	if _, ok := fixedDigits(year, 0, 4); !ok || len(year) != 4 {
		return s, false
	}
	m, d := a, b
	if f == DateDMY {
		m, d = b, a
	}
	converted := formatYMD(year, m, d)
	return checkYMD(converted)
}

// formatYMD renders year (four digits as sent), month and day as "YYYY-MM-DD".
func formatYMD(year string, m, d int) string {
	b := make([]byte, 0, 10)
	b = append(b, year...)
	b = append(b, '-', byte('0'+m/10), byte('0'+m%10), '-', byte('0'+d/10), byte('0'+d%10))
	return string(b)
}

// redcapLeap is REDCap's leap-year rule as its date patterns encode it: divisible by four, and
// of the century years only 1600, 2000, 2400 and 2800.
func redcapLeap(y int) bool {
	if y%4 != 0 {
		return false
	}
	if y%100 != 0 {
		return true
	}
	return y == 1600 || y == 2000 || y == 2400 || y == 2800
}

// redcapDaysIn returns the days of month m (1-12) in year y under REDCap's calendar.
func redcapDaysIn(y, m int) int {
	switch m {
	case 2:
		if redcapLeap(y) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

// fixedDigits reads exactly n ASCII digits at s[i:].
func fixedDigits(s string, i, n int) (int, bool) {
	if i+n > len(s) {
		return 0, false
	}
	v := 0
	for _, c := range []byte(s[i : i+n]) {
		if c < '0' || c > '9' {
			return 0, false
		}
		v = v*10 + int(c-'0')
	}
	return v, true
}

// leadingDigits reads up to max ASCII digits from the start of s and returns their value and
// count.
func leadingDigits(s string, max int) (int, int) {
	v, n := 0, 0
	for n < len(s) && n < max && s[n] >= '0' && s[n] <= '9' {
		v = v*10 + int(s[n]-'0')
		n++
	}
	return v, n
}
