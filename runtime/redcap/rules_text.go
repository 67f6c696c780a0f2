package redcap

import (
	"regexp"
	"strconv"
)

// rePostalUK is REDCap's postalcode_uk pattern (upper case only, one space before the inward code).
var rePostalUK = regexp.MustCompile(`^(([A-Z]{1,2}[0-9]{1,2})|([A-Z]{1,2}[0-9][A-Z])) [0-9][ABD-HJLNP-Z]{2}$`)

// isZipcode matches REDCap's zipcode pattern ^\d{5}(-\d{4})?$.
func isZipcode(s string) bool {
	switch len(s) {
	case 5:
		return countDigits(s) == 5
	case 10:
		return countDigits(s) == 5 && s[5] == '-' && countDigits(s[6:]) == 4
	}
	return false
}

// isAllDigits reports whether s is exactly n ASCII digits.
func isAllDigits(s string, n int) bool { return len(s) == n && countDigits(s) == n }

// isPostalFrench matches ^((0?[1-9])|([1-8][0-9])|(9[0-8]))[0-9]{3}$: four digits not starting
// with 0, or five digits not starting with 00 or 99.
func isPostalFrench(s string) bool {
	switch {
	case isAllDigits(s, 4):
		return s[0] != '0'
	case isAllDigits(s, 5):
		return !(s[0] == '0' && s[1] == '0') && !(s[0] == '9' && s[1] == '9')
	}
	return false
}

// isPostalGermany matches ^(0[1-9]|[1-9]\d)\d{3}$: five digits not starting with 00.
func isPostalGermany(s string) bool { return isAllDigits(s, 5) && !(s[0] == '0' && s[1] == '0') }

// isPostalCanada matches ^[ABCEGHJKLMNPRSTVXY]\d[A-Z]\s*\d[A-Z]\d$ case-insensitively (ASCII).
func isPostalCanada(s string) bool {
	if len(s) < 6 {
		return false
	}
	first := s[0] &^ 0x20 // upper-case an ASCII letter
	if !isASCIILetter(rune(s[0])) || !containsByte("ABCEGHJKLMNPRSTVXY", first) {
		return false
	}
	if !isDigit(s[1]) || !isASCIILetter(rune(s[2])) {
		return false
	}
	i := 3
	for i < len(s) && isPCRESpace(s[i]) {
		i++
	}
	rest := s[i:]
	return len(rest) == 3 && isDigit(rest[0]) && isASCIILetter(rune(rest[1])) && isDigit(rest[2])
}

// isSSN matches ^\d{3}-\d\d-\d{4}$.
func isSSN(s string) bool {
	return len(s) == 11 && isAllDigits(s[:3], 3) && s[3] == '-' && isAllDigits(s[4:6], 2) &&
		s[6] == '-' && isAllDigits(s[7:], 4)
}

// isMRNGeneric matches ^[a-z0-9-_]+$ case-insensitively.
func isMRNGeneric(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !isASCIILetter(rune(c)) && !isDigit(c) && c != '-' && c != '_' {
			return false
		}
	}
	return s != ""
}

// isAlphaOnly matches ^[a-z]+$ case-insensitively (ASCII letters only).
func isAlphaOnly(s string) bool {
	for i := 0; i < len(s); i++ {
		if !isASCIILetter(rune(s[i])) {
			return false
		}
	}
	return s != ""
}

// checkVMRN applies REDCap's vmrn rule: the value is read as PHP reads a string as an integer
// (leading white space, a numeric prefix, anything else ignored, so "abc" is 0), written with
// sprintf("%09d"), and that must match ^[0-9]{4,9}$. So "12345678" is stored as "012345678" and
// "abc" as "000000000"; negative numbers and numbers of ten digits or more are refused.
func checkVMRN(s string) (string, bool) {
	if isAllDigits(s, 9) {
		return s, true
	}
	n := phpIntval(s)
	b := make([]byte, 0, 20)
	if n < 0 {
		b = append(b, '-')
	}
	digits := strconv.AppendUint(nil, absInt64(n), 10)
	for width := len(b) + len(digits); width < 9; width++ {
		b = append(b, '0')
	}
	b = append(b, digits...)
	return string(b), n >= 0 && n <= 999999999
}

// absInt64 returns |n| as uint64 (also for math.MinInt64).
func absInt64(n int64) uint64 {
	if n < 0 {
		return uint64(-(n + 1)) + 1
	}
	return uint64(n)
}

// phpIntval converts a string to an integer as PHP 8's (int) cast does: leading white space, then
// the longest numeric prefix (sign, digits, fraction, exponent), truncated toward zero and capped
// to the int64 range; no numeric prefix gives 0.
func phpIntval(s string) int64 {
	i := 0
	for i < len(s) && isPCRESpace(s[i]) {
		i++
	}
	start := i
	if i < len(s) && (s[i] == '+' || s[i] == '-') {
		i++
	}
	intDigits := countDigits(s[i:])
	i += intDigits
	fracDigits := 0
	if i < len(s) && s[i] == '.' {
		fracDigits = countDigits(s[i+1:])
		if intDigits > 0 || fracDigits > 0 {
			i += 1 + fracDigits
		}
	}
	if intDigits == 0 && fracDigits == 0 {
		return 0
	}
	if i < len(s) && (s[i] == 'e' || s[i] == 'E') {
		j := i + 1
		if j < len(s) && (s[j] == '+' || s[j] == '-') {
			j++
		}
		if n := countDigits(s[j:]); n > 0 {
			i = j + n
		}
	}
	prefix := s[start:i]
	if v, err := strconv.ParseInt(prefix, 10, 64); err == nil {
		return v
	}
	f, _ := strconv.ParseFloat(prefix, 64) // the prefix is numeric; out of range gives ±Inf
	switch {
	case f >= 9.223372036854775807e18:
		return 1<<63 - 1
	case f <= -9.223372036854775808e18:
		return -1 << 63
	}
	return int64(f)
}

// isDigit reports whether c is an ASCII digit.
func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// isPCRESpace reports whether c is white space as PCRE's \s and PHP see it: space, \t, \n, \v,
// \f, \r.
func isPCRESpace(c byte) bool { return c == ' ' || (c >= '\t' && c <= '\r') }

// containsByte reports whether s holds c.
func containsByte(s string, c byte) bool {
	for i := 0; i < len(s); i++ {
		if s[i] == c {
			return true
		}
	}
	return false
}
