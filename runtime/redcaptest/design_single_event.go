package redcaptest

// moveRowsToEvents keeps the stored rows where REDCap has them when the project starts or stops
// counting as longitudinal. REDCap stores a classic project's data (and the data of a project
// with a single event) in the project's first event, so that data shows under that event once the
// project has a second one, and as classic data again when it is back to one event.
func (st *state) moveRowsToEvents() {
	long := st.longitudinal()
	if long == st.rowsByEvent {
		return
	}
	st.rowsByEvent = long
	if len(st.proj.Events) == 0 {
		return
	}
	from, to := "", st.proj.Events[0].UniqueName
	if !long {
		from, to = to, ""
	}
	for _, rec := range st.records {
		moved := map[rowKey]*valueRow{}
		for k, row := range rec.rows {
			if k.event == from {
				delete(rec.rows, k)
				k.event = to
				moved[k] = row
			}
		}
		for k, row := range moved {
			rec.rows[k] = row
		}
	}
}
