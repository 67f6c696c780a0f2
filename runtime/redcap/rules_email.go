package redcap

import (
	"strings"
	"unicode/utf8"
)

// isEmail reports whether s is an e-mail address by REDCap's pattern (content=fieldValidation):
//
//	^(?!\.)((?!.*\.{2})[L]+)(\.[L]+)*@(?!\.)([D]+)((\.([T]){2,63})+)$   (case-insensitive)
//
// where L (local part) is ASCII letters and digits, the non-ASCII ranges of emailWideRune and
// !#$%&'*+-/=?^_`{|}~; D (domain) is letters, digits, those ranges, "-" and "."; T (top-level
// domain) is letters and those ranges. So: no leading dot, no ".." anywhere, one "@", dot-separated
// local words, and a domain whose last label has 2 to 63 letters.
func isEmail(s string) bool {
	if s == "" || s[0] == '.' || strings.Contains(s, "..") {
		return false
	}
	at := strings.IndexByte(s, '@')
	if at <= 0 {
		return false
	}
	local, domain := s[:at], s[at+1:]
	if local[len(local)-1] == '.' || !allRunes(local, isEmailLocalRune) {
		return false
	}
	if domain == "" || domain[0] == '.' {
		return false
	}
	dot := strings.LastIndexByte(domain, '.')
	if dot <= 0 {
		return false
	}
	if !allRunes(domain[:dot], isEmailDomainRune) {
		return false
	}
	tld := domain[dot+1:]
	n := utf8.RuneCountInString(tld)
	return n >= 2 && n <= 63 && allRunes(tld, isEmailTLDRune)
}

// allRunes reports whether every rune of s satisfies ok. Invalid UTF-8 fails (it decodes to
// U+FFFD, which no e-mail class holds).
func allRunes(s string, ok func(rune) bool) bool {
	for _, r := range s {
		if !ok(r) {
			return false
		}
	}
	return true
}

// isEmailLocalRune is the character class of the local part (dots handled separately).
func isEmailLocalRune(r rune) bool {
	if isASCIILetter(r) || (r >= '0' && r <= '9') || r == '.' {
		return true
	}
	if r < 0x80 {
		return strings.ContainsRune("!#$%&'*+-/=?^_`{|}~", r)
	}
	return emailWideRune(r)
}

// isEmailDomainRune is the character class of the domain before its last label.
func isEmailDomainRune(r rune) bool {
	return isASCIILetter(r) || (r >= '0' && r <= '9') || r == '-' || r == '.' || emailWideRune(r)
}

// isEmailTLDRune is the character class of the last domain label.
func isEmailTLDRune(r rune) bool { return isASCIILetter(r) || emailWideRune(r) }

// isASCIILetter reports whether r is A-Z or a-z.
func isASCIILetter(r rune) bool { return (r >= 'a' && r <= 'z') || (r >= 'A' && r <= 'Z') }

// emailWideRune reports whether r is in one of the non-ASCII ranges REDCap's e-mail pattern
// allows (Latin supplements, Greek, Cyrillic, ... CJK, Hangul).
func emailWideRune(r rune) bool {
	switch {
	case r >= 0x0080 && r <= 0x02AF, r >= 0x0300 && r <= 0x07FF, r >= 0x0900 && r <= 0x18AF,
		r >= 0x1900 && r <= 0x1A1F, r >= 0x1B00 && r <= 0x1B7F, r >= 0x1D00 && r <= 0x1FFF,
		r >= 0x20D0 && r <= 0x214F, r >= 0x2C00 && r <= 0x2DDF, r >= 0x2F00 && r <= 0x2FDF,
		r >= 0x2FF0 && r <= 0x2FFF, r >= 0x3040 && r <= 0x319F, r >= 0x31C0 && r <= 0xA4CF,
		r >= 0xA700 && r <= 0xA71F, r >= 0xA800 && r <= 0xA82F, r >= 0xA840 && r <= 0xA87F,
		r >= 0xAC00 && r <= 0xD7AF, r >= 0xF900 && r <= 0xFAFF:
		return r != utf8.RuneError
	}
	return false
}
