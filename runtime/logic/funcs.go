package logic

import (
	"fmt"
	"math"
	"sort"
)

// function is one of REDCap's logic functions: how many arguments it takes and how it computes.
type function struct {
	min, max int // argument counts; max -1: any number
	eval     func(ev *evaluator, n *node) (Value, error)
}

// functions are the functions REDCap's logic parser accepts, by name.
var functions map[string]function

func init() {
	functions = map[string]function{
		"if":                   {3, 3, evalIf},
		"round":                {1, 2, numeric2(roundHalfAway)},
		"roundup":              {1, 2, numeric2(roundUp)},
		"rounddown":            {1, 2, numeric2(roundDown)},
		"sqrt":                 {1, 1, numeric1(math.Sqrt)},
		"abs":                  {1, 1, numeric1(math.Abs)},
		"exponential":          {1, 1, numeric1(math.Exp)},
		"log":                  {1, 2, evalLog},
		"min":                  {1, -1, aggregate(aggMin)},
		"max":                  {1, -1, aggregate(aggMax)},
		"mean":                 {1, -1, aggregate(aggMean)},
		"median":               {1, -1, aggregate(aggMedian)},
		"sum":                  {1, -1, aggregate(aggSum)},
		"stdev":                {1, -1, aggregate(aggStdev)},
		"mod":                  {2, 2, evalMod},
		"isnumber":             {1, 1, evalIsNumber},
		"isinteger":            {1, 1, evalIsInteger},
		"isblankormissingcode": {1, 1, evalIsBlank},
		"datediff":             {2, 5, evalDatediff},
		"year":                 {1, 1, datePart(0, 4)},
		"month":                {1, 1, datePart(5, 7)},
		"day":                  {1, 1, datePart(8, 10)},
		"contains":             {2, 2, textTest(hasSubstring)},
		"not_contain":          {2, 2, textTest(lacksSubstring)},
		"starts_with":          {2, 2, textTest(hasPrefix)},
		"ends_with":            {2, 2, textTest(hasSuffix)},
		"length":               {1, 1, evalLength},
		"find":                 {2, 2, evalFind},
		"left":                 {2, 2, evalLeft},
		"right":                {2, 2, evalRight},
		"mid":                  {3, 3, evalMid},
		"concat":               {0, -1, evalConcat},
		"concat_ws":            {1, -1, evalConcatWS},
		"upper":                {1, 1, textMap(upper)},
		"lower":                {1, 1, textMap(lower)},
		"trim":                 {1, 1, textMap(trim)},
		"replace_text":         {3, 3, evalReplace},
		"calcdate":             {3, 3, evalCalcDate},
		"pow":                  {2, 2, evalPow},
	}
}

// errUnknownFunction is a function REDCap's parser does not have.
type errUnknownFunction string

func (e errUnknownFunction) Error() string {
	return fmt.Sprintf("REDCap has no function %s()", string(e))
}

func (ev *evaluator) call(n *node) (Value, error) {
	f, ok := functions[n.name]
	if !ok {
		return Value{}, errUnknownFunction(n.name)
	}
	if len(n.kids) < f.min || f.max >= 0 && len(n.kids) > f.max {
		return Value{}, fmt.Errorf("%s() takes %s", n.name, argCount(f))
	}
	values, floats := len(ev.stack), len(ev.floats)
	v, err := f.eval(ev, n)
	ev.stack, ev.floats = ev.stack[:values], ev.floats[:floats]
	return v, err
}

// argCount describes how many arguments a function takes.
func argCount(f function) string {
	switch {
	case f.max < 0:
		return fmt.Sprintf("at least %d arguments", f.min)
	case f.min == f.max:
		return fmt.Sprintf("%d arguments", f.min)
	}
	return fmt.Sprintf("%d to %d arguments", f.min, f.max)
}

// args evaluates a call's arguments in order.
// The slice lives on the evaluator's stack until the call returns (see call), so that evaluating
// allocates nothing for it.
func (ev *evaluator) args(n *node) ([]Value, error) {
	start := len(ev.stack)
	for _, k := range n.kids {
		v, err := ev.eval(k)
		if err != nil {
			return nil, err
		}
		ev.stack = append(ev.stack, v)
	}
	end := len(ev.stack)
	return ev.stack[start:end:end], nil
}

// evalIf is if(condition, then, else): PHP's ternary, only the chosen branch evaluated.
func evalIf(ev *evaluator, n *node) (Value, error) {
	c, err := ev.eval(n.kids[0])
	if err != nil {
		return Value{}, err
	}
	if c.Truthy() {
		return ev.eval(n.kids[1])
	}
	return ev.eval(n.kids[2])
}

// number converts an argument for a numeric function; a blank numeric field stays NaN.
func number(v Value) (float64, error) {
	x, ok := toNumber(v)
	if !ok {
		return 0, errNotNumber
	}
	return x.float(), nil
}

// numbers evaluates a call's arguments as numbers (a blank numeric field stays NaN).
func (ev *evaluator) numbers(n *node) ([]float64, error) {
	a, err := ev.args(n)
	if err != nil {
		return nil, err
	}
	start := len(ev.floats)
	for _, v := range a {
		x, err := number(v)
		if err != nil {
			return nil, err
		}
		ev.floats = append(ev.floats, x)
	}
	end := len(ev.floats)
	return ev.floats[start:end:end], nil
}

