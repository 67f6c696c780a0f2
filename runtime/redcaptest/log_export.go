package redcaptest

import (
	"slices"
	"strconv"
	"strings"
	"time"
)

// logTypes are the logtype values REDCap knows and the entries each keeps. Any other value
// (unknown, upper case, empty) is no filter at all.
var logTypes = map[string][]logKind{
	"record":        {logRecordAdd, logRecordEdit, logRecordDel},
	"record_add":    {logRecordAdd},
	"record_edit":   {logRecordEdit},
	"record_delete": {logRecordDel},
	"manage":        {logManage},
	"export":        {logExport},
	"user":          {logUser},
	"lock_record":   {},
	"page_view":     {logPageView},
}

// exportLog answers content=log: the project's log entries, newest first (page views oldest
// first), filtered by logtype, user, record, dag and beginTime/endTime. Bad filter values are
// never an error.
func (st *state) exportLog(p params) answer {
	kinds, known := logTypes[p.get("logtype")]
	record := p.get("record")
	if known && !strings.Contains(p.get("logtype"), "record") {
		record = "" // REDCap drops the record filter for a logtype of another kind
	}
	inDAG := st.logDAGFilter(p.get("dag"))
	begin, hasBegin := logTimeBound(p.get("beginTime"))
	end, hasEnd := logTimeBound(p.get("endTime"))
	user := p.get("user")
	var rows []logEntry
	for _, e := range st.journal().entries {
		switch {
		case known && !slices.Contains(kinds, e.kind):
		case !known && e.kind == logPageView:
		case record != "" && e.pk != record:
		case user != "" && e.user != user:
		case inDAG != nil && !inDAG(e):
		case hasBegin && logDigits(e.at) < begin:
		case hasEnd && logDigits(e.at) > end:
		default:
			rows = append(rows, e)
		}
	}
	if p.get("logtype") != "page_view" {
		slices.Reverse(rows)
	}
	t := table{cols: []string{"timestamp", "username", "action", "details", "record"}}
	for _, e := range rows {
		u := e.user
		if u == "" {
			u = nullValue
		}
		t.add(str(e.at.Format("2006-01-02 15:04")), str(u), str(e.action), str(e.details), str(e.record))
	}
	format := p.dataFormat()
	return okAnswer(format, t.render(format, xmlStyle{root: "logs", item: "log", trailerNL: true}, csvStyle{}))
}

// logDAGFilter keeps the record-data entries of the records now in the group whose numeric id is
// given; a unique group name or an unknown id is no filter (nil), as in REDCap.
func (st *state) logDAGFilter(dag string) func(logEntry) bool {
	id, err := strconv.Atoi(dag)
	if err != nil {
		return nil
	}
	for _, d := range st.proj.DAGs {
		if d.ID == id {
			unique := d.UniqueName
			return func(e logEntry) bool {
				rec := st.records[e.pk]
				return e.kind >= logRecordAdd && e.kind <= logRecordDel && rec != nil && rec.dag == unique
			}
		}
	}
	return nil
}

// logTimeBound reads beginTime or endTime as REDCap does: the value cut to 16 characters, ":00"
// appended, and its digits read as one number to compare with the entry's YYYYMMDDhhmmss. A
// value without digits gives 0.
func logTimeBound(s string) (int64, bool) {
	if s == "" {
		return 0, false
	}
	if len(s) > 16 {
		s = s[:16]
	}
	var n int64
	for _, r := range s + ":00" {
		if r >= '0' && r <= '9' && n < 1e17 {
			n = n*10 + int64(r-'0')
		}
	}
	return n, true
}

// logDigits is an entry time as REDCap stores it: the number YYYYMMDDhhmmss.
func logDigits(t time.Time) int64 {
	n, _ := strconv.ParseInt(t.Format("20060102150405"), 10, 64)
	return n
}
