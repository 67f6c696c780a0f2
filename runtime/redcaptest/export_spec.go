package redcaptest

import (
	"fmt"
	"net/http"
	"slices"
	"strings"
)

// exportSpec is a parsed record export request.
type exportSpec struct {
	all           bool // everything, raw (for Records)
	fields        []string
	forms         []string
	events        []string
	records       []string
	label         bool
	checkboxLabel bool
	survey        bool
	dag           bool
	blankGray     bool
	labelHeaders  bool
	filter        string
	eav           bool
	delim         byte // CSV separator
	tabDelimiter  bool // csvDelimiter=tab, which makes REDCap throw on a CSV export
	begin, end    string
	changed       map[string]bool // records changed within begin..end (nil: no date range)
}

// parseExportSpec reads the record export parameters; unknown fields, forms and events are
// REDCap's 400 errors.
func (st *state) parseExportSpec(p params) (exportSpec, *apiError) {
	sp := exportSpec{
		fields:        p.list("fields"),
		forms:         p.list("forms"),
		events:        p.list("events"),
		records:       p.list("records"),
		label:         p.get("rawOrLabel") == "label",
		checkboxLabel: p.flag("exportCheckboxLabel"),
		survey:        p.flag("exportSurveyFields"),
		dag:           p.flag("exportDataAccessGroups"),
		blankGray:     p.flag("exportBlankForGrayFormStatus"),
		labelHeaders:  p.get("rawOrLabelHeaders") == "label",
		filter:        p.get("filterLogic"),
		eav:           p.get("type") == "eav",
		begin:         p.get("dateRangeBegin"),
		end:           p.get("dateRangeEnd"),
	}
	sp.changed = st.changedBetween(sp.begin, sp.end)
	switch d := p.get("csvDelimiter"); {
	case d == "tab":
		sp.tabDelimiter = true
	case d == ";" || d == "|" || d == "^":
		sp.delim = d[0]
	}
	var bad []string
	for _, f := range sp.fields {
		if _, isColumn := st.sch.columns[f]; st.sch.byName[f] == nil && !st.isFormComplete(f) && !isColumn {
			bad = append(bad, "'"+f+"'")
		}
	}
	if len(bad) > 0 {
		return sp, badRequest(fmt.Sprintf(`The following values in the parameter "fields" are not valid: %s`, strings.Join(bad, ", ")))
	}
	for _, f := range sp.forms {
		if !slices.Contains(st.sch.forms, f) {
			bad = append(bad, "'"+f+"'")
		}
	}
	if len(bad) > 0 {
		return sp, badRequest(fmt.Sprintf(`The following values in the parameter "forms" are not valid: %s`, strings.Join(bad, ", ")))
	}
	for _, e := range sp.events {
		if _, ok := st.event(e); !ok {
			bad = append(bad, "'"+e+"'")
		}
	}
	if len(bad) > 0 {
		return sp, badRequest(fmt.Sprintf(`The following values in the parameter "events" are not valid: %s`, strings.Join(bad, ", ")))
	}
	return sp, nil
}

// apiError is a REDCap error: status and message (the envelope is chosen by the caller).
type apiError struct {
	status int
	msg    string
}

func badRequest(msg string) *apiError { return &apiError{status: http.StatusBadRequest, msg: msg} }

// selected reports whether the spec selects the data field (or <form>_complete column owner).
func (sp exportSpec) selected(field, form string) bool {
	if sp.all || (len(sp.fields) == 0 && len(sp.forms) == 0) {
		return true
	}
	return slices.Contains(sp.fields, field) || slices.Contains(sp.forms, form)
}

// outColumn is one column of a flat export.
type outColumn struct {
	name  string
	field string // data field ("" for record-level columns and form status)
	form  string // form of the column ("" for record-level columns)
	code  string // checkbox choice or missing code
	kind  colKind
}

type colKind int

const (
	colRecordID colKind = iota
	colEvent
	colRepeatInstrument
	colRepeatInstance
	colDAG
	colSurveyID
	colTimestamp
	colValue
	colCheckbox
	colComplete
)

// columnsFor lists the columns of a flat export in REDCap's order.
func (st *state) columnsFor(sp exportSpec) []outColumn {
	rid := st.sch.recordID
	withID := sp.selected(rid, st.sch.formOf[rid])
	var cols []outColumn
	if withID {
		cols = append(cols, outColumn{name: rid, field: rid, form: st.sch.formOf[rid], kind: colRecordID})
		if st.longitudinal() {
			cols = append(cols, outColumn{name: "redcap_event_name", kind: colEvent})
		}
		if st.hasRepeating() {
			cols = append(cols, outColumn{name: "redcap_repeat_instrument", kind: colRepeatInstrument},
				outColumn{name: "redcap_repeat_instance", kind: colRepeatInstance})
		}
		if sp.dag && len(st.proj.DAGs) > 0 && st.rights.DAG == "" {
			cols = append(cols, outColumn{name: "redcap_data_access_group", kind: colDAG})
		}
		if sp.survey {
			cols = append(cols, outColumn{name: "redcap_survey_identifier", kind: colSurveyID})
		}
	}
	for _, f := range st.proj.Forms {
		formSelected := sp.all || (len(sp.fields) == 0 && len(sp.forms) == 0) || slices.Contains(sp.forms, f.Name)
		first := true
		for _, fl := range f.Fields {
			if fl.Name == rid || st.sch.byName[fl.Name] == nil || !sp.selected(fl.Name, f.Name) || !st.mayExport(fl) {
				continue
			}
			if first && sp.survey && slices.Contains(st.surveyForms, f.Name) {
				cols = append(cols, outColumn{name: f.Name + "_timestamp", form: f.Name, kind: colTimestamp})
			}
			first = false
			for _, c := range st.exportColumnsOf(st.sch, fl) {
				k := colValue
				if c.code != "" || fl.Type == "checkbox" {
					k = colCheckbox
				}
				cols = append(cols, outColumn{name: c.name, field: fl.Name, form: f.Name, code: c.code, kind: k})
			}
		}
		// When only the record ID is asked for, REDCap adds the status of each repeating
		// instrument, which marks the rows of its instances.
		onlyID := len(sp.fields) == 1 && sp.fields[0] == rid && len(sp.forms) == 0
		withStatus := formSelected || slices.Contains(sp.fields, f.Name+"_complete") ||
			onlyID && st.repeatsSomewhere(f.Name)
		if withStatus && st.mayExportForm(f.Name) {
			cols = append(cols, outColumn{name: f.Name + "_complete", form: f.Name, kind: colComplete})
		}
	}
	return cols
}
