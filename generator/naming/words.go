package naming

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/iancoleman/strcase"
)

// symbolWords turns the ASCII symbols that carry meaning in codes and labels into words, so `-1`
// and `1` or `5.5` and `55` stay apart.
var symbolWords = map[rune]string{
	'-': "Minus",
	'.': "Dot",
	'+': "Plus",
	'%': "Pct",
	'<': "Lt",
	'>': "Gt",
	'=': "Eq",
	'&': "And",
}

// spelled is a REDCap name in its two Go spellings: readable drops the underscores
// between words (`dob_1` -> `Dob1`), lossless keeps them (`Dob_1`). Both are "" when the name
// has no letters or digits at all.
type spelled struct {
	readable string
	lossless string
}

// spellName turns a REDCap name (form, field, event, choice code) into its two spellings. It
// splits on '_', turns symbols into words, transliterates common Latin accents and spells any
// other non-ASCII rune as U<hex>, so different names stay different.
func spellName(name string) spelled {
	var readable, lossless strings.Builder
	for i, segment := range strings.Split(name, "_") {
		words := segmentWords(segment)
		if i > 0 && lossless.Len() > 0 && len(words) > 0 {
			lossless.WriteByte('_')
		}
		for _, w := range words {
			c := caseWord(w)
			readable.WriteString(c)
			lossless.WriteString(c)
		}
	}
	return spelled{readable: readable.String(), lossless: lossless.String()}
}

// segmentWords splits one underscore-free segment of a name into ASCII words: runs of letters
// and digits, symbol words, transliterations, and U<hex> for other non-ASCII runes.
func segmentWords(segment string) []string {
	var words []string
	var cur strings.Builder
	flush := func() {
		if cur.Len() > 0 {
			words = append(words, cur.String())
			cur.Reset()
		}
	}
	for _, r := range segment {
		switch {
		case isASCIIAlnum(r):
			cur.WriteRune(r)
		case r < utf8.RuneSelf:
			flush()
			if w, ok := symbolWords[r]; ok {
				words = append(words, w)
			}
		default:
			if t, ok := transliterate(r); ok {
				cur.WriteString(t)
				continue
			}
			flush()
			if w, ok := symbolRunes[r]; ok {
				words = append(words, w)
				continue
			}
			if r == utf8.RuneError {
				words = append(words, "UFFFD")
				continue
			}
			words = append(words, fmt.Sprintf("U%04X", r))
		}
	}
	flush()
	return words
}

// caseWord gives one ASCII word its Go casing: initialisms from the fixed table, lower-case
// words through strcase.ToCamel, and words that already hold upper-case letters (mixed-case
// REDCap names such as `ADI` or `WalkIndex`, symbol words) kept as written with the first
// letter raised.
func caseWord(w string) string {
	if w == "" {
		return ""
	}
	if !hasUpper(w) {
		if s, ok := initialism(w); ok {
			return s
		}
		return strcase.ToCamel(w)
	}
	if w[0] >= 'a' && w[0] <= 'z' {
		return string(w[0]-'a'+'A') + w[1:]
	}
	return w
}

// isASCIIAlnum reports whether r is an ASCII letter or digit.
func isASCIIAlnum(r rune) bool {
	return (r >= 'a' && r <= 'z') || (r >= 'A' && r <= 'Z') || (r >= '0' && r <= '9')
}

// hasUpper reports whether the ASCII word holds an upper-case letter.
func hasUpper(w string) bool {
	for i := 0; i < len(w); i++ {
		if w[i] >= 'A' && w[i] <= 'Z' {
			return true
		}
	}
	return false
}

// startsWithLetter reports whether s begins with an ASCII letter, as an identifier must here.
func startsWithLetter(s string) bool {
	return s != "" && ((s[0] >= 'a' && s[0] <= 'z') || (s[0] >= 'A' && s[0] <= 'Z'))
}

// IsExportedIdentifier reports whether s is an exported Go identifier of the ASCII kind the
// generator produces: an upper-case letter, then letters, digits and underscores.
func IsExportedIdentifier(s string) bool {
	if s == "" || s[0] < 'A' || s[0] > 'Z' {
		return false
	}
	for i := 1; i < len(s); i++ {
		c := s[i]
		if !isASCIIAlnum(rune(c)) && c != '_' {
			return false
		}
	}
	return true
}

// Identifier turns any REDCap text (a name, a code, a title) into an exported Go identifier
// using the same word rules as every other name, prefixed with prefix when the result would
// not start with a letter (or would be empty). It does not check for collisions: use it only
// for names the caller keeps unique itself.
func Identifier(text, prefix string) string {
	s := spellName(text).readable
	if !startsWithLetter(s) {
		s = caseWord(prefix) + s
	}
	return s
}
