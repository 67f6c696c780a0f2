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
	// The event that holds the classic rows: the one left when the project last had a single
	// event, else the first.
	home := st.proj.Events[0]
	for _, e := range st.proj.Events {
		if e.ID != 0 && e.ID == st.classicEvent {
			home = e
		}
	}
	from, to := "", home.UniqueName
	if !long {
		from, to = to, ""
		st.classicEvent = home.ID
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
