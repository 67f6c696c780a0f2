package redcaptest

import (
	"math"
	"strconv"
	"strings"

	"github.com/redcapgen/redcapgen/generator/dictionary"
)

// validFilter reports whether the filter parses.
func (st *state) validFilter(s string) bool {
	_, err := parseLogic(s)
	return err == nil
}

// filterNamesUnknownField reports whether the filter refers to a field the project lacks.
func (st *state) filterNamesUnknownField(s string) bool {
	n, err := parseLogic(s)
	if err != nil {
		return false
	}
	return st.unknownRef(n)
}

func (st *state) unknownRef(n *logicNode) bool {
	if n.op == "ref" && st.sch.byName[n.field] == nil && !st.isFormComplete(n.field) {
		return true
	}
	for _, k := range n.kids {
		if st.unknownRef(k) {
			return true
		}
	}
	return false
}

// rowFilter parses an export's filterLogic once and returns its test of one row of a record; nil
// when there is no filter. A filter that does not parse selects no row.
func (st *state) rowFilter(filter string) func(rec *record, k rowKey) bool {
	if filter == "" {
		return nil
	}
	n, err := parseLogic(filter)
	if err != nil {
		return func(*record, rowKey) bool { return false }
	}
	return func(rec *record, k rowKey) bool { return truthy(st.eval(n, rec, k)) }
}

func truthy(v string) bool { return v != "" && v != "0" && v != "false" }

// logicEnv is where an expression is evaluated: one row of a record. cross lets [event][field]
// read the named event's row, as calculations do; filterLogic sees only the row's own event.
type logicEnv struct {
	st    *state
	rec   *record
	k     rowKey
	cross bool
}

// eval evaluates an expression on one row for filterLogic.
func (st *state) eval(n *logicNode, rec *record, k rowKey) string {
	return logicEnv{st: st, rec: rec, k: k}.eval(n)
}

func (e logicEnv) eval(n *logicNode) string {
	switch n.op {
	case "lit":
		return n.text
	case "ref":
		return e.refValue(n)
	case "and":
		return boolText(truthy(e.eval(n.kids[0])) && truthy(e.eval(n.kids[1])))
	case "or":
		return boolText(truthy(e.eval(n.kids[0])) || truthy(e.eval(n.kids[1])))
	case "cmp":
		return boolText(compareLogic(n.text, e.eval(n.kids[0]), e.eval(n.kids[1])))
	case "arith":
		return arithmetic(n.text, e.eval(n.kids[0]), e.eval(n.kids[1]))
	case "call":
		return e.call(n)
	}
	return ""
}

// arithmetic applies + - * / ^ to two numbers; a blank or non-numeric operand, division by zero
// and a result that is not a number give blank.
func arithmetic(op, a, b string) string {
	x, okA := number(a)
	y, okB := number(b)
	if !okA || !okB {
		return ""
	}
	switch op {
	case "+":
		return formatNumber(x + y)
	case "-":
		return formatNumber(x - y)
	case "*":
		return formatNumber(x * y)
	case "^":
		return formatNumber(math.Pow(x, y))
	}
	if y == 0 {
		return ""
	}
	return formatNumber(x / y)
}

// number reads a numeric value (blank and text are not numbers).
func number(s string) (float64, bool) {
	f, err := strconv.ParseFloat(strings.TrimSpace(s), 64)
	if err != nil || math.IsNaN(f) || math.IsInf(f, 0) {
		return 0, false
	}
	return f, true
}

// formatNumber renders a number as REDCap stores a calculation: PHP's 14 significant digits,
// without exponent or trailing zeros (0.1+0.2 is 0.3, 25.0 is 25); NaN and infinities are blank.
func formatNumber(f float64) string {
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return ""
	}
	r, err := strconv.ParseFloat(strconv.FormatFloat(f, 'e', 13, 64), 64)
	if err != nil {
		return ""
	}
	if r == 0 {
		return "0"
	}
	return strconv.FormatFloat(r, 'f', -1, 64)
}

// missingValue stands for a stored missing-data code in logic. REDCap 15.7.6's evaluator sees such
// a value as neither blank nor equal to the code: [f] = 'UNK' and isblankormissingcode([f]) are
// both false for it (missingcodes.jsonl: missingcodes_filter_*).
const missingValue = "\x00missing-code"

func (e logicEnv) call(n *logicNode) string {
	args := make([]string, len(n.kids))
	for i, kid := range n.kids {
		args[i] = e.eval(kid)
	}
	arg := func(i int) string {
		if i < len(args) {
			return args[i]
		}
		return ""
	}
	switch n.text {
	case "starts_with":
		return boolText(strings.HasPrefix(arg(0), arg(1)))
	case "ends_with":
		return boolText(strings.HasSuffix(arg(0), arg(1)))
	case "contains":
		return boolText(strings.Contains(strings.ToLower(arg(0)), strings.ToLower(arg(1))))
	case "not_contain":
		return boolText(!strings.Contains(strings.ToLower(arg(0)), strings.ToLower(arg(1))))
	case "isblankormissingcode":
		return boolText(arg(0) == "")
	case "if":
		if truthy(arg(0)) {
			return arg(1)
		}
		return arg(2)
	}
	return calcFunction(n.text, args)
}

// refValue is the value a reference has on the row: blank when its form is not on the row or
// when it names another event (unless the environment reads other events).
func (e logicEnv) refValue(n *logicNode) string {
	st, rec, k := e.st, e.rec, e.k
	if n.event != "" && n.event != k.event {
		if !e.cross {
			return ""
		}
		k = rowKey{event: n.event}
		if st.repeatingEvent(n.event) {
			k.inst = 1
		}
	}
	form := st.formOfColumn(n.field)
	if form == "" && st.isFormComplete(n.field) {
		form = strings.TrimSuffix(n.field, "_complete")
	}
	if n.field == st.sch.recordID {
		return rec.id
	}
	if !st.belongs(form, k) {
		return ""
	}
	v := rec.rows[k]
	if n.code != "" {
		fl := st.sch.byName[n.field]
		if fl == nil {
			return ""
		}
		for _, ch := range fl.Choices {
			if ch.Code == n.code {
				if v.get(dictionary.CheckboxColumn(n.field, ch.Code)) == "1" {
					return "1"
				}
				return "0"
			}
		}
		return ""
	}
	val := v.get(n.field)
	if st.sch.codes.Has(val) {
		return missingValue
	}
	return val
}

// compareLogic compares numerically when both sides are numbers, else as text.
func compareLogic(op, a, b string) bool {
	fa, errA := strconv.ParseFloat(a, 64)
	fb, errB := strconv.ParseFloat(b, 64)
	c := 0
	if errA == nil && errB == nil {
		switch {
		case fa < fb:
			c = -1
		case fa > fb:
			c = 1
		}
	} else {
		c = strings.Compare(a, b)
	}
	switch op {
	case "=":
		return c == 0
	case "<>", "!=":
		return c != 0
	case "<":
		return c < 0
	case "<=":
		return c <= 0
	case ">":
		return c > 0
	case ">=":
		return c >= 0
	}
	return false
}

func boolText(b bool) string {
	if b {
		return "1"
	}
	return "0"
}
