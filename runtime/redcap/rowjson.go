package redcap

import (
	"errors"
	"fmt"
	"io"
)

// ReadRows reads a flat JSON export (an array of row objects, as REDCap sends it) and calls fn
// with each row, in order. The *Row is reused: fn must copy what it keeps (the strings stay
// valid). Values are JSON strings; a JSON number keeps its literal text (REDCap sends
// redcap_repeat_instance as a number), true and false become "1" and "0" (REDCap stores true as
// 1 on import), null becomes "". A column the layout does not know stops the read with an
// *UnknownColumnError naming the column and the row; an error from fn stops it too, wrapped
// with the row number.
//
// ReadRows streams: it holds one row at a time and allocates one string per row.
func ReadRows(r io.Reader, l *Layout, fn func(*Row) error) error {
	d := rowDecoder{src: r, buf: make([]byte, 32<<10), layout: l}
	row := NewRow(l)
	return d.run(&row, fn)
}

// span is where one column's value sits in rowDecoder.vals.
type span struct{ col, start, end int }

// rowDecoder is a small JSON scanner specialised for arrays of flat objects.
type rowDecoder struct {
	src      io.Reader
	buf      []byte
	pos, end int
	eof      bool
	readErr  error
	consumed int64 // bytes before buf[0]
	layout   *Layout
	vals     []byte // the current row's unescaped values, back to back
	key      []byte
	spans    []span
	rowNum   int
}

func (d *rowDecoder) run(row *Row, fn func(*Row) error) error {
	c, err := d.nonSpace("the start of the export")
	if err != nil {
		return err
	}
	if c != '[' {
		switch c {
		case '{':
			return d.fail("the answer is a JSON object, not an array of rows")
		case '<':
			return d.fail("the answer is HTML or XML, not JSON (a login page or a proxy in the way?)")
		}
		return d.fail("want a JSON array of rows")
	}
	d.pos++
	if c, err = d.nonSpace("a row or ]"); err != nil {
		return err
	}
	if c == ']' {
		d.pos++
		return d.trailing()
	}
	for {
		if c != '{' {
			return d.fail("want a row object")
		}
		d.pos++
		d.rowNum++
		if err := d.object(row); err != nil {
			return err
		}
		if err := fn(row); err != nil {
			return fmt.Errorf("row %d: %w", d.rowNum, err)
		}
		if c, err = d.nonSpace(", or ]"); err != nil {
			return err
		}
		d.pos++
		switch c {
		case ']':
			return d.trailing()
		case ',':
			if c, err = d.nonSpace("a row"); err != nil {
				return err
			}
		default:
			d.pos--
			return d.fail("want , or ] after a row")
		}
	}
}

// object reads one row object after its '{' into row.
func (d *rowDecoder) object(row *Row) error {
	row.Reset()
	d.vals, d.spans = d.vals[:0], d.spans[:0]
	c, err := d.nonSpace("a column or }")
	if err != nil {
		return err
	}
	if c == '}' {
		d.pos++
		return nil
	}
	next := 0 // REDCap sends columns in layout order: the next column is the likely one
	for {
		if c != '"' {
			return d.fail("want a column name")
		}
		d.pos++
		if d.key, err = d.str(d.key[:0]); err != nil {
			return err
		}
		col, ok := d.column(next)
		if !ok {
			return &UnknownColumnError{Column: string(d.key), Record: d.recordSoFar(), Row: d.rowNum}
		}
		next = col + 1
		if row.Present[col] {
			return d.fail(fmt.Sprintf("column %q appears twice in the row", d.layout.cols[col]))
		}
		row.Present[col] = true
		if c, err = d.nonSpace(":"); err != nil {
			return err
		}
		if c != ':' {
			return d.fail("want : after a column name")
		}
		d.pos++
		start := len(d.vals)
		if err := d.value(col); err != nil {
			return err
		}
		d.spans = append(d.spans, span{col: col, start: start, end: len(d.vals)})
		if c, err = d.nonSpace(", or }"); err != nil {
			return err
		}
		d.pos++
		if c == '}' {
			break
		}
		if c != ',' {
			d.pos--
			return d.fail("want , or } after a value")
		}
		if c, err = d.nonSpace("a column"); err != nil {
			return err
		}
	}
	s := string(d.vals) // one allocation per row; values are slices of it
	for _, sp := range d.spans {
		row.Values[sp.col] = s[sp.start:sp.end]
	}
	return nil
}

