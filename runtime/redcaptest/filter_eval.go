package redcaptest

import (
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

// matches evaluates the filter on one row of a record.
func (st *state) matches(s string, rec *record, k rowKey) bool {
	n, err := parseLogic(s)
	if err != nil {
		return false
	}
	return truthy(st.eval(n, rec, k))
}

func truthy(v string) bool { return v != "" && v != "0" && v != "false" }

func (st *state) eval(n *logicNode, rec *record, k rowKey) string {
	switch n.op {
	case "lit":
		return n.text
	case "ref":
		return st.refValue(n, rec, k)
	case "and":
		return boolText(truthy(st.eval(n.kids[0], rec, k)) && truthy(st.eval(n.kids[1], rec, k)))
	case "or":
		return boolText(truthy(st.eval(n.kids[0], rec, k)) || truthy(st.eval(n.kids[1], rec, k)))
	case "cmp":
		return boolText(compareLogic(n.text, st.eval(n.kids[0], rec, k), st.eval(n.kids[1], rec, k)))
	case "arith":
		a, errA := strconv.ParseFloat(st.eval(n.kids[0], rec, k), 64)
		b, errB := strconv.ParseFloat(st.eval(n.kids[1], rec, k), 64)
		if errA != nil || errB != nil {
			return ""
		}
		switch n.text {
		case "+":
			return strconv.FormatFloat(a+b, 'f', -1, 64)
		case "-":
			return strconv.FormatFloat(a-b, 'f', -1, 64)
		case "*":
			return strconv.FormatFloat(a*b, 'f', -1, 64)
		}
		if b == 0 {
			return ""
		}
		return strconv.FormatFloat(a/b, 'f', -1, 64)
	case "call":
		return st.call(n, rec, k)
	}
	return ""
}

// missingValue stands for a stored missing-data code in logic. REDCap 15.7.6's evaluator sees such
// a value as neither blank nor equal to the code: [f] = 'UNK' and isblankormissingcode([f]) are
// both false for it (missingcodes.jsonl: missingcodes_filter_*).
const missingValue = "\x00missing-code"

func (st *state) call(n *logicNode, rec *record, k rowKey) string {
	args := make([]string, len(n.kids))
	for i, kid := range n.kids {
		args[i] = st.eval(kid, rec, k)
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
	return ""
}

// refValue is the value a reference has on the row: blank when its form is not on the row or
// when it names another event.
func (st *state) refValue(n *logicNode, rec *record, k rowKey) string {
	if n.event != "" && n.event != k.event {
		return ""
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
