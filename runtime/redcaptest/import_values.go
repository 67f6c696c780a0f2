package redcaptest

import (
	"fmt"
	"slices"
)

// isSpecialColumn reports columns that are not data fields.
func isSpecialColumn(c string) bool {
	switch c {
	case "redcap_event_name", "redcap_repeat_instrument", "redcap_repeat_instance", "redcap_data_access_group", "redcap_survey_identifier":
		return true
	}
	return false
}

// fieldOfColumn returns the field (or <form>_complete) a column belongs to.
func (st *state) fieldOfColumn(col string) string {
	if c, ok := st.sch.columns[col]; ok {
		return c.field
	}
	return col
}

// checkValues returns REDCap's error lines for every row: where each row's data may go (repeat
// instrument, instance, event designation), then each value through the field's rule.
func (st *state) checkValues(plan []plannedRow, pr *parsedRows, opts importOptions) []string {
	var lines []string
	for _, pl := range plan {
		structural, skip := st.structuralLines(pl, pr)
		lines = append(lines, structural...)
		for _, col := range pr.cols {
			raw, ok := pl.row[col]
			if !ok || raw == "" || col == st.sch.recordID || isSpecialColumn(col) || skip[col] {
				continue
			}
			if msg, shown, bad := st.checkValue(col, raw, opts); bad {
				lines = append(lines, csvLine(pl.id, col, shown, msg))
			}
		}
	}
	return lines
}

// checkValue runs the field's rule on one value: it returns REDCap's message, the value shown in
// the error line, and whether the value is refused.
func (st *state) checkValue(col, raw string, opts importOptions) (msg, shown string, bad bool) {
	rule := st.sch.rules[st.fieldOfColumn(col)]
	if rule == nil {
		return "", raw, false
	}
	var stored string
	var ok bool
	if c, isCol := st.sch.columns[col]; isCol && st.sch.byName[c.field].Type == "checkbox" {
		stored, msg, ok = rule.CheckCheckboxColumn(col, raw)
	} else {
		stored, msg, ok = rule.CheckImport(raw, st.sch.codes, dateFormatOf(opts.dateFormat))
	}
	if ok {
		return "", raw, false
	}
	if stored != "" {
		raw = stored
	}
	return msg, raw, true
}

// structuralLines checks where the row's values may go. It returns the error lines and the columns
// they already cover (their values are not checked again).
func (st *state) structuralLines(pl plannedRow, pr *parsedRows) ([]string, map[string]bool) {
	var lines []string
	skip := map[string]bool{}
	validInstrument := pl.form != "" && st.repeatingForm(pl.event, pl.form) && st.mapped(pl.event, pl.form)
	if pl.form != "" && !validInstrument {
		lines = append(lines, csvLine(pl.id, "redcap_repeat_instrument", pl.form, "redcap_repeat_instrument must be the unique form name of a Repeating Instrument. It currently does not match the unique form name of any Repeating Instruments.  Please fix this in the data import file and try again."))
	}
	var fieldLines []string
	nonRepeatingOnRepeatRow := false
	for _, col := range pr.cols {
		raw, ok := pl.row[col]
		if !ok || raw == "" || col == st.sch.recordID || isSpecialColumn(col) {
			continue
		}
		form := st.formOfColumn(col)
		field := st.fieldOfColumn(col)
		if !st.repeatingForm(pl.event, form) {
			nonRepeatingOnRepeatRow = true
		}
		var msg string
		switch {
		case pl.form != "" && form != pl.form:
			msg = fmt.Sprintf("This field ('%s') does not exist on the Repeating Instrument named '%s'. You are not allowed to import data for this field into this Repeating Instrument.", field, pl.form)
		case st.longitudinal() && !st.mapped(pl.event, form):
			msg = fmt.Sprintf("This field ('%s') exists on an instrument that is not designated for the event named '%s'. You are not allowed to import data for this field into this event.", field, st.eventLabel(pl.event))
		case pl.form == "" && !st.repeatingEvent(pl.event) && st.repeatingForm(pl.event, form):
			msg = fmt.Sprintf("This field ('%s') exists on a Repeating Instrument named '%s'. However, the fields 'redcap_repeat_instance' and/or 'redcap_repeat_instrument' for this row of data have no value, which are both required for importing data into a Repeating Instrument.  You are not allowed to import data for this field into a non-repeating instrument.", field, form)
		}
		if msg != "" {
			fieldLines = append(fieldLines, csvLine(pl.id, col, raw, msg))
			skip[col] = true
		}
	}
	instanceNotAllowed := pl.instRaw != "" && !st.repeatingEvent(pl.event) && nonRepeatingOnRepeatRow
	if instanceNotAllowed {
		lines = append(lines, csvLine(pl.id, "redcap_repeat_instance", pl.instRaw, "redcap_repeat_instance cannot have a value since this instrument or event is not a repeating instrument or repeating event, respectively.  The redcap_repeat_instance field must be left blank for this row of data."))
	}
	return append(lines, fieldLines...), skip
}

