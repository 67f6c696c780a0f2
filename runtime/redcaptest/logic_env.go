package redcaptest

import (
	"time"

	"github.com/redcapgen/redcapgen/dictionary"
	"github.com/redcapgen/redcapgen/runtime/logic"
)

// logicSchema returns the project as the logic engine sees it, built once per design.
func (st *state) logicSchema() *logic.Schema {
	if st.logic != nil {
		return st.logic
	}
	st.logic = dictionary.LogicSchema(st.proj)
	return st.logic
}

// recordEnv is a stored record as the logic engine reads it.
type recordEnv struct {
	st  *state
	rec *record
	// cross lets [event][field] read another event's row, as calculations do; filterLogic sees
	// only the row's own event.
	cross bool
	here  rowKey
}

// Value implements logic.Env: the stored text of a field on the row of event and instance.
func (e recordEnv) Value(field, code, event string, instance int) string {
	st := e.st
	if field == st.sch.recordID {
		return e.rec.id
	}
	if event != e.here.event && !e.cross {
		return ""
	}
	form := st.sch.formOf[field]
	if form == "" && st.isFormComplete(field+"") {
		form = field[:len(field)-len("_complete")]
	}
	k := rowKey{event: event}
	switch {
	case st.repeatingEvent(event):
		k.inst = max(instance, 1)
	case st.repeatingForm(event, form):
		k.form, k.inst = form, max(instance, 1)
	}
	if !st.belongs(form, k) {
		return ""
	}
	v := e.rec.rows[k]
	if code != "" {
		fl := st.sch.byName[field]
		if fl == nil {
			return ""
		}
		for _, ch := range fl.Choices {
			if ch.Code == code {
				if v.get(dictionary.CheckboxColumn(field, ch.Code)) == "1" {
					return "1"
				}
				return "0"
			}
		}
		return ""
	}
	return v.get(field)
}

// LastInstance implements logic.InstanceCounter.
func (e recordEnv) LastInstance(field, event string) int {
	form := e.st.sch.formOf[field]
	last := 0
	for k := range e.rec.rows {
		if k.event == event && (k.form == form || k.form == "") && k.inst > last {
			last = k.inst
		}
	}
	return last
}

// logicContext is where an expression is evaluated: the row k of rec, at the server's clock.
func (st *state) logicContext(rec *record, k rowKey) logic.Context {
	return logic.Context{Record: rec.id, Event: k.event, Instance: k.inst, Now: st.now(), ProjectID: st.projectID}
}

// now is the server's clock: the pinned time when the server was started WithClock, else the
// real time.
func (st *state) now() time.Time {
	if st.clock != nil {
		return st.clock()
	}
	return time.Now()
}
