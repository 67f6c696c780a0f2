package logic

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// tokenKind is the kind of a lexical token.
type tokenKind uint8

const (
	tokEOF    tokenKind = iota
	tokRef              // one bracketed name: [field], [event-name], [2]
	tokString           // a quoted string (text without its quotes)
	tokNumber           // digits with an optional fraction
	tokIdent            // a function name, and, or, true, false
	tokOp               // an operator: = == === <> != < <= > >= + - * / ^ ! && ||
	tokLParen
	tokRParen
	tokComma
)

// token is one lexical token and where it starts in the expression (a byte offset).
type token struct {
	kind tokenKind
	text string
	pos  int
	// adjacent: the token follows the previous one with no space between ([event][field]).
	adjacent bool
}

// SyntaxError is an expression REDCap's logic language cannot read, with the byte offset of the
// problem.
type SyntaxError struct {
	Pos int    // byte offset in the expression, from 0
	Msg string // what is wrong
}

func (e *SyntaxError) Error() string {
	return fmt.Sprintf("at position %d: %s", e.Pos+1, e.Msg)
}

// lex splits an expression into tokens. Lines starting with // or # are comments, as in REDCap.
func lex(src string) ([]token, error) {
	var toks []token
	lastEnd := -1
	for i := 0; i < len(src); {
		c := src[i]
		switch {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v':
			i++
			continue
		case (c == '/' && strings.HasPrefix(src[i:], "//") || c == '#') && lineStart(src, i):
			for i < len(src) && src[i] != '\n' {
				i++
			}
			continue
		}
		start := i
		t := token{pos: start, adjacent: start == lastEnd}
		switch {
		case c == '[':
			j := strings.IndexByte(src[i:], ']')
			if j < 0 {
				return nil, &SyntaxError{start, "'[' without a closing ']'"}
			}
			t.kind, t.text = tokRef, src[i+1:i+j]
			i += j + 1
		case c == '\'' || c == '"':
			j := strings.IndexByte(src[i+1:], c)
			if j < 0 {
				return nil, &SyntaxError{start, "a quoted string that does not end"}
			}
			t.kind, t.text = tokString, src[i+1:i+1+j]
			i += j + 2
		case isDigit(c) || c == '.' && i+1 < len(src) && isDigit(src[i+1]):
			for i < len(src) && (isDigit(src[i]) || src[i] == '.') {
				i++
			}
			t.kind, t.text = tokNumber, src[start:i]
		case isIdentStart(c):
			for i < len(src) && isIdentChar(src[i]) {
				i++
			}
			t.kind, t.text = tokIdent, strings.ToLower(src[start:i])
		case c == '(':
			t.kind, t.text = tokLParen, "("
			i++
		case c == ')':
			t.kind, t.text = tokRParen, ")"
			i++
		case c == ',':
			t.kind, t.text = tokComma, ","
			i++
		case c == '<' && spacedNotEqual(src[i:]) > 0:
			// REDCap reads "< >" as <>.
			t.kind, t.text = tokOp, "<>"
			i += spacedNotEqual(src[i:])
		default:
			op := operatorAt(src[i:])
			if op == "" {
				r, _ := utf8.DecodeRuneInString(src[i:])
				return nil, &SyntaxError{start, fmt.Sprintf("unexpected character %q", r)}
			}
			t.kind, t.text = tokOp, op
			i += len(op)
		}
		toks = append(toks, t)
		lastEnd = i
	}
	return append(toks, token{kind: tokEOF, pos: len(src)}), nil
}

// operators, longest first.
var operators = []string{"===", "==", "<>", "!=", "<=", ">=", "&&", "||", "=", "<", ">", "+", "-", "*", "/", "^", "!"}

func operatorAt(s string) string {
	for _, op := range operators {
		if strings.HasPrefix(s, op) {
			return op
		}
	}
	return ""
}

// lineStart reports whether only spaces precede position i on its line.
func lineStart(src string, i int) bool {
	for j := i - 1; j >= 0 && src[j] != '\n'; j-- {
		if src[j] != ' ' && src[j] != '\t' && src[j] != '\r' {
			return false
		}
	}
	return true
}

func isIdentStart(c byte) bool {
	return c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}

func isIdentChar(c byte) bool { return isIdentStart(c) || isDigit(c) }

// spacedNotEqual returns the length of "<" spaces ">" at the start of s, 0 when s does not start
// with one.
func spacedNotEqual(s string) int {
	j := 1
	for j < len(s) && s[j] == ' ' {
		j++
	}
	if j > 1 && j < len(s) && s[j] == '>' {
		return j + 1
	}
	return 0
}
