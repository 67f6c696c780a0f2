package logic

import (
	"fmt"
	"time"
)

// Frame evaluates compiled logic: generated code turns each expression into Go that calls a
// Frame's methods, one per operation, with REDCap's semantics (the same as Eval's). The first
// failure sticks: later operations return the zero Value, and Run reports it.
type Frame struct {
	ev    evaluator
	nodes []node // call arguments, reused
	kids  []*node
	call  node // the call being made (calls do not nest: their arguments are computed before)
}

// Arg is one argument of a compiled function call: a value, or a field reference (functions such
// as datediff and isblankormissingcode read a reference differently from its value).
type Arg struct {
	v   Value
	ref *Ref
}

// Run evaluates a compiled expression on one row of a record, like Expr.Eval.
func Run(fn func(*Frame) Value, s *Schema, env Env, ctx Context) (Value, error) {
	if ctx.Now.IsZero() {
		ctx.Now = time.Now()
	}
	x := frames.Get().(*Frame)
	stack, floats := x.ev.stack[:0], x.ev.floats[:0]
	x.ev = evaluator{schema: s, env: env, ctx: ctx, stack: stack, floats: floats}
	v := fn(x)
	err := x.ev.err
	if err != nil {
		v = Value{}
	}
	stack, floats = x.ev.stack[:0], x.ev.floats[:0]
	clear(stack[:cap(stack)])
	x.ev = evaluator{stack: stack, floats: floats}
	frames.Put(x)
	return v, err
}

// fail records the first failure.
func (x *Frame) fail(err error) {
	if x.ev.err == nil {
		x.ev.err = err
	}
}

// failed reports whether an operation already failed.
func (x *Frame) failed() bool { return x.ev.err != nil }

// Number is a number literal as written ("2", "0.5").
func Number(text string) Value { return parseNumber(text) }

// Text is a quoted literal; 'today' and 'now' are the clock's date and time.
func (x *Frame) Text(s string) Value { return x.ev.literal(String(s)) }

// Field is a reference's value: [field], [event][field], [field(code)], [field][instance].
func (x *Frame) Field(r *Ref) Value {
	if x.failed() {
		return Value{}
	}
	return x.ev.ref(r)
}

// IsBlank is [field] = ” (negate: [field] <> ”): a test of the stored text.
func (x *Frame) IsBlank(r *Ref, negate bool) Value {
	if x.failed() {
		return Value{}
	}
	return Bool(x.ev.isBlank(r) != negate)
}

// Not is !a.
func (x *Frame) Not(a Value) Value { return Bool(!a.Truthy()) }

// Neg is -a.
func (x *Frame) Neg(a Value) Value { return x.Arith("*", Int(-1), a) }

// Compare is a = b, a <> b, a < b, a <= b, a > b or a >= b.
func (x *Frame) Compare(op string, a, b Value) Value {
	if x.failed() {
		return Value{}
	}
	c, ok := comparisonOps[op]
	if !ok {
		x.fail(fmt.Errorf("unknown comparison %q", op))
		return Value{}
	}
	return Bool(compare(c, a, b))
}

// Arith is a + b, a - b, a * b or a / b.
func (x *Frame) Arith(op string, a, b Value) Value {
	if x.failed() {
		return Value{}
	}
	var o arithOp
	switch op {
	case "+":
		o = opAdd
	case "-":
		o = opSub
	case "*":
		o = opMul
	case "/":
		o = opDiv
	default:
		x.fail(fmt.Errorf("unknown operator %q", op))
		return Value{}
	}
	v, err := arith(o, a, b)
	if err != nil {
		x.fail(err)
	}
	return v
}

// And is a and b: b is evaluated only when a holds.
func (x *Frame) And(a Value, b func() Value) Value {
	if x.failed() || !a.Truthy() {
		return Bool(false)
	}
	return Bool(b().Truthy())
}

// Or is a or b: b is evaluated only when a does not hold.
func (x *Frame) Or(a Value, b func() Value) Value {
	if x.failed() || a.Truthy() {
		return Bool(a.Truthy())
	}
	return Bool(b().Truthy())
}

// If is if(c, a, b): only the chosen branch is evaluated.
func (x *Frame) If(c Value, a, b func() Value) Value {
	if x.failed() {
		return Value{}
	}
	if c.Truthy() {
		return a()
	}
	return b()
}

// Arg passes a value to Call.
func (x *Frame) Arg(v Value) Arg { return Arg{v: v} }

// RefArg passes a field reference to Call.
func (x *Frame) RefArg(r *Ref) Arg { return Arg{ref: r} }

// Call is a function call other than if().
func (x *Frame) Call(name string, args ...Arg) Value {
	if x.failed() {
		return Value{}
	}
	base := len(x.nodes)
	for _, a := range args {
		if a.ref != nil {
			x.nodes = append(x.nodes, node{kind: nodeRef, ref: a.ref})
		} else {
			x.nodes = append(x.nodes, node{kind: nodeValue, lit: a.v})
		}
	}
	kidBase := len(x.kids)
	for i := base; i < len(x.nodes); i++ {
		x.kids = append(x.kids, &x.nodes[i])
	}
	x.call = node{kind: nodeCall, name: name, kids: x.kids[kidBase:len(x.kids):len(x.kids)]}
	v, err := x.ev.call(&x.call)
	x.call = node{}
	x.nodes, x.kids = x.nodes[:base], x.kids[:kidBase]
	if err != nil {
		x.fail(err)
		return Value{}
	}
	return v
}

var frames = syncPool(func() any { return new(Frame) })
