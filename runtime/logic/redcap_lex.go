package logic

import (
	"errors"
	"html"
	"regexp"
	"strings"
)

// This file and redcap_parse.go model how REDCap itself reads logic: its lexer (token types
// numbered as REDCap numbers them, since its crash report prints them), the chkNull() wrapping
// REDCap 15.7.6 puts around field references, and its parser's grammar. Analyse uses them to
// decide, as REDCap does, whether REDCap accepts an expression at all; the test server prints
// REDCap's crash report from them. Evaluating is parse.go's and eval.go's job.

// rcTokenType is the type number of a REDCap logic token.
type rcTokenType int

// The token types REDCap's lexer produces, with REDCap's numbers.
const (
	rcIdent       rcTokenType = 1
	rcLeftParen   rcTokenType = 4
	rcRightParen  rcTokenType = 5
	rcSingleQuote rcTokenType = 6
	rcDoubleQuote rcTokenType = 7
	rcNum         rcTokenType = 8
	rcComma       rcTokenType = 9
	rcPlus        rcTokenType = 10
	rcMinus       rcTokenType = 11
	rcMultiply    rcTokenType = 12
	rcDivide      rcTokenType = 13
	rcEqual       rcTokenType = 14
	rcCaret       rcTokenType = 16
	rcAnd         rcTokenType = 17
	rcOr          rcTokenType = 18
	rcNotEqual    rcTokenType = 19
	rcGT          rcTokenType = 20
	rcGTE         rcTokenType = 21
	rcLT          rcTokenType = 22
	rcLTE         rcTokenType = 23
	rcTrue        rcTokenType = 24
	rcFalse       rcTokenType = 25
	rcString      rcTokenType = 26
	rcNot         rcTokenType = 27
	rcEventVar    rcTokenType = 28
	rcProjVar     rcTokenType = 29
	rcProjCbox    rcTokenType = 30
	rcProjInst    rcTokenType = 31
)

// rcToken is one token of REDCap's logic lexer; value is the text REDCap keeps (strings keep
// their quotes, operators their normalised spelling).
type rcToken struct {
	typ   rcTokenType
	value string
}

// errRCLex is REDCap's lexer giving up ("Unable to find next token").
var errRCLex = errors.New("redcap logic lexer: unable to find next token")

// rcFormatLogic is the part of REDCap's preparation of logic that changes its tokens: URL and
// HTML entity decoding, line breaks and tabs to spaces, != to <> and the spelled-out operators
// to lower case, backslashes removed. (REDCap also renames some functions, e.g. round to
// roundRC; that is not modelled.)
func rcFormatLogic(s string) string {
	s = html.UnescapeString(rawURLDecode(s))
	return rcFormatReplacer.Replace(s)
}

