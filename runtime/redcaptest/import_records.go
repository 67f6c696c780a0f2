package redcaptest

import (
	"net/http"
	"slices"
	"strings"

	"github.com/redcapgen/redcapgen/runtime/redcap"
)

// importOptions are the parameters of a record import that change what is stored.
type importOptions struct {
	overwrite  bool
	dateFormat string
	force      bool
	noCalcs    bool // store no calc value and compute none (a project XML's records on creation)
}

// importResult says what an import stored: the record IDs in order (new IDs under
// forceAutoNumber) and the IDs that were sent.
type importResult struct {
	ids  []string
	sent []string
}

const (
	msgRepeatNotEnabled = "ERROR: Trying to import repeat instance/instrument fields! The fields 'redcap_repeat_instrument' and 'redcap_repeat_instance' are reserved for when 'Repeating Instruments and Events' have been  enabled on the Project Setup page. This project does not have that feature enabled, so you may not import data with those fields."
	msgBadXML           = "The XML file could not be processed because it appears not to be valid XML or is missing certain basic components."
	msgNotSpecified     = "The data is not in the specified format."
)

// importRecords answers content=record, action=import.
func (st *state) importRecords(p params) answer {
	ef := p.errorFormat()
	pr, aerr := st.parsePayload(p)
	if aerr != nil {
		return errorAnswer(aerr.status, ef, aerr.msg)
	}
	opts := importOptions{
		overwrite:  p.get("overwriteBehavior") == "overwrite",
		dateFormat: p.get("dateFormat"),
		force:      p.flag("forceAutoNumber"),
	}
	res, aerr := st.importParsed(pr, opts)
	if aerr != nil {
		return errorAnswer(aerr.status, ef, aerr.msg)
	}
	return importAnswer(ef, p.get("returnContent"), opts.force, res)
}

// parsePayload reads the data parameter in its format and type.
func (st *state) parsePayload(p params) (*parsedRows, *apiError) {
	data := p.get("data")
	var pr *parsedRows
	switch p.get("format") {
	case "json":
		var aerr *apiError
		if pr, aerr = parseJSONPayload(data); aerr != nil {
			return nil, aerr
		}
	case "csv":
		pr = parseCSVPayload(data)
	case "odm":
		if !strings.Contains(data, "<ClinicalData") {
			return nil, badRequest(msgBadXML)
		}
		items, err := readClinicalData(data)
		if err != nil {
			return nil, badRequest(msgBadXML)
		}
		pr = st.parsedFromMaps(st.clinicalRows(items))
	default:
		var err error
		if pr, err = parseXMLPayload(data); err != nil {
			if p.get("format") == "odm" {
				return nil, badRequest(msgBadXML)
			}
			return nil, badRequest(msgNotSpecified)
		}
	}
	if p.get("type") == "eav" {
		pr = st.eavToFlat(pr)
	}
	return pr, nil
}

// importRows stores rows given as maps (Server.Load).
func (st *state) importRows(rows []map[string]string, opts importOptions) (importResult, *apiError) {
	return st.importParsed(st.parsedFromMaps(rows), opts)
}

// parsedFromMaps makes a payload of rows given as maps, its columns in export order.
func (st *state) parsedFromMaps(rows []map[string]string) *parsedRows {
	pr := &parsedRows{rows: rows}
	for _, r := range rows {
		keys := make([]string, 0, len(r))
		for k := range r {
			keys = append(keys, k)
		}
		slices.SortFunc(keys, func(a, b string) int { return st.columnOrder(a) - st.columnOrder(b) })
		for _, k := range keys {
			pr.addCol(k)
		}
	}
	return pr
}

// columnOrder ranks a column by its place in a full export, for storing loaded rows in order;
// columns that are not fields come first.
func (st *state) columnOrder(col string) int {
	if i, ok := st.sch.order[col]; ok {
		return i
	}
	return -1
}

