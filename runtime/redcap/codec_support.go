package redcap

import (
	"fmt"
	"strconv"
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

// newInstanceText is what REDCap's import takes for "the next free instance".
const newInstanceText = "new"

// ParseInstance reads a redcap_repeat_instance value as exported: a positive decimal integer
// (a JSON number arrives as its text). It refuses "", "0", signs, decimals and "new".
func ParseInstance(s string) (int, bool) {
	if s == "" || len(s) > 9 {
		return 0, false
	}
	n := 0
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return 0, false
		}
		n = n*10 + int(s[i]-'0')
	}
	return n, n > 0
}

// FormatInstance returns the redcap_repeat_instance text of an instance number for import:
// NewInstanceNumber (0) becomes "new", which REDCap replaces with the next free instance.
// Generated encoders refuse negative numbers before calling it.
func FormatInstance(n int) string {
	if n == NewInstanceNumber {
		return newInstanceText
	}
	return strconv.Itoa(n)
}

// Span is a half-open range [Start, End) of layout columns.
type Span struct {
	Start, End int
}

// FirstValueOutside returns the first column of row that holds a value but lies in none of the
// spans: a value the row's shape has no place for. Generated decoders use it so that such a
// value is reported, never dropped.
func FirstValueOutside(row *Row, spans ...Span) (int, bool) {
	next := 0
	for _, s := range spans {
		for i := next; i < s.Start && i < len(row.Values); i++ {
			if row.Values[i] != "" {
				return i, true
			}
		}
		next = max(next, s.End)
	}
	for i := next; i < len(row.Values); i++ {
		if row.Values[i] != "" {
			return i, true
		}
	}
	return 0, false
}

// CheckLayout returns nil when row uses the layout want, and otherwise an error: an
// *UnknownColumnError naming the first column want does not know, or an error saying the two
// layouts differ.
func CheckLayout(row *Row, want *Layout) error {
	if row.Layout == want {
		return nil
	}
	if row.Layout == nil {
		return fmt.Errorf("redcap: row has no layout")
	}
	for _, c := range row.Layout.cols {
		if _, ok := want.Index(c); !ok {
			return &UnknownColumnError{Column: c}
		}
	}
	if row.Layout.Len() == want.Len() && len(row.Values) == want.Len() {
		same := true
		for i, c := range row.Layout.cols {
			if want.cols[i] != c {
				same = false
				break
			}
		}
		if same {
			return nil
		}
	}
	return fmt.Errorf("redcap: row layout (%d columns) is not the generated project's layout (%d columns): read rows with the generated package's Schema", row.Layout.Len(), want.Len())
}

// MergePresent returns acc with every column present on row marked. An empty acc is made the
// row's width first, reusing its capacity when it has enough (generated DecodeRows passes the
// storage Recycle kept).
func MergePresent(acc []bool, row *Row) []bool {
	if len(acc) == 0 {
		if cap(acc) >= len(row.Present) {
			acc = acc[:len(row.Present)]
			clear(acc)
		} else {
			acc = make([]bool, len(row.Present))
		}
	}
	for i, p := range row.Present {
		if p && i < len(acc) {
			acc[i] = true
		}
	}
	return acc
}

// FinishRow sets which columns an encoded row carries: the columns of present (the columns the
// record was decoded from; nil means every column of the row's own spans), and always every
// column holding a value, so a value set in code is never left out.
func FinishRow(row *Row, present []bool, spans ...Span) {
	if present != nil {
		copy(row.Present, present)
	} else {
		for _, s := range spans {
			for i := s.Start; i < s.End && i < len(row.Present); i++ {
				row.Present[i] = true
			}
		}
	}
	for i, v := range row.Values {
		if v != "" {
			row.Present[i] = true
		}
	}
}

// AnyPresent reports whether the row carries any column in [first, end). Generated decoders skip
// a form whose columns are all absent: its values stay blank, as decoding them would leave them.
func AnyPresent(row *Row, first, end int) bool {
	for _, p := range row.Present[first:end] {
		if p {
			return true
		}
	}
	return false
}

// HasValueFrom reports whether any column from index start on holds a value.
func HasValueFrom(row *Row, start int) bool {
	for i := start; i < len(row.Values); i++ {
		if row.Values[i] != "" {
			return true
		}
	}
	return false
}

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
