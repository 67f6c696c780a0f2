package redcaptest

import (
	"net/http"
	"strings"
)

// reportColumn is one column of a report: an export column, or the one column of a checkbox
// field whose checked codes the report combines.
type reportColumn struct {
	outColumn
	combined bool
}

// exportReport answers content=report: the report's rows in json, csv, xml or odm. The record
// export parameters records[], fields[], filterLogic, type and exportDataAccessGroups do not
// apply; rawOrLabel, rawOrLabelHeaders, exportCheckboxLabel, csvDelimiter and decimalCharacter do.
func (st *state) exportReport(p params) answer {
	format, ef := p.dataFormat(), p.errorFormat()
	id := p.get("report_id")
	r, ok := st.reportByID(id)
	if !ok {
		return errorAnswer(http.StatusForbidden, ef, "The API request cannot complete because report_id="+id+" does not belong to this project.")
	}
	sp := exportSpec{
		fields:        r.Fields,
		events:        r.Events,
		label:         p.get("rawOrLabel") == "label",
		checkboxLabel: p.flag("exportCheckboxLabel"),
		labelHeaders:  p.get("rawOrLabelHeaders") == "label",
	}
	switch d := p.get("csvDelimiter"); d {
	case "tab":
		if format == "csv" {
			c := reportCSVDelimiterCrash()
			return crashAnswer(format, ef, &c)
		}
	case ";", "|", "^", "\t":
		sp.delim = d[0]
	}
	decimalComma := p.get("decimalCharacter") == ","
	rows := st.reportRows(r, sp)
	if p.get("format") == "odm" {
		return st.odmAnswer(sp, st.reportODMRows(sp, rows))
	}
	cols := st.reportColumns(r)
	if len(rows) == 0 {
		return okAnswer(format, emptyExport(format))
	}
	t := table{cols: make([]string, len(cols))}
	outs := make([]outColumn, len(cols))
	for i, c := range cols {
		t.cols[i], outs[i] = c.name, c.outColumn
	}
	for _, row := range rows {
		cells := make([]cell, len(cols))
		for i, c := range cols {
			v := st.reportCell(sp, c, row)
			if c.kind == colValue && !c.combined {
				if decimalComma {
					v = st.commaDecimal(c.field, v)
				}
				if !r.KeepLineBreaks {
					v = removeLineBreaks(v)
				}
			}
			cells[i] = cell{s: v, num: c.kind == colRepeatInstance && v != ""}
		}
		t.add(cells...)
	}
	cs := csvStyle{trailerNL: true, delim: sp.delim}
	if sp.labelHeaders {
		cs.header = st.headerLabels(outs)
	}
	return okAnswer(format, t.render(format, xmlStyle{root: "records"}, cs))
}

// reportColumns lists a report's columns: its fields in the report's order, checkbox fields
// expanded (or combined), and after the first column the event and repeat columns of the
// project and, with OutputDAGs, the DAG column. Fields the user may not export are left out.
func (st *state) reportColumns(r Report) []reportColumn {
	var cols []reportColumn
	for _, f := range r.Fields {
		fl := st.sch.byName[f]
		switch {
		case f == st.sch.recordID:
			cols = append(cols, reportColumn{outColumn: outColumn{name: f, field: f, form: st.sch.formOf[f], kind: colRecordID}})
		case fl == nil && st.isFormComplete(f):
			form := strings.TrimSuffix(f, "_complete")
			if st.mayExportForm(form) {
				cols = append(cols, reportColumn{outColumn: outColumn{name: f, form: form, kind: colComplete}})
			}
		case fl == nil || !st.mayExport(fl):
		case fl.Type == "checkbox" && r.CombineCheckboxes:
			cols = append(cols, reportColumn{outColumn: outColumn{name: f, field: f, form: st.sch.formOf[f], kind: colValue}, combined: true})
		case fl.Type == "checkbox":
			for _, c := range st.exportColumnsOf(st.sch, fl) {
				cols = append(cols, reportColumn{outColumn: outColumn{name: c.name, field: f, form: st.sch.formOf[f], code: c.code, kind: colCheckbox}})
			}
		default:
			cols = append(cols, reportColumn{outColumn: outColumn{name: f, field: f, form: st.sch.formOf[f], kind: colValue}})
		}
	}
	if len(cols) == 0 {
		return nil
	}
	var header []reportColumn
	if st.longitudinal() {
		header = append(header, reportColumn{outColumn: outColumn{name: "redcap_event_name", kind: colEvent}})
	}
	if st.hasRepeating() {
		header = append(header, reportColumn{outColumn: outColumn{name: "redcap_repeat_instrument", kind: colRepeatInstrument}},
			reportColumn{outColumn: outColumn{name: "redcap_repeat_instance", kind: colRepeatInstance}})
	}
	if r.OutputDAGs && len(st.proj.DAGs) > 0 && st.rights.DAG == "" {
		header = append(header, reportColumn{outColumn: outColumn{name: "redcap_data_access_group", kind: colDAG}})
	}
	return append(cols[:1], append(header, cols[1:]...)...)
}

