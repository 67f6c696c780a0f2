package redcap

import (
	"fmt"
	"strconv"
	"strings"
)

// The parser of the test-only PCRE interpreter (see rules_pcre_test.go).

// compilePCRE compiles "/pattern/flags".
func compilePCRE(src string) (*pcre, error) {
	end := strings.LastIndexByte(src, '/')
	if len(src) < 2 || src[0] != '/' || end < 1 {
		return nil, fmt.Errorf("pattern %q is not /…/flags", src)
	}
	p := &pcreParser{src: []rune(src[1:end])}
	root, err := p.alternation()
	if err != nil {
		return nil, err
	}
	if p.pos != len(p.src) {
		return nil, fmt.Errorf("unexpected %q at %d", p.src[p.pos], p.pos)
	}
	if p.maxRef > p.groups {
		return nil, fmt.Errorf("back-reference \\%d beyond %d groups", p.maxRef, p.groups)
	}
	return &pcre{root: root, groups: p.groups, foldASC: strings.Contains(src[end:], "i")}, nil
}

type pcreParser struct {
	src            []rune
	pos            int
	groups, maxRef int
}

func (p *pcreParser) more() bool { return p.pos < len(p.src) }
func (p *pcreParser) peek() rune { return p.src[p.pos] }

func (p *pcreParser) alternation() (pcreNode, error) {
	var alts []pcreNode
	for {
		seq, err := p.sequence()
		if err != nil {
			return nil, err
		}
		alts = append(alts, seq)
		if !p.more() || p.peek() != '|' {
			break
		}
		p.pos++
	}
	if len(alts) == 1 {
		return alts[0], nil
	}
	return pcreAlt(alts), nil
}

func (p *pcreParser) sequence() (pcreNode, error) {
	var seq pcreSeq
	for p.more() && p.peek() != '|' && p.peek() != ')' {
		atom, err := p.atom()
		if err != nil {
			return nil, err
		}
		atom, err = p.quantified(atom)
		if err != nil {
			return nil, err
		}
		seq = append(seq, atom)
	}
	return seq, nil
}

func (p *pcreParser) quantified(atom pcreNode) (pcreNode, error) {
	if !p.more() {
		return atom, nil
	}
	switch p.peek() {
	case '?':
		p.pos++
		return &pcreRepeat{body: atom, min: 0, max: 1}, nil
	case '*':
		p.pos++
		return &pcreRepeat{body: atom, min: 0, max: -1}, nil
	case '+':
		p.pos++
		return &pcreRepeat{body: atom, min: 1, max: -1}, nil
	case '{':
		close := p.pos
		for close < len(p.src) && p.src[close] != '}' {
			close++
		}
		if close == len(p.src) {
			return atom, nil
		}
		body := string(p.src[p.pos+1 : close])
		lo, hi, found := strings.Cut(body, ",")
		min, err := strconv.Atoi(lo)
		if err != nil {
			return atom, nil // not a quantifier: "{" is literal
		}
		max := min
		if found {
			max = -1
			if hi != "" {
				if max, err = strconv.Atoi(hi); err != nil {
					return nil, fmt.Errorf("bad quantifier {%s}", body)
				}
			}
		}
		p.pos = close + 1
		return &pcreRepeat{body: atom, min: min, max: max}, nil
	}
	return atom, nil
}

func (p *pcreParser) atom() (pcreNode, error) {
	c := p.peek()
	p.pos++
	switch c {
	case '^':
		return pcreBegin{}, nil
	case '$':
		return pcreEnd{}, nil
	case '.':
		return pcreClass{negate: true, ranges: [][2]rune{{'\n', '\n'}}}, nil
	case '[':
		return p.class()
	case '(':
		return p.group()
	case '\\':
		return p.escape(false)
	}
	return pcreClass{ranges: [][2]rune{{c, c}}}, nil
}

func (p *pcreParser) group() (pcreNode, error) {
	kind := 'c'
	if p.pos+1 < len(p.src) && p.peek() == '?' {
		kind = p.src[p.pos+1]
		p.pos += 2
	}
	idx := 0
	if kind == 'c' {
		p.groups++
		idx = p.groups
	}
	body, err := p.alternation()
	if err != nil {
		return nil, err
	}
	if !p.more() || p.peek() != ')' {
		return nil, fmt.Errorf("missing )")
	}
	p.pos++
	switch kind {
	case 'c':
		return &pcreGroup{idx: idx, body: body}, nil
	case ':':
		return body, nil
	case '!':
		return &pcreLookahead{body: body, negate: true}, nil
	case '=':
		return &pcreLookahead{body: body}, nil
	}
	return nil, fmt.Errorf("unsupported group (?%c", kind)
}

// escape parses what follows a backslash; inClass limits it to characters and classes.
func (p *pcreParser) escape(inClass bool) (pcreNode, error) {
	if !p.more() {
		return nil, fmt.Errorf("trailing backslash")
	}
	c := p.peek()
	p.pos++
	switch {
	case c == 'd':
		return pcreClass{ranges: [][2]rune{{'0', '9'}}}, nil
	case c == 's':
		return pcreClass{ranges: [][2]rune{{'\t', '\r'}, {' ', ' '}}}, nil
	case c == 'b' && !inClass:
		return pcreBoundary{}, nil
	case c == 'u':
		if p.pos+4 > len(p.src) {
			return nil, fmt.Errorf("short \\u")
		}
		n, err := strconv.ParseUint(string(p.src[p.pos:p.pos+4]), 16, 32)
		if err != nil {
			return nil, err
		}
		p.pos += 4
		return pcreClass{ranges: [][2]rune{{rune(n), rune(n)}}}, nil
	case c >= '1' && c <= '9' && !inClass:
		n := int(c - '0')
		if p.more() && p.peek() >= '0' && p.peek() <= '9' {
			n = n*10 + int(p.peek()-'0')
			p.pos++
		}
		p.maxRef = max(p.maxRef, n)
		return pcreBackref(n), nil
	case c == 'n':
		return pcreClass{ranges: [][2]rune{{'\n', '\n'}}}, nil
	}
	return pcreClass{ranges: [][2]rune{{c, c}}}, nil
}

func (p *pcreParser) class() (pcreNode, error) {
	var cl pcreClass
	if p.more() && p.peek() == '^' {
		cl.negate = true
		p.pos++
	}
	first := true
	for {
		if !p.more() {
			return nil, fmt.Errorf("missing ]")
		}
		c := p.peek()
		if c == ']' && !first {
			p.pos++
			return cl, nil
		}
		first = false
		p.pos++
		var lo rune
		if c == '\\' {
			item, err := p.escape(true)
			if err != nil {
				return nil, err
			}
			ic := item.(pcreClass)
			if len(ic.ranges) != 1 || ic.ranges[0][0] != ic.ranges[0][1] {
				cl.ranges = append(cl.ranges, ic.ranges...)
				continue
			}
			lo = ic.ranges[0][0]
		} else {
			lo = c
		}
		hi := lo
		if p.pos+1 < len(p.src) && p.peek() == '-' && p.src[p.pos+1] != ']' {
			p.pos++
			h := p.peek()
			p.pos++
			if h == '\\' {
				item, err := p.escape(true)
				if err != nil {
					return nil, err
				}
				h = item.(pcreClass).ranges[0][0]
			}
			hi = h
		}
		cl.ranges = append(cl.ranges, [2]rune{lo, hi})
	}
}
