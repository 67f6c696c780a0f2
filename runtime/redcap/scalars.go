package redcap

import (
	"fmt"
	"math/big"
	"strconv"
	"strings"
)

// Text is the value of a free-text field (text without a typed validation, notes, sql, file
// names, and text validations such as email or phone whose value is text).
type Text string

// String returns the text.
func (t Text) String() string { return string(t) }

// ParseText accepts any text.
func ParseText(s string) (Text, bool) { return Text(s), true }

// Integer is an integer kept as REDCap's exact text: "+5" and "007" are valid and stay as sent,
// and values beyond 64 bits are kept. Use Int64 or BigInt to compute with it.
type Integer string

// IntegerOf returns the Integer for n.
func IntegerOf(n int64) Integer { return Integer(strconv.FormatInt(n, 10)) }

// String returns the integer's text.
func (n Integer) String() string { return string(n) }

// Int64 returns the integer as int64, or an error when it does not fit or is not an integer.
func (n Integer) Int64() (int64, error) {
	v, err := strconv.ParseInt(strings.TrimPrefix(string(n), "+"), 10, 64)
	if err != nil {
		return 0, fmt.Errorf("redcap: integer %q: %w", string(n), err)
	}
	return v, nil
}

// BigInt returns the integer exactly.
func (n Integer) BigInt() (*big.Int, bool) {
	return new(big.Int).SetString(strings.TrimPrefix(string(n), "+"), 10)
}

// ParseInteger accepts REDCap integer syntax: an optional sign and one or more ASCII digits.
func ParseInteger(s string) (Integer, bool) {
	if !isIntegerText(s) {
		return "", false
	}
	return Integer(s), true
}

func isIntegerText(s string) bool {
	if s != "" && (s[0] == '+' || s[0] == '-') {
		s = s[1:]
	}
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// Number is a decimal number kept as REDCap's exact text ("1.50", ".5", "1e2", and "1,5" in
// comma-decimal fields stay as sent). There is no float64 round trip; use Rat for exact
// arithmetic or Float64 for convenience.
type Number string

// String returns the number's text.
func (n Number) String() string { return string(n) }

// Rat returns the number exactly; a decimal comma is read as a decimal point.
func (n Number) Rat() (*big.Rat, bool) {
	return new(big.Rat).SetString(strings.Replace(string(n), ",", ".", 1))
}

// Float64 returns the nearest float64; a decimal comma is read as a decimal point.
func (n Number) Float64() (float64, error) {
	v, err := strconv.ParseFloat(strings.Replace(string(n), ",", ".", 1), 64)
	if err != nil {
		return 0, fmt.Errorf("redcap: number %q: %w", string(n), err)
	}
	return v, nil
}

// ParseNumber accepts a number as REDCap's number patterns write it: an optional sign, digits with
// an optional decimal point or decimal comma (at least one digit after it: "5." is refused), an
// optional exponent ("1e2", ".5", "-0" and "1,5" are numbers). Hex, binary and octal forms that
// Go would read are refused.
func ParseNumber(s string) (Number, bool) {
	if !isNumberSyntax(s, '.') && !isNumberSyntax(s, ',') {
		return "", false
	}
	return Number(s), true
}
