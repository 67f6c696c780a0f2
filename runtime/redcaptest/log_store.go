package redcaptest

import "time"

// logKind is the logtype a log entry belongs to.
type logKind int

const (
	logManage     logKind = iota // Manage/Design entries (design calls, downloads, log exports)
	logExport                    // Data export entries
	logUser                      // user rights entries (Add user)
	logRecordAdd                 // Create record entries
	logRecordEdit                // updates, form statuses, DAG assignment, file upload and delete
	logRecordDel                 // Delete record entries
	logPageView                  // one per API request
)

// logEntry is one row of the project's log. The time keeps its seconds, though exports show
// minutes only: dateRangeBegin/End and beginTime/endTime compare to the second.
type logEntry struct {
	at      time.Time
	user    string // "" for REDCap's own background requests (exported as null)
	action  string
	details string
	record  string // the record column
	pk      string // the record the entry is stored for (also for a file download, whose record column is empty)
	kind    logKind
}

// projectLog is the project's log in the order entries were written, and what it needs to
// write them.
type projectLog struct {
	entries []logEntry
	// pageViews counts the API requests logged, for the background request REDCap makes after
	// the first one.
	pageViews int
	// sentPos is the place of each field in the columns of the import sentFor, computed once per
	// import for ordering the logged values.
	sentFor *parsedRows
	sentPos map[string]int
}

// logUserName is the user behind the server's token, as the log names it.
const logUserName = "site_admin"

// newProjectLog starts a project's log with the entries of its creation.
func newProjectLog(at time.Time) *projectLog {
	l := &projectLog{}
	l.add(logEntry{at: at, user: logUserName, action: "Add user " + logUserName, details: "user = '" + logUserName + "'", record: logUserName, kind: logUser})
	l.add(logEntry{at: at, user: logUserName, action: actionManage, details: "Create project (API)", kind: logManage})
	return l
}

// actionManage is the action of design calls, downloads and log exports (with REDCap's trailing
// space).
const actionManage = "Manage/Design "

func (l *projectLog) add(e logEntry) { l.entries = append(l.entries, e) }

// journal returns the project's log, starting it at the current time when the server has none.
func (st *state) journal() *projectLog {
	if st.log == nil {
		st.log = newProjectLog(st.now())
	}
	return st.log
}

// logManageCall logs a design or other non-data call: "Manage/Design " with the call's text.
func (st *state) logManageCall(details, pk string) {
	st.journal().add(logEntry{at: st.now(), user: logUserName, action: actionManage, details: details, pk: pk, kind: logManage})
}

// logRecordEntry logs a change to a record's data.
func (st *state) logRecordEntry(kind logKind, action, record, details string) {
	st.journal().add(logEntry{at: st.now(), user: logUserName, action: action, details: details, record: record, pk: record, kind: kind})
}
