package redcaptest

import (
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"
)

// clinicalValue is one value of an ODM document's ClinicalData with where it sits: record, event (its
// unique name and repeat key), form (its name and repeat key) and data access group.
type clinicalValue struct {
	record, dag        string
	event, eventRepeat string
	form, formRepeat   string
	field, value       string
}

// readClinicalData reads the values of an ODM document's ClinicalData (a project XML's, or a
// format=odm record import's) in document order. A document without ClinicalData has none.
func readClinicalData(data string) ([]clinicalValue, error) {
	dec := xml.NewDecoder(strings.NewReader(data))
	var items []clinicalValue
	var cur clinicalValue
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			return items, nil
		}
		if err != nil {
			return nil, fmt.Errorf("ClinicalData: %w", err)
		}
		start, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		attr := func(local string) string {
			for _, a := range start.Attr {
				if a.Name.Local == local {
					return a.Value
				}
			}
			return ""
		}
		switch start.Name.Local {
		case "SubjectData":
			cur = clinicalValue{record: attr("SubjectKey"), dag: attr("DataAccessGroup")}
		case "StudyEventData":
			cur.event, cur.eventRepeat = attr("UniqueEventName"), attr("StudyEventRepeatKey")
		case "FormData":
			cur.form, cur.formRepeat = strings.TrimPrefix(attr("FormOID"), "Form."), attr("FormRepeatKey")
		case "ItemData":
			it := cur
			it.field, it.value = attr("ItemOID"), attr("Value")
			items = append(items, it)
		}
	}
}

// clinicalRows turns ClinicalData values into flat import rows of the project: one row per
// record, event and repeating instance, with REDCap's record ID, event, repeat and DAG columns.
// The caller holds the server's lock.
func (st *state) clinicalRows(items []clinicalValue) []map[string]string {
	type rowID struct{ record, event, instrument, instance string }
	var order []rowID
	rows := map[rowID]map[string]string{}
	for _, it := range items {
		id := rowID{record: it.record}
		if st.longitudinal() {
			id.event = it.event
		}
		switch {
		case st.repeatingForm(it.event, it.form):
			id.instrument, id.instance = it.form, it.formRepeat
		case st.repeatingEvent(it.event):
			id.instance = it.eventRepeat
		}
		row, ok := rows[id]
		if !ok {
			row = map[string]string{st.sch.recordID: it.record}
			if id.event != "" {
				row["redcap_event_name"] = id.event
			}
			if id.instance != "" {
				row["redcap_repeat_instrument"], row["redcap_repeat_instance"] = id.instrument, id.instance
			}
			if it.dag != "" {
				row["redcap_data_access_group"] = it.dag
			}
			rows[id] = row
			order = append(order, id)
		}
		row[it.field] = it.value
	}
	out := make([]map[string]string, len(order))
	for i, id := range order {
		out[i] = rows[id]
	}
	return out
}
