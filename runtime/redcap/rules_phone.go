package redcap

import "regexp"

// REDCap's phone patterns (content=fieldValidation), with PCRE's \s written out as
// [\t\n\v\f\r ] because Go's \s leaves out \v.
var (
	rePhoneNA        = regexp.MustCompile(`^(?:\(?([2-9]0[1-9]|[2-9]1[02-9]|[2-9][2-9][0-9]|800|811)\)?)[\t\n\v\f\r ]*(?:[.-][\t\n\v\f\r ]*)?([0-9]{3})[\t\n\v\f\r ]*(?:[.-][\t\n\v\f\r ]*)?([0-9]{4})(?:[\t\n\v\f\r ]*(?:#|x\.?|ext\.?|extension)[\t\n\v\f\r ]*([0-9]+))?$`)
	rePhoneAustralia = regexp.MustCompile(`^(\(0[2-8]\)|0[2-8])[\t\n\v\f\r ]*[0-9]{4}[\t\n\v\f\r ]*[0-9]{4}$`)
	rePhoneUK        = regexp.MustCompile(`^((((\+44|0044)[\t\n\v\f\r ]?[0-9]{4}|\(?0[0-9]{4}\)?)[\t\n\v\f\r ]?[0-9]{3}[\t\n\v\f\r ]?[0-9]{3})|(((\+44|0044)[\t\n\v\f\r ]?[0-9]{3}|\(?0[0-9]{3}\)?)[\t\n\v\f\r ]?[0-9]{3}[\t\n\v\f\r ]?[0-9]{4})|(((\+44|0044)[\t\n\v\f\r ]?[0-9]{2}|\(?0[0-9]{2}\)?)[\t\n\v\f\r ]?[0-9]{4}[\t\n\v\f\r ]?[0-9]{4}))([\t\n\v\f\r ]?#([0-9]{4}|[0-9]{3}))?$`)
	rePhoneFrance    = regexp.MustCompile(`^(?:(?:\+|00)(?:33|262|508|590|594|596|687)[\t\n\v\f\r .-]{0,3}(?:\(0\)[\t\n\v\f\r .-]{0,3})?|0)[1-9](?:(?:[\t\n\v\f\r .-]?[0-9]{2}){4}|[0-9]{2}(?:[\t\n\v\f\r .-]?[0-9]{3}){2})$`)
)

// checkPhoneNA applies REDCap's rule for "phone" (North America). REDCap first removes spaces,
// dots and parentheses; when what is left is a PHP numeric string of at least ten characters, it
// stores it reformatted as "(AAA) BBB-CCCC", with any further characters after a space. Otherwise
// it keeps the value as sent. The result must then match REDCap's phone pattern. This reproduces
// every vector: "6155551212" and "615.555.1212" become "(615) 555-1212", "615-555-1212" is kept,
// and "+1 615 555 1212" becomes "(+16) 155-5512 12", which REDCap refuses and reports.
func checkPhoneNA(s string) (string, bool) {
	stored := reformatPhone(s)
	return stored, isPhoneNA(stored)
}

// isPhoneNA matches REDCap's phone pattern
//
//	^(?:\(?(AREA)\)?)\s*(?:[.-]\s*)?([0-9]{3})\s*(?:[.-]\s*)?([0-9]{4})(?:\s*(?:#|x\.?|ext\.?|extension)\s*(\d+))?$
//
// where AREA is [2-9]0[1-9], [2-9]1[02-9], [2-9][2-9][0-9], 800 or 811: an area code with
// optional parentheses, the exchange and the line with optional "." or "-" separators and white
// space, and an optional extension.
func isPhoneNA(s string) bool {
	i := 0
	if i < len(s) && s[i] == '(' {
		i++
	}
	if i+3 > len(s) || !isAreaCode(s[i:i+3]) {
		return false
	}
	i += 3
	if i < len(s) && s[i] == ')' {
		i++
	}
	i = skipPhoneSeparator(s, i)
	if countDigits(s[i:]) < 3 {
		return false
	}
	i = skipPhoneSeparator(s, i+3)
	if countDigits(s[i:]) < 4 {
		return false
	}
	i += 4
	return i == len(s) || isPhoneExtension(s[i:])
}

