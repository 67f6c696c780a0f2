package redcaptest

import (
	"slices"

	"github.com/redcapgen/redcapgen/dictionary"
)

// flatRow is one row of a flat export.
type flatRow struct {
	rec  *record
	key  rowKey
	cols []string
	vals []string
	inst bool // redcap_repeat_instance holds a number
}

// belongs reports whether the form's columns are filled on the row at k.
func (st *state) belongs(form string, k rowKey) bool {
	if !st.mapped(k.event, form) {
		return false
	}
	if k.form != "" {
		return form == k.form
	}
	if k.inst > 0 {
		return true
	}
	return !st.repeatingForm(k.event, form)
}

// mainRowHasForms reports whether the main row of the event holds any form (a longitudinal event
// whose forms all repeat has none).
func (st *state) mainRowHasForms(event string) bool {
	for _, f := range st.sch.forms {
		if st.mapped(event, f) && !st.repeatingForm(event, f) {
			return true
		}
	}
	return false
}

// rowSelected reports whether a stored row appears in an export: it must hold data in a selected
// column (the record ID counts in longitudinal projects, where REDCap always reads it).
func (st *state) rowSelected(sp exportSpec, k rowKey, v *valueRow) bool {
	if k.form == "" && k.inst == 0 && st.longitudinal() && !st.mainRowHasForms(k.event) {
		return false
	}
	if len(sp.events) > 0 && !slices.Contains(sp.events, k.event) {
		return false
	}
	rid := st.sch.recordID
	for _, col := range v.order {
		if col == rid && st.longitudinal() {
			return true
		}
		form := st.formOfColumn(col)
		field := col
		if c, ok := st.sch.columns[col]; ok {
			field = c.field
		}
		if sp.selected(field, form) || slices.Contains(sp.fields, col) {
			return true
		}
	}
	return false
}

// flatRows builds the rows of a flat export, before rendering. Filters: records[], events[],
// filterLogic.
func (st *state) flatRows(sp exportSpec) []flatRow {
	var out []flatRow
	st.eachFlatRow(sp, func(fr flatRow) error {
		fr.vals = slices.Clone(fr.vals)
		out = append(out, fr)
		return nil
	})
	return out
}

// exportedRecordIDs returns the IDs a flat export covers, in REDCap's natural order: every
// record, or only those of records[] that exist. A batch of records[] costs its own size, not
// the project's (sorting a million IDs per batch made big exports crawl).
func (st *state) exportedRecordIDs(sp exportSpec) []string {
	if len(sp.records) == 0 {
		return st.sortedRecordIDs()
	}
	ids := make([]string, 0, len(sp.records))
	seen := make(map[string]bool, len(sp.records))
	for _, id := range sp.records {
		if _, ok := st.records[id]; ok && !seen[id] {
			seen[id] = true
			ids = append(ids, id)
		}
	}
	slices.SortFunc(ids, naturalCompare)
	return ids
}

// cellValue is the raw or label value of one column on one row.
func (st *state) cellValue(sp exportSpec, c outColumn, rec *record, k rowKey, v *valueRow) string {
	switch c.kind {
	case colRecordID:
		return rec.id
	case colEvent:
		if sp.label {
			return st.eventLabel(k.event)
		}
		return k.event
	case colRepeatInstrument:
		if sp.label && k.form != "" {
			return st.sch.formLabel[k.form]
		}
		return k.form
	case colRepeatInstance:
		if k.inst > 0 {
			return itoa(k.inst)
		}
		return ""
	case colDAG:
		if sp.label {
			return st.dagName(rec.dag)
		}
		return rec.dag
	case colSurveyID, colTimestamp:
		return ""
	}
	if !st.belongs(c.form, k) {
		return ""
	}
	switch c.kind {
	case colCheckbox:
		checked := v.get(c.name) == "1"
		switch {
		case sp.label && sp.checkboxLabel:
			if checked && st.isMissingColumn(c) {
				return nullValue
			}
			if checked {
				return st.checkboxLabel(c)
			}
			return ""
		case sp.label:
			if checked {
				return "Checked"
			}
			return "Unchecked"
		case checked:
			return "1"
		}
		return "0"
	case colComplete:
		val := v.get(c.name)
		if val == "" {
			if sp.blankGray {
				return ""
			}
			val = "0"
		}
		if sp.label {
			return formStatusLabel(val)
		}
		return val
	}
	val := v.get(c.name)
	if fl := st.sch.byName[c.field]; fl != nil && fl.Type == dictionary.TypeFile && val != "" {
		return st.fileName(val)
	}
	if sp.label {
		return st.valueLabel(c.field, val)
	}
	return val
}

// nullValue marks a value REDCap exports as JSON null (and as "" elsewhere): the label of a
// checked missing-code column with exportCheckboxLabel=true.
const nullValue = "\x00null"

// isMissingColumn reports whether a checkbox column stands for a missing-data code.
func (st *state) isMissingColumn(c outColumn) bool {
	fl := st.sch.byName[c.field]
	for _, ch := range fl.Choices {
		if ch.Code == c.code {
			return false
		}
	}
	return true
}

// checkboxLabel is the label of a checkbox column's choice or missing code.
func (st *state) checkboxLabel(c outColumn) string {
	fl := st.sch.byName[c.field]
	for _, ch := range fl.Choices {
		if ch.Code == c.code {
			return ch.Label
		}
	}
	return st.missingLabel(c.code)
}

// valueLabel is the label REDCap exports for a value with rawOrLabel=label.
func (st *state) valueLabel(field, val string) string {
	if val == "" {
		return ""
	}
	fl := st.sch.byName[field]
	if fl == nil {
		return val
	}
	if st.sch.codes.Has(val) {
		if hasTag(fl, "NOMISSING") {
			return val
		}
		return st.missingLabel(val)
	}
	switch fl.Type {
	case dictionary.TypeDropdown, dictionary.TypeRadio:
		for _, ch := range fl.Choices {
			if ch.Code == val {
				return ch.Label
			}
		}
	case dictionary.TypeYesNo, dictionary.TypeTrueFalse:
		for _, ch := range dictionary.FixedChoices(fl.Type) {
			if ch.Code == val {
				return ch.Label
			}
		}
		return ""
	}
	return val
}

func (st *state) missingLabel(code string) string {
	for _, m := range st.proj.MissingCodes {
		if m.Code == code {
			return m.Label
		}
	}
	return code
}

func formStatusLabel(v string) string {
	switch v {
	case "0":
		return "Incomplete"
	case "1":
		return "Unverified"
	case "2":
		return "Complete"
	}
	return v
}

// eventLabel is "Baseline (Arm 1: Drug A)" in a project with more than one arm, else "Baseline".
func (st *state) eventLabel(name string) string {
	e, ok := st.event(name)
	if !ok {
		return name
	}
	if len(st.proj.Arms) <= 1 {
		return e.Name
	}
	arm := ""
	for _, a := range st.proj.Arms {
		if a.Num == e.Arm {
			arm = a.Name
		}
	}
	return e.Name + " (Arm " + itoa(e.Arm) + ": " + arm + ")"
}

func (st *state) dagName(unique string) string {
	for _, d := range st.proj.DAGs {
		if d.UniqueName == unique {
			return d.Name
		}
	}
	return unique
}
