package logic

import (
	"math"
	"math/big"
	"strings"
)

// rewritePowers turns every (base)^exponent into pow((base),exponent) the way REDCap does before
// evaluating: the base is the parenthesised group just before ^, the exponent runs from ^ to the
// end of the first balanced parenthesised group after it, or to the end of the expression when
// none follows. So ([x])^2 is a square, ([x])^(1/3) a cube root, and ([x])^2 + 1 the power 3,
// as in REDCap; a base without parentheses cannot be rewritten (ok is false).
func rewritePowers(s string) (string, bool) {
	for caret := strings.IndexByte(s, '^'); caret >= 0; caret = strings.IndexByte(s, '^') {
		open, ok := groupBefore(s, caret)
		if !ok {
			return s, false
		}
		s = s[:open] + "pow(" + s[open:]
		caret += len("pow(")
		end := groupAfter(s, caret)
		rest := ""
		if end+1 < len(s) {
			rest = s[end+1:]
		}
		s = s[:caret] + "," + s[caret+1:min(end+1, len(s))] + ")" + rest
	}
	return s, true
}

// groupBefore returns where the parenthesised group that ends before pos opens.
func groupBefore(s string, pos int) (int, bool) {
	left, right := 0, 0
	for i := pos - 1; i >= 0; i-- {
		switch s[i] {
		case '(':
			left++
		case ')':
			right++
		}
		if left > 0 && left == right {
			return i, true
		}
	}
	return 0, false
}

// groupAfter returns where the first balanced parenthesised group after pos closes, or len(s)
// when none does.
func groupAfter(s string, pos int) int {
	left, right := 0, 0
	for i := pos + 1; i < len(s); i++ {
		switch s[i] {
		case '(':
			left++
		case ')':
			right++
		}
		if left > 0 && left == right {
			return i
		}
	}
	return len(s)
}

// evalPow is pow(base, exponent), what REDCap makes of (base)^(exponent), with PHP's rules:
// integer powers of integers stay exact while they fit, and overflow as PHP's does.
func evalPow(ev *evaluator, n *node) (Value, error) {
	a, err := ev.args(n)
	if err != nil {
		return Value{}, err
	}
	x, ok := toNumber(a[0])
	if !ok {
		return Value{}, errNotNumber
	}
	y, ok := toNumber(a[1])
	if !ok {
		return Value{}, errNotNumber
	}
	if x.kind == KindInt && y.kind == KindInt && y.i >= 0 {
		return intPower(x.i, y.i), nil
	}
	return Float(power(x.float(), y.float())), nil
}

// intPower is PHP's pow() of two integers: square-and-multiply in integers, switching to floats
// at the first overflow exactly where PHP does (so its rounding is PHP's).
func intPower(base, exp int64) Value {
	if exp == 0 {
		return Int(1)
	}
	if base == 0 {
		return Int(0)
	}
	l1, l2, i := int64(1), base, exp
	for i >= 1 {
		if i%2 != 0 {
			i--
			p, ok := mulInt(l1, l2)
			if !ok {
				return Float(float64(l1) * float64(l2) * roundedPow(float64(l2), float64(i)))
			}
			l1 = p
		} else {
			i /= 2
			p, ok := mulInt(l2, l2)
			if !ok {
				return Float(float64(l1) * roundedPow(float64(l2)*float64(l2), float64(i)))
			}
			l2 = p
		}
	}
	return Int(l1)
}

// mulInt multiplies two integers; ok is false on overflow.
func mulInt(a, b int64) (int64, bool) {
	if a == 0 || b == 0 {
		return 0, true
	}
	p := a * b
	if p/b != a || (a == -1 && b == math.MinInt64) || (b == -1 && a == math.MinInt64) {
		return 0, false
	}
	return p, true
}

// roundedPow is x to the power y rounded correctly, as the C library PHP calls computes it; Go's
// math.Pow can be one unit in the last place off for integer exponents.
func roundedPow(x, y float64) float64 {
	if y != math.Trunc(y) || math.Abs(y) > 4096 || math.IsInf(x, 0) || math.IsNaN(x) || x == 0 {
		return math.Pow(x, y)
	}
	const prec = 512
	r := new(big.Float).SetPrec(prec).SetInt64(1)
	b := new(big.Float).SetPrec(prec).SetFloat64(x)
	for n := int64(math.Abs(y)); n > 0; n >>= 1 {
		if n&1 == 1 {
			r.Mul(r, b)
		}
		b.Mul(b, b)
	}
	if y < 0 {
		r.Quo(new(big.Float).SetPrec(prec).SetInt64(1), r)
	}
	f, _ := r.Float64()
	return f
}
