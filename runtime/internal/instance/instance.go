// Package instance reads and writes REDCap's instance numbers (the redcap_repeat_instance
// column) for both the runtime and the package generated code uses.
package instance

import "strconv"

// New is the instance number of an instance REDCap is to number on import.
const New = 0

// NewText is what REDCap's import takes for "the next free instance".
const NewText = "new"

// Parse reads a redcap_repeat_instance value as exported: a positive decimal integer (a JSON
// number arrives as its text). It refuses "", "0", signs, decimals and "new".
func Parse(s string) (int, bool) {
	if s == "" || len(s) > 9 {
		return 0, false
	}
	n := 0
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return 0, false
		}
		n = n*10 + int(s[i]-'0')
	}
	return n, n > 0
}

// Format returns the redcap_repeat_instance text of an instance number for import: New (0)
// becomes "new", which REDCap replaces with the next free instance.
func Format(n int) string {
	if n == New {
		return NewText
	}
	return strconv.Itoa(n)
}
