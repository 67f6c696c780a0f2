package redcaptest

import (
	"fmt"
	"net/http"
	"slices"
	"strconv"
	"strings"
)

// plannedRow is where one import row goes.
type plannedRow struct {
	row     map[string]string
	id      string // record ID as sent
	event   string // unique event name ("" in classic projects)
	form    string // redcap_repeat_instrument as sent
	instRaw string // redcap_repeat_instance as sent
	inst    int    // instance; 0 when not repeating; -1 for "new"
}

// planRows checks record IDs, events, instances and duplicates, in REDCap's order of categories.
func (st *state) planRows(pr *parsedRows, opts importOptions) ([]plannedRow, *apiError) {
	rid := st.sch.recordID
	plan := make([]plannedRow, 0, len(pr.rows))
	for _, r := range pr.rows {
		id := strings.TrimSpace(r[rid])
		if id == "" {
			return nil, badRequest(fmt.Sprintf("The record id field (%s) is missing.", rid))
		}
		plan = append(plan, plannedRow{row: r, id: id, form: r["redcap_repeat_instrument"], instRaw: strings.TrimSpace(r["redcap_repeat_instance"])})
	}
	for _, pl := range plan {
		if opts.force {
			break
		}
		if len(pl.id) > 100 {
			return nil, badRequest("Record names must be 100 characters or less in length. The following record name is too long and thus cannot be imported: " + pl.id)
		}
		if strings.ContainsAny(pl.id, "+&#'") {
			return nil, badRequest(fmt.Sprintf("The record name (%s) cannot contain a plus sign (+), ampersand (&), pound sign (#), or apostrophe.", pl.id))
		}
	}
	if aerr := st.planEvents(plan, slices.Contains(pr.cols, "redcap_event_name")); aerr != nil {
		return nil, aerr
	}
	if !slices.Contains(pr.cols, "redcap_repeat_instance") {
		for _, pl := range plan {
			if st.repeatingEvent(pl.event) {
				return nil, badRequest(fmt.Sprintf("The record name (%s) with event \"%s\" cannot be imported. This is because this event is a repeating event, but the field 'redcap_repeat_instance' could not be found in the data import fields.  In order to import data for a repeating event, the field 'redcap_repeat_instance' is required in the imported data set.", pl.id, pl.event))
			}
		}
	}
	for i := range plan {
		pl := &plan[i]
		if pl.instRaw == "" {
			// A repeat instrument without an instance is a non-repeating row, as in REDCap.
			pl.form = ""
			continue
		}
		if pl.instRaw == "new" {
			pl.inst = -1
			continue
		}
		n, err := strconv.Atoi(pl.instRaw)
		if err != nil || n < 1 {
			return nil, badRequest(fmt.Sprintf("The record name (%s) has an invalid value for 'redcap_repeat_instance'. The value must either be a positive integer or the value 'new'. Value provided: %s", pl.id, pl.instRaw))
		}
		pl.inst = n
	}
	if st.hasRepeating() {
		// REDCap checks a batch for duplicate rows only in projects without repeating instruments
		// and events; in the others the later row is merged over the earlier one.
		return plan, nil
	}
	seen := map[string]bool{}
	var dups []string
	for _, pl := range plan {
		if pl.inst < 0 {
			continue
		}
		ev := pl.event
		if ev == "" {
			ev = "event_1_arm_1"
		}
		inst := ""
		if pl.inst > 0 {
			inst = itoa(pl.inst)
		}
		key := pl.id + "-" + ev + "-" + pl.form + "-" + inst
		if seen[key] && !slices.Contains(dups, key) {
			dups = append(dups, key)
		}
		seen[key] = true
	}
	if len(dups) > 0 {
		return nil, badRequest("The records listed below occur more than once. Please remove any duplicates and try again: " + strings.Join(dups, ", "))
	}
	return plan, nil
}

// planEvents resolves redcap_event_name. A longitudinal row without the column goes to the first
// event of the first arm (REDCap accepts it); a blank or unknown event is refused. Classic
// projects ignore the column.
func (st *state) planEvents(plan []plannedRow, hasColumn bool) *apiError {
	if !st.longitudinal() {
		return nil
	}
	var invalid []string
	for i := range plan {
		pl := &plan[i]
		if !hasColumn {
			pl.event = st.proj.Events[0].UniqueName
			continue
		}
		ev, ok := pl.row["redcap_event_name"]
		switch {
		case !ok || ev == "":
			return badRequest("The record event name is missing.")
		default:
			if _, known := st.event(ev); !known {
				if !slices.Contains(invalid, ev) {
					invalid = append(invalid, ev)
				}
				continue
			}
			pl.event = ev
		}
	}
	if len(invalid) > 0 {
		return badRequest("The following values of redcap_event_name are invalid: " + strings.Join(invalid, ", "))
	}
	return nil
}

// checkLimit refuses an import that would exceed the record limit.
func (st *state) checkLimit(plan []plannedRow) *apiError {
	if st.recordLimit <= 0 || st.productionTime != "" {
		return nil
	}
	newIDs := map[string]bool{}
	for _, pl := range plan {
		if st.records[pl.id] == nil {
			newIDs[pl.id] = true
		}
	}
	if len(newIDs) > 0 && len(st.records)+len(newIDs) > st.recordLimit {
		return &apiError{status: http.StatusBadRequest, msg: fmt.Sprintf("NOTICE: No new records can be created since this project has already met the limit of %d records while in Development status. If you have questions regarding this, please contact your REDCap Administrator.", st.recordLimit)}
	}
	return nil
}