// reportCell is the text of one column on one row of a report.
func (st *state) reportCell(sp exportSpec, c reportColumn, row reportRow) string {
	if !c.combined {
		return st.cellValue(sp, c.outColumn, row.rec, row.key, row.v)
	}
	if !st.belongs(c.form, row.key) {
		return ""
	}
	var parts []string
	for _, ec := range st.exportColumnsOf(st.sch, st.sch.byName[c.field]) {
		if row.v.get(ec.name) != "1" {
			continue
		}
		if sp.label {
			parts = append(parts, st.checkboxLabel(outColumn{field: c.field, code: ec.code}))
		} else {
			parts = append(parts, ec.code)
		}
	}
	return strings.Join(parts, ",")
}

// reportODMRows are the report's rows with the columns of a record export of its fields, which
// the ODM writer expects.
func (st *state) reportODMRows(sp exportSpec, rows []reportRow) []flatRow {
	cols := st.columnsFor(sp)
	out := make([]flatRow, len(rows))
	for i, row := range rows {
		vals := make([]string, len(cols))
		for j, c := range cols {
			vals[j] = st.cellValue(sp, c, row.rec, row.key, row.v)
		}
		out[i] = flatRow{rec: row.rec, key: row.key, vals: vals, inst: row.key.inst > 0}
	}
	return out
}

// removeLineBreaks is what a report that removes line breaks does to a value: each line break
// becomes two spaces and each double quote a single quote.
func removeLineBreaks(v string) string {
	if !strings.ContainsAny(v, "\r\n\"") {
		return v
	}
	return strings.NewReplacer("\r\n", "  ", "\r", "  ", "\n", "  ", `"`, "'").Replace(v)
}

// commaDecimal writes the decimal point of a number field's value as a comma
// (decimalCharacter=,).
func (st *state) commaDecimal(field, v string) string {
	fl := st.sch.byName[field]
	if fl == nil || strings.Count(v, ".") != 1 {
		return v
	}
	numeric := fl.Type == "calc" ||
		fl.Type == "text" && strings.HasPrefix(fl.Validation, "number") && !strings.Contains(fl.Validation, "comma")
	if !numeric || strings.Trim(v, "+-.0123456789") != "" {
		return v
	}
	return strings.Replace(v, ".", ",", 1)
}

// reportCSVDelimiterCrash is what REDCap throws when a CSV report is asked for with
// csvDelimiter=tab (the word reaches fputcsv).
func reportCSVDelimiterCrash() phpCrash {
	c := csvDelimiterCrash()
	c.frames = []string{
		crashVersionDir + "Classes/Records.php(4347): fputcsv()",
		crashVersionDir + "Classes/Records.php(4245): Records::convertFlatDataToCsv()",
		crashVersionDir + "Classes/DataExport.php(3614): Records::getData()",
		crashVersionDir + "Classes/Cache/States/DisabledState.php(7): DataExport::doReport()",
		crashVersionDir + `Classes/Cache/CacheManager.php(136): Vanderbilt\REDCap\Classes\Cache\States\DisabledState->getOrSet()`,
		crashVersionDir + `API/report/export.php(67): Vanderbilt\REDCap\Classes\Cache\CacheManager->getOrSet()`,
		crashVersionDir + `API/index.php(491): include('...')`,
		`api/index.php(9): include('...')`,
		`{main}`,
	}
	return c
}
