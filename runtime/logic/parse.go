package logic

import (
	"fmt"
	"html"
	"strings"
)

// Expr is a parsed expression.
type Expr struct {
	src  string
	root *node
	refs []*Ref
}

// Source returns the expression's text as written.
func (e *Expr) Source() string { return e.src }

// Refs returns the expression's references in the order they are written.
func (e *Expr) Refs() []*Ref { return e.refs }

// Parse reads an expression of REDCap's logic language. Operators bind as in PHP, which REDCap
// turns logic into: ! first, then * /, + -, < <= > >=, = <> !=, and, or. A field compared with
// ” ([dob] = ”, [dob] <> ”) is a test of its stored text, as REDCap rewrites it.
func Parse(src string) (*Expr, error) {
	text := src
	if strings.Contains(text, "&") && strings.Contains(text, ";") {
		// REDCap decodes HTML entities in logic (&lt; is <) before reading it.
		text = html.UnescapeString(text)
	}
	decoded := text
	if strings.Contains(text, "^") {
		rewritten, ok := rewritePowers(text)
		if !ok {
			return nil, &SyntaxError{strings.IndexByte(text, '^'), "a power needs its base in parentheses: (base)^(exponent)"}
		}
		text = rewritten
	}
	e, err := parseText(src, text)
	if err != nil && text != decoded {
		if _, plainErr := parseText(src, strings.ReplaceAll(decoded, "^", "*")); plainErr == nil {
			// Only REDCap's rewriting of ^ breaks it, as in round((x)^2, 1).
			return nil, &SyntaxError{strings.IndexByte(decoded, '^'), "REDCap cannot compute this power: its exponent runs to the end of the expression unless it is in parentheses; write (base)^(exponent)"}
		}
	}
	return e, err
}

// parseText parses text, the source after REDCap's rewriting of powers.
func parseText(src, text string) (*Expr, error) {
	toks, err := lex(text)
	if err != nil {
		return nil, err
	}
	p := &parser{toks: toks}
	root, err := p.or()
	if err != nil {
		return nil, err
	}
	if t := p.peek(); t.kind != tokEOF {
		return nil, &SyntaxError{t.pos, fmt.Sprintf("unexpected %q", t.text)}
	}
	return &Expr{src: src, root: root, refs: p.refs}, nil
}

type parser struct {
	toks []token
	pos  int
	refs []*Ref
}

func (p *parser) peek() token { return p.toks[p.pos] }

func (p *parser) next() token {
	t := p.toks[p.pos]
	if t.kind != tokEOF {
		p.pos++
	}
	return t
}

// isWord reports whether t is one of the words (and, or), or one of the operators.
func isWord(t token, words ...string) bool {
	if t.kind != tokIdent && t.kind != tokOp {
		return false
	}
	for _, w := range words {
		if t.text == w {
			return true
		}
	}
	return false
}

func (p *parser) or() (*node, error) {
	return p.logical(nodeOr, []string{"or", "||"}, p.and)
}

func (p *parser) and() (*node, error) {
	return p.logical(nodeAnd, []string{"and", "&&"}, p.equality)
}

func (p *parser) logical(kind nodeKind, words []string, next func() (*node, error)) (*node, error) {
	left, err := next()
	if err != nil {
		return nil, err
	}
	for isWord(p.peek(), words...) {
		t := p.next()
		right, err := next()
		if err != nil {
			return nil, err
		}
		left = &node{kind: kind, pos: t.pos, kids: []*node{left, right}}
	}
	return left, nil
}

// comparisonOps maps operators to comparisons; == and === are what a calc may write for =.
var comparisonOps = map[string]compareOp{
	"=": opEq, "==": opEq, "===": opEq, "<>": opNe, "!=": opNe,
	"<": opLt, "<=": opLe, ">": opGt, ">=": opGe,
}

func (p *parser) equality() (*node, error) {
	return p.comparison([]string{"=", "==", "===", "<>", "!="}, p.relational)
}

