package redcaptest

import (
	"net/http"
	"slices"
	"strings"
)

// projectXMLFrames are the stack frames of a project XML export below Records::getData, as
// REDCap 15.7.6 prints them when a filterLogic makes it throw.
var projectXMLFrames = []string{
	crashVersionDir + "Classes/Project.php(2377): Records::getData()",
	crashVersionDir + "API/project_xml/export.php(15): Project::getProjectXML()",
	crashVersionDir + "API/index.php(491): include('...')",
	"api/index.php(9): include('...')",
	"{main}",
}

// exportProjectXML answers content=project_xml: the whole project as CDISC ODM with REDCap's
// extensions (settings, events, forms, items, code lists) and, unless returnMetadataOnly, the
// data of the records selected by records[], fields[], events[] and filterLogic. The body is
// always XML; format only sets the Content-Type.
func (st *state) exportProjectXML(p params) answer {
	format := p.dataFormat()
	sp := exportSpec{
		records: p.list("records"),
		fields:  st.knownFields(p.list("fields")),
		events:  st.knownEvents(p.list("events")),
		survey:  p.flag("exportSurveyFields"),
		dag:     p.flag("exportDataAccessGroups"),
		filter:  p.get("filterLogic"),
	}
	metadataOnly := p.flag("returnMetadataOnly")
	if !metadataOnly {
		if crashes, report := st.exportCrash(sp, "xml"); crashes {
			if report != nil && len(report.frames) >= 2 {
				report.frames = append(slices.Clone(report.frames[:2]), projectXMLFrames...)
			}
			return crashAnswer(format, p.errorFormat(), report)
		}
	}
	now := st.now()
	oid := odmName(st.title)
	version := now.Format("2006-01-02_1504")
	stamp := now.Format("2006-01-02T15:04:05")
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="UTF-8" ?>` + "\n")
	b.WriteString(`<ODM xmlns="http://www.cdisc.org/ns/odm/v1.3" xmlns:ds="http://www.w3.org/2000/09/xmldsig#" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:redcap="https://projectredcap.org" xsi:schemaLocation="http://www.cdisc.org/ns/odm/v1.3 schema/odm/ODM1-3-1.xsd" ODMVersion="1.3.1" FileOID="000-00-0000" FileType="Snapshot"`)
	b.WriteString(` Description="` + odmAttr(st.title) + `" AsOfDateTime="` + stamp + `" CreationDateTime="` + stamp + `" SourceSystem="REDCap" SourceSystemVersion="15.7.6">` + "\n")
	b.WriteString(`<Study OID="Project.` + oid + `">` + "\n")
	st.writeGlobalVariables(&b)
	st.writeMetaDataVersion(&b, oid, version, sp.survey, sp.dag)
	b.WriteString("</Study>\n")
	switch {
	case metadataOnly:
	case st.longitudinal() && len(p.list("events")) > 0 && len(sp.events) == 0:
		// Only unknown events: REDCap writes every event's storage rows.
		st.writeEventStorageClinicalData(&b, oid, version, sp, p.flag("exportFiles"))
	case !st.longitudinal() && len(sp.fields) < len(p.list("fields")):
		// An unknown field: REDCap writes its storage rows.
		st.writeStoredClinicalData(&b, oid, version, sp, p.flag("exportFiles"))
	default:
		var rows []flatRow
		if sp.filter == "" || !st.filterNamesUnknownField(sp.filter) {
			rows = st.flatRows(sp)
		}
		st.writeClinicalData(&b, oid, version, st.columnsFor(sp), rows, p.flag("exportFiles"))
	}
	b.WriteString("</ODM>")
	return answer{status: http.StatusOK, format: format, body: b.String()}
}

// knownFields drops the names that are no field, form status or export column: REDCap ignores
// them in a project XML export.
func (st *state) knownFields(names []string) []string {
	var out []string
	for _, f := range names {
		if _, isColumn := st.sch.columns[f]; st.sch.byName[f] != nil || st.isFormComplete(f) || isColumn {
			out = append(out, f)
		}
	}
	return out
}

// knownEvents drops the names that are no event.
func (st *state) knownEvents(names []string) []string {
	var out []string
	for _, e := range names {
		if _, ok := st.event(e); ok {
			out = append(out, e)
		}
	}
	return out
}