// store saves a checked import. Under forceAutoNumber every record sent gets the next number.
func (st *state) store(plan []plannedRow, pr *parsedRows, opts importOptions) importResult {
	var res importResult
	newID := map[string]string{}
	saved := map[string]map[string]bool{}
	for _, pl := range plan {
		id := pl.id
		if opts.force {
			if n, ok := newID[pl.id]; ok {
				id = n
			} else {
				id = st.nextRecordName()
				newID[pl.id] = id
				st.records[id] = newRecord(id)
				st.records[id].dag = st.rights.DAG
			}
		}
		if !slices.Contains(res.ids, id) {
			res.ids = append(res.ids, id)
			res.sent = append(res.sent, pl.id)
		}
		rec := st.records[id]
		if rec == nil {
			rec = newRecord(id)
			rec.dag = st.rights.DAG
			st.records[id] = rec
		}
		if saved[id] == nil {
			saved[id] = map[string]bool{}
		}
		st.storeRow(rec, pl, pr, opts, saved[id])
	}
	var first map[string]string
	if len(pr.rows) > 0 {
		first = pr.rows[0]
	}
	if !opts.noCalcs {
		st.recomputeCalcs(saved, first)
	}
	return res
}

// storeRow writes one row's values and adds the fields it saved to saved.
func (st *state) storeRow(rec *record, pl plannedRow, pr *parsedRows, opts importOptions, saved map[string]bool) {
	k := rowKey{event: pl.event}
	repeating := pl.form != "" || st.repeatingEvent(pl.event)
	if repeating {
		k.form = pl.form
		k.inst = pl.inst
		if k.inst < 0 {
			k.inst = st.nextInstance(rec, k.event, k.form)
		}
		if k.inst == 0 {
			k.inst = 1
		}
	}
	idKey := rowKey{event: k.event}
	if k.form == "" {
		idKey.inst = k.inst
	}
	change := st.beforeRowChange(rec, k, idKey)
	defer st.logRowChange(change, pl.row, pr)
	// A classic project stores the record ID before the row's values; a longitudinal one after
	// them and their form statuses (an EAV export, which follows storage order, shows it).
	if !st.longitudinal() {
		rec.row(idKey, true).set(st.sch.recordID, rec.id)
	}
	if dag, ok := pl.row["redcap_data_access_group"]; ok && (dag != "" || opts.overwrite) {
		rec.dag = dag
	}
	v := rec.row(k, true)
	touched := map[string]bool{}
	if k == idKey {
		// The record ID is a value of its form, saved with every row that is not a repeating
		// instrument's: its form gets a status where the event holds it.
		if f := st.sch.formOf[st.sch.recordID]; st.mapped(k.event, f) && !st.repeatingForm(k.event, f) {
			touched[f] = true
		}
	}
	for _, col := range pr.cols {
		raw, ok := pl.row[col]
		if !ok || col == st.sch.recordID || isSpecialColumn(col) || (raw == "" && !opts.overwrite) {
			continue
		}
		field := st.fieldOfColumn(col)
		if rule := st.sch.rules[field]; rule != nil && rule.ReadOnly {
			continue
		}
		stored := raw
		if raw != "" {
			if c, isCol := st.sch.columns[col]; isCol && st.sch.byName[c.field].Type == "checkbox" {
				stored, _, _ = st.sch.rules[field].CheckCheckboxColumn(col, raw)
			} else if rule := st.sch.rules[field]; rule != nil {
				stored, _, _ = rule.CheckImport(raw, st.sch.codes, dateFormatOf(opts.dateFormat))
			}
		}
		if c, isCol := st.sch.columns[col]; isCol && st.sch.byName[c.field].Type == "checkbox" && stored != "1" {
			stored = ""
		}
		v.set(col, stored)
		saved[field] = true
		if raw != "" {
			touched[st.formOfColumn(col)] = true
		}
	}
	for _, f := range st.sch.forms {
		if touched[f] && !v.has(f+"_complete") {
			v.set(f+"_complete", "0")
		}
	}
	if st.longitudinal() {
		rec.row(idKey, true).set(st.sch.recordID, rec.id)
	}
}

// nextInstance is the next free instance of a repeating form or event for the record.
func (st *state) nextInstance(rec *record, event, form string) int {
	n := 0
	for k := range rec.rows {
		if k.event == event && k.form == form && k.inst > n {
			n = k.inst
		}
	}
	return n + 1
}
