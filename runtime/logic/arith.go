package logic

import (
	"errors"
	"math"
)

// errNotNumber is PHP's TypeError for text in arithmetic; errDivZero its DivisionByZeroError.
// REDCap catches both: a calc is then blank and a filter does not select the row.
var (
	errNotNumber = errors.New("text where a number is needed")
	errDivZero   = errors.New("division by zero")
)

// arithOp is an arithmetic operator.
type arithOp uint8

const (
	opAdd arithOp = iota
	opSub
	opMul
	opDiv
)

// arith applies an arithmetic operator with PHP 8's rules: integer results stay integers while
// they fit, division by zero fails, text that does not start with a number fails.
func arith(op arithOp, a, b Value) (Value, error) {
	x, ok := toNumber(a)
	if !ok {
		return Value{}, errNotNumber
	}
	y, ok := toNumber(b)
	if !ok {
		return Value{}, errNotNumber
	}
	if x.kind == KindInt && y.kind == KindInt {
		if v, ok := intArith(op, x.i, y.i); ok {
			return v, nil
		}
	}
	p, q := x.float(), y.float()
	switch op {
	case opAdd:
		return Float(p + q), nil
	case opSub:
		return Float(p - q), nil
	case opMul:
		return Float(p * q), nil
	}
	if q == 0 {
		return Value{}, errDivZero
	}
	return Float(p / q), nil
}

// intArith computes an integer result when PHP would keep one; ok is false when the result
// overflows or is not an integer (PHP then computes in floats).
func intArith(op arithOp, a, b int64) (Value, bool) {
	switch op {
	case opAdd:
		s := a + b
		if (s > a) == (b > 0) {
			return Int(s), true
		}
	case opSub:
		s := a - b
		if (s < a) == (b > 0) {
			return Int(s), true
		}
	case opMul:
		if a == 0 || b == 0 {
			return Int(0), true
		}
		p := a * b
		if p/b == a && !(a == -1 && b == math.MinInt64) && !(b == -1 && a == math.MinInt64) {
			return Int(p), true
		}
	case opDiv:
		if b != 0 && a%b == 0 && !(a == math.MinInt64 && b == -1) {
			return Int(a / b), true
		}
	}
	return Value{}, false
}

// power is REDCap's (base)^(exponent): the real odd root of a negative base when the exponent's
// reciprocal is an odd integer ((-8)^(1/3) is -2), NaN for other fractional powers of negatives.
func power(x, y float64) float64 {
	if x < 0 && y != math.Trunc(y) {
		inv := 1 / y
		if r := math.Round(inv); math.Abs(inv-r) < 1e-9 && math.Mod(r, 2) != 0 {
			return -math.Pow(-x, y)
		}
	}
	return roundedPow(x, y)
}
