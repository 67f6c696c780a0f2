package redcap

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"slices"
	"time"
)

// logColumns are the columns of a log export, in REDCap's order.
var logColumns = []string{"timestamp", "username", "action", "details", "record"}

// logRow is one log entry as REDCap sends it; the user is null in JSON for REDCap's own requests.
type logRow struct {
	Timestamp string  `json:"timestamp" xml:"timestamp"`
	Username  *string `json:"username" xml:"username"`
	Action    string  `json:"action" xml:"action"`
	Details   string  `json:"details" xml:"details"`
	Record    string  `json:"record" xml:"record"`
}

// parseLog reads a log export in its format (json, csv or xml) with times in the server's zone.
// An answer that is not a log export is an error naming the entry and what is wrong.
func parseLog(format string, body []byte, loc *time.Location) ([]LogEntry, error) {
	var rows []logRow
	var err error
	switch format {
	case "json":
		rows, err = logRowsJSON(body)
	case "csv":
		rows, err = logRowsCSV(body)
	case "xml":
		rows, err = logRowsXML(body)
	default:
		return nil, fmt.Errorf("log format %q is not json, csv or xml", format)
	}
	if err != nil {
		return nil, err
	}
	out := make([]LogEntry, len(rows))
	for i, r := range rows {
		t, err := time.ParseInLocation(logTimeLayout, r.Timestamp, loc)
		if err != nil {
			return nil, fmt.Errorf("log entry %d: timestamp %q is not YYYY-MM-DD HH:MM", i+1, r.Timestamp)
		}
		out[i] = LogEntry{Time: t, Action: r.Action, Details: r.Details, Record: r.Record}
		if r.Username != nil {
			out[i].Username = *r.Username
		}
	}
	return out, nil
}

// logRowsJSON reads REDCap's JSON log: an array of objects of strings.
func logRowsJSON(body []byte) ([]logRow, error) {
	var rows []logRow
	if err := json.Unmarshal(body, &rows); err != nil {
		return nil, fmt.Errorf("not a JSON log export: %w", err)
	}
	return rows, nil
}

// logRowsCSV reads REDCap's CSV log: the header, then one line per entry (no final newline).
func logRowsCSV(body []byte) ([]logRow, error) {
	r := csv.NewReader(bytes.NewReader(body))
	r.FieldsPerRecord = len(logColumns)
	header, err := r.Read()
	if err != nil {
		return nil, fmt.Errorf("not a CSV log export: header: %w", err)
	}
	if !slices.Equal(header, logColumns) {
		return nil, fmt.Errorf("not a CSV log export: header %q, want %q", header, logColumns)
	}
	var rows []logRow
	for {
		rec, err := r.Read()
		if errors.Is(err, io.EOF) {
			return rows, nil
		}
		if err != nil {
			return nil, fmt.Errorf("CSV log export: entry %d: %w", len(rows)+1, err)
		}
		user := rec[1]
		rows = append(rows, logRow{Timestamp: rec[0], Username: &user, Action: rec[2], Details: rec[3], Record: rec[4]})
	}
}

// logRowsXML reads REDCap's XML log: <logs> with one <log> per entry.
func logRowsXML(body []byte) ([]logRow, error) {
	var doc struct {
		XMLName xml.Name `xml:"logs"`
		Logs    []logRow `xml:"log"`
	}
	if err := xml.Unmarshal(body, &doc); err != nil {
		return nil, fmt.Errorf("not an XML log export: %w", err)
	}
	return doc.Logs, nil
}
