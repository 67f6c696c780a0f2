package redcap

// isNumberSyntax reports whether s matches REDCap's pattern for "number" (point '.') and
// "number_comma_decimal" (point ','): ^[-+]?[0-9]*<point>?[0-9]+([eE][-+]?[0-9]+)?$. So ".5",
// "-0" and "1e2" are numbers; "5." and "1,5" (with '.') are not.
func isNumberSyntax(s string, point byte) bool {
	i := 0
	if i < len(s) && (s[i] == '+' || s[i] == '-') {
		i++
	}
	intDigits := countDigits(s[i:])
	i += intDigits
	if i < len(s) && s[i] == point {
		i++
		frac := countDigits(s[i:])
		if frac == 0 {
			return false
		}
		i += frac
	} else if intDigits == 0 {
		return false
	}
	if i == len(s) {
		return true
	}
	if s[i] != 'e' && s[i] != 'E' {
		return false
	}
	i++
	if i < len(s) && (s[i] == '+' || s[i] == '-') {
		i++
	}
	exp := countDigits(s[i:])
	return exp > 0 && i+exp == len(s)
}

// isFixedDecimal reports whether s matches ^-?\d+<point>\d{n}$ (number_Ndp and
// number_Ndp_comma_decimal): an optional minus, digits, the point, exactly n decimals.
func isFixedDecimal(s string, point byte, n int) bool {
	i := 0
	if i < len(s) && s[i] == '-' {
		i++
	}
	intDigits := countDigits(s[i:])
	i += intDigits
	if intDigits == 0 || i >= len(s) || s[i] != point {
		return false
	}
	i++
	return countDigits(s[i:]) == n && i+n == len(s)
}

// isSliderInteger reports whether s is an integer as sliders take it: an optional minus and
// ASCII digits. (No vector shows "+5" or "5.0" in a slider; they are refused, conservatively.)
func isSliderInteger(s string) bool {
	if s != "" && s[0] == '-' {
		s = s[1:]
	}
	return s != "" && countDigits(s) == len(s)
}

// countDigits returns how many ASCII digits s starts with.
func countDigits(s string) int {
	n := 0
	for n < len(s) && s[n] >= '0' && s[n] <= '9' {
		n++
	}
	return n
}

// fixedDecimalType returns the decimals and the decimal point of a number_Ndp or
// number_Ndp_comma_decimal validation.
func fixedDecimalType(validation string) (n int, point byte, ok bool) {
	switch validation {
	case "number_1dp":
		return 1, '.', true
	case "number_2dp":
		return 2, '.', true
	case "number_3dp":
		return 3, '.', true
	case "number_4dp":
		return 4, '.', true
	case "number_1dp_comma_decimal":
		return 1, ',', true
	case "number_2dp_comma_decimal":
		return 2, ',', true
	case "number_3dp_comma_decimal":
		return 3, ',', true
	case "number_4dp_comma_decimal":
		return 4, ',', true
	}
	return 0, 0, false
}
