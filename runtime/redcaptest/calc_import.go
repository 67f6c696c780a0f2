package redcaptest

import (
	"github.com/redcapgen/redcapgen/runtime/logic"
)

// This file models REDCap's recalculation of computed fields (calc fields, @CALCTEXT and
// @CALCDATE text fields) on record import. REDCap decides which computed fields an import
// recalculates from the columns of the import's first row only, then computes them on every
// record the import saved:
//   - a value sent for a calc field is dropped, and the field is computed (its column names it);
//   - a record saved with a value for a field a calc uses gets the calc computed;
//   - a batch whose first row does not carry a calc's inputs leaves that calc alone on every
//     record, even on a later row that sends them (a JSON batch whose rows have different keys, a
//     repeating instance sent after the event's row);
//   - a calc field naming no field is computed on every import; an @CALCDATE naming no field is
//     not;
//   - a calc REDCap's parser rejects stays blank.

// computedField is a computed field with its parsed expression and the fields it uses.
type computedField struct {
	name, form string
	kind       logic.Computation
	validation string
	expr       *logic.Expr // nil: REDCap cannot evaluate it, the value stays blank
	uses       map[string]bool
}

// computedFields returns the project's computed fields in dictionary order.
func (st *state) computedFields() []computedField {
	var out []computedField
	for _, f := range st.sch.fields {
		kind, src := logic.ComputedExpression(string(f.Type), f.ChoicesRaw, f.Annotation)
		if kind == logic.NotComputed {
			continue
		}
		c := computedField{name: f.Name, form: f.Form, kind: kind, validation: f.TextValidation(), uses: map[string]bool{}}
		if e, err := logic.Parse(src); err == nil && logic.AnalyseCalc(src).Outcome == logic.Accepted {
			c.expr = e
			for _, r := range e.Refs() {
				if !r.Smart {
					c.uses[r.Field] = true
				}
			}
		}
		out = append(out, c)
	}
	return out
}

// recomputeCalcs computes, on each record of the import (saved: record ID -> fields the import
// saved on it), every computed field that is a column of the import's first row or whose
// expression names one (blank or not), and the calc fields that name no field.
func (st *state) recomputeCalcs(saved map[string]map[string]bool, first map[string]string) {
	sent := map[string]bool{}
	for c := range first {
		sent[st.fieldOfColumn(c)] = true
	}
	calcs := st.computedFields()
	if len(calcs) == 0 {
		return
	}
	// A computed field triggers the ones that use it, in dictionary order, until nothing changes.
	triggered := map[string]bool{}
	for f := range sent {
		if !isComputed(calcs, f) {
			triggered[f] = true
		}
	}
	var run []computedField
	for changed := true; changed; {
		changed = false
		for _, c := range calcs {
			if triggered[c.name] {
				continue
			}
			if sent[c.name] || usesAny(c.uses, triggered) || len(c.uses) == 0 && c.kind == logic.ComputedCalc {
				triggered[c.name] = true
				run = append(run, c)
				changed = true
			}
		}
	}
	for id := range saved {
		for _, c := range run {
			st.computeCalc(st.records[id], c)
		}
	}
}

// isComputed reports whether the field is one of the computed fields.
func isComputed(calcs []computedField, field string) bool {
	for _, c := range calcs {
		if c.name == field {
			return true
		}
	}
	return false
}

// usesAny reports whether the expression uses one of the fields.
func usesAny(uses, fields map[string]bool) bool {
	for f := range fields {
		if uses[f] {
			return true
		}
	}
	return false
}

// computeCalc evaluates the field on every row of the record that holds its form and stores the
// result (a blank result erases a stored value).
func (st *state) computeCalc(rec *record, c computedField) {
	for _, k := range st.sortedKeys(rec) {
		if st.belongs(c.form, k) {
			rec.rows[k].set(c.name, st.computedValue(c, rec, k))
		}
	}
}

// computedValue is a computed field's value on one row, as REDCap stores it. [event][field]
// reads the named event's row.
func (st *state) computedValue(c computedField, rec *record, k rowKey) string {
	if c.expr == nil {
		return ""
	}
	v, err := c.expr.Eval(st.logicSchema(), recordEnv{st: st, rec: rec, here: k, cross: true}, st.logicContext(rec, k))
	switch c.kind {
	case logic.ComputedText:
		return logic.CalcText(v, err)
	case logic.ComputedDate:
		return logic.CalcDate(v, err, c.validation)
	}
	return logic.Calc(v, err)
}
