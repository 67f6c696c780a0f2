package logic

import (
	"testing"
	"time"
)

// FuzzParse: any text parses or fails with a position inside it, and checking never panics.
func FuzzParse(f *testing.F) {
	for _, s := range []string{"[a] > 1 and [cb(2)] = '1'", "if([a] = '', 1, ([b])^(2))", "round(([a])^2,1)",
		"datediff([d1], 'today', 'y', 'dmy', true)", "[e_arm_1][a][2] <> ''", "'x^y'", "((((", "[a] = = 1",
		"concat_ws(', ', [txt], [blank])", "// comment\n[a]", "-[a] + -1.5.2", "[user-dag-name] = [record-name]"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		e, err := Parse(src)
		if err != nil {
			se, ok := err.(*SyntaxError)
			if !ok {
				t.Fatalf("Parse(%q): error %T, want *SyntaxError", src, err)
			}
			if se.Pos < 0 || se.Pos > len(src)+len("pow(")*len(src) {
				t.Fatalf("Parse(%q): position %d outside the text", src, se.Pos)
			}
			return
		}
		if e.Source() != src {
			t.Fatalf("Source() = %q, want %q", e.Source(), src)
		}
		Check(src, testSchema, UseBranching)
		Check(src, testSchema, UseCalc)
	})
}

// FuzzEval: evaluating any expression that parses never panics, and the stored texts are
// consistent with the value.
func FuzzEval(f *testing.F) {
	for _, s := range []string{"[a] + [b] * 2", "([a])^([b])", "round([a] / 3, [blank])", "mid([txt], -5, 1e300)",
		"calcdate([t1], 1e300, 'y')", "datediff([d1], [txt], 'M')", "mod([a], 0)", "(0)^(-1)", "stdev([a])",
		"if([yn] = true, [mc], [cb(a_b)])", "left([txt], -1)", "sum(1e308, 1e308)"} {
		f.Add(s)
	}
	now := time.Date(2026, 12, 2, 0, 0, 0, 0, time.UTC)
	f.Fuzz(func(t *testing.T, src string) {
		e, err := Parse(src)
		if err != nil {
			return
		}
		v, err := e.Eval(testSchema, testRecord, Context{Record: "1", Now: now})
		calc := Calc(v, err)
		if _, isNumber := numericString(calc); calc != "" && calc != "INF" && calc != "-INF" && !isNumber {
			t.Fatalf("Calc(%q) = %q, not a number", src, calc)
		}
		if got := string(AppendStored(nil, "calc", v, err, "")); got != calc {
			t.Fatalf("AppendStored(%q) = %q, Calc = %q", src, got, calc)
		}
		if got, want := string(AppendStored(nil, "calctext", v, err, "")), CalcText(v, err); got != want {
			t.Fatalf("AppendStored calctext (%q) = %q, CalcText = %q", src, got, want)
		}
		for _, validation := range []string{"date_ymd", "datetime_ymd", "datetime_seconds_ymd"} {
			if got, want := string(AppendStored(nil, "calcdate", v, err, validation)), CalcDate(v, err, validation); got != want {
				t.Fatalf("AppendStored calcdate %s (%q) = %q, CalcDate = %q", validation, src, got, want)
			}
		}
		Selects(v, err)
		sameAsEval(t, src, now)
	})
}
