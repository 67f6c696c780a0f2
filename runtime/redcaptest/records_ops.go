package redcaptest

import (
	"fmt"
	"net/http"
	"slices"
	"strings"
)

// deleteRecords answers content=record, action=delete: the number deleted, as bare text.
func (st *state) deleteRecords(p params) answer {
	ef := p.errorFormat()
	ids := p.list("records")
	if len(ids) == 0 {
		return errorAnswer(http.StatusBadRequest, ef, "The 'records' parameter is an empty array. The parameter must be an array containing one or more record names to delete.")
	}
	var missing []string
	for _, id := range ids {
		if rec := st.records[id]; rec == nil || !st.visible(rec) {
			missing = append(missing, id)
		}
	}
	if len(missing) > 0 {
		return errorAnswer(http.StatusBadRequest, ef, "One or more of the records provided cannot be deleted because they do not exist in the project. The following records do not exist: "+strings.Join(missing, ", "))
	}
	scope := deleteScope{arm: p.get("arm"), event: p.get("event"), form: p.get("instrument"), instance: p.get("repeat_instance")}
	for _, id := range ids {
		if scope == (deleteScope{}) {
			delete(st.records, id)
			st.logRecordDeleted(id)
			continue
		}
		st.deleteWithinLogged(st.records[id], scope)
	}
	return okAnswer(p.dataFormat(), itoa(len(ids)))
}

// deleteScope limits a delete to an arm, an event, an instrument and/or a repeat instance.
type deleteScope struct {
	arm, event, form, instance string
}

// deleteWithin erases the record's values inside the scope; a record left without values is
// deleted.
func (st *state) deleteWithin(rec *record, sc deleteScope) {
	for k, v := range rec.rows {
		if sc.event != "" && k.event != sc.event {
			continue
		}
		if e, ok := st.event(k.event); sc.arm != "" && ok && itoa(e.Arm) != sc.arm {
			continue
		}
		if sc.instance != "" && itoa(k.inst) != sc.instance {
			continue
		}
		for _, col := range slices.Clone(v.order) {
			if sc.form == "" || st.formOfColumn(col) == sc.form {
				v.set(col, "")
			}
		}
		if len(v.order) == 0 || (len(v.order) == 1 && v.has(st.sch.recordID)) {
			delete(rec.rows, k)
		}
	}
	if len(rec.rows) == 0 {
		delete(st.records, rec.id)
	}
}

// renameRecord answers content=record, action=rename.
func (st *state) renameRecord(p params) answer {
	ef := p.errorFormat()
	old, nw := p.get("record"), p.get("new_record_name")
	rec := st.records[old]
	if rec == nil || !st.visible(rec) {
		return errorAnswer(http.StatusBadRequest, ef, fmt.Sprintf("The record '%s' does not exist.", old))
	}
	if nw == "" || st.records[nw] != nil {
		return errorAnswer(http.StatusBadRequest, ef, fmt.Sprintf("The record '%s' already exists or is not a valid record name.", nw))
	}
	delete(st.records, old)
	rec.id = nw
	for _, v := range rec.rows {
		if v.has(st.sch.recordID) {
			v.set(st.sch.recordID, nw)
		}
	}
	st.records[nw] = rec
	st.renameParticipants(old, nw)
	st.logRecordRenamed(old, nw)
	return okAnswer(p.dataFormat(), "1")
}
