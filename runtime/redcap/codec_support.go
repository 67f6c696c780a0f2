package redcap

import (
	"fmt"
	"strings"
)

// Instance is one instance of a repeating instrument or repeating event: REDCap's instance number
// (redcap_repeat_instance, 1-based, gaps allowed) and its data. Number 0 (NewInstanceNumber)
// marks an instance built in code that REDCap has not numbered yet: it is sent as "new", REDCap
// gives it the next free number, and Import reports that number in ImportResult.NewInstances.
type Instance[T any] struct {
	Number int
	Data   T
}

// NewInstanceNumber is the Instance.Number of an instance REDCap is to number on import.
const NewInstanceNumber = 0

// RowError reports a flat row that does not fit the generated project: a second record ID, an
// unknown repeating instrument or event, a bad instance number, or a value in a column that does
// not belong on the row. It names the record, the row and the column; it never shows values.
type RowError struct {
	Record           string // record ID of the rows
	Row              int    // 1-based position of the row among the record's rows; 0 when encoding
	Event            string // redcap_event_name of the row ("" in classic projects)
	RepeatInstrument string // redcap_repeat_instrument of the row
	Instance         string // redcap_repeat_instance of the row, as sent
	Column           string // the column concerned, when one is
	Problem          string // what is wrong
}

// Error says where and what.
func (e *RowError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "redcap: record %q", e.Record)
	if e.Row > 0 {
		fmt.Fprintf(&b, ", row %d", e.Row)
	}
	if e.Event != "" {
		fmt.Fprintf(&b, ", event %q", e.Event)
	}
	if e.RepeatInstrument != "" {
		fmt.Fprintf(&b, ", repeating instrument %q", e.RepeatInstrument)
	}
	if e.Instance != "" {
		fmt.Fprintf(&b, ", instance %q", e.Instance)
	}
	if e.Column != "" {
		fmt.Fprintf(&b, ", column %q", e.Column)
	}
	b.WriteString(": ")
	b.WriteString(e.Problem)
	return b.String()
}

// FormInfo describes one instrument of a generated project.
type FormInfo struct {
	Name   string   // REDCap's unique instrument name
	Label  string   // instrument label, when the dictionary source carries it
	GoName string   // the generated struct type
	Fields []string // REDCap names of its data fields in dictionary order, <form>_complete last
	// Repeating is true when the instrument repeats (in a classic project, or in some event).
	Repeating bool
}
