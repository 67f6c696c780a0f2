package redcaptest

import (
	"net/http"
	"slices"
	"strconv"
	"strings"

	"github.com/redcapgen/redcapgen/dictionary"
)

// contentTypePDF is what REDCap sends with a PDF: its API answers every content=pdf call with the
// Content-Type of an HTML page, whatever format says, and no Content-Disposition.
const contentTypePDF = "text/html; charset=UTF-8"

// pdfRequest is a parsed content=pdf request.
type pdfRequest struct {
	record, event, instrument string
	instance                  int
	compact, all              bool
}

// exportPDF answers content=pdf: a PDF of the instruments, blank (no record), filled with one
// record's data (record, optionally event, instrument and repeat_instance), or with every
// record's (allRecords, whatever its value). compactDisplay=true leaves out fields without a
// value. Errors follow the error format: an unknown instrument, record or event.
func (st *state) exportPDF(p params) answer {
	ef := p.errorFormat()
	req := pdfRequest{
		record:     p.get("record"),
		event:      p.get("event"),
		instrument: p.get("instrument"),
		compact:    p.flag("compactDisplay"),
		all:        p.has("allRecords") || p.has("allrecords"),
	}
	req.instance, _ = strconv.Atoi(p.get("repeat_instance"))
	if req.instrument != "" && !slices.Contains(st.sch.forms, req.instrument) {
		return errorAnswer(http.StatusBadRequest, ef, "Invalid instrument")
	}
	if req.record != "" && !req.all {
		if _, ok := st.records[req.record]; !ok {
			return errorAnswer(http.StatusBadRequest, ef, "The record '"+req.record+"' does not exist")
		}
	}
	if !st.longitudinal() || req.record == "" {
		req.event = ""
	} else if req.event != "" {
		if _, ok := st.event(req.event); !ok {
			return errorAnswer(http.StatusBadRequest, ef, "Invalid event")
		}
	} else if req.instrument != "" && !req.all {
		// REDCap then shows its data entry page instead of a PDF.
		return answer{status: http.StatusOK, contentType: contentTypePDF, body: pdfNeedsEventPage}
	}
	doc := &pdfDoc{}
	switch {
	case req.all:
		for _, id := range st.sortedRecordIDs() {
			if rec := st.records[id]; st.visible(rec) {
				st.pdfRecord(doc, rec, req)
			}
		}
	case req.record != "":
		st.pdfRecord(doc, st.records[req.record], req)
	default:
		for _, f := range st.proj.Forms {
			if req.instrument == "" || f.Name == req.instrument {
				st.pdfForm(doc, f, nil, "", req)
			}
		}
	}
	return answer{status: http.StatusOK, contentType: contentTypePDF, body: string(doc.bytes())}
}

// pdfNeedsEventPage stands in for the page of REDCap's web interface it answers when a
// longitudinal project's PDF names a record and an instrument but no event.
const pdfNeedsEventPage = "<!DOCTYPE HTML>\n<html>\n<head>\n<meta charset=\"UTF-8\">\n<title>REDCap</title>\n</head>\n<body>\n<p>An event is needed to show this instrument of the record.</p>\n</body>\n</html>\n"

// pdfRecord writes one record's forms: in classic projects every form (or the instrument), in
// longitudinal ones every event of the record (or the event) with its designated forms;
// repeating forms and events once per instance (or the instance asked for).
func (st *state) pdfRecord(doc *pdfDoc, rec *record, req pdfRequest) {
	events := []string{""}
	if st.longitudinal() {
		events = nil
		for _, e := range st.proj.Events {
			if req.event != "" && e.UniqueName != req.event {
				continue
			}
			if req.event != "" || st.recordHasEvent(rec, e.UniqueName) {
				events = append(events, e.UniqueName)
			}
		}
	}
	for _, ev := range events {
		for _, f := range st.proj.Forms {
			if req.instrument != "" && f.Name != req.instrument || !st.mapped(ev, f.Name) {
				continue
			}
			for _, k := range st.pdfInstances(rec, ev, f.Name, req.instance) {
				st.pdfForm(doc, f, rec, ev, req, k)
			}
		}
	}
}

