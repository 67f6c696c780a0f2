package redcaptest

import (
	"errors"
	"strings"
)

// This file holds the part of REDCap's logic language the fake needs for filterLogic and
// calculations: field references ([field], [field(code)], [event][field]), quoted and numeric
// literals, true/false, comparisons, and/or, arithmetic (+ - * / with the usual precedence, unary
// minus, and REDCap's exponent (base)^(exponent), both sides in parentheses), parentheses and
// function calls (evaluated in filter_eval.go and calc_funcs.go). A filterLogic parse failure is
// REDCap's crash; a calculation that does not parse stays blank.

// logicNode is a parsed expression.
type logicNode struct {
	op    string // "lit", "ref", "cmp", "and", "or", "call", "arith"
	text  string // literal text, operator, function name
	event string // event prefix of a reference
	field string
	code  string // checkbox code of a reference, original case
	kids  []*logicNode
	// grouped: the node was written in parentheses (REDCap's exponent needs both sides grouped).
	grouped bool
}

var errLogic = errors.New("invalid logic")

// parseLogic parses an expression.
func parseLogic(s string) (*logicNode, error) {
	toks, err := lexLogic(s)
	if err != nil {
		return nil, err
	}
	ps := &logicParser{toks: toks}
	n, err := ps.or()
	if err != nil {
		return nil, err
	}
	if ps.pos != len(ps.toks) {
		return nil, errLogic
	}
	return n, nil
}

// logicToken is one token: kind is "ref", "str", "num", "id", "op" or a punctuation character.
type logicToken struct {
	kind, text string
}

func lexLogic(s string) ([]logicToken, error) {
	var toks []logicToken
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r':
			i++
		case c == '[':
			j := strings.IndexByte(s[i:], ']')
			if j < 0 {
				return nil, errLogic
			}
			toks = append(toks, logicToken{"ref", s[i+1 : i+j]})
			i += j + 1
		case c == '\'' || c == '"':
			j := strings.IndexByte(s[i+1:], c)
			if j < 0 {
				return nil, errLogic
			}
			toks = append(toks, logicToken{"str", s[i+1 : i+1+j]})
			i += j + 2
		case c >= '0' && c <= '9' || c == '.':
			j := i
			for j < len(s) && (s[j] >= '0' && s[j] <= '9' || s[j] == '.') {
				j++
			}
			toks = append(toks, logicToken{"num", s[i:j]})
			i = j
		case c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_':
			j := i
			for j < len(s) && (s[j] >= 'a' && s[j] <= 'z' || s[j] >= 'A' && s[j] <= 'Z' || s[j] == '_' || s[j] >= '0' && s[j] <= '9') {
				j++
			}
			toks = append(toks, logicToken{"id", strings.ToLower(s[i:j])})
			i = j
		case strings.HasPrefix(s[i:], "<>") || strings.HasPrefix(s[i:], "!=") || strings.HasPrefix(s[i:], "<=") || strings.HasPrefix(s[i:], ">="):
			toks = append(toks, logicToken{"op", s[i : i+2]})
			i += 2
		case strings.ContainsRune("=<>", rune(c)):
			toks = append(toks, logicToken{"op", s[i : i+1]})
			i++
		case strings.ContainsRune("+-*/^(),", rune(c)):
			toks = append(toks, logicToken{string(c), string(c)})
			i++
		default:
			return nil, errLogic
		}
	}
	return toks, nil
}

type logicParser struct {
	toks []logicToken
	pos  int
}

func (ps *logicParser) peek() logicToken {
	if ps.pos < len(ps.toks) {
		return ps.toks[ps.pos]
	}
	return logicToken{}
}

func (ps *logicParser) or() (*logicNode, error) {
	return ps.binary("or", ps.and)
}

func (ps *logicParser) and() (*logicNode, error) {
	return ps.binary("and", ps.cmp)
}

func (ps *logicParser) binary(word string, next func() (*logicNode, error)) (*logicNode, error) {
	left, err := next()
	if err != nil {
		return nil, err
	}
	for t := ps.peek(); t.kind == "id" && t.text == word; t = ps.peek() {
		ps.pos++
		right, err := next()
		if err != nil {
			return nil, err
		}
		left = &logicNode{op: word, kids: []*logicNode{left, right}}
	}
	return left, nil
}

