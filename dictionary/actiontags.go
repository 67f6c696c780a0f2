package dictionary

import "strings"

// ParseActionTags finds the action tags in a field annotation, in order. A tag is "@" at the start
// of the text or after white space, "(", "," or ";", followed by an upper-case name of letters,
// digits, "-" and "_" (so e-mail addresses and URLs are not tags). A tag may carry "=value",
// "='quoted'", "=\"quoted\"" or "(params)", with spaces allowed around "="; parentheses nest
// and quotes inside them are respected, so @IF(cond, @A, @B) is one tag whose Value is
// "cond, @A, @B". Free text between tags is ignored. An unterminated quote or parenthesis
// takes the rest of the annotation.
func ParseActionTags(annotation string) []ActionTag {
	var tags []ActionTag
	s := annotation
	for i := 0; i < len(s); i++ {
		if s[i] != '@' || !tagMayStartAfter(s, i) {
			continue
		}
		end := i + 1
		for end < len(s) && isTagNameByte(s[end]) {
			end++
		}
		name := s[i+1 : end]
		if name == "" || name[0] < 'A' || name[0] > 'Z' || strings.ToUpper(name) != name {
			continue
		}
		name = strings.TrimRight(name, "-_")
		end = i + 1 + len(name)
		value, next := tagValue(s, end)
		tags = append(tags, ActionTag{Name: name, Value: value})
		i = next - 1
	}
	return tags
}

// tagMayStartAfter reports whether an "@" at s[i] can begin a tag.
func tagMayStartAfter(s string, i int) bool {
	if i == 0 {
		return true
	}
	switch s[i-1] {
	case ' ', '\t', '\r', '\n', '(', ',', ';', '"', '\'':
		return true
	}
	return false
}

// isTagNameByte reports whether c may appear in a tag name.
func isTagNameByte(c byte) bool {
	return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_'
}

// tagValue reads the value following a tag name that ends at pos and returns it with the index
// just past it.
func tagValue(s string, pos int) (string, int) {
	if pos >= len(s) {
		return "", pos
	}
	eq := pos // "@TAG = value": spaces may surround "="
	for eq < len(s) && (s[eq] == ' ' || s[eq] == '\t') {
		eq++
	}
	if eq < len(s) && s[eq] == '=' {
		pos = eq
	}
	switch s[pos] {
	case '(':
		return parenthesized(s, pos)
	case '=':
		p := pos + 1
		for p < len(s) && (s[p] == ' ' || s[p] == '\t') {
			p++
		}
		if p >= len(s) {
			return "", p
		}
		switch s[p] {
		case '"', '\'':
			return quoted(s, p)
		case '(':
			return parenthesized(s, p)
		}
		end := p
		for end < len(s) && !isSpaceByte(s[end]) {
			end++
		}
		return s[p:end], end
	}
	return "", pos
}

// quoted reads a string quoted by s[pos] and returns its content and the index past the closing
// quote. A backslash escapes the quote character.
func quoted(s string, pos int) (string, int) {
	q := s[pos]
	var b strings.Builder
	for i := pos + 1; i < len(s); i++ {
		switch {
		case s[i] == '\\' && i+1 < len(s) && s[i+1] == q:
			b.WriteByte(q)
			i++
		case s[i] == q:
			return b.String(), i + 1
		default:
			b.WriteByte(s[i])
		}
	}
	return b.String(), len(s)
}

// parenthesized reads "(...)" starting at s[pos], with nesting and quotes, and returns the text
// inside and the index past the closing parenthesis.
func parenthesized(s string, pos int) (string, int) {
	depth := 0
	var quote byte
	for i := pos; i < len(s); i++ {
		c := s[i]
		switch {
		case quote != 0:
			if c == '\\' && i+1 < len(s) {
				i++
			} else if c == quote {
				quote = 0
			}
		case c == '"' || c == '\'':
			quote = c
		case c == '(':
			depth++
		case c == ')':
			depth--
			if depth == 0 {
				return s[pos+1 : i], i + 1
			}
		}
	}
	return s[pos+1:], len(s)
}

// isSpaceByte reports whether c is ASCII white space.
func isSpaceByte(c byte) bool {
	return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v'
}
