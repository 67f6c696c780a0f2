package logic

import "strings"

// rcOutcome is what REDCap's logic parser makes of a filter.
type rcOutcome int

const (
	rcParsed     rcOutcome = iota // every token consumed
	rcUnconsumed                  // a leading part parsed: "Parser did not consume all tokens!"
	rcUnparsed                    // nothing parsed: "Parse error in input"
	rcBadIf                       // an if() without three arguments
	rcLexFailed                   // the lexer stopped: "Unable to find next token"
	rcIllegal                     // a function REDCap does not have: "Parse error due to illegal functions"
)

// rcAnalysis is REDCap's reading of one filterLogic.
type rcAnalysis struct {
	outcome   rcOutcome
	stoppedAt int       // rcUnconsumed: the index of the first token left over
	tokens    []rcToken // the tokens the parser saw, chkNull() wrapping included
	illegal   string    // rcIllegal: the first function REDCap does not have
}

// rcAnalyse reads logic as REDCap 15.7.6 does before evaluating a filterLogic. In a longitudinal
// project (firstEvent != "") REDCap first evaluates the filter on the first event, with that
// event's name put before every reference that has none; that is the reading a crash shows.
func rcAnalyse(logic, firstEvent string) rcAnalysis {
	toks, err := rcLex(rcFormatLogic(rcRemoveComments(logic)))
	if err != nil {
		return rcAnalysis{outcome: rcLexFailed, tokens: toks}
	}
	toks = rcWrapReferences(toks, firstEvent)
	ps := rcParser{toks: toks}
	end, ok := ps.operation(0)
	switch {
	case ps.badIf:
		return rcAnalysis{outcome: rcBadIf, tokens: toks}
	case ps.illegal != "":
		return rcAnalysis{outcome: rcIllegal, tokens: toks, illegal: ps.illegal}
	case !ok:
		return rcAnalysis{outcome: rcUnparsed, tokens: toks}
	case end < len(toks):
		return rcAnalysis{outcome: rcUnconsumed, stoppedAt: end, tokens: toks}
	}
	return rcAnalysis{outcome: rcParsed, tokens: toks}
}

// rcRemoveComments drops the lines REDCap treats as comments: those starting with // or #.
func rcRemoveComments(s string) string {
	lines := strings.Split(s, "\n")
	kept := lines[:0]
	for _, l := range lines {
		t := strings.TrimSpace(l)
		if !strings.HasPrefix(t, "//") && !strings.HasPrefix(t, "#") {
			kept = append(kept, l)
		}
	}
	return strings.Join(kept, "\n")
}

// rcWrapReferences puts chkNull( ) around every field reference (its event, checkbox code and
// instance included), as REDCap 15.7.6 does to filterLogic, adding firstEvent to references
// without an event when it is set.
func rcWrapReferences(toks []rcToken, firstEvent string) []rcToken {
	out := make([]rcToken, 0, len(toks)+4)
	for i := 0; i < len(toks); i++ {
		if toks[i].typ != rcEventVar && toks[i].typ != rcProjVar {
			out = append(out, toks[i])
			continue
		}
		out = append(out, rcToken{rcIdent, "chkNull"}, rcToken{rcLeftParen, "("})
		if toks[i].typ == rcProjVar && firstEvent != "" {
			out = append(out, rcToken{rcEventVar, firstEvent})
		}
		j := i + 1
		for j < len(toks) && (toks[j].typ == rcProjVar && toks[j-1].typ == rcEventVar ||
			toks[j].typ == rcProjCbox || toks[j].typ == rcProjInst) {
			j++
		}
		out = append(out, toks[i:j]...)
		out = append(out, rcToken{rcRightParen, ")"})
		i = j - 1
	}
	return out
}

// rcParser follows REDCap's grammar, an ordered choice at each step that never revisits a
// successful part:
//
//	operation = ["!"] ( "(" operation ")" | operand ) {infix operation}
//	operand   = reference | function | ["+"|"-"] number | true | false | string
//	reference = [event] field [checkbox] [instance]
//	function  = name "(" [operation {"," operation}] ")"
//
// Each rule returns where it ended and whether it matched.
type rcParser struct {
	toks    []rcToken
	badIf   bool   // REDCap throws at once on an if() that does not have three arguments
	illegal string // the first function name REDCap does not have
}

func (ps *rcParser) is(p int, t rcTokenType) bool { return p < len(ps.toks) && ps.toks[p].typ == t }

func (ps *rcParser) operation(p int) (int, bool) {
	q := p
	if ps.is(q, rcNot) {
		q++
	}
	if e, ok := ps.enclosed(q); ok {
		return ps.chain(e), true
	}
	if e, ok := ps.operand(q); ok {
		return ps.chain(e), true
	}
	return p, false
}

func (ps *rcParser) enclosed(p int) (int, bool) {
	if !ps.is(p, rcLeftParen) {
		return p, false
	}
	e, ok := ps.operation(p + 1)
	if !ok || !ps.is(e, rcRightParen) {
		return p, false
	}
	return e + 1, true
}

// chain consumes {infix operation}; an operator not followed by an operation is left over.
func (ps *rcParser) chain(p int) int {
	for p < len(ps.toks) && rcInfix[ps.toks[p].typ] {
		e, ok := ps.operation(p + 1)
		if !ok {
			break
		}
		p = e
	}
	return p
}

// rcInfix are the operators REDCap accepts between operations (! among them).
var rcInfix = map[rcTokenType]bool{
	rcPlus: true, rcMinus: true, rcMultiply: true, rcDivide: true, rcEqual: true, rcCaret: true,
	rcLT: true, rcGT: true, rcLTE: true, rcGTE: true, rcNotEqual: true, rcNot: true, rcAnd: true, rcOr: true,
}

func (ps *rcParser) operand(p int) (int, bool) {
	if e, ok := ps.reference(p); ok {
		return e, true
	}
	if e, ok := ps.function(p); ok {
		return e, true
	}
	switch {
	case (ps.is(p, rcPlus) || ps.is(p, rcMinus)) && ps.is(p+1, rcNum):
		return p + 2, true
	case ps.is(p, rcNum), ps.is(p, rcTrue), ps.is(p, rcFalse), ps.is(p, rcString):
		return p + 1, true
	}
	return p, false
}

func (ps *rcParser) reference(p int) (int, bool) {
	q := p
	if ps.is(q, rcEventVar) {
		q++
	}
	if !ps.is(q, rcProjVar) {
		return p, false
	}
	q++
	if ps.is(q, rcProjCbox) {
		q++
	}
	if ps.is(q, rcProjInst) {
		q++
	}
	return q, true
}

func (ps *rcParser) function(p int) (int, bool) {
	if !ps.is(p, rcIdent) || !ps.is(p+1, rcLeftParen) {
		return p, false
	}
	q, args := p+2, 0
	if e, ok := ps.operation(q); ok {
		q, args = e, 1
		for ps.is(q, rcComma) {
			e, ok := ps.operation(q + 1)
			if !ok {
				break
			}
			q, args = e, args+1
		}
	}
	if !ps.is(q, rcRightParen) {
		return p, false
	}
	name := strings.ToLower(ps.toks[p].value)
	if name == "if" && args != 3 {
		ps.badIf = true
	}
	if _, ok := functions[name]; (!ok || name == "pow") && name != "chknull" && ps.illegal == "" {
		ps.illegal = name
	}
	return q + 1, true
}
