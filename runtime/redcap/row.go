package redcap

import "fmt"

// Layout is the complete, ordered list of flat-export columns of a project (REDCap's order: record
// ID, event and repeat columns, DAG and survey columns, then every field's columns form by form),
// with an index from column name to position. Generated packages build one at init.
type Layout struct {
	cols  []string
	index map[string]int
}

// NewLayout returns the layout of the given columns. Column names must be unique.
func NewLayout(cols ...string) *Layout {
	l := &Layout{cols: append([]string(nil), cols...), index: make(map[string]int, len(cols))}
	for i, c := range l.cols {
		if _, dup := l.index[c]; dup {
			panic(fmt.Sprintf("redcap: NewLayout: duplicate column %q", c)) // generated code never does this
		}
		l.index[c] = i
	}
	return l
}

// Len returns the number of columns.
func (l *Layout) Len() int { return len(l.cols) }

// Column returns the name of column i.
func (l *Layout) Column(i int) string { return l.cols[i] }

// Columns returns a copy of the column names in order.
func (l *Layout) Columns() []string { return append([]string(nil), l.cols...) }

// Index returns the position of a column.
func (l *Layout) Index(col string) (int, bool) {
	i, ok := l.index[col]
	return i, ok
}

// Row is one row of a flat export or import: a value per layout column, and which columns the
// row actually carries (an export limited by fields[] or forms[] carries fewer). A value is the
// exact text REDCap sent; redcap_repeat_instance, a JSON number on repeating rows, is held as its
// decimal text.
type Row struct {
	Layout  *Layout
	Values  []string
	Present []bool
}

// NewRow returns an empty row of the layout: no column present, every value "".
func NewRow(l *Layout) Row {
	return Row{Layout: l, Values: make([]string, l.Len()), Present: make([]bool, l.Len())}
}

// Get returns the value of column i ("" when absent).
func (r *Row) Get(i int) string { return r.Values[i] }

// Has reports whether column i is present on the row.
func (r *Row) Has(i int) bool { return r.Present[i] }

// Set stores v in column i and marks it present.
func (r *Row) Set(i int, v string) {
	r.Values[i] = v
	r.Present[i] = true
}

// SetByName stores v in the named column; it returns an error naming the column when the layout
// does not know it (an export column the generated code does not know is never dropped).
func (r *Row) SetByName(col, v string) error {
	i, ok := r.Layout.Index(col)
	if !ok {
		return &UnknownColumnError{Column: col}
	}
	r.Set(i, v)
	return nil
}

// Reset makes the row empty again, keeping its storage.
func (r *Row) Reset() {
	clear(r.Values)
	clear(r.Present)
}

// UnknownColumnError reports a column that the generated code does not know: the project's
// dictionary has changed since generation, or the data is not from this project.
type UnknownColumnError struct {
	Column string
	Record string // record ID when known
	Row    int    // 1-based row number in the body when known
}

// Error says which column, and where it appeared.
func (e *UnknownColumnError) Error() string {
	where := ""
	if e.Record != "" {
		where = fmt.Sprintf(" (record %q)", e.Record)
	}
	if e.Row > 0 {
		where += fmt.Sprintf(" (row %d)", e.Row)
	}
	return fmt.Sprintf("redcap: column %q is not in the generated project%s: regenerate the package or check the project", e.Column, where)
}
