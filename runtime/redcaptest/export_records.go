package redcaptest

import (
	"slices"
	"strings"

	"github.com/redcapgen/redcapgen/dictionary"
)

// exportRecords answers content=record, action=export.
func (st *state) exportRecords(p params) answer {
	format, ef := p.dataFormat(), p.errorFormat()
	sp, aerr := st.parseExportSpec(p)
	if aerr != nil {
		return errorAnswer(aerr.status, ef, aerr.msg)
	}
	if crashes, report := st.exportCrash(sp, format); crashes {
		return crashAnswer(format, ef, report)
	}
	odm := p.get("format") == "odm"
	if sp.filter != "" && st.filterNamesUnknownField(sp.filter) {
		if odm {
			return st.odmAnswer(sp, nil)
		}
		return okAnswer(format, emptyExport(format))
	}
	if odm {
		return st.odmAnswer(sp, st.flatRows(sp))
	}
	if sp.eav {
		return okAnswer(format, st.renderEAV(sp, format))
	}
	return okAnswer(format, st.renderFlat(sp, format))
}

// emptyExport is an export without rows.
func emptyExport(format string) string {
	switch format {
	case "json":
		return "[]"
	case "csv":
		return ""
	}
	return "<?xml version=\"1.0\" encoding=\"UTF-8\" ?>\n<records>\n</records>"
}

// renderFlat renders a flat export.
func (st *state) renderFlat(sp exportSpec, format string) string {
	rows := st.flatRows(sp)
	cols := st.columnsFor(sp)
	t := table{cols: make([]string, len(cols))}
	for i, c := range cols {
		t.cols[i] = c.name
	}
	for _, r := range rows {
		cells := make([]cell, len(r.vals))
		for i, v := range r.vals {
			cells[i] = cell{s: v, num: cols[i].kind == colRepeatInstance && v != ""}
		}
		t.add(cells...)
	}
	if len(rows) == 0 {
		return emptyExport(format)
	}
	cs := csvStyle{trailerNL: true, delim: sp.delim}
	if sp.labelHeaders {
		cs.header = st.headerLabels(cols)
	}
	return t.render(format, xmlStyle{root: "records"}, cs)
}

// headerLabels are the CSV headers with rawOrLabelHeaders=label.
func (st *state) headerLabels(cols []outColumn) []string {
	out := make([]string, len(cols))
	for i, c := range cols {
		switch c.kind {
		case colEvent:
			out[i] = "Event Name"
		case colRepeatInstrument:
			out[i] = "Repeat Instrument"
		case colRepeatInstance:
			out[i] = "Repeat Instance"
		case colDAG:
			out[i] = "Data Access Group"
		case colSurveyID:
			out[i] = "Survey Identifier"
		case colTimestamp:
			out[i] = "Survey Timestamp"
		case colComplete:
			out[i] = "Complete?"
		case colCheckbox:
			out[i] = plainLabel(st.sch.byName[c.field].Label) + " (choice=" + st.checkboxLabel(c) + ")"
		default:
			out[i] = plainLabel(st.sch.byName[c.field].Label)
		}
	}
	return out
}

// plainLabel strips HTML tags from a label.
func plainLabel(s string) string {
	var b strings.Builder
	in := false
	for _, r := range s {
		switch {
		case r == '<':
			in = true
		case r == '>' && in:
			in = false
		case !in:
			b.WriteRune(r)
		}
	}
	return strings.TrimSpace(b.String())
}

