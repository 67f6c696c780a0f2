package redcap

import (
	"fmt"

	"github.com/redcapgen/redcapgen/runtime/logic"
)

// The data quality rules of a project's logic, with the wording of REDCap's Data Quality module
// ("Hidden fields that contain values", "Incorrect values for calculated fields"). All are
// warnings: REDCap imports such values.
const (
	RuleHidden    = "hidden"     // a value in a field its branching logic hides ("Hidden fields that contain values")
	RuleStaleCalc = "stale_calc" // a computed value that differs from what REDCap computes ("Incorrect values for calculated fields")
)

// Logic checks a record against the data quality rules of the project's logic when the
// Validator was made with ValidatorOptions.Logic: a value in a field that its branching logic
// hides (RuleHidden), a required field left blank where its branching shows it (RuleRequired;
// Value then leaves required fields with branching logic to Logic), and a calc, @CALCTEXT or
// @CALCDATE value that differs from what REDCap computes from the record (RuleStaleCalc).
// Generated Validate methods of a record call it last. 'today' in logic is ValidatorOptions.Now.
func (v *Validator) Logic(rec Record) {
	if v.schema == nil || !v.logic {
		return
	}
	s := rec.Schema()
	lv := s.logicView()
	if len(lv.branches) == 0 && !hasComputed(s) {
		return
	}
	sc := lv.getScratch()
	defer lv.putScratch(sc)
	rows, err := rec.EncodeRows(sc.rows[:0])
	if err != nil || len(rows) == 0 {
		return
	}
	sc.rows = rows
	env := sc.env.reset(s, rows)
	env.projectID = v.projectID
	for row := range rows {
		v.At(env.recordID, env.rowEvent[row], env.rowInstrument[row], env.rowInstanceNum[row])
		for i := range s.Fields {
			r := &s.Fields[i]
			if e := lv.branches[r.Name]; e != nil && s.formOnRow(r.Form, env.rowEvent[row], env.rowInstrument[row]) {
				v.branching(r, e, env, row)
			}
		}
	}
	for _, st := range staleValues(env, sc, v.now) {
		r := lv.rules[st.Field]
		v.At(st.Record, st.Event, env.instrumentOf(r.Form, st.Event, st.Instance), st.Instance)
		v.add(r, r.Name, st.Stored, RuleStaleCalc, SeverityWarning,
			fmt.Sprintf("Incorrect value for a calculated field: REDCap computes %s from the record (%s)", v.quote(r, st.Computed), r.Expression))
	}
}

// branching checks one field with branching logic on one row.
func (v *Validator) branching(r *FieldRule, e evaluable, env *rowsEnv, row int) {
	shown := logic.Selects(e.Eval(env.lv.schema, env, env.context(row, v.now)))
	value, blank := env.fieldText(r, row)
	switch {
	case !shown && !blank:
		v.add(r, r.Name, value, RuleHidden, SeverityWarning,
			"Hidden field that contains a value: its branching logic hides it ("+r.Branching+")")
	case shown && blank && r.Required:
		v.add(r, r.Name, "", RuleRequired, SeverityWarning,
			"required field is blank where its branching logic shows it (REDCap does not enforce this on import)")
	}
}

// fieldText returns a field's value on a row (a checkbox's checked codes) and whether it is blank.
func (e *rowsEnv) fieldText(r *FieldRule, row int) (string, bool) {
	l := e.rows[row].Layout
	if len(r.CheckboxColumns) > 0 {
		checked := ""
		for i, col := range r.CheckboxColumns {
			if j, ok := l.Index(col); ok && e.rows[row].Values[j] == "1" && i < len(r.Choices) {
				if checked != "" {
					checked += ","
				}
				checked += r.Choices[i].Code
			}
		}
		return checked, checked == ""
	}
	j, ok := l.Index(r.Name)
	if !ok {
		return "", true
	}
	val := e.rows[row].Values[j]
	return val, val == ""
}

// instrumentOf returns the repeating instrument a form's row has at event ("" when the form
// does not repeat as an instrument there).
func (e *rowsEnv) instrumentOf(form, event string, instance int) string {
	if instance > 0 && e.s.formOnRow(form, event, form) && !e.s.formOnRow(form, event, "") {
		return form
	}
	return ""
}
