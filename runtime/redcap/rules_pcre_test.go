package redcap

import (
	"testing"
	"unicode/utf8"
)

// A small backtracking interpreter for the regular expressions REDCap's content=fieldValidation
// returns, used only by tests as an independent definition of each validation type. Go's regexp
// cannot run them (back-references, look-ahead). It implements what those 39 patterns use, with
// PCRE's semantics: /…/i (ASCII case folding), ^, $ (end, or before a final "\n"), \b, groups,
// (?:…), (?!…), alternation, greedy ?, *, +, {n}, {n,}, {n,m}, classes with ranges, \d, \s (space,
// \t, \n, \v, \f, \r), \uXXXX, ".", and back-references, which fail when their group is unset.

// pcre is a compiled pattern.
type pcre struct {
	root    pcreNode
	groups  int
	foldASC bool
}

// pcreNode matches at position i of the input and calls k with each end position it can reach.
type pcreNode interface {
	match(m *pcreMatcher, i int, k func(int) bool) bool
}

// pcreMatcher is the state of one match.
type pcreMatcher struct {
	in   []rune
	caps [][2]int
	fold bool
}

// matchString reports whether the pattern matches s (anchors are the pattern's own).
func (p *pcre) matchString(s string) bool {
	m := &pcreMatcher{in: []rune(s), caps: make([][2]int, p.groups+1), fold: p.foldASC}
	for i := range m.caps {
		m.caps[i] = [2]int{-1, -1}
	}
	for start := 0; start <= len(m.in); start++ {
		if p.root.match(m, start, func(int) bool { return true }) {
			return true
		}
	}
	return false
}

type pcreSeq []pcreNode

func (s pcreSeq) match(m *pcreMatcher, i int, k func(int) bool) bool {
	if len(s) == 0 {
		return k(i)
	}
	return s[0].match(m, i, func(j int) bool { return s[1:].match(m, j, k) })
}

type pcreAlt []pcreNode

func (a pcreAlt) match(m *pcreMatcher, i int, k func(int) bool) bool {
	for _, alt := range a {
		if alt.match(m, i, k) {
			return true
		}
	}
	return false
}

type pcreClass struct {
	ranges [][2]rune
	negate bool
}

func (c pcreClass) has(r rune) bool {
	for _, rg := range c.ranges {
		if r >= rg[0] && r <= rg[1] {
			return true
		}
	}
	return false
}

func (c pcreClass) match(m *pcreMatcher, i int, k func(int) bool) bool {
	if i >= len(m.in) {
		return false
	}
	r := m.in[i]
	in := c.has(r)
	if !in && m.fold && r < utf8.RuneSelf {
		switch {
		case r >= 'a' && r <= 'z':
			in = c.has(r - 32)
		case r >= 'A' && r <= 'Z':
			in = c.has(r + 32)
		}
	}
	return in != c.negate && k(i+1)
}

type pcreRepeat struct {
	body     pcreNode
	min, max int
}

func (r *pcreRepeat) match(m *pcreMatcher, i int, k func(int) bool) bool {
	var try func(count, pos int) bool
	try = func(count, pos int) bool {
		if r.max < 0 || count < r.max {
			more := r.body.match(m, pos, func(j int) bool {
				if j == pos && count >= r.min {
					return false // an empty iteration cannot make progress
				}
				return try(count+1, j)
			})
			if more {
				return true
			}
		}
		return count >= r.min && k(pos)
	}
	return try(0, i)
}

type pcreGroup struct {
	idx  int
	body pcreNode
}

func (g *pcreGroup) match(m *pcreMatcher, i int, k func(int) bool) bool {
	return g.body.match(m, i, func(j int) bool {
		old := m.caps[g.idx]
		m.caps[g.idx] = [2]int{i, j}
		if k(j) {
			return true
		}
		m.caps[g.idx] = old
		return false
	})
}

type pcreLookahead struct {
	body   pcreNode
	negate bool
}

func (l *pcreLookahead) match(m *pcreMatcher, i int, k func(int) bool) bool {
	saved := append([][2]int(nil), m.caps...)
	found := l.body.match(m, i, func(int) bool { return true })
	copy(m.caps, saved)
	return found != l.negate && k(i)
}

type pcreBackref int

func (b pcreBackref) match(m *pcreMatcher, i int, k func(int) bool) bool {
	c := m.caps[int(b)]
	if c[0] < 0 {
		return false // PCRE: a reference to an unset group fails
	}
	n := c[1] - c[0]
	if i+n > len(m.in) {
		return false
	}
	for j := 0; j < n; j++ {
		if m.in[c[0]+j] != m.in[i+j] {
			return false
		}
	}
	return k(i + n)
}

type pcreBegin struct{}

func (pcreBegin) match(m *pcreMatcher, i int, k func(int) bool) bool { return i == 0 && k(i) }

type pcreEnd struct{}

func (pcreEnd) match(m *pcreMatcher, i int, k func(int) bool) bool {
	atEnd := i == len(m.in) || (i == len(m.in)-1 && m.in[i] == '\n')
	return atEnd && k(i)
}

type pcreBoundary struct{}

func (pcreBoundary) match(m *pcreMatcher, i int, k func(int) bool) bool {
	word := func(j int) bool {
		if j < 0 || j >= len(m.in) {
			return false
		}
		r := m.in[j]
		return r == '_' || (r >= '0' && r <= '9') || (r >= 'a' && r <= 'z') || (r >= 'A' && r <= 'Z')
	}
	return word(i-1) != word(i) && k(i)
}

// TestPCREInterpreter checks the test interpreter on the constructs the patterns use.
func TestPCREInterpreter(t *testing.T) {
	tests := []struct {
		pattern, input string
		want           bool
	}{
		{`/^\d{4}$/`, "2000", true},
		{`/^\d{4}$/`, "2000\n", true}, // PCRE's $ matches before a final newline
		{`/^\d{4}$/`, "20000", false},
		{`/^([-\/])a\1$/`, "-a-", true},
		{`/^([-\/])a\1$/`, "-a/", false},
		{`/^(?:(x)|y)\1$/`, "y", false}, // unset group: the reference fails
		{`/^(?!\.)[a-z.]+$/`, ".ab", false},
		{`/^(?!\.)[a-z.]+$/`, "a.b", true},
		{`/^[a-z]+$/i`, "AbC", true},
		{`/^[a-z0-9-_]+$/i`, "A-_9", true},
		{`/^[ABD-HJLNP-Z]{2}$/`, "BC", false},
		{`/^[ABD-HJLNP-Z]{2}$/`, "BD", true},
		{`/^[-+]?\b\d+\b$/`, "+5", true},
		{`/^[\u00e9]$/`, "é", true},
		{`/^a{2,3}$/`, "aaaa", false},
		{`/^(a|ab)c$/`, "abc", true},
		{`/^\s*x$/`, "\v\tx", true},
	}
	for _, tt := range tests {
		re, err := compilePCRE(tt.pattern)
		if err != nil {
			t.Fatalf("%s: %v", tt.pattern, err)
		}
		if got := re.matchString(tt.input); got != tt.want {
			t.Errorf("%s on %q = %v, want %v", tt.pattern, tt.input, got, tt.want)
		}
	}
}
