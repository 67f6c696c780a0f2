package redcap

import "github.com/redcapgen/redcapgen/runtime/logic"

// evaluable is an expression the runtime evaluates: parsed (logic.Expr) or compiled.
type evaluable interface {
	Eval(s *logic.Schema, env logic.Env, ctx logic.Context) (logic.Value, error)
}

// compiledExpr is a compiled expression of a generated package.
type compiledExpr func(*logic.Frame) logic.Value

// Eval implements evaluable.
func (c compiledExpr) Eval(s *logic.Schema, env logic.Env, ctx logic.Context) (logic.Value, error) {
	return logic.Run(c, s, env, ctx)
}