// recordHasEvent reports whether the record has a row in the event.
func (st *state) recordHasEvent(rec *record, event string) bool {
	for k := range rec.rows {
		if k.event == event {
			return true
		}
	}
	return false
}

// pdfInstances lists the rows a form of a record is printed from in an event: each instance of a
// repeating form or event (or the one asked for, even when it does not exist), else the event's
// row.
func (st *state) pdfInstances(rec *record, event, form string, want int) []rowKey {
	repForm, repEvent := st.repeatingForm(event, form), st.repeatingEvent(event)
	if !repForm && !repEvent {
		return []rowKey{{event: event}}
	}
	key := func(inst int) rowKey {
		if repForm {
			return rowKey{event: event, form: form, inst: inst}
		}
		return rowKey{event: event, inst: inst}
	}
	if want > 0 {
		return []rowKey{key(want)}
	}
	var out []rowKey
	for _, k := range st.sortedKeys(rec) {
		if k.event == event && k.inst > 0 && (repForm && k.form == form || repEvent && k.form == "") {
			out = append(out, k)
		}
	}
	if len(out) == 0 {
		out = []rowKey{key(1)}
	}
	return out
}

// pdfForm writes one form on a new page: its title (with record, event and instance), then each
// field's label and value (a line to fill in on a blank form, the choices of a choice field).
func (st *state) pdfForm(doc *pdfDoc, f *dictionary.Form, rec *record, event string, req pdfRequest, keys ...rowKey) {
	doc.newPage()
	doc.add(st.title, false)
	title := st.formLabelOf(f) + " [" + f.Name + "]"
	var v *valueRow
	if rec != nil {
		title += " - record " + rec.id
		if event != "" {
			title += " (" + st.eventLabel(event) + " [" + event + "])"
		}
		if len(keys) > 0 {
			v = rec.rows[keys[0]]
			if keys[0].inst > 0 {
				title += " #" + itoa(keys[0].inst)
			}
		}
	}
	doc.add(title, true)
	doc.add("", false)
	for _, fl := range f.Fields {
		if fl.SectionHeader != "" && (!req.compact || rec == nil) {
			doc.add(plainLabel(fl.SectionHeader), true)
		}
		if fl.Type == dictionary.TypeDescriptive {
			if !req.compact || rec == nil {
				doc.add(plainLabel(fl.Label), false)
			}
			continue
		}
		value := st.pdfValue(fl, v)
		if rec != nil && req.compact && value == "" {
			continue
		}
		doc.add(plainLabel(fl.Label)+" ["+fl.Name+"]", false)
		switch {
		case value != "":
			doc.add("    "+value, false)
		case rec == nil && len(fl.Choices) > 0:
			for _, c := range fl.Choices {
				doc.add("    [ ] "+plainLabel(c.Label), false)
			}
		default:
			doc.add("    ______________________________", false)
		}
	}
	status := st.pdfStatus(f.Name, v)
	if !(rec != nil && req.compact && status == "") {
		doc.add("", false)
		doc.add("Form status: "+status, false)
	}
}

// pdfValue is how a field's value reads on the page: choice labels with their codes, checked
// checkbox choices, file names, the text itself.
func (st *state) pdfValue(fl *dictionary.Field, v *valueRow) string {
	if v == nil {
		return ""
	}
	if fl.Type == dictionary.TypeCheckbox {
		var checked []string
		for _, c := range fl.Choices {
			if v.get(dictionary.CheckboxColumn(fl.Name, c.Code)) == "1" {
				checked = append(checked, plainLabel(c.Label)+" ("+c.Code+")")
			}
		}
		return strings.Join(checked, ", ")
	}
	val := v.get(fl.Name)
	switch {
	case val == "":
		return ""
	case fl.Type == dictionary.TypeFile:
		return st.fileName(val)
	case len(fl.Choices) > 0 || fl.Type == dictionary.TypeYesNo || fl.Type == dictionary.TypeTrueFalse:
		if label := st.valueLabel(fl.Name, val); label != val {
			return plainLabel(label) + " (" + val + ")"
		}
	}
	return val
}

// pdfStatus is the form status of a printed form: its label, blank when the form has no data.
func (st *state) pdfStatus(form string, v *valueRow) string {
	if v == nil {
		return ""
	}
	return formStatusLabel(v.get(form + "_complete"))
}