func (ps *logicParser) cmp() (*logicNode, error) {
	left, err := ps.arith()
	if err != nil {
		return nil, err
	}
	if t := ps.peek(); t.kind == "op" {
		ps.pos++
		right, err := ps.arith()
		if err != nil {
			return nil, err
		}
		return &logicNode{op: "cmp", text: t.text, kids: []*logicNode{left, right}}, nil
	}
	return left, nil
}

// arith parses sums and differences of terms.
func (ps *logicParser) arith() (*logicNode, error) {
	return ps.arithLevel("+-", ps.term)
}

// term parses products and quotients of powers.
func (ps *logicParser) term() (*logicNode, error) {
	return ps.arithLevel("*/", ps.power)
}

// arithLevel parses left-associative operators of one precedence level.
func (ps *logicParser) arithLevel(ops string, next func() (*logicNode, error)) (*logicNode, error) {
	left, err := next()
	if err != nil {
		return nil, err
	}
	for t := ps.peek(); len(t.kind) == 1 && strings.Contains(ops, t.kind); t = ps.peek() {
		ps.pos++
		right, err := next()
		if err != nil {
			return nil, err
		}
		left = &logicNode{op: "arith", text: t.kind, kids: []*logicNode{left, right}}
	}
	return left, nil
}

// power parses (base)^(exponent). REDCap's help asks for both sides in parentheses and does not
// evaluate an exponent written otherwise (classic bmi: (([height_cm]/100)^2) stays blank).
func (ps *logicParser) power() (*logicNode, error) {
	left, err := ps.unary()
	if err != nil {
		return nil, err
	}
	if ps.peek().kind != "^" {
		return left, nil
	}
	ps.pos++
	right, err := ps.unary()
	if err != nil {
		return nil, err
	}
	if !left.grouped || !right.grouped || ps.peek().kind == "^" {
		return nil, errLogic
	}
	return &logicNode{op: "arith", text: "^", kids: []*logicNode{left, right}}, nil
}

// unary parses a leading minus: part of a number literal, else zero minus the operand.
func (ps *logicParser) unary() (*logicNode, error) {
	if ps.peek().kind != "-" {
		return ps.primary()
	}
	ps.pos++
	if n := ps.peek(); n.kind == "num" {
		ps.pos++
		return &logicNode{op: "lit", text: "-" + n.text}, nil
	}
	x, err := ps.unary()
	if err != nil {
		return nil, err
	}
	return &logicNode{op: "arith", text: "-", kids: []*logicNode{{op: "lit", text: "0"}, x}}, nil
}

func (ps *logicParser) primary() (*logicNode, error) {
	t := ps.peek()
	ps.pos++
	switch t.kind {
	case "str", "num":
		return &logicNode{op: "lit", text: t.text}, nil
	case "(":
		n, err := ps.or()
		if err != nil || ps.peek().kind != ")" {
			return nil, errLogic
		}
		ps.pos++
		n.grouped = true
		return n, nil
	case "ref":
		return ps.ref(t.text)
	case "id":
		if ps.peek().kind != "(" {
			switch t.text {
			case "true":
				return &logicNode{op: "lit", text: "1"}, nil
			case "false":
				return &logicNode{op: "lit", text: "0"}, nil
			}
			return nil, errLogic
		}
		ps.pos++
		call := &logicNode{op: "call", text: t.text}
		for ps.peek().kind != ")" {
			arg, err := ps.or()
			if err != nil {
				return nil, err
			}
			call.kids = append(call.kids, arg)
			if ps.peek().kind == "," {
				ps.pos++
			} else if ps.peek().kind != ")" {
				return nil, errLogic
			}
		}
		ps.pos++
		return call, nil
	}
	return nil, errLogic
}

// ref parses [field], [field(code)] and, when another reference follows, [event][field].
func (ps *logicParser) ref(text string) (*logicNode, error) {
	n := &logicNode{op: "ref"}
	if t := ps.peek(); t.kind == "ref" {
		ps.pos++
		n.event = text
		text = t.text
	}
	if i := strings.IndexByte(text, '('); i >= 0 && strings.HasSuffix(text, ")") {
		n.code = text[i+1 : len(text)-1]
		text = text[:i]
	}
	n.field = strings.TrimSpace(text)
	if n.field == "" {
		return nil, errLogic
	}
	return n, nil
}
