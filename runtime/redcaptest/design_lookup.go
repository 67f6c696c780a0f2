package redcaptest

import (
	"slices"
	"strings"

	"github.com/redcapgen/redcapgen/dictionary"
)

// longitudinal reports whether the project counts as longitudinal: as in REDCap, a project whose
// events were turned on counts only once it has more than one event. With one event (or none) it
// answers like a classic project, though it still lists its events.
func (st *state) longitudinal() bool { return len(st.proj.Events) > 1 }

// hasRepeating reports whether the project has repeating instruments or events.
func (st *state) hasRepeating() bool { return len(st.proj.Repeating) > 0 }

// formOfColumn returns the form of an export column ("" for non-field columns).
func (st *state) formOfColumn(col string) string {
	if c, ok := st.sch.columns[col]; ok {
		return st.sch.formOf[c.field]
	}
	if st.isFormComplete(col) {
		return strings.TrimSuffix(col, "_complete")
	}
	return ""
}

// isFormComplete reports whether col is a <form>_complete column.
func (st *state) isFormComplete(col string) bool {
	_, isColumn := st.sch.order[col]
	return isColumn && st.sch.byName[col] == nil && st.sch.columns[col] == (column{})
}

// event returns the event by unique name.
func (st *state) event(name string) (dictionary.Event, bool) {
	for _, e := range st.proj.Events {
		if e.UniqueName == name {
			return e, true
		}
	}
	return dictionary.Event{}, false
}

// mapped reports whether the form is designated for the event (always true in classic projects).
func (st *state) mapped(event, form string) bool {
	if !st.longitudinal() {
		return true
	}
	for _, m := range st.proj.Mappings {
		if m.Event == event && m.Form == form {
			return true
		}
	}
	return false
}

// repeatingForm reports whether the form repeats (as an instrument) in the event.
func (st *state) repeatingForm(event, form string) bool {
	for _, r := range st.proj.Repeating {
		if r.Form == form && (r.Event == event || !st.longitudinal()) {
			return true
		}
	}
	return false
}

// repeatsSomewhere reports whether the form is a repeating instrument in any event.
func (st *state) repeatsSomewhere(form string) bool {
	for _, r := range st.proj.Repeating {
		if r.Form == form {
			return true
		}
	}
	return false
}

// repeatingEvent reports whether the whole event repeats.
func (st *state) repeatingEvent(event string) bool {
	if !st.longitudinal() {
		return false
	}
	for _, r := range st.proj.Repeating {
		if r.Form == "" && r.Event == event {
			return true
		}
	}
	return false
}

// eventIndex returns the position of an event in the project's order.
func (st *state) eventIndex(name string) int {
	for i, e := range st.proj.Events {
		if e.UniqueName == name {
			return i
		}
	}
	return -1
}

// formIndex returns the position of a form in dictionary order.
func (st *state) formIndex(name string) int { return slices.Index(st.sch.forms, name) }
