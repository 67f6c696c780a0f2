package logic

import (
	"math"
	"strings"
)

// compareOp is a comparison operator after REDCap's rewriting: = is PHP's ==, <> and != are !=.
type compareOp uint8

const (
	opEq compareOp = iota
	opNe
	opLt
	opLe
	opGt
	opGe
)

// compare applies a comparison with PHP 8's loose rules: numbers and numeric strings compare as
// numbers; a number and a non-numeric string compare as text; booleans and null compare as
// booleans (null against text as ""); NaN is unequal and unordered with everything. A stored
// missing-data code equals nothing but itself.
func compare(op compareOp, a, b Value) bool {
	if a.missing || b.missing {
		eq := a.missing && b.missing && a.str() == b.str()
		if op == opEq {
			return eq
		}
		return op == opNe && !eq
	}
	c, ordered := threeWay(a, b)
	if !ordered {
		return op == opNe
	}
	switch op {
	case opEq:
		return c == 0
	case opNe:
		return c != 0
	case opLt:
		return c < 0
	case opLe:
		return c <= 0
	case opGt:
		return c > 0
	}
	return c >= 0
}

// threeWay orders a and b as PHP 8 does; ordered is false when NaN takes part.
func threeWay(a, b Value) (int, bool) {
	switch {
	case a.kind == KindNull && b.kind == KindString:
		return strings.Compare("", b.str()), true
	case a.kind == KindString && b.kind == KindNull:
		return strings.Compare(a.str(), ""), true
	case a.kind == KindBool || b.kind == KindBool || a.kind == KindNull || b.kind == KindNull:
		return boolOrder(a.Truthy(), b.Truthy()), true
	case a.kind == KindString && b.kind == KindString:
		x, okA := numericString(a.str())
		y, okB := numericString(b.str())
		if okA && okB {
			return numberOrder(x, y)
		}
		return strings.Compare(a.str(), b.str()), true
	case a.kind == KindString:
		if x, ok := numericString(a.str()); ok {
			return numberOrder(x, b)
		}
		if b.IsNaN() {
			return 0, false
		}
		return strings.Compare(a.str(), b.Text()), true
	case b.kind == KindString:
		if y, ok := numericString(b.str()); ok {
			return numberOrder(a, y)
		}
		if a.IsNaN() {
			return 0, false
		}
		return strings.Compare(a.Text(), b.str()), true
	}
	return numberOrder(a, b)
}

// numberOrder orders two numbers; integers compare exactly.
func numberOrder(a, b Value) (int, bool) {
	if a.kind == KindInt && b.kind == KindInt {
		switch {
		case a.i < b.i:
			return -1, true
		case a.i > b.i:
			return 1, true
		}
		return 0, true
	}
	x, y := a.float(), b.float()
	if math.IsNaN(x) || math.IsNaN(y) {
		return 0, false
	}
	switch {
	case x < y:
		return -1, true
	case x > y:
		return 1, true
	}
	return 0, true
}

func boolOrder(a, b bool) int {
	switch {
	case a == b:
		return 0
	case b:
		return -1
	}
	return 1
}
