package dictionary

// utf8BOM is the byte order mark some exports start with.
const utf8BOM = "\xEF\xBB\xBF"

// mergeWarnings joins two warning lists into one list sorted by location.
func mergeWarnings(a, b []Problem) []Problem {
	if len(a) == 0 {
		return b
	}
	out := append(append([]Problem(nil), a...), b...)
	sortProblems(out)
	return out
}
