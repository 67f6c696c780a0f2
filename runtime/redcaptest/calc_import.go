package redcaptest

// This file models REDCap's recalculation of calc fields on record import. The vectors show:
//   - a value sent for a calc field is dropped (records: import_f_calc_01, classic_import_calc_field);
//   - a record saved with a value for a field a calc uses gets the calc computed (records:
//     import_f_integer_src_01, then import_calc_value__after: v224 has f_calc 42);
//   - an import that carries the calc field's own column leaves that calc alone for every record
//     (import_normalization_batch sends f_calc for n110 and f_integer_src for n126: n126's f_calc
//     stays blank);
//   - a calc REDCap cannot evaluate stays blank (classic bmi writes its exponent as (x)^2, not
//     (x)^(2): classic_import_calc_inputs__after and every classic export show bmi blank).

// calcField is a calc field with its parsed expression and the fields the expression uses.
type calcField struct {
	name, form string
	expr       *logicNode
	uses       map[string]bool
}

// calcFields returns the project's calc fields whose expressions parse, in dictionary order.
func (st *state) calcFields() []calcField {
	var out []calcField
	for _, f := range st.sch.fields {
		if f.Type != "calc" {
			continue
		}
		n, err := parseLogic(f.ChoicesRaw)
		if err != nil {
			continue
		}
		uses := map[string]bool{}
		collectRefs(n, uses)
		out = append(out, calcField{name: f.Name, form: f.Form, expr: n, uses: uses})
	}
	return out
}

// collectRefs adds the fields an expression refers to.
func collectRefs(n *logicNode, into map[string]bool) {
	if n.op == "ref" {
		into[n.field] = true
	}
	for _, k := range n.kids {
		collectRefs(k, into)
	}
}

// recomputeCalcs computes, on each record in saved (record ID -> fields the import saved on it),
// every calc that uses a saved field, unless the import's columns include the calc itself.
func (st *state) recomputeCalcs(saved map[string]map[string]bool, cols []string) {
	sent := map[string]bool{}
	for _, c := range cols {
		sent[st.fieldOfColumn(c)] = true
	}
	calcs := st.calcFields()
	if len(calcs) == 0 {
		return
	}
	for id, fields := range saved {
		for _, c := range calcs {
			if !sent[c.name] && usesAny(c.uses, fields) {
				st.computeCalc(st.records[id], c)
			}
		}
	}
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

// computeCalc evaluates the calc on every row of the record that holds its form and stores the
// result (a blank result erases a stored value).
func (st *state) computeCalc(rec *record, c calcField) {
	for _, k := range st.sortedKeys(rec) {
		if st.belongs(c.form, k) {
			rec.rows[k].set(c.name, st.calcValue(c.expr, rec, k))
		}
	}
}

// calcValue is a calculation's value on one row, as REDCap stores it: a number without exponent
// or trailing zeros, else blank. [event][field] reads the named event's row.
func (st *state) calcValue(expr *logicNode, rec *record, k rowKey) string {
	f, ok := number(logicEnv{st: st, rec: rec, k: k, cross: true}.eval(expr))
	if !ok {
		return ""
	}
	return formatNumber(f)
}
