package redcap

// decimal is a number held as the text it was written in, for exact comparison without
// allocating: sign, integer digits, fraction digits and a decimal exponent.
type decimal struct {
	neg      bool
	intPart  string
	fracPart string
	exp      int
}

// maxExponent bounds exponents so that absurd ones ("1e99999999999") cannot overflow.
const maxExponent = 1 << 30

// parseDecimal reads [-+]?digits[.|,]digits([eE][-+]?digits)? with at least one mantissa digit.
// Either '.' or ',' is taken as the decimal point (min/max of comma-decimal fields).
func parseDecimal(s string) (decimal, bool) {
	var d decimal
	i := 0
	if i < len(s) && (s[i] == '+' || s[i] == '-') {
		d.neg = s[i] == '-'
		i++
	}
	n := countDigits(s[i:])
	d.intPart = s[i : i+n]
	i += n
	if i < len(s) && (s[i] == '.' || s[i] == ',') {
		i++
		n = countDigits(s[i:])
		d.fracPart = s[i : i+n]
		i += n
	}
	if d.intPart == "" && d.fracPart == "" {
		return decimal{}, false
	}
	if i == len(s) {
		return d, true
	}
	if s[i] != 'e' && s[i] != 'E' {
		return decimal{}, false
	}
	i++
	expNeg := false
	if i < len(s) && (s[i] == '+' || s[i] == '-') {
		expNeg = s[i] == '-'
		i++
	}
	n = countDigits(s[i:])
	if n == 0 || i+n != len(s) {
		return decimal{}, false
	}
	for _, c := range []byte(s[i : i+n]) {
		if d.exp < maxExponent {
			d.exp = d.exp*10 + int(c-'0')
		}
	}
	if expNeg {
		d.exp = -d.exp
	}
	return d, true
}

// digit returns digit i of the integer and fraction digits written one after the other.
func (d decimal) digit(i int) byte {
	if i < len(d.intPart) {
		return d.intPart[i]
	}
	if j := i - len(d.intPart); j < len(d.fracPart) {
		return d.fracPart[j]
	}
	return '0'
}

// firstSignificant returns the index of the first non-zero digit, or -1 when d is zero.
func (d decimal) firstSignificant() int {
	for i := 0; i < len(d.intPart)+len(d.fracPart); i++ {
		if d.digit(i) != '0' {
			return i
		}
	}
	return -1
}

// compareDecimal returns -1, 0 or +1 as a is less than, equal to or greater than b.
func compareDecimal(a, b decimal) int {
	ka, kb := a.firstSignificant(), b.firstSignificant()
	switch {
	case ka < 0 && kb < 0:
		return 0
	case ka < 0:
		return -sign(b.neg)
	case kb < 0:
		return sign(a.neg)
	case a.neg != b.neg:
		return sign(a.neg)
	}
	mag := compareMagnitude(a, ka, b, kb)
	if a.neg {
		return -mag
	}
	return mag
}

// sign returns -1 for a negative number and +1 otherwise.
func sign(neg bool) int {
	if neg {
		return -1
	}
	return 1
}

// compareMagnitude compares |a| and |b|, both non-zero, whose first significant digits are at
// ka and kb.
func compareMagnitude(a decimal, ka int, b decimal, kb int) int {
	// Each number is 0.d[k]d[k+1]... × 10^order.
	orderA := int64(len(a.intPart)) + int64(a.exp) - int64(ka)
	orderB := int64(len(b.intPart)) + int64(b.exp) - int64(kb)
	if orderA != orderB {
		if orderA < orderB {
			return -1
		}
		return 1
	}
	lenA := len(a.intPart) + len(a.fracPart) - ka
	lenB := len(b.intPart) + len(b.fracPart) - kb
	for i := 0; i < max(lenA, lenB); i++ {
		da, db := a.digit(ka+i), b.digit(kb+i)
		if da != db {
			if da < db {
				return -1
			}
			return 1
		}
	}
	return 0
}
