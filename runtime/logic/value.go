package logic

import (
	"math"
	"strconv"
	"time"
)

// Kind is the PHP type of a Value.
type Kind uint8

// The PHP types logic produces.
const (
	KindNull   Kind = iota // no value (a reference to nothing)
	KindBool               // a comparison's result, true, false
	KindInt                // an integer number
	KindFloat              // a floating-point number; NaN stands for a blank numeric field
	KindString             // text, as stored or written in quotes
)

// Value is one PHP value: what a reference, a literal, an operator or a function yields.
type Value struct {
	kind Kind
	b    bool
	i    int64
	f    float64
	s    string
	// missing marks a stored missing-data code: REDCap's evaluator sees it as a value that is
	// neither blank nor equal to any literal, the code included.
	missing bool
	// timed marks the result of calcdate(): the text of when, written only when needed.
	timed bool
	when  time.Time
}

// calcDateLayout is how calcdate() writes its result; CalcDate cuts it to the field's validation.
const calcDateLayout = "2006-01-02 15:04:05"

// str returns a string value's text.
func (v Value) str() string {
	if v.timed {
		return v.when.Format(calcDateLayout)
	}
	return v.s
}

// Null is the null value.
var Null = Value{}

// Bool returns a boolean value.
func Bool(b bool) Value { return Value{kind: KindBool, b: b} }

// Int returns an integer value.
func Int(i int64) Value { return Value{kind: KindInt, i: i} }

// Float returns a floating-point value.
func Float(f float64) Value { return Value{kind: KindFloat, f: f} }

// String returns a text value.
func String(s string) Value { return Value{kind: KindString, s: s} }

// blankNumber is what a blank numeric field reads as: NaN.
func blankNumber() Value { return Float(math.NaN()) }

// missingCode is the value of a stored missing-data code.
func missingCode(code string) Value { return Value{kind: KindString, s: code, missing: true} }

// Kind returns the value's PHP type.
func (v Value) Kind() Kind { return v.kind }

// IsNaN reports whether the value is the float NaN (a blank numeric field or an undefined result).
func (v Value) IsNaN() bool { return v.kind == KindFloat && math.IsNaN(v.f) }

// Text returns the value as PHP's string conversion writes it: numbers with at most 14
// significant digits, true as "1", false and null as "", NaN as "NAN".
func (v Value) Text() string {
	switch v.kind {
	case KindBool:
		if v.b {
			return "1"
		}
		return ""
	case KindInt:
		return strconv.FormatInt(v.i, 10)
	case KindFloat:
		return formatFloat(v.f)
	case KindString:
		return v.str()
	}
	return ""
}

// Truthy is PHP's conversion to bool: false for false, null, 0, 0.0, "" and "0"; NaN is true.
func (v Value) Truthy() bool {
	switch v.kind {
	case KindBool:
		return v.b
	case KindInt:
		return v.i != 0
	case KindFloat:
		return v.f != 0 || math.IsNaN(v.f)
	case KindString:
		return v.timed || v.s != "" && v.s != "0"
	}
	return false
}

// isFalse reports whether the value is the boolean false (what a filter excludes a row on).
func (v Value) isFalse() bool { return v.kind == KindBool && !v.b }

// isNumber reports whether the value is an int or a float.
func (v Value) isNumber() bool { return v.kind == KindInt || v.kind == KindFloat }

// float returns a number's value as a float64.
func (v Value) float() float64 {
	if v.kind == KindInt {
		return float64(v.i)
	}
	return v.f
}