// isAreaCode reports whether three bytes are an area code REDCap's phone pattern allows.
func isAreaCode(a string) bool {
	if countDigits(a) != 3 {
		return false
	}
	switch {
	case a == "800" || a == "811":
		return true
	case a[0] < '2':
		return false
	case a[1] == '0':
		return a[2] != '0'
	case a[1] == '1':
		return a[2] != '1'
	}
	return true
}

// skipPhoneSeparator skips \s*(?:[.-]\s*)? from s[i:].
func skipPhoneSeparator(s string, i int) int {
	for i < len(s) && isPCRESpace(s[i]) {
		i++
	}
	if i < len(s) && (s[i] == '.' || s[i] == '-') {
		i++
		for i < len(s) && isPCRESpace(s[i]) {
			i++
		}
	}
	return i
}

// isPhoneExtension matches \s*(?:#|x\.?|ext\.?|extension)\s*\d+ to the end of s.
func isPhoneExtension(s string) bool {
	i := 0
	for i < len(s) && isPCRESpace(s[i]) {
		i++
	}
	for _, word := range [...]string{"#", "x.", "x", "ext.", "ext", "extension"} {
		if len(s)-i < len(word) || s[i:i+len(word)] != word {
			continue
		}
		j := i + len(word)
		for j < len(s) && isPCRESpace(s[j]) {
			j++
		}
		if n := countDigits(s[j:]); n > 0 && j+n == len(s) {
			return true
		}
	}
	return false
}

// reformatPhone is REDCap's phone reformatting (see checkPhoneNA). It allocates only when it
// changes the value.
func reformatPhone(s string) string {
	kept := 0
	for i := 0; i < len(s); i++ {
		if !isPhoneFiller(s[i]) {
			kept++
		}
	}
	if kept < 10 || !isPHPNumericStripped(s) {
		return s
	}
	b := make([]byte, 0, kept+5)
	b = append(b, '(')
	n := 0
	for i := 0; i < len(s); i++ {
		if isPhoneFiller(s[i]) {
			continue
		}
		switch n {
		case 3:
			b = append(b, ')', ' ')
		case 6:
			b = append(b, '-')
		case 10:
			b = append(b, ' ')
		}
		b = append(b, s[i])
		n++
	}
	return string(b)
}

// isPhoneFiller reports the characters REDCap strips before reformatting a phone number.
func isPhoneFiller(c byte) bool { return c == ' ' || c == '.' || c == '(' || c == ')' }

// isPHPNumericStripped reports whether s, with the phone fillers removed, is a numeric string
// for PHP 8's is_numeric: optional leading and trailing white space, an optional sign, digits, an
// optional exponent. (A fraction cannot occur: dots are fillers.)
func isPHPNumericStripped(s string) bool {
	i := 0
	next := func() (byte, bool) {
		for i < len(s) && isPhoneFiller(s[i]) {
			i++
		}
		if i == len(s) {
			return 0, false
		}
		c := s[i]
		i++
		return c, true
	}
	c, more := next()
	for more && isPCRESpace(c) {
		c, more = next()
	}
	if more && (c == '+' || c == '-') {
		c, more = next()
	}
	digits := 0
	for more && isDigit(c) {
		digits++
		c, more = next()
	}
	if digits == 0 {
		return false
	}
	if more && (c == 'e' || c == 'E') {
		c, more = next()
		if more && (c == '+' || c == '-') {
			c, more = next()
		}
		exp := 0
		for more && isDigit(c) {
			exp++
			c, more = next()
		}
		if exp == 0 {
			return false
		}
	}
	for more && isPCRESpace(c) {
		c, more = next()
	}
	return !more
}
