package emit

import (
	"strconv"

	"github.com/dave/jennifer/jen"

	"github.com/redcapgen/redcapgen/runtime/logic"
)

// compiledLogic is the project's logic that compiles to Go: every distinct branching expression
// and computed field's expression that REDCap's parser accepts and that names only what the
// project has, in dictionary order.
type compiledLogic struct {
	exprs []compiledExpr
	refs  []*logic.Ref // every reference, in order of first use
}

type compiledExpr struct {
	src  string
	tree *logic.Node
}

// logicKey is one expression as checked for one use.
type logicKey struct {
	src string
	use logic.Use
}

// logicProblems returns what logic.Check reports for an expression, checked once per distinct
// text (real dictionaries repeat their logic over many fields) before files are emitted.
func (pl *plan) logicProblems(src string, use logic.Use) []logic.Problem {
	return pl.checked[logicKey{src, use}]
}

// planLogic collects the expressions to compile.
func (pl *plan) planLogic() *compiledLogic {
	pl.checked = map[logicKey][]logic.Problem{}
	if !pl.hasLogic() {
		return nil
	}
	schema := pl.logicSchema()
	out := &compiledLogic{}
	seen := map[string]bool{}
	add := func(src string, use logic.Use) {
		if src == "" {
			return
		}
		if _, done := pl.checked[logicKey{src, use}]; done {
			return
		}
		e, probs := logic.Check(src, schema, use)
		pl.checked[logicKey{src, use}] = probs
		if e == nil || len(probs) > 0 || seen[src] {
			return // REDCap cannot evaluate it: the runtime shows the field / leaves the value blank
		}
		seen[src] = true
		out.exprs = append(out.exprs, compiledExpr{src: src, tree: e.Tree()})
	}
	for _, f := range pl.p.Fields() {
		add(f.Branching, logic.UseBranching)
		if kind, src := logic.ComputedExpression(string(f.Type), f.ChoicesRaw, f.Annotation); kind != logic.NotComputed {
			add(src, logic.UseCalc)
		}
	}
	if len(out.exprs) == 0 {
		return nil
	}
	return out
}

// emitLogicFile emits redcap_logic_gen.go:
//
//	// logicRefs are the field references of the compiled logic.
//	var logicRefs = [...]redcapimpl.LogicRef{{Field: "smoker"}, ...}
//
//	// compiledLogic is the project's logic compiled to Go, by expression text.
//	var compiledLogic = redcapimpl.CompiledLogic{"[smoker] = '1'": logic0, ...}
//
//	// logic0 is [smoker] = '1'.
//	func logic0(x *redcapimpl.LogicFrame) redcapimpl.LogicValue { return x.Compare("=", x.Field(&logicRefs[0]), x.Text("1")) }
func (pl *plan) emitLogicFile(f *jen.File) {
	cl := pl.logic
	var funcs []jen.Code
	table := jen.Dict{}
	for i, e := range cl.exprs {
		name := "logic" + strconv.Itoa(i)
		table[jen.Lit(e.src)] = jen.Id(name)
		funcs = append(funcs, comment(name+" is "+e.src+".").Line().
			Func().Id(name).Params(jen.Id("x").Op("*").Qual(implPath, "LogicFrame")).Qual(implPath, "LogicValue").
			Block(jen.Return(cl.code(e.tree))))
	}
	refs := make([]jen.Code, len(cl.refs))
	for i, r := range cl.refs {
		refs[i] = jen.Line().Add(refLiteral(r))
	}
	f.Add(comment("logicRefs are the field references of the compiled logic.")).Line().
		Var().Id("logicRefs").Op("=").Index(jen.Op("...")).Qual(implPath, "LogicRef").Values(append(refs, jen.Line())...)
	f.Line()
	f.Add(comment("compiledLogic is the project's branching logic and calculations compiled to Go, by\nexpression text; the runtime evaluates them with REDCap's semantics.")).Line().
		Var().Id("compiledLogic").Op("=").Qual(implPath, "CompiledLogic").Values(table)
	for _, fn := range funcs {
		f.Line()
		f.Add(fn)
	}
}

// refLiteral renders a reference: {Event: "...", Field: "...", Code: "...", Instance: "..."}.
func refLiteral(r *logic.Ref) jen.Code {
	var kv []jen.Code
	add := func(k, v string) {
		if v != "" {
			kv = append(kv, jen.Id(k).Op(":").Lit(v))
		}
	}
	add("Event", r.Event)
	add("Field", r.Field)
	add("Code", r.Code)
	add("Instance", r.Instance)
	if r.Smart {
		kv = append(kv, jen.Id("Smart").Op(":").True())
	}
	if r.Label {
		kv = append(kv, jen.Id("Label").Op(":").True())
	}
	return jen.Values(kv...)
}

// ref returns the index of a reference in logicRefs, adding it.
func (cl *compiledLogic) ref(r *logic.Ref) jen.Code {
	for i, have := range cl.refs {
		if *have == (logic.Ref{Event: r.Event, Field: r.Field, Code: r.Code, Instance: r.Instance, Smart: r.Smart, Label: r.Label, Pos: have.Pos}) {
			return jen.Op("&").Id("logicRefs").Index(jen.Lit(i))
		}
	}
	cl.refs = append(cl.refs, r)
	return jen.Op("&").Id("logicRefs").Index(jen.Lit(len(cl.refs) - 1))
}

// code renders one node as calls on x.
func (cl *compiledLogic) code(n *logic.Node) jen.Code {
	x := func() *jen.Statement { return jen.Id("x") }
	lazy := func(k *logic.Node) jen.Code {
		return jen.Func().Params().Qual(implPath, "LogicValue").Block(jen.Return(cl.code(k)))
	}
	switch n.Kind {
	case "number":
		return jen.Qual(implPath, "LogicNumber").Call(jen.Lit(n.Text))
	case "bool":
		return jen.Qual(implPath, "LogicBool").Call(jen.Lit(n.Bool))
	case "text":
		return x().Dot("Text").Call(jen.Lit(n.Text))
	case "ref":
		return x().Dot("Field").Call(cl.ref(n.Ref))
	case "blank":
		return x().Dot("IsBlank").Call(cl.ref(n.Ref), jen.Lit(n.Negate))
	case "not":
		return x().Dot("Not").Call(cl.code(n.Kids[0]))
	case "neg":
		return x().Dot("Neg").Call(cl.code(n.Kids[0]))
	case "compare":
		return x().Dot("Compare").Call(jen.Lit(n.Text), cl.code(n.Kids[0]), cl.code(n.Kids[1]))
	case "arith":
		return x().Dot("Arith").Call(jen.Lit(n.Text), cl.code(n.Kids[0]), cl.code(n.Kids[1]))
	case "and":
		return x().Dot("And").Call(cl.code(n.Kids[0]), lazy(n.Kids[1]))
	case "or":
		return x().Dot("Or").Call(cl.code(n.Kids[0]), lazy(n.Kids[1]))
	}
	if n.Text == "if" && len(n.Kids) == 3 {
		return x().Dot("If").Call(cl.code(n.Kids[0]), lazy(n.Kids[1]), lazy(n.Kids[2]))
	}
	args := []jen.Code{jen.Lit(n.Text)}
	for _, k := range n.Kids {
		if k.Kind == "ref" {
			args = append(args, x().Dot("RefArg").Call(cl.ref(k.Ref)))
		} else {
			args = append(args, x().Dot("Arg").Call(cl.code(k)))
		}
	}
	return x().Dot("Call").Call(args...)
}