func (p *parser) relational() (*node, error) {
	return p.comparison([]string{"<", "<=", ">", ">="}, p.additive)
}

func (p *parser) comparison(ops []string, next func() (*node, error)) (*node, error) {
	left, err := next()
	if err != nil {
		return nil, err
	}
	for t := p.peek(); t.kind == tokOp && isWord(t, ops...); t = p.peek() {
		p.next()
		right, err := next()
		if err != nil {
			return nil, err
		}
		left = &node{kind: nodeCompare, pos: t.pos, cmp: comparisonOps[t.text], kids: []*node{left, right}}
	}
	return left, nil
}

func (p *parser) additive() (*node, error) {
	return p.arithmetic(map[string]arithOp{"+": opAdd, "-": opSub}, p.multiplicative)
}

func (p *parser) multiplicative() (*node, error) {
	return p.arithmetic(map[string]arithOp{"*": opMul, "/": opDiv}, p.unary)
}

func (p *parser) arithmetic(ops map[string]arithOp, next func() (*node, error)) (*node, error) {
	left, err := next()
	if err != nil {
		return nil, err
	}
	for t := p.peek(); t.kind == tokOp; t = p.peek() {
		op, ok := ops[t.text]
		if !ok {
			break
		}
		p.next()
		right, err := next()
		if err != nil {
			return nil, err
		}
		left = &node{kind: nodeArith, pos: t.pos, arith: op, kids: []*node{left, right}}
	}
	return left, nil
}

// unary parses ! and a sign; a sign before a number is part of the number.
func (p *parser) unary() (*node, error) {
	t := p.peek()
	if t.kind != tokOp || t.text != "!" && t.text != "-" && t.text != "+" {
		return p.primary()
	}
	p.next()
	if t.text != "!" && p.peek().kind == tokNumber {
		n := p.next()
		text := n.text
		if t.text == "-" {
			text = "-" + text
		}
		return &node{kind: nodeLiteral, pos: t.pos, lit: parseNumber(text)}, nil
	}
	x, err := p.unary()
	if err != nil {
		return nil, err
	}
	switch t.text {
	case "!":
		return &node{kind: nodeNot, pos: t.pos, kids: []*node{x}}, nil
	case "-":
		return &node{kind: nodeNegate, pos: t.pos, kids: []*node{x}}, nil
	}
	return x, nil
}

func (p *parser) primary() (*node, error) {
	t := p.next()
	switch t.kind {
	case tokNumber:
		if strings.Count(t.text, ".") > 1 {
			return nil, &SyntaxError{t.pos, fmt.Sprintf("malformed number %q", t.text)}
		}
		return &node{kind: nodeLiteral, pos: t.pos, lit: parseNumber(t.text)}, nil
	case tokString:
		return &node{kind: nodeLiteral, pos: t.pos, lit: String(t.text)}, nil
	case tokLParen:
		n, err := p.or()
		if err != nil {
			return nil, err
		}
		if c := p.next(); c.kind != tokRParen {
			return nil, &SyntaxError{c.pos, "missing ')'"}
		}
		return n, nil
	case tokRef:
		return p.reference(t)
	case tokIdent:
		if p.peek().kind == tokLParen {
			return p.call(t)
		}
		switch t.text {
		case "true":
			return &node{kind: nodeLiteral, pos: t.pos, lit: Bool(true)}, nil
		case "false":
			return &node{kind: nodeLiteral, pos: t.pos, lit: Bool(false)}, nil
		}
		return nil, &SyntaxError{t.pos, fmt.Sprintf("unknown word %q (field names go in brackets)", t.text)}
	case tokEOF:
		return nil, &SyntaxError{t.pos, "the expression ends too early"}
	}
	return nil, &SyntaxError{t.pos, fmt.Sprintf("unexpected %q", t.text)}
}

