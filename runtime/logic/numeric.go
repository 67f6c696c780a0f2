package logic

import (
	"math"
	"strconv"
	"strings"
)

// phpSpace is the whitespace PHP allows around a numeric string.
const phpSpace = " \t\n\r\v\f"

// numericString reads s as PHP 8 reads a numeric string: optional surrounding whitespace, a sign,
// digits with an optional fraction and exponent. Integers that fit int64 stay integers.
func numericString(s string) (Value, bool) {
	t := strings.Trim(s, phpSpace)
	n := numberPrefix(t)
	if n == 0 || n != len(t) {
		return Value{}, false
	}
	return parseNumber(t), true
}

// leadingNumber reads the number at the start of s (after whitespace), as PHP's arithmetic does
// with a string such as "12abc"; ok is false when s does not start with a number.
func leadingNumber(s string) (Value, bool) {
	t := strings.TrimLeft(s, phpSpace)
	n := numberPrefix(t)
	if n == 0 {
		return Value{}, false
	}
	return parseNumber(t[:n]), true
}

// numberPrefix returns the length of the number at the start of s, 0 when there is none.
func numberPrefix(s string) int {
	i := 0
	if i < len(s) && (s[i] == '+' || s[i] == '-') {
		i++
	}
	digits := 0
	for i < len(s) && isDigit(s[i]) {
		i++
		digits++
	}
	if i < len(s) && s[i] == '.' {
		j := i + 1
		frac := 0
		for j < len(s) && isDigit(s[j]) {
			j++
			frac++
		}
		if digits+frac > 0 {
			i, digits = j, digits+frac
		}
	}
	if digits == 0 {
		return 0
	}
	if i < len(s) && (s[i] == 'e' || s[i] == 'E') {
		j := i + 1
		if j < len(s) && (s[j] == '+' || s[j] == '-') {
			j++
		}
		if j < len(s) && isDigit(s[j]) {
			for j < len(s) && isDigit(s[j]) {
				j++
			}
			i = j
		}
	}
	return i
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// parseNumber converts a number's text (as numberPrefix accepted it) to an int or a float.
func parseNumber(t string) Value {
	if !strings.ContainsAny(t, ".eE") {
		if i, err := strconv.ParseInt(t, 10, 64); err == nil {
			return Int(i)
		}
	}
	f, err := strconv.ParseFloat(t, 64)
	if err != nil {
		// Out of range: ParseFloat returns ±Inf, as PHP does.
		return Float(f)
	}
	return Float(f)
}

// toNumber converts a value for arithmetic as PHP 8 does: numbers as they are, booleans and
// null as 0 or 1, numeric strings and strings with a leading number as that number. Other
// strings fail (PHP throws a TypeError), and so does a missing-data code.
func toNumber(v Value) (Value, bool) {
	switch v.kind {
	case KindInt, KindFloat:
		return v, true
	case KindBool:
		if v.b {
			return Int(1), true
		}
		return Int(0), true
	case KindNull:
		return Int(0), true
	}
	if v.missing {
		return Value{}, false
	}
	return leadingNumber(v.str())
}

// formatFloat writes a float as PHP does with precision 14: up to 14 significant digits, no
// trailing zeros, exponent notation (1.0E+25, 2.5E-7) below 1e-4 and from 1e14 up.
func formatFloat(f float64) string {
	switch {
	case math.IsNaN(f):
		return "NAN"
	case math.IsInf(f, 1):
		return "INF"
	case math.IsInf(f, -1):
		return "-INF"
	case f == 0:
		if math.Signbit(f) {
			return "-0"
		}
		return "0"
	}
	s := strconv.FormatFloat(f, 'e', 13, 64) // d.ddddddddddddde±XX: 14 significant digits
	mant, exp, _ := strings.Cut(s, "e")
	e, _ := strconv.Atoi(exp)
	neg := strings.HasPrefix(mant, "-")
	digits := strings.TrimRight(strings.Replace(strings.TrimPrefix(mant, "-"), ".", "", 1), "0")
	var b strings.Builder
	if neg {
		b.WriteByte('-')
	}
	switch {
	case e < -4 || e >= 14:
		b.WriteByte(digits[0])
		b.WriteByte('.')
		if len(digits) > 1 {
			b.WriteString(digits[1:])
		} else {
			b.WriteByte('0')
		}
		b.WriteString("E")
		if e >= 0 {
			b.WriteByte('+')
		}
		b.WriteString(strconv.Itoa(e))
	case e < 0:
		b.WriteString("0.")
		b.WriteString(strings.Repeat("0", -e-1))
		b.WriteString(digits)
	default:
		if len(digits) <= e+1 {
			b.WriteString(digits)
			b.WriteString(strings.Repeat("0", e+1-len(digits)))
		} else {
			b.WriteString(digits[:e+1])
			b.WriteByte('.')
			b.WriteString(digits[e+1:])
		}
	}
	return b.String()
}