// renderEAV renders an EAV export: one row per stored value, checkboxes as one row per checked
// code with the base field name and the original code.
func (st *state) renderEAV(sp exportSpec, format string) string {
	long, rep := st.longitudinal(), st.hasRepeating()
	t := table{cols: []string{"record"}}
	if format == "csv" {
		t.cols = append(t.cols, "field_name", "value")
		if rep {
			t.cols = append(t.cols, "redcap_repeat_instrument", "redcap_repeat_instance")
		}
		if long {
			t.cols = append(t.cols, "redcap_event_name")
		}
	} else {
		if long {
			t.cols = append(t.cols, "redcap_event_name")
		}
		if rep {
			t.cols = append(t.cols, "redcap_repeat_instrument", "redcap_repeat_instance")
		}
		t.cols = append(t.cols, "field_name", "value")
	}
	keep := st.rowFilter(sp.filter)
	instances := false
	for _, id := range st.sortedRecordIDsPHP() {
		if len(sp.records) > 0 && !slices.Contains(sp.records, id) {
			continue
		}
		rec := st.records[id]
		if !sp.inDateRange(rec.id) || !st.visible(rec) {
			continue
		}
		for _, sv := range st.valuesEAV(rec) {
			k := sv.key
			if len(sp.events) > 0 && !slices.Contains(sp.events, k.event) {
				continue
			}
			if keep != nil && !keep(rec, k) {
				continue
			}
			field, value, ok := st.eavValue(sp, sv.col, rec.rows[k].vals[sv.col])
			if !ok {
				continue
			}
			t.add(st.eavCells(t.cols, format, rec.id, k, field, value)...)
			instances = instances || k.inst > 0
		}
		if sp.dag && rec.dag != "" && st.rights.DAG == "" {
			for _, d := range st.proj.DAGs {
				if d.UniqueName == rec.dag {
					t.add(st.eavCells(t.cols, format, rec.id, rowKey{event: st.firstEventOf(rec)}, "__GROUPID__", itoa(d.ID))...)
				}
			}
		}
	}
	if len(t.rows) == 0 {
		return emptyExport(format)
	}
	if !instances {
		// REDCap's EAV export has the repeat columns only when a value it lists is in an instance.
		t.dropCols("redcap_repeat_instrument", "redcap_repeat_instance")
	}
	return t.render(format, xmlStyle{root: "records", trailerNL: true, plain: map[string]bool{"record": true, "field_name": true, "redcap_event_name": true, "redcap_repeat_instrument": true, "redcap_repeat_instance": true}},
		csvStyle{guard: true})
}

// eavValue maps one stored column to its EAV field name and value, or false when the column is not
// exported.
func (st *state) eavValue(sp exportSpec, col, val string) (string, string, bool) {
	form := st.formOfColumn(col)
	if c, ok := st.sch.columns[col]; ok {
		fl := st.sch.byName[c.field]
		if !sp.selected(c.field, form) || !st.mayExport(fl) {
			return "", "", false
		}
		if fl.Type == dictionary.TypeCheckbox {
			if val != "1" {
				return "", "", false
			}
			if sp.label {
				return c.field, st.checkboxLabel(outColumn{field: c.field, code: c.code}), true
			}
			return c.field, c.code, true
		}
		if sp.label {
			return c.field, st.valueLabel(c.field, val), true
		}
		return c.field, val, true
	}
	if st.isFormComplete(col) && (sp.selected(col, form) || slices.Contains(sp.fields, col)) && st.mayExportForm(form) {
		if sp.label {
			return col, formStatusLabel(val), true
		}
		return col, val, true
	}
	return "", "", false
}

// eavCells builds one EAV row. REDCap writes instance 1 as a JSON number and later instances as
// strings in EAV JSON.
func (st *state) eavCells(cols []string, format, id string, k rowKey, field, value string) []cell {
	out := make([]cell, len(cols))
	for i, c := range cols {
		switch c {
		case "record":
			out[i] = str(id)
		case "redcap_event_name":
			out[i] = str(k.event)
		case "redcap_repeat_instrument":
			out[i] = str(k.form)
		case "redcap_repeat_instance":
			if k.inst > 0 {
				out[i] = cell{s: itoa(k.inst), num: k.inst == 1 && format == "json"}
			}
		case "field_name":
			out[i] = str(field)
		case "value":
			out[i] = str(value)
		}
	}
	return out
}

// firstEventOf returns the first event the record has data in ("" in classic projects).
func (st *state) firstEventOf(rec *record) string {
	keys := st.sortedKeys(rec)
	if len(keys) == 0 {
		return ""
	}
	return keys[0].event
}