func (p *parser) call(name token) (*node, error) {
	p.next() // (
	n := &node{kind: nodeCall, pos: name.pos, name: name.text}
	if p.peek().kind == tokRParen {
		p.next()
		return n, nil
	}
	for {
		arg, err := p.or()
		if err != nil {
			return nil, err
		}
		n.kids = append(n.kids, arg)
		switch t := p.next(); t.kind {
		case tokComma:
			continue
		case tokRParen:
			return n, nil
		default:
			return nil, &SyntaxError{t.pos, fmt.Sprintf("expected ',' or ')' in %s(), found %q", name.text, t.text)}
		}
	}
}

// reference reads [field], [field(code)], [event][field], [field][instance] and smart variables,
// then a comparison with ” that REDCap turns into a test of the stored text.
func (p *parser) reference(first token) (*node, error) {
	r := &Ref{Pos: first.pos}
	parts := []string{first.text}
	for len(parts) < 3 && p.peek().kind == tokRef && p.peek().adjacent {
		parts = append(parts, p.next().text)
	}
	if err := r.fill(parts); err != nil {
		return nil, &SyntaxError{first.pos, err.Error()}
	}
	p.refs = append(p.refs, r)
	n := &node{kind: nodeRef, pos: first.pos, ref: r}
	if t := p.peek(); t.kind == tokOp && (t.text == "=" || t.text == "<>" || t.text == "!=") {
		if s := p.toks[p.pos+1]; s.kind == tokString && s.text == "" {
			p.next()
			p.next()
			return &node{kind: nodeBlankTest, pos: first.pos, negate: t.text != "=", kids: []*node{n}}, nil
		}
	}
	return n, nil
}

// fill reads the bracketed parts of a reference.
func (r *Ref) fill(parts []string) error {
	name := func(s string) string { return strings.ToLower(strings.TrimSpace(s)) }
	switch len(parts) {
	case 3:
		r.Event, r.Instance = name(parts[0]), name(parts[2])
		return r.fillField(parts[1])
	case 2:
		second := name(parts[1])
		if isInstance(second) {
			r.Instance = second
			return r.fillField(parts[0])
		}
		r.Event = name(parts[0])
		return r.fillField(parts[1])
	}
	return r.fillField(parts[0])
}

// fillField reads field, field(code) or field:value (the :value qualifier changes nothing in
// logic), or a smart variable.
func (r *Ref) fillField(s string) error {
	s = strings.TrimSpace(s)
	if f, q, ok := strings.Cut(s, ":"); ok {
		switch strings.ToLower(strings.TrimSpace(q)) {
		case "value", "raw":
			s = f
		case "label":
			s, r.Label = f, true
		}
	}
	if i := strings.IndexByte(s, '('); i > 0 && strings.HasSuffix(s, ")") {
		r.Code = strings.TrimSpace(s[i+1 : len(s)-1])
		s = s[:i]
	}
	r.Field = strings.ToLower(strings.TrimSpace(s))
	if smartVariables[r.Field] || isSmartName(r.Field) {
		r.Smart = true
		return nil
	}
	if r.Field == "" || !isIdentStart(r.Field[0]) || strings.IndexFunc(r.Field, func(c rune) bool {
		return c >= 128 || !isIdentChar(byte(c))
	}) >= 0 {
		return fmt.Errorf("%q is not a field name", s)
	}
	return nil
}

// isInstance reports whether a bracket's text is an instance: a number or an instance smart variable.
func isInstance(s string) bool {
	if instanceSmartVariables[s] {
		return true
	}
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if !isDigit(s[i]) {
			return false
		}
	}
	return true
}

// isSmartName reports whether a bracket holds a smart variable REDCap pipes in before evaluating
// ([user-dag-name], [redcap-version-url], [survey-link:form], ...): field names have no hyphen.
func isSmartName(s string) bool {
	if !strings.Contains(s, "-") || s == "" || !isIdentStart(s[0]) {
		return false
	}
	for i := 0; i < len(s); i++ {
		if c := s[i]; !isIdentChar(c) && c != '-' && c != ':' && c != ',' {
			return false
		}
	}
	return true
}