// column returns the layout position of the column name in d.key, trying position guess first
// (a string comparison is cheaper than the map lookup).
func (d *rowDecoder) column(guess int) (int, bool) {
	if guess < len(d.layout.cols) && d.layout.cols[guess] == string(d.key) {
		return guess, true
	}
	col, ok := d.layout.index[string(d.key)]
	return col, ok
}

// value reads one value and appends its text to d.vals.
func (d *rowDecoder) value(col int) error {
	c, err := d.nonSpace("a value")
	if err != nil {
		return err
	}
	switch {
	case c == '"':
		d.pos++
		d.vals, err = d.str(d.vals)
		return err
	case c == '-' || '0' <= c && c <= '9':
		return d.number()
	case c == 't':
		return d.literal("true", "1")
	case c == 'f':
		return d.literal("false", "0")
	case c == 'n':
		return d.literal("null", "")
	case c == '{' || c == '[':
		return d.fail(fmt.Sprintf("column %q holds an object or array, want text", d.layout.cols[col]))
	}
	return d.fail("want a value")
}

// recordSoFar returns the record ID (column 0) if the current row has read it already.
func (d *rowDecoder) recordSoFar() string {
	for _, sp := range d.spans {
		if sp.col == 0 {
			return string(d.vals[sp.start:sp.end])
		}
	}
	return ""
}

// trailing checks that nothing but white space follows the array.
func (d *rowDecoder) trailing() error {
	for d.fill() {
		if !isSpace(d.buf[d.pos]) {
			return d.fail("data after the end of the array")
		}
		d.pos++
	}
	return d.readErrOr(nil)
}

// fill makes sure buf[pos:end] is not empty; false at the end of the input.
func (d *rowDecoder) fill() bool {
	for empty := 0; d.pos >= d.end; empty++ {
		if d.eof {
			return false
		}
		d.consumed += int64(d.end)
		n, err := d.src.Read(d.buf)
		d.pos, d.end = 0, n
		if err == nil && n == 0 && empty >= 100 {
			err = io.ErrNoProgress
		}
		if err != nil {
			d.eof = true
			if !errors.Is(err, io.EOF) {
				d.readErr = err
			}
		}
	}
	return true
}

// nonSpace skips white space and returns the next byte without consuming it.
func (d *rowDecoder) nonSpace(want string) (byte, error) {
	for d.fill() {
		if c := d.buf[d.pos]; !isSpace(c) {
			return c, nil
		}
		d.pos++
	}
	return 0, d.readErrOr(d.fail("unexpected end of the export, want " + want))
}

// readErrOr returns the reader's error if reading failed, else err.
func (d *rowDecoder) readErrOr(err error) error {
	if d.readErr != nil {
		return fmt.Errorf("redcap: reading flat JSON export: %w", d.readErr)
	}
	return err
}

// fail reports a syntax problem at the current position. It never quotes the data.
func (d *rowDecoder) fail(msg string) error {
	where := fmt.Sprintf("byte %d", d.consumed+int64(d.pos))
	if d.rowNum > 0 {
		where = fmt.Sprintf("row %d, %s", d.rowNum, where)
	}
	return fmt.Errorf("redcap: flat JSON export: %s: %s", where, msg)
}

func isSpace(c byte) bool { return c == ' ' || c == '\n' || c == '\r' || c == '\t' }
