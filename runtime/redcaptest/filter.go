package redcaptest

import (
	"github.com/redcapgen/redcapgen/runtime/logic"
)

// validFilter reports whether REDCap's parser accepts the filter and the engine can read it.
func (st *state) validFilter(s string) bool {
	if logic.Analyse(s, "").Outcome != logic.Accepted {
		return false
	}
	_, err := logic.Parse(s)
	return err == nil
}

// filterNamesUnknownField reports whether the filter refers to a field the project lacks.
func (st *state) filterNamesUnknownField(s string) bool {
	e, err := logic.Parse(s)
	if err != nil {
		return false
	}
	for _, r := range e.Refs() {
		if !r.Smart && r.Field != st.sch.recordID && st.sch.byName[r.Field] == nil && !st.isFormComplete(r.Field) {
			return true
		}
	}
	return false
}

// rowFilter parses an export's filterLogic once and returns its test of one row of a record; nil
// when there is no filter. A filter that does not parse selects no row; one that names no field
// selects every row (REDCap then applies no filter: true and false both export every record).
func (st *state) rowFilter(filter string) func(rec *record, k rowKey) bool {
	if filter == "" {
		return nil
	}
	e, err := logic.Parse(filter)
	if err != nil {
		return func(*record, rowKey) bool { return false }
	}
	if len(e.Refs()) == 0 {
		return func(*record, rowKey) bool { return true }
	}
	sch := st.logicSchema()
	return func(rec *record, k rowKey) bool {
		return logic.Selects(e.Eval(sch, recordEnv{st: st, rec: rec, here: k}, st.logicContext(rec, k)))
	}
}
