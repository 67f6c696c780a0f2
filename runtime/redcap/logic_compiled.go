package redcap

import "github.com/redcapgen/redcapgen/runtime/logic"

// Names generated code uses for compiled logic (it imports only this package).
type (
	// LogicFrame evaluates compiled logic (logic.Frame).
	LogicFrame = logic.Frame
	// LogicValue is a value of REDCap's logic (logic.Value).
	LogicValue = logic.Value
	// LogicRef is a field reference of compiled logic (logic.Ref).
	LogicRef = logic.Ref
	// LogicArg is an argument of a compiled function call (logic.Arg).
	LogicArg = logic.Arg
)

// CompiledLogic maps the text of each branching expression and calculation of a generated
// package to its compiled Go function.
type CompiledLogic map[string]func(*LogicFrame) LogicValue

// LogicNumber is a number literal of compiled logic, as written.
func LogicNumber(text string) LogicValue { return logic.Number(text) }

// LogicBool is true or false in compiled logic.
func LogicBool(b bool) LogicValue { return logic.Bool(b) }

// evaluable is an expression the runtime evaluates: parsed (logic.Expr) or compiled.
type evaluable interface {
	Eval(s *logic.Schema, env logic.Env, ctx logic.Context) (logic.Value, error)
}

// compiledExpr is a compiled expression of a generated package.
type compiledExpr func(*LogicFrame) LogicValue

// Eval implements evaluable.
func (c compiledExpr) Eval(s *logic.Schema, env logic.Env, ctx logic.Context) (logic.Value, error) {
	return logic.Run(c, s, env, ctx)
}
