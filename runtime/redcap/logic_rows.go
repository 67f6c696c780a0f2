package redcap

import (
	"strconv"
	"strings"
	"time"

	"github.com/redcapgen/redcapgen/runtime/logic"
)

// rowsEnv is one record's flat rows as REDCap's logic engine reads them.
type rowsEnv struct {
	s              *Schema
	lv             *logicView
	rows           []Row
	event, instr   int // columns of redcap_event_name and redcap_repeat_instrument; -1 when absent
	instance, id   int // columns of redcap_repeat_instance and the record ID
	recordID       string
	rowEvent       []string
	rowInstrument  []string
	rowInstanceNum []int
	projectID      int
}

// logicScratch is the storage one evaluation of a record's logic uses; it is reused between
// records (see logicView.scratch), so that evaluating logic on decoded records allocates little.
type logicScratch struct {
	rows   []Row
	env    rowsEnv
	stored []string // computed values before recomputing, by row and computed field
	text   []byte
}

// getScratch returns storage for one evaluation; putScratch gives it back.
func (lv *logicView) getScratch() *logicScratch {
	if sc, ok := lv.scratch.Get().(*logicScratch); ok {
		return sc
	}
	return new(logicScratch)
}

func (lv *logicView) putScratch(sc *logicScratch) {
	clear(sc.stored)
	sc.env.rows, sc.env.s = nil, nil
	lv.scratch.Put(sc)
}

func newRowsEnv(s *Schema, rows []Row) *rowsEnv {
	e := new(rowsEnv)
	e.reset(s, rows)
	return e
}

// reset points the environment at a record's rows, reusing its storage.
func (e *rowsEnv) reset(s *Schema, rows []Row) *rowsEnv {
	*e = rowsEnv{s: s, lv: s.logicView(), rows: rows, event: -1, instr: -1, instance: -1, id: -1,
		rowEvent: e.rowEvent[:0], rowInstrument: e.rowInstrument[:0], rowInstanceNum: e.rowInstanceNum[:0]}
	if len(rows) == 0 {
		return e
	}
	l := rows[0].Layout
	col := func(name string) int {
		if i, ok := l.Index(name); ok {
			return i
		}
		return -1
	}
	e.event, e.instr, e.instance, e.id = col("redcap_event_name"), col("redcap_repeat_instrument"), col("redcap_repeat_instance"), col(s.RecordIDField)
	for i := range rows {
		n := 0
		if text := e.get(i, e.instance); text != "" {
			n, _ = strconv.Atoi(text)
		}
		e.rowEvent = append(e.rowEvent, e.get(i, e.event))
		e.rowInstrument = append(e.rowInstrument, e.get(i, e.instr))
		e.rowInstanceNum = append(e.rowInstanceNum, n)
		if e.recordID == "" {
			e.recordID = e.get(i, e.id)
		}
	}
	return e
}

func (e *rowsEnv) get(row, col int) string {
	if col < 0 {
		return ""
	}
	return e.rows[row].Values[col]
}

// rowOf returns the row holding a form's values at event and instance, -1 when none.
func (e *rowsEnv) rowOf(form, event string, instance int) int {
	for i := range e.rows {
		if e.rowEvent[i] != event || !e.s.formOnRow(form, event, e.rowInstrument[i]) {
			continue
		}
		if n := e.rowInstanceNum[i]; n == 0 || n == max(instance, 1) {
			return i
		}
	}
	return -1
}

// Value implements logic.Env.
func (e *rowsEnv) Value(field, code, event string, instance int) string {
	if field == e.s.RecordIDField {
		return e.recordID
	}
	col, form := field, ""
	if r := e.lv.rules[field]; r != nil {
		form = r.Form
		if code != "" {
			if col = checkboxColumn(r, code); col == "" {
				return ""
			}
		}
	} else if f, ok := strings.CutSuffix(field, "_complete"); ok {
		form = f
	}
	row := e.rowOf(form, event, instance)
	if row < 0 || len(e.rows) == 0 {
		return ""
	}
	i, ok := e.rows[row].Layout.Index(col)
	if !ok {
		return ""
	}
	return e.rows[row].Values[i]
}

// LastInstance implements logic.InstanceCounter.
func (e *rowsEnv) LastInstance(field, event string) int {
	form := ""
	if r := e.lv.rules[field]; r != nil {
		form = r.Form
	}
	last := 0
	for i := range e.rows {
		if e.rowEvent[i] == event && (e.rowInstrument[i] == form || e.rowInstrument[i] == "") {
			last = max(last, e.rowInstanceNum[i])
		}
	}
	return last
}

// context is where logic is evaluated on row i.
func (e *rowsEnv) context(i int, now time.Time) logic.Context {
	return logic.Context{Record: e.recordID, Event: e.rowEvent[i], Instance: e.rowInstanceNum[i], Now: now, ProjectID: e.projectID}
}
