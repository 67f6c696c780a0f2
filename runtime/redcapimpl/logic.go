package redcapimpl

import "github.com/redcapgen/redcapgen/runtime/logic"

// The names compiled logic is written in.
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
// package to its compiled Go function; it is the type of redcap.Schema's Compiled field.
type CompiledLogic = map[string]func(*LogicFrame) LogicValue

// LogicNumber is a number literal of compiled logic, as written.
func LogicNumber(text string) LogicValue { return logic.Number(text) }

// LogicBool is true or false in compiled logic.
func LogicBool(b bool) LogicValue { return logic.Bool(b) }
