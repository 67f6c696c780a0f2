package redcaptest

import (
	"maps"
	"slices"
	"strings"
)

// rowChange is what a record row held before an import wrote it, for logging the change.
type rowChange struct {
	rec       *record
	key       rowKey
	idKey     rowKey
	newRecord bool
	newRow    bool
	before    map[string]string
	dag       string
}

// beforeRowChange notes the row's values before an import writes it.
func (st *state) beforeRowChange(rec *record, k, idKey rowKey) rowChange {
	c := rowChange{rec: rec, key: k, idKey: idKey, newRecord: len(rec.rows) == 0, newRow: rec.rows[k] == nil, dag: rec.dag}
	if v := rec.rows[k]; v != nil {
		c.before = maps.Clone(v.vals)
	}
	return c
}

// logRowChange logs what an import changed in one row, as REDCap does: a new instance's record
// ID, then one entry per form that got a status without one being sent, then the values that
// changed ("Create record (API)" for a new record), then a DAG assignment.
func (st *state) logRowChange(c rowChange, sent map[string]string, pr *parsedRows) {
	rec, k := c.rec, c.key
	suffix := st.logEventSuffix(k.event)
	prefix := instancePrefix(k.inst)
	var after map[string]string
	if v := rec.rows[k]; v != nil {
		after = v.vals
	}
	cols := st.inSentOrder(st.changedColumns(c.before, after), pr)
	var details strings.Builder
	details.Grow(len(prefix) + 24*(len(cols)+1))
	details.WriteString(prefix)
	n := 0
	if c.newRow {
		idValue := st.sch.recordID + " = '" + rec.id + "'"
		if k.inst >= 2 {
			st.logRecordEntry(logRecordEdit, "Update record "+rec.id+suffix, rec.id, prefix+idValue)
		} else {
			details.WriteString(idValue)
			n++
		}
	}
	for _, col := range cols {
		if col == st.sch.recordID {
			continue
		}
		if _, wasSent := sent[col]; !wasSent && st.isFormComplete(col) {
			st.logRecordEntry(logRecordEdit, "Update record "+rec.id+suffix, rec.id, prefix+col+" = '"+after[col]+"'")
			continue
		}
		if n > 0 {
			details.WriteString(", ")
		}
		st.writeLogValue(&details, col, after[col])
		n++
	}
	switch {
	case c.newRecord:
		st.logRecordEntry(logRecordAdd, "Create record (API) "+rec.id+suffix, rec.id, details.String())
	case n > 0:
		st.logRecordEntry(logRecordEdit, "Update record (API) "+rec.id+suffix, rec.id, details.String())
	}
	if rec.dag != c.dag {
		what := "Assign record to Data Access Group"
		if rec.dag == "" {
			what = "Remove record from Data Access Group"
		}
		st.logRecordEntry(logRecordEdit, "Update record (API) "+rec.id, rec.id, what+" (redcap_data_access_group = '"+rec.dag+"')")
	}
}

// changedColumns lists the columns whose value differs between two versions of a row, in no
// particular order.
func (st *state) changedColumns(before, after map[string]string) []string {
	cols := make([]string, 0, len(after))
	for col, v := range after {
		if before[col] != v {
			cols = append(cols, col)
		}
	}
	for col := range before {
		if _, ok := after[col]; !ok {
			cols = append(cols, col)
		}
	}
	return cols
}

// inSentOrder orders changed columns by the place of their field in the import's columns
// (REDCap logs values in the order the import names the fields; the columns of one checkbox
// count as one field), then in export order; columns that were not sent come last.
func (st *state) inSentOrder(cols []string, pr *parsedRows) []string {
	l := st.journal()
	if l.sentFor != pr {
		l.sentFor, l.sentPos = pr, make(map[string]int, len(pr.cols))
		for _, c := range pr.cols {
			f := st.fieldOfColumn(c)
			if _, ok := l.sentPos[f]; !ok {
				l.sentPos[f] = len(l.sentPos)
			}
		}
	}
	pos := l.sentPos
	rank := func(col string) int {
		if p, ok := pos[st.fieldOfColumn(col)]; ok {
			return p
		}
		return len(pos)
	}
	slices.SortFunc(cols, func(a, b string) int {
		if d := rank(a) - rank(b); d != 0 {
			return d
		}
		return st.columnOrder(a) - st.columnOrder(b)
	})
	return cols
}

// logValue renders one stored value as the log shows it: field = 'value', or a checkbox
// choice as race(1) = checked / unchecked.
func (st *state) logValue(col, val string) string {
	var b strings.Builder
	st.writeLogValue(&b, col, val)
	return b.String()
}

// writeLogValue writes logValue's text to b.
func (st *state) writeLogValue(b *strings.Builder, col, val string) {
	if c, ok := st.sch.columns[col]; ok && c.code != "" && st.sch.byName[c.field] != nil && st.sch.byName[c.field].Type == "checkbox" {
		state := "unchecked"
		if val == "1" {
			state = "checked"
		}
		b.WriteString(c.field + "(" + c.code + ") = " + state)
		return
	}
	b.WriteString(col)
	b.WriteString(" = '")
	b.WriteString(val)
	b.WriteByte('\'')
}

// logEventSuffix is " (Baseline)" in a longitudinal project: the event's label follows the
// record name.
func (st *state) logEventSuffix(event string) string {
	if !st.longitudinal() || event == "" {
		return ""
	}
	return " (" + st.eventLabel(event) + ")"
}

// instancePrefix starts the details of a change to instance 2 or higher: "[instance = 2], ".
func instancePrefix(inst int) string {
	if inst < 2 {
		return ""
	}
	return "[instance = " + itoa(inst) + "], "
}

// deleteWithinLogged erases the record's values inside the scope and logs each row it blanked as
// an update that blanks those values (REDCap logs an instance deletion that way, not as a
// record deletion).
func (st *state) deleteWithinLogged(rec *record, sc deleteScope) {
	snapshot := &record{id: rec.id, rows: map[rowKey]*valueRow{}}
	for k, v := range rec.rows {
		snapshot.rows[k] = &valueRow{vals: maps.Clone(v.vals)}
	}
	st.deleteWithin(rec, sc)
	for _, k := range st.sortedKeys(snapshot) {
		var after map[string]string
		if v := rec.rows[k]; v != nil && st.records[rec.id] == rec {
			after = v.vals
		}
		var details []string
		cols := st.changedColumns(snapshot.rows[k].vals, after)
		slices.SortFunc(cols, func(a, b string) int { return st.columnOrder(a) - st.columnOrder(b) })
		for _, col := range cols {
			if col != st.sch.recordID {
				details = append(details, st.logValue(col, ""))
			}
		}
		if len(details) > 0 {
			st.logRecordEntry(logRecordEdit, "Update record "+rec.id+st.logEventSuffix(k.event), rec.id, instancePrefix(k.inst)+strings.Join(details, ", "))
		}
	}
}

// logRecordDeleted logs the deletion of a whole record.
func (st *state) logRecordDeleted(id string) {
	st.logRecordEntry(logRecordDel, "Delete record (API) "+id, id, st.sch.recordID+" = '"+id+"'")
}

// logRecordRenamed logs a record's new name as an update of its record ID.
func (st *state) logRecordRenamed(old, nw string) {
	st.logRecordEntry(logRecordEdit, "Update record (API) "+nw, nw, st.sch.recordID+" = '"+nw+"' (renamed from '"+old+"')")
}
