package logic

import "strings"

// Outcome is what REDCap's own logic parser makes of an expression.
type Outcome int

// The outcomes of REDCap's parser. Only Accepted logic is ever evaluated: REDCap leaves a calc
// with other logic blank and answers a filterLogic with other logic with a crash report.
const (
	Accepted        Outcome = iota // REDCap parses the whole expression
	Unconsumed                     // a leading part parsed: "Parser did not consume all tokens!"
	Unparsed                       // nothing parsed: "Parse error in input"
	BadIf                          // an if() without three arguments
	LexFailed                      // the lexer stopped: "Unable to find next token"
	IllegalFunction                // a function REDCap does not have
)

// ParserToken is one token as REDCap's parser numbers and spells it (its crash reports print
// them).
type ParserToken struct {
	Type  int
	Value string
}

// Verdict is REDCap's reading of one expression.
type Verdict struct {
	Outcome   Outcome
	StoppedAt int           // Unconsumed: the index of the first token left over
	Tokens    []ParserToken // the tokens REDCap's parser saw, its chkNull() wrapping included
	Function  string        // IllegalFunction: the first function REDCap does not have
}

// Analyse reads a filterLogic or branching expression as REDCap 15.7.6's parser does. In a
// longitudinal project (firstEvent set) REDCap first evaluates a filter on the first event, with
// that event's name put before every reference that has none; that is the reading a crash shows.
func Analyse(src, firstEvent string) Verdict {
	a := rcAnalyse(src, firstEvent)
	v := Verdict{StoppedAt: a.stoppedAt, Function: a.illegal, Tokens: make([]ParserToken, len(a.tokens))}
	for i, t := range a.tokens {
		v.Tokens[i] = ParserToken{Type: int(t.typ), Value: t.value}
	}
	switch a.outcome {
	case rcParsed:
		v.Outcome = Accepted
	case rcUnconsumed:
		v.Outcome = Unconsumed
	case rcUnparsed:
		v.Outcome = Unparsed
	case rcBadIf:
		v.Outcome = BadIf
	case rcLexFailed:
		v.Outcome = LexFailed
	case rcIllegal:
		v.Outcome = IllegalFunction
	}
	return v
}

// AnalyseCalc reads a calculation as REDCap does: like Analyse, except that == and === are
// accepted as =, as REDCap's calculation rewriting does before parsing.
func AnalyseCalc(src string) Verdict {
	return Analyse(calcEquals.Replace(src), "")
}

var calcEquals = strings.NewReplacer("===", "=", "==", "=")

// Message describes a verdict other than Accepted in REDCap's terms.
func (v Verdict) Message() string {
	switch v.Outcome {
	case Unconsumed:
		return "REDCap's parser stops before the end (\"Parser did not consume all tokens\")"
	case Unparsed:
		return "REDCap's parser cannot read it (\"Parse error in input\")"
	case BadIf:
		return "if() needs three arguments: if(condition, value if true, value if false)"
	case LexFailed:
		return "REDCap's parser cannot read it (\"Unable to find next token\"; == is not an operator, use =)"
	case IllegalFunction:
		return "REDCap has no function " + v.Function + "()"
	}
	return ""
}
