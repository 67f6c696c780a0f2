package redcaptest

import (
	"net/http"
	"strconv"
	"strings"
)

// manageCalls are the "Manage/Design " texts REDCap logs for successful design calls, by content
// and action.
var manageCalls = map[[2]string]string{
	{"version", "export"}:              "Export REDCap version (API)",
	{"project", "export"}:              "Export project information (API)",
	{"project_xml", "export"}:          "Export project XML (API)",
	{"metadata", "export"}:             "Download data dictionary (API)",
	{"metadata", "import"}:             "Upload data dictionary (API)",
	{"exportFieldNames", "export"}:     "Download export field names (API)",
	{"instrument", "export"}:           "Export instruments (API)",
	{"fieldValidation", "export"}:      "Export field validations (API)",
	{"project_settings", "import"}:     "Import project information (API)",
	{"arm", "export"}:                  "Export arms (API)",
	{"arm", "import"}:                  "Import arms (API)",
	{"arm", "delete"}:                  "Delete arms (API)",
	{"event", "export"}:                "Export events (API)",
	{"event", "import"}:                "Import events (API)",
	{"event", "delete"}:                "Delete events (API)",
	{"formEventMapping", "export"}:     "Export instrument-event mappings (API)",
	{"formEventMapping", "import"}:     "Import instrument-event mappings (API)",
	{"repeatingFormsEvents", "export"}: "Export repeating instruments and events (API)",
	{"dag", "export"}:                  "Export DAGs (API)",
	{"dag", "import"}:                  "Import DAGs (API)",
	{"dag", "delete"}:                  "Delete DAGs (API)",
	{"dag", "switch"}:                  "Switch DAG (API)",
	{"user", "export"}:                 "Export users (API)",
	{"user", "import"}:                 "Import users (API)",
	{"user", "delete"}:                 "Delete users (API)",
	{"userRole", "export"}:             "Export user roles (API)",
	{"userRole", "import"}:             "Import user roles (API)",
	{"userRole", "delete"}:             "Delete user roles (API)",
	{"userRoleMapping", "export"}:      "Export user role assignments (API)",
	{"userDagMapping", "export"}:       "Export User-DAG assignments (API)",
	{"userDagMapping", "import"}:       "Import User-DAG assignments (API)",
	{"log", "export"}:                  "Export Logging (API)",
}

// logCall logs a call after it was answered: design calls, record exports and file calls (record
// imports, deletions and renames log themselves as they change the data). Failed calls are not
// logged.
func (st *state) logCall(p params, a answer) {
	if a.status != http.StatusOK {
		return
	}
	content, action := p.get("content"), p.get("action")
	if action == "" && p.has("data") {
		action = "import"
	}
	if action == "" {
		action = "export"
	}
	switch content {
	case "record":
		if action != "import" && action != "delete" && action != "rename" {
			label, format := "raw", p.dataFormat()
			if p.get("rawOrLabel") == "label" {
				label = "label"
			}
			if p.get("format") == "odm" {
				format = "odm"
			}
			st.journal().add(logEntry{at: st.now(), user: logUserName, action: "Data export (API) ",
				details: "export_format: " + strings.ToUpper(format) + ", rawOrLabel: " + label, kind: logExport})
		}
		return
	case "file":
		st.logFileCall(p, action)
		return
	case "fileRepository":
		st.logRepositoryCall(p)
		return
	case "pdf":
		if a.body != pdfNeedsEventPage {
			st.logPDFCall(p)
		}
		return
	}
	if content == "repeatingFormsEvents" && action == "import" {
		text := "Set up repeating instruments"
		if st.longitudinal() {
			text += "/events"
		}
		st.logManageCall(text, "")
		return
	}
	if text, ok := manageCalls[[2]string{content, action}]; ok {
		st.logManageCall(text, "")
	}
}

// logFileCall logs an upload or deletion of a record's file as a change to the record, and a
// download as a design entry stored for the record.
func (st *state) logFileCall(p params, action string) {
	id, field := p.get("record"), p.get("field")
	event := p.get("event")
	switch {
	case !st.longitudinal():
		event = "" // a classic project (or one with a single event) ignores the event
	case event == "":
		event = st.proj.Events[0].UniqueName
	}
	inst, _ := strconv.Atoi(p.get("repeat_instance"))
	prefix, suffix := instancePrefix(inst), st.logEventSuffix(event)
	switch action {
	case "import":
		k := rowKey{event: event}
		if inst > 0 {
			k.inst = inst
			if st.repeatingForm(event, st.sch.formOf[field]) {
				k.form = st.sch.formOf[field]
			}
		}
		doc := ""
		if rec := st.records[id]; rec != nil {
			doc = rec.rows[k].get(field)
		}
		st.logRecordEntry(logRecordEdit, "Uploaded Document (API) Update record "+id+suffix, id, prefix+field+" = '"+doc+"'")
	case "delete":
		st.logRecordEntry(logRecordEdit, "Deleted Document Update record "+id+suffix, id, prefix+field)
	case "export":
		st.logManageCall("Download file (API)", id)
	}
}

// logPageView logs one API request, as REDCap logs every page it serves. After the first one,
// REDCap's own background request that rebuilds the record list is logged too, without a user.
func (st *state) logPageView(r *http.Request) {
	l := st.journal()
	base := st.baseURL
	_, page := splitAPIPath(r.URL.Path)
	l.add(logEntry{at: st.now(), user: logUserName, action: "Page View ", details: "Page accessed: " + base + page, kind: logPageView})
	l.pageViews++
	if l.pageViews == 1 {
		l.add(logEntry{at: st.now(), action: "Page View ", kind: logPageView,
			details: "Page accessed: " + base + "redcap_v15.7.6/index.php?pid=" + itoa(st.projectID) + "&NOAUTH_BUILDRECORDLIST&PLUGIN&route=DataEntryController:buildRecordListCache"})
	}
}

// setDateHeader sends the server's clock (WithClock) in the Date header, as a web server sends
// its own: clients read the server's time from it.
func (s *Server) setDateHeader(w http.ResponseWriter) {
	s.mu.Lock()
	now := s.st.now()
	s.mu.Unlock()
	w.Header().Set("Date", now.UTC().Format(http.TimeFormat))
}
