package redcap

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"time"
)

// LogType selects the kind of log entries (REDCap's logtype).
type LogType string

// REDCap's log types. LogAll (no filter) returns every kind except page views.
const (
	LogAll          LogType = ""
	LogRecord       LogType = "record"        // creates, updates and deletions of record data
	LogRecordAdd    LogType = "record_add"    // "Create record" entries
	LogRecordEdit   LogType = "record_edit"   // updates, form statuses, DAG assignment, file upload and delete
	LogRecordDelete LogType = "record_delete" // "Delete record" entries (not instance deletions)
	LogManage       LogType = "manage"        // design calls, file downloads, log exports
	LogExport       LogType = "export"        // record exports
	LogUser         LogType = "user"          // user rights changes
	LogLockRecord   LogType = "lock_record"   // record locking and e-signatures
	LogPageView     LogType = "page_view"     // one entry per page or API request, oldest first
)

// LogRequest selects entries of the project's log (content=log). Every filter is optional.
type LogRequest struct {
	Type   LogType
	User   string // entries of this user name
	Record string // entries of this record (with Type LogAll or a record type)
	// DAG is the numeric data_access_group_id of a group (from the DAG export): the record-data
	// entries of its records. REDCap ignores a unique group name.
	DAG string
	// Begin and End bound the entries' time. REDCap compares them with its log to the minute, in
	// the server's wall-clock time: they are converted to the client's server zone
	// (WithServerZone) and their seconds dropped. Begin is inclusive; End includes only the first
	// second of its minute, so an End of 15:31 keeps 15:31:00 but not 15:31:30.
	Begin, End time.Time
}

// LogEntry is one entry of the project's log.
type LogEntry struct {
	// Time is when the entry was logged, to the minute, in the server's zone (WithServerZone).
	Time time.Time
	// Username is who made the change; "" for REDCap's own background requests.
	Username string
	// Action is REDCap's action text, kept exactly: "Create record (API) 1", "Update record 3
	// (Baseline)", "Delete record (API) 3", "Manage/Design " (with its trailing space).
	Action string
	// Details is REDCap's description: the values set (field = 'value', race(1) = checked,
	// "[instance = 2], " first for instances from 2 on), or the call made (Export DAGs (API)).
	Details string
	// Record is the record the entry is about ("" for design and export entries).
	Record string
}

// WithServerZone tells the client the REDCap server's time zone. REDCap logs and compares times
// as wall-clock times of the server's clock without a zone, so log times (LogEntry.Time), log
// filters (LogRequest.Begin/End) and incremental syncs (Sync) need it. Use a named zone
// (time.LoadLocation("America/Chicago")), not time.Local, which names no zone.
func WithServerZone(loc *time.Location) Option {
	return func(c *Client) { c.serverZone = loc }
}

// errNoServerZone is returned by the calls that need the server's zone when none was set.
var errNoServerZone = errors.New("the server's time zone is not set (redcap.WithServerZone)")

// logTimeLayout is how REDCap sends and reads log times: to the minute.
const logTimeLayout = "2006-01-02 15:04"

// ExportLog exports the project's log entries, newest first (page views oldest first), as
// REDCap's JSON export lists them. A read: it is retried like other exports.
func (c *Client) ExportLog(ctx context.Context, r LogRequest) ([]LogEntry, error) {
	entries, _, err := c.exportLog(ctx, r)
	return entries, err
}

// exportLog exports log entries and returns the server's time of the answer (its Date header).
func (c *Client) exportLog(ctx context.Context, r LogRequest) ([]LogEntry, time.Time, error) {
	if c.serverZone == nil {
		return nil, time.Time{}, fmt.Errorf("redcap: export log: %w", errNoServerZone)
	}
	p := url.Values{"format": {"json"}, "returnFormat": {"json"}}
	set := func(k, v string) {
		if v != "" {
			p.Set(k, v)
		}
	}
	set("logtype", string(r.Type))
	set("user", r.User)
	set("record", r.Record)
	set("dag", r.DAG)
	if !r.Begin.IsZero() {
		p.Set("beginTime", r.Begin.In(c.serverZone).Format(logTimeLayout))
	}
	if !r.End.IsZero() {
		p.Set("endTime", r.End.In(c.serverZone).Format(logTimeLayout))
	}
	var date time.Time
	body, err := c.post(ctx, call{content: "log", params: p, read: true, date: &date})
	if err != nil {
		return nil, time.Time{}, err
	}
	entries, err := parseLog("json", body, c.serverZone)
	if err != nil {
		return nil, time.Time{}, fmt.Errorf("redcap: export log: %w", err)
	}
	return entries, date, nil
}
