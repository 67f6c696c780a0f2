package logic

import (
	"testing"
	"time"
)

// runTree evaluates a tree through a Frame, the way generated code does (see the emitter).
func runTree(x *Frame, n *Node) Value {
	lazy := func(k *Node) func() Value { return func() Value { return runTree(x, k) } }
	switch n.Kind {
	case "number":
		return Number(n.Text)
	case "bool":
		return Bool(n.Bool)
	case "text":
		return x.Text(n.Text)
	case "ref":
		return x.Field(n.Ref)
	case "blank":
		return x.IsBlank(n.Ref, n.Negate)
	case "not":
		return x.Not(runTree(x, n.Kids[0]))
	case "neg":
		return x.Neg(runTree(x, n.Kids[0]))
	case "compare":
		return x.Compare(n.Text, runTree(x, n.Kids[0]), runTree(x, n.Kids[1]))
	case "arith":
		return x.Arith(n.Text, runTree(x, n.Kids[0]), runTree(x, n.Kids[1]))
	case "and":
		return x.And(runTree(x, n.Kids[0]), lazy(n.Kids[1]))
	case "or":
		return x.Or(runTree(x, n.Kids[0]), lazy(n.Kids[1]))
	}
	if n.Text == "if" && len(n.Kids) == 3 {
		return x.If(runTree(x, n.Kids[0]), lazy(n.Kids[1]), lazy(n.Kids[2]))
	}
	args := make([]Arg, len(n.Kids))
	for i, k := range n.Kids {
		if k.Kind == "ref" {
			args[i] = x.RefArg(k.Ref)
		} else {
			args[i] = x.Arg(runTree(x, k))
		}
	}
	return x.Call(n.Text, args...)
}

// sameAsEval reports whether running src's tree through a Frame gives Eval's value and error.
func sameAsEval(t *testing.T, src string, now time.Time) {
	t.Helper()
	e, err := Parse(src)
	if err != nil {
		return
	}
	ctx := Context{Record: "1", Now: now}
	want, wantErr := e.Eval(testSchema, testRecord, ctx)
	got, gotErr := Run(func(x *Frame) Value { return runTree(x, e.Tree()) }, testSchema, testRecord, ctx)
	if (wantErr == nil) != (gotErr == nil) || Calc(want, wantErr) != Calc(got, gotErr) ||
		CalcText(want, wantErr) != CalcText(got, gotErr) || Selects(want, wantErr) != Selects(got, gotErr) {
		t.Errorf("%s: compiled %#v, %v; Eval %#v, %v", src, got, gotErr, want, wantErr)
	}
}

// TestFrameMatchesEval: compiled evaluation (Tree through a Frame) gives Eval's answers.
func TestFrameMatchesEval(t *testing.T) {
	now := time.Date(2024, 12, 2, 10, 0, 0, 0, time.UTC)
	for _, src := range []string{
		"[a] + [b] * 2", "([a])^2 + 1", "round(([a])^2, 1)", "[blank] + 1", "[txt] + 1", "[a] / [z]",
		"if([blank] = '', 1, 2)", "if([mc] = 'UNK', 1, 0)", "if(isblankormissingcode([mc]), 1, 0)",
		"round(1.005, 2)", "mean([a], [b], [blank])", `datediff([dmy], '15-07-2024', "d")`,
		`datediff([d1], 'today', "d")`, "year('today')", "([a] > 5) + 1", "concat([txt], '-', [blank])",
		"[a] > 5 and ([b] = 3 or [cb(2)] = '1')", "[blank] <> 0", "[yn] = true", "!([yn] = '1')",
		"[record-name] = '1'", "[user-name] = ''", "[other_arm_1][a] = 7", "-1 * [a]", "2.0 * 3",
		"calcdate([t1], 90, 'm')", "mid([txt], 2, 3)", "sum(1, [a], [cb(a_b)])", "if([a] > 1, [b] / 0, 1)",
	} {
		sameAsEval(t, src, now)
	}
}
