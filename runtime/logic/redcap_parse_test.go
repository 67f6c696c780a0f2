package logic

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestRCLex(t *testing.T) {
	tests := []struct {
		logic string
		want  []rcToken
	}{
		{"[sex] = = '1'", []rcToken{{rcProjVar, "sex"}, {rcEqual, "=="}, {rcEqual, "=="}, {rcString, "'1'"}}},
		{"[a] <> 'x=y' OR [b] != \"\"", []rcToken{{rcProjVar, "a"}, {rcNotEqual, "!="}, {rcString, "'x=y'"}, {rcOr, "||"}, {rcProjVar, "b"}, {rcNotEqual, "!="}, {rcString, `""`}}},
		{"[ev_1][f(A_b)][2]>=.5", []rcToken{{rcEventVar, "ev_1"}, {rcProjVar, "f"}, {rcProjCbox, "A_b"}, {rcProjInst, "2"}, {rcGTE, ">="}, {rcNum, ".5"}}},
		{"[race(-1)] = '1' and TRUE", []rcToken{{rcProjVar, "race"}, {rcProjCbox, "-1"}, {rcEqual, "=="}, {rcString, "'1'"}, {rcAnd, "&&"}, {rcTrue, "true"}}},
		{"if([a]<1, true_x, -2)", []rcToken{{rcIdent, "if"}, {rcLeftParen, "("}, {rcProjVar, "a"}, {rcLT, "<"}, {rcNum, "1"}, {rcComma, ","}, {rcIdent, "true_x"}, {rcComma, ","}, {rcMinus, "-"}, {rcNum, "2"}, {rcRightParen, ")"}}},
		{"!([a] = 1)\n// a comment line\n^ 'it''s'", []rcToken{{rcNot, "!"}, {rcLeftParen, "("}, {rcProjVar, "a"}, {rcEqual, "=="}, {rcNum, "1"}, {rcRightParen, ")"}, {rcCaret, "^"}, {rcString, "'it'"}, {rcString, "'s'"}}},
		{"[a] = 'x != y'", []rcToken{{rcProjVar, "a"}, {rcEqual, "=="}, {rcString, "'x <> y'"}}}, // REDCap rewrites != even inside quotes
		{"[a] = %27b%27", []rcToken{{rcProjVar, "a"}, {rcEqual, "=="}, {rcString, "'b'"}}},
		{"[a] = 'open", []rcToken{{rcProjVar, "a"}, {rcEqual, "=="}, {rcSingleQuote, "'"}, {rcIdent, "open"}}},
	}
	for _, tt := range tests {
		got, err := rcLex(rcFormatLogic(rcRemoveComments(tt.logic)))
		if err != nil {
			t.Errorf("rcLex(%q): %v", tt.logic, err)
			continue
		}
		if d := cmp.Diff(tt.want, got, cmp.AllowUnexported(rcToken{})); d != "" {
			t.Errorf("rcLex(%q) (-want +got):\n%s", tt.logic, d)
		}
	}
}

func TestRCLexFailures(t *testing.T) {
	for _, logic := range []string{"[a] @ 1", "[A] = 1", "[a] == 1", "[a] = 1."} {
		if toks, err := rcLex(rcFormatLogic(logic)); err == nil {
			t.Errorf("rcLex(%q) = %v, want REDCap's lexer to give up", logic, toks)
		}
	}
}

func TestRCAnalyse(t *testing.T) {
	tests := []struct {
		logic      string
		firstEvent string
		outcome    rcOutcome
		stoppedAt  int
	}{
		{"[sex] = '1'", "", rcParsed, 0},
		{"[a] <> '' or ([b] > 2 and [c(1)] = '1')", "", rcParsed, 0},
		{"!([a] = 1) and if([b] = 1, 2, 3) = 2", "", rcParsed, 0},
		{"sum([a], [b], -1) > (2)^(3)", "", rcParsed, 0},
		{"[sex] = = '1'", "", rcUnconsumed, 4},
		{"[a] = 1 [b]", "", rcUnconsumed, 6},
		{"[a] > -[b]", "", rcUnconsumed, 4},
		{"([a] = 1", "", rcUnparsed, 0},
		{"= 1", "", rcUnparsed, 0},
		{"", "", rcUnparsed, 0},
		{"if([a] = 1, 2) = 2", "", rcBadIf, 0},
		{"[a] @ 1", "", rcLexFailed, 0},
		{"[sex] = = '1'", "visit_1_arm_1", rcUnconsumed, 5},
	}
	for _, tt := range tests {
		a := rcAnalyse(tt.logic, tt.firstEvent)
		if a.outcome != tt.outcome || a.stoppedAt != tt.stoppedAt {
			t.Errorf("rcAnalyse(%q, %q) = outcome %d stopped at %d, want %d at %d (tokens %v)",
				tt.logic, tt.firstEvent, a.outcome, a.stoppedAt, tt.outcome, tt.stoppedAt, a.tokens)
		}
	}
}

func TestRCWrapReferences(t *testing.T) {
	toks, err := rcLex("[e1][a(2)] + [b][3]")
	if err != nil {
		t.Fatal(err)
	}
	got := rcWrapReferences(toks, "first_arm_1")
	want := []rcToken{
		{rcIdent, "chkNull"}, {rcLeftParen, "("}, {rcEventVar, "e1"}, {rcProjVar, "a"}, {rcProjCbox, "2"}, {rcRightParen, ")"},
		{rcPlus, "+"},
		{rcIdent, "chkNull"}, {rcLeftParen, "("}, {rcEventVar, "first_arm_1"}, {rcProjVar, "b"}, {rcProjInst, "3"}, {rcRightParen, ")"},
	}
	if d := cmp.Diff(want, got, cmp.AllowUnexported(rcToken{})); d != "" {
		t.Errorf("rcWrapReferences (-want +got):\n%s", d)
	}
}

// FuzzRCAnalyse: REDCap's reading of any logic never panics and stops inside the tokens.
func FuzzRCAnalyse(f *testing.F) {
	for _, s := range []string{"[sex] = = '1'", "if([a],1,2)", "([a] = 1", "[e][f(1)][2] <> ''", "'x", "%2", "[a]^(2)"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, logic string) {
		for _, ev := range []string{"", "e_arm_1"} {
			a := rcAnalyse(logic, ev)
			if a.outcome == rcUnconsumed && (a.stoppedAt <= 0 || a.stoppedAt >= len(a.tokens)) {
				t.Fatalf("rcAnalyse(%q): stopped at %d of %d tokens", logic, a.stoppedAt, len(a.tokens))
			}
		}
	})
}