var rcFormatReplacer = sequentialReplacer{
	{"\r\n", " "}, {"\n", " "}, {"\r", " "}, {"\t", " "}, {"!=", "<>"}, {" && ", " and "},
	{" || ", " or "}, {" AND ", " and "}, {" OR ", " or "}, {`\`, ""},
}

// rcOperatorReplacer is the lexer's own normalisation of operators outside quoted strings,
// applied one pair after the other over the whole text as PHP's str_replace does with arrays.
var rcOperatorReplacer = sequentialReplacer{
	{"\r\n", " "}, {"\n", " "}, {"\t", " "}, {"<", " < "}, {"=", "=="}, {"===", "=="},
	{"====", "=="}, {"> ==", ">="}, {"< ==", "<="}, {">  ==", ">="}, {"<  ==", "<="},
	{">==", ">="}, {"<==", "<="}, {"< >", "!="}, {"<>", "!="}, {"!==", "!="},
	{" and ", " && "}, {" AND ", " && "}, {" or ", " || "}, {" OR ", " || "},
}

// sequentialReplacer applies each old/new pair to the result of the previous one.
type sequentialReplacer [][2]string

// Replace applies the pairs in order.
func (r sequentialReplacer) Replace(s string) string {
	for _, p := range r {
		s = strings.ReplaceAll(s, p[0], p[1])
	}
	return s
}

// rawURLDecode decodes %XX escapes like PHP's rawurldecode, leaving malformed ones as they are.
func rawURLDecode(s string) string {
	if !strings.Contains(s, "%") {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '%' && i+2 < len(s) && isHex(s[i+1]) && isHex(s[i+2]) {
			b.WriteByte(unhex(s[i+1])<<4 | unhex(s[i+2]))
			i += 2
			continue
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

func isHex(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F'
}

func unhex(c byte) byte {
	switch {
	case c >= 'a':
		return c - 'a' + 10
	case c >= 'A':
		return c - 'A' + 10
	}
	return c - '0'
}

// normaliseOutsideQuotes removes backslashes, then applies rcOperatorReplacer to the text
// between quoted strings, leaving the quoted strings as they are.
func normaliseOutsideQuotes(s string) string {
	s = strings.ReplaceAll(s, `\`, "")
	var b strings.Builder
	start := 0
	for i := 0; i < len(s); i++ {
		if s[i] != '\'' && s[i] != '"' {
			continue
		}
		end := strings.IndexByte(s[i+1:], s[i])
		if end < 0 {
			break
		}
		b.WriteString(rcOperatorReplacer.Replace(s[start:i]))
		b.WriteString(s[i : i+end+2])
		i += end + 1
		start = i + 1
	}
	b.WriteString(rcOperatorReplacer.Replace(s[start:]))
	return b.String()
}

// rcReference matches a field reference as REDCap's lexer does: an optional event, the field,
// an optional checkbox code and an optional instance. (REDCap also accepts smart variables in
// the field's place; the fake does not model them.)
var rcReference = regexp.MustCompile(`^(?:\[([a-z0-9][_a-z0-9]*|event-name|previous-event-name|next-event-name|first-event-name|last-event-name)\])?\[([a-z][_a-z0-9]*)(?:\((-?\d+|[a-zA-Z0-9._-]+)\))?\](?:\[(\d+|previous-instance|current-instance|next-instance|first-instance|last-instance)\])?`)

// rcPipedField matches a field with a piping qualifier ([sex:label], [dob:value]), which REDCap
// replaces by its text before parsing, as it does smart variables.
var rcPipedField = regexp.MustCompile(`^[a-z][_a-z0-9]*(?:\([^)]*\))?:(?:value|label|raw)$`)

// rcNumber matches REDCap's number token.
var rcNumber = regexp.MustCompile(`^(\d*\.)?\d+`)

// rcLex splits formatted logic into REDCap's tokens, testing the same rules in the same order.
func rcLex(s string) ([]rcToken, error) {
	var m []string // the last reference matched
	s = normaliseOutsideQuotes(s)
	var toks []rcToken
	add := func(t rcTokenType, v string) { toks = append(toks, rcToken{t, v}) }
	for i := 0; i < len(s); {
		rest := s[i:]
		n := 1 // bytes the rule consumed
		switch {
		case rest[0] == ' ':
		case rest[0] == '(':
			add(rcLeftParen, "(")
		case rest[0] == ')':
			add(rcRightParen, ")")
		case strings.HasPrefix(rest, "&&"):
			add(rcAnd, "&&")
			n = 2
		case strings.HasPrefix(rest, "||"):
			add(rcOr, "||")
			n = 2
		case rest[0] == '[' && rcSmartVariable(rest) > 0:
			// REDCap pipes a smart variable's value into the logic before parsing it.
			n = rcSmartVariable(rest)
			add(rcString, "''")
		case rest[0] == '[' && rcMatch(rest, &m):
			if m[1] != "" {
				add(rcEventVar, m[1])
			}
			add(rcProjVar, m[2])
			if m[3] != "" {
				add(rcProjCbox, m[3])
			}
			if m[4] != "" {
				add(rcProjInst, m[4])
			}
			n = len(m[0])
		case (rest[0] == '\'' || rest[0] == '"') && strings.IndexByte(rest[1:], rest[0]) >= 0:
			n = strings.IndexByte(rest[1:], rest[0]) + 2
			add(rcString, rest[:n])
		case keywordAt(rest, "true"):
			add(rcTrue, "true")
			n = 4
		case keywordAt(rest, "false"):
			add(rcFalse, "false")
			n = 5
		case isIdentStart(rest[0]):
			n = identLen(rest)
			add(rcIdent, rest[:n])
		case rcNumber.MatchString(rest):
			n = len(rcNumber.FindString(rest))
			add(rcNum, rest[:n])
		default:
			t, v, ok := rcOperator(rest)
			if !ok {
				return toks, errRCLex
			}
			add(t, v)
			n = len(v)
		}
		i += n
	}
	return toks, nil
}

// rcTwoByteOperators and rcOneByteOperators are the operator and punctuation tokens; REDCap
// tests != == <= < >= > and then the single characters, in that order.
var (
	rcTwoByteOperators = []rcToken{{rcNotEqual, "!="}, {rcEqual, "=="}, {rcLTE, "<="}, {rcLT, "<"}, {rcGTE, ">="}}
	rcOneByteOperators = map[byte]rcTokenType{'>': rcGT, '+': rcPlus, '-': rcMinus, '*': rcMultiply,
		'/': rcDivide, ',': rcComma, '\'': rcSingleQuote, '"': rcDoubleQuote, '^': rcCaret, '!': rcNot}
)

// rcOperator reads an operator or punctuation token.
func rcOperator(rest string) (rcTokenType, string, bool) {
	for _, op := range rcTwoByteOperators {
		if strings.HasPrefix(rest, op.value) {
			return op.typ, op.value, true
		}
	}
	if t, ok := rcOneByteOperators[rest[0]]; ok {
		return t, rest[:1], true
	}
	return 0, "", false
}

// keywordAt reports whether rest starts with kw in any case, not followed by a name character.
func keywordAt(rest, kw string) bool {
	return len(rest) >= len(kw) && strings.EqualFold(rest[:len(kw)], kw) &&
		(len(rest) == len(kw) || !isIdentChar(rest[len(kw)]))
}

func identLen(s string) int {
	n := 1
	for n < len(s) && isIdentChar(s[n]) {
		n++
	}
	return n
}

// rcSmartVariable returns the length of the smart variable ([record-name], [project-id], ...)
// that rest starts with when it is not an event prefix of a field, else 0.
func rcSmartVariable(rest string) int {
	end := strings.IndexByte(rest, ']')
	if end < 0 {
		return 0
	}
	if name := strings.ToLower(rest[1:end]); !smartVariables[name] && !isSmartName(name) && !rcPipedField.MatchString(name) {
		return 0
	}
	if eventSmartVariables[strings.ToLower(rest[1:end])] && end+1 < len(rest) && rest[end+1] == '[' {
		return 0
	}
	return end + 1
}

// rcMatch matches a reference at the start of rest into *m.
func rcMatch(rest string, m *[]string) bool {
	*m = rcReference.FindStringSubmatch(rest)
	return *m != nil
}
