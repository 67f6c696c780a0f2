package naming

import (
	"html"
	"regexp"
	"strings"
	"unicode/utf8"
)

// Caps on label-derived constant names: past them a label is cut at a word boundary (a field
// whose cut labels collide falls back to codes).
const (
	maxLabelWords = 5
	maxLabelChars = 40
)

// htmlTag matches an HTML tag or comment in a label.
var htmlTag = regexp.MustCompile(`<!--[\s\S]*?-->|</?[A-Za-z][^<>]*>`)

// labelName turns a choice label into the words part of an enum constant (`Female`,
// `Minus9`, `DontKnow`): tags stripped, entities decoded, common Latin accents transliterated,
// other non-ASCII dropped, signs and comparison symbols spelled as words. It returns "" when the
// label yields no word.
func labelName(label string) string {
	text := html.UnescapeString(htmlTag.ReplaceAllString(label, " "))
	words := labelWords(text)
	var b strings.Builder
	for i, w := range words {
		c := caseWord(w)
		if i >= maxLabelWords || (i > 0 && b.Len()+len(c) > maxLabelChars) {
			break
		}
		b.WriteString(c)
	}
	return b.String()
}

// labelWords splits label text into ASCII words. Apostrophes join (`don't` -> `dont`); '-' is
// a word `Minus` only as a number's sign and '.' a word `Dot` only between digits, otherwise
// both separate words like spaces and other punctuation.
func labelWords(text string) []string {
	var words []string
	var cur strings.Builder
	flush := func() {
		if cur.Len() > 0 {
			words = append(words, cur.String())
			cur.Reset()
		}
	}
	runes := []rune(text)
	for i, r := range runes {
		prev, next := runeAt(runes, i-1), runeAt(runes, i+1)
		switch {
		case isASCIIAlnum(r):
			cur.WriteRune(r)
		case r == '\'' || r == '’':
			// an apostrophe joins the parts of a word
		case r == '-' || r == '−':
			flush()
			if isDigit(next) && !isASCIIAlnum(prev) {
				words = append(words, "Minus")
			}
		case r == '.':
			if isDigit(prev) && isDigit(next) {
				flush()
				words = append(words, "Dot")
				continue
			}
			flush()
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
			}
		}
	}
	flush()
	return words
}

// runeAt returns runes[i], or 0 outside the slice.
func runeAt(runes []rune, i int) rune {
	if i < 0 || i >= len(runes) {
		return 0
	}
	return runes[i]
}

// isDigit reports whether r is an ASCII digit.
func isDigit(r rune) bool { return r >= '0' && r <= '9' }
