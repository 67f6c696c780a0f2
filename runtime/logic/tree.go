package logic

import (
	"math"
	"strconv"
)

// Node is a read-only view of a parsed expression, for code generators: it says what each part
// is and in which order Frame's methods evaluate it.
type Node struct {
	// Kind is "number", "text", "bool", "ref" (Frame.Field), "blank" (Frame.IsBlank), "not", "neg",
	// "compare", "arith", "and", "or" or "call".
	Kind   string
	Text   string // number literal as written, string literal, operator, function name
	Bool   bool   // bool literal
	Ref    *Ref   // ref and blank
	Negate bool   // blank: <> '' rather than = ''
	Kids   []*Node
}

// Tree returns the expression's tree.
func (e *Expr) Tree() *Node { return tree(e.root) }

func tree(n *node) *Node {
	out := &Node{}
	for _, k := range n.kids {
		out.Kids = append(out.Kids, tree(k))
	}
	switch n.kind {
	case nodeLiteral, nodeValue:
		switch n.lit.kind {
		case KindInt:
			out.Kind, out.Text = "number", strconv.FormatInt(n.lit.i, 10)
		case KindFloat:
			out.Kind, out.Text = "number", floatLiteral(n.lit.f)
		case KindBool:
			out.Kind, out.Bool = "bool", n.lit.b
		default:
			out.Kind, out.Text = "text", n.lit.s
		}
	case nodeRef:
		out.Kind, out.Ref = "ref", n.ref
	case nodeBlankTest:
		out.Kind, out.Ref, out.Negate, out.Kids = "blank", n.kids[0].ref, n.negate, nil
	case nodeNot:
		out.Kind = "not"
	case nodeNegate:
		out.Kind = "neg"
	case nodeCompare:
		out.Kind, out.Text = "compare", compareText[n.cmp]
	case nodeArith:
		out.Kind, out.Text = "arith", arithText[n.arith]
	case nodeAnd:
		out.Kind = "and"
	case nodeOr:
		out.Kind = "or"
	case nodeCall:
		out.Kind, out.Text = "call", n.name
	}
	return out
}

var (
	compareText = map[compareOp]string{opEq: "=", opNe: "<>", opLt: "<", opLe: "<=", opGt: ">", opGe: ">="}
	arithText   = map[arithOp]string{opAdd: "+", opSub: "-", opMul: "*", opDiv: "/"}
)

// floatLiteral writes a float literal so that Number reads the same float back: with a
// fraction (2.0 * 3 is not 2 * 3 in PHP), and a literal too large for a float as one.
func floatLiteral(f float64) string {
	switch {
	case math.IsInf(f, 1):
		return "1e999"
	case math.IsInf(f, -1):
		return "-1e999"
	}
	text := strconv.FormatFloat(f, 'f', -1, 64)
	if !containsByte(text, '.') {
		text += ".0"
	}
	return text
}

func containsByte(s string, c byte) bool {
	for i := 0; i < len(s); i++ {
		if s[i] == c {
			return true
		}
	}
	return false
}