// importParsed checks every row, reports the first category of problem REDCap would report, and
// stores everything only when nothing is wrong.
func (st *state) importParsed(pr *parsedRows, opts importOptions) (importResult, *apiError) {
	if aerr := st.checkColumns(pr); aerr != nil {
		return importResult{}, aerr
	}
	plan, aerr := st.planRows(pr, opts)
	if aerr != nil {
		return importResult{}, aerr
	}
	if aerr := st.checkDAGImport(pr, plan); aerr != nil {
		return importResult{}, aerr
	}
	if lines := st.checkValues(plan, pr, opts); len(lines) > 0 {
		return importResult{}, badRequest(strings.Join(lines, "\n"))
	}
	if aerr := st.checkLimit(plan); aerr != nil {
		return importResult{}, aerr
	}
	return st.store(plan, pr, opts), nil
}

// checkColumns refuses repeat columns in projects without repeats and unknown columns.
func (st *state) checkColumns(pr *parsedRows) *apiError {
	if !st.hasRepeating() && (slices.Contains(pr.cols, "redcap_repeat_instrument") || slices.Contains(pr.cols, "redcap_repeat_instance")) {
		return badRequest(msgRepeatNotEnabled)
	}
	var unknown []string
	for _, c := range pr.cols {
		if !st.importableColumn(c) {
			unknown = append(unknown, c)
		}
	}
	if len(unknown) > 0 {
		return badRequest("The following fields were not found in the project as real data fields: " + strings.Join(unknown, ", "))
	}
	return nil
}

// importableColumn reports whether an import may carry the column.
func (st *state) importableColumn(c string) bool {
	switch c {
	case st.sch.recordID, "redcap_event_name", "redcap_repeat_instrument", "redcap_repeat_instance", "redcap_data_access_group", "redcap_survey_identifier":
		return true
	}
	_, ok := st.sch.columns[c]
	return ok || st.isFormComplete(c)
}

// csvLine renders one value error as REDCap does: "record","field","value","message".
func csvLine(parts ...string) string {
	q := make([]string, len(parts))
	for i, s := range parts {
		q[i] = `"` + strings.ReplaceAll(s, `"`, `""`) + `"`
	}
	return strings.Join(q, ",")
}

// importAnswer renders the import result asked for by returnContent.
func importAnswer(format, returnContent string, force bool, res importResult) answer {
	var items []string
	switch returnContent {
	case "nothing":
		return answer{status: http.StatusOK, format: format}
	case "ids":
		items = res.ids
	case "auto_ids":
		if !force {
			return countAnswer(format, len(res.ids))
		}
		for i, id := range res.ids {
			items = append(items, id+","+res.sent[i])
		}
	default:
		return countAnswer(format, len(res.ids))
	}
	t := table{cols: []string{"id"}}
	for _, id := range items {
		t.add(str(id))
	}
	switch format {
	case "json":
		quoted := make([]string, len(items))
		for i, s := range items {
			quoted[i] = phpJSONString(s)
		}
		return okAnswer(format, "["+strings.Join(quoted, ",")+"]")
	case "csv":
		return okAnswer(format, t.render(format, xmlStyle{}, csvStyle{trailerNL: true}))
	}
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="UTF-8" ?><ids>`)
	for _, s := range items {
		b.WriteString("<id>" + xmlEscape(s) + "</id>")
	}
	b.WriteString("</ids>")
	return okAnswer(format, b.String())
}

// countAnswer is {"count": n} in the format.
func countAnswer(format string, n int) answer {
	switch format {
	case "json":
		return okAnswer(format, `{"count": `+itoa(n)+`}`)
	case "csv":
		return okAnswer(format, itoa(n))
	}
	return okAnswer(format, `<?xml version="1.0" encoding="UTF-8" ?><count>`+itoa(n)+`</count>`)
}

// dateFormatOf maps the dateFormat parameter.
func dateFormatOf(s string) redcap.DateFormat { return redcap.ParseDateFormat(s) }
