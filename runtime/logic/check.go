package logic

import (
	"fmt"
	"sort"
	"strings"
)

// Problem is one thing wrong with an expression, at a byte offset of its text.
type Problem struct {
	Pos int    // byte offset in the expression, from 0
	Msg string // what is wrong, in REDCap's terms
	// Unevaluable marks a smart variable that has a value only on REDCap's own pages: REDCap
	// accepts the logic, but it cannot be evaluated outside them.
	Unevaluable bool
}

func (p Problem) String() string { return fmt.Sprintf("at position %d: %s", p.Pos+1, p.Msg) }

// Use says where an expression is used; REDCap reads calculations a little differently.
type Use uint8

// The uses of logic.
const (
	UseBranching Use = iota // branching logic, filterLogic, data quality rules
	UseCalc                 // calc fields, @CALCTEXT and @CALCDATE
)

// Check parses an expression and checks it against a project: that REDCap's parser accepts it,
// and that its fields, events, checkbox codes and functions exist (a nil schema checks the
// syntax and functions alone). It returns the parsed
// expression (nil when it does not parse) and every problem found, in order of position.
func Check(src string, s *Schema, use Use) (*Expr, []Problem) {
	e, err := Parse(src)
	if err != nil {
		if se, ok := err.(*SyntaxError); ok {
			return nil, []Problem{{Pos: se.Pos, Msg: se.Msg}}
		}
		return nil, []Problem{{Pos: 0, Msg: err.Error()}}
	}
	var probs []Problem
	verdict := Analyse(src, "")
	if use == UseCalc {
		verdict = AnalyseCalc(src)
	}
	if s != nil {
		for _, r := range e.refs {
			probs = append(probs, s.checkRef(r)...)
		}
	}
	probs = append(probs, checkCalls(e.root)...)
	if verdict.Outcome != Accepted && verdict.Outcome != IllegalFunction {
		probs = append(probs, Problem{Pos: 0, Msg: verdict.Message()})
	}
	sort.SliceStable(probs, func(i, j int) bool { return probs[i].Pos < probs[j].Pos })
	return e, probs
}

// checkRef checks one reference against the project.
func (s *Schema) checkRef(r *Ref) []Problem {
	var probs []Problem
	// Events are checked only when the schema has them: a dictionary file carries no events.
	if r.Event != "" && len(s.events) > 0 && !eventSmartVariables[r.Event] && s.eventIndex(r.Event) < 0 {
		probs = append(probs, Problem{Pos: r.Pos, Msg: fmt.Sprintf("unknown event %q", r.Event)})
	}
	if r.Smart {
		if !KnownSmartVariable(r.Field) {
			probs = append(probs, Problem{Pos: r.Pos, Msg: fmt.Sprintf("smart variable [%s] has no value outside REDCap's pages", r.Field), Unevaluable: true})
		}
		return probs
	}
	f := s.field(r.Field)
	switch {
	case f == nil:
		probs = append(probs, Problem{Pos: r.Pos, Msg: fmt.Sprintf("unknown field %q", r.Field)})
	case r.Code != "" && !f.checkbox:
		probs = append(probs, Problem{Pos: r.Pos, Msg: fmt.Sprintf("field %q is not a checkbox; [%s(%s)] names an option", r.Field, r.Field, r.Code)})
	case r.Code != "" && !f.codes[r.Code] && !s.missing[r.Code]:
		probs = append(probs, Problem{Pos: r.Pos, Msg: fmt.Sprintf("checkbox %q has no option %q (has %s)", r.Field, r.Code, strings.Join(f.Codes, ", "))})
	}
	return probs
}

// checkCalls reports functions REDCap does not have and calls with the wrong number of arguments.
func checkCalls(n *node) []Problem {
	var probs []Problem
	if n.kind == nodeCall {
		f, ok := functions[n.name]
		switch {
		case !ok:
			probs = append(probs, Problem{Pos: n.pos, Msg: fmt.Sprintf("REDCap has no function %s()", n.name)})
		case len(n.kids) < f.min || f.max >= 0 && len(n.kids) > f.max:
			probs = append(probs, Problem{Pos: n.pos, Msg: fmt.Sprintf("%s() takes %s, not %d", n.name, argCount(f), len(n.kids))})
		}
	}
	for _, k := range n.kids {
		probs = append(probs, checkCalls(k)...)
	}
	return probs
}