func numeric1(f func(float64) float64) func(*evaluator, *node) (Value, error) {
	return func(ev *evaluator, n *node) (Value, error) {
		xs, err := ev.numbers(n)
		if err != nil {
			return Value{}, err
		}
		return Float(f(xs[0])), nil
	}
}

func numeric2(f func(x float64, places int) float64) func(*evaluator, *node) (Value, error) {
	return func(ev *evaluator, n *node) (Value, error) {
		xs, err := ev.numbers(n)
		if err != nil {
			return Value{}, err
		}
		places := 0.0
		if len(xs) > 1 {
			places = xs[1]
		}
		if math.IsNaN(places) {
			return Float(math.NaN()), nil
		}
		return Float(f(xs[0], int(places))), nil
	}
}

// scaled multiplies x by 10^places and drops the float noise past 15 significant digits, so that
// 1.005 * 100 rounds as the 100.5 a person reads (PHP's round does the same pre-rounding).
func scaled(x float64, places int) (float64, float64) {
	p := math.Pow(10, float64(places))
	y := x * p
	if math.IsInf(y, 0) || math.IsNaN(y) {
		return y, p
	}
	r, err := parseFloat15(y)
	if err != nil {
		return y, p
	}
	return r, p
}

func roundHalfAway(x float64, places int) float64 {
	y, p := scaled(x, places)
	return math.Round(y) / p
}

func roundUp(x float64, places int) float64 {
	y, p := scaled(x, places)
	return math.Ceil(y) / p
}

func roundDown(x float64, places int) float64 {
	y, p := scaled(x, places)
	return math.Floor(y) / p
}

// evalLog is log(x) or log(x, base); zero and negative numbers give NaN (a blank calc).
func evalLog(ev *evaluator, n *node) (Value, error) {
	xs, err := ev.numbers(n)
	if err != nil {
		return Value{}, err
	}
	x := xs[0]
	if x <= 0 {
		return Float(math.NaN()), nil
	}
	if len(xs) == 1 {
		return Float(math.Log(x)), nil
	}
	if b := xs[1]; b > 0 && b != 1 {
		return Float(math.Log(x) / math.Log(b)), nil
	}
	return Float(math.NaN()), nil
}

// evalMod is mod(dividend, divisor): the remainder with the dividend's sign.
func evalMod(ev *evaluator, n *node) (Value, error) {
	xs, err := ev.numbers(n)
	if err != nil {
		return Value{}, err
	}
	if xs[1] == 0 {
		return Float(math.NaN()), nil
	}
	return Float(math.Mod(xs[0], xs[1])), nil
}

type aggKind uint8

const (
	aggMin aggKind = iota
	aggMax
	aggMean
	aggMedian
	aggSum
	aggStdev
)

// aggregate computes min, max, mean, median, sum or stdev over the arguments that are numbers;
// blanks and text are left out, and none left gives NaN.
func aggregate(kind aggKind) func(*evaluator, *node) (Value, error) {
	return func(ev *evaluator, n *node) (Value, error) {
		a, err := ev.args(n)
		if err != nil {
			return Value{}, err
		}
		start := len(ev.floats)
		for _, v := range a {
			if x, ok := aggregateNumber(v); ok {
				ev.floats = append(ev.floats, x)
			}
		}
		xs := ev.floats[start:]
		if len(xs) == 0 {
			return Float(math.NaN()), nil
		}
		return Float(aggregateOf(kind, xs)), nil
	}
}

// aggregateNumber reads an argument of an aggregate: numbers and numeric strings, not NaN.
func aggregateNumber(v Value) (float64, bool) {
	switch v.kind {
	case KindInt, KindFloat:
		return v.float(), !v.IsNaN()
	case KindString:
		if v.missing {
			return 0, false
		}
		if x, ok := numericString(v.str()); ok {
			return x.float(), true
		}
	}
	return 0, false
}

func aggregateOf(kind aggKind, xs []float64) float64 {
	sum := 0.0
	for _, x := range xs {
		sum += x
	}
	switch kind {
	case aggSum:
		return sum
	case aggMean:
		return sum / float64(len(xs))
	case aggMin:
		m := xs[0]
		for _, x := range xs[1:] {
			m = math.Min(m, x)
		}
		return m
	case aggMax:
		m := xs[0]
		for _, x := range xs[1:] {
			m = math.Max(m, x)
		}
		return m
	case aggStdev:
		if len(xs) < 2 {
			return 0
		}
		mean := sum / float64(len(xs))
		ss := 0.0
		for _, x := range xs {
			ss += (x - mean) * (x - mean)
		}
		return math.Sqrt(ss / float64(len(xs)-1))
	}
	sorted := append([]float64(nil), xs...)
	sort.Float64s(sorted)
	mid := len(sorted) / 2
	if len(sorted)%2 == 1 {
		return sorted[mid]
	}
	return (sorted[mid-1] + sorted[mid]) / 2
}
