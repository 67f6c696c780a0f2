package redcap

import (
	"bufio"
	"fmt"
	"io"
	"unicode/utf8"
)

// repeatInstanceColumn is the one record column REDCap writes as a JSON number.
const repeatInstanceColumn = "redcap_repeat_instance"

// WriteRows writes rows as REDCap's flat JSON: an array of objects holding each row's present
// columns in layout order, every value a string except a non-empty redcap_repeat_instance made
// of digits, which is a number. Strings are escaped as REDCap (PHP's json_encode) does: "/" as
// "\/", non-ASCII as \uXXXX, so an exported body read with ReadRows is written back byte for
// byte. A value that is not valid UTF-8 is refused (naming row and column) rather than altered.
func WriteRows(w io.Writer, rows []Row) error {
	return writeRows(bufio.NewWriterSize(w, writeBufferSize), rows)
}

// writeBufferSize is the buffer WriteRows writes through.
const writeBufferSize = 32 << 10

// writeRows is WriteRows through bw, which Import reuses from batch to batch.
func writeRows(bw *bufio.Writer, rows []Row) error {
	bw.WriteByte('[')
	for n := range rows {
		if n > 0 {
			bw.WriteByte(',')
		}
		if err := writeRow(bw, &rows[n], n+1); err != nil {
			return err
		}
	}
	bw.WriteByte(']')
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("redcap: writing flat JSON: %w", err)
	}
	return nil
}

// writeRow writes one row object; rowNum is 1-based for errors.
func writeRow(bw *bufio.Writer, r *Row, rowNum int) error {
	if r.Layout == nil || len(r.Values) != r.Layout.Len() || len(r.Present) != r.Layout.Len() {
		return fmt.Errorf("redcap: writing flat JSON: row %d does not match its layout", rowNum)
	}
	bw.WriteByte('{')
	first := true
	for i, present := range r.Present {
		if !present {
			continue
		}
		if !first {
			bw.WriteByte(',')
		}
		first = false
		col, v := r.Layout.cols[i], r.Values[i]
		if err := writePHPString(bw, col); err != nil {
			return fmt.Errorf("redcap: writing flat JSON: row %d: column name %q: %w", rowNum, col, err)
		}
		bw.WriteByte(':')
		if col == repeatInstanceColumn && isDigits(v) {
			bw.WriteString(v)
			continue
		}
		if err := writePHPString(bw, v); err != nil {
			return fmt.Errorf("redcap: writing flat JSON: row %d (record %q) column %q: %w", rowNum, recordOf(r), col, err)
		}
	}
	bw.WriteByte('}')
	return nil
}

// recordOf returns the row's record ID (column 0) when present.
func recordOf(r *Row) string {
	if len(r.Present) > 0 && r.Present[0] {
		return r.Values[0]
	}
	return ""
}

// isDigits reports whether s is one or more ASCII digits.
func isDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

const lowerHex = "0123456789abcdef"

// writePHPString writes s as a JSON string escaped like PHP's json_encode defaults.
func writePHPString(bw *bufio.Writer, s string) error {
	bw.WriteByte('"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c >= 0x20 && c < utf8.RuneSelf && c != '"' && c != '\\' && c != '/' {
			i++
			continue
		}
		bw.WriteString(s[start:i])
		if c < utf8.RuneSelf {
			switch c {
			case '"', '\\', '/':
				bw.WriteByte('\\')
				bw.WriteByte(c)
			case '\b':
				bw.WriteString(`\b`)
			case '\f':
				bw.WriteString(`\f`)
			case '\n':
				bw.WriteString(`\n`)
			case '\r':
				bw.WriteString(`\r`)
			case '\t':
				bw.WriteString(`\t`)
			default:
				writeU4(bw, rune(c))
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			return fmt.Errorf("byte %d is not valid UTF-8", i)
		}
		if r >= 0x10000 {
			r -= 0x10000
			writeU4(bw, 0xD800+(r>>10))
			writeU4(bw, 0xDC00+(r&0x3FF))
		} else {
			writeU4(bw, r)
		}
		i += size
		start = i
	}
	bw.WriteString(s[start:])
	bw.WriteByte('"')
	return nil
}

// writeU4 writes \uXXXX with lower-case hex digits.
func writeU4(bw *bufio.Writer, r rune) {
	bw.WriteByte('\\')
	bw.WriteByte('u')
	for shift := 12; shift >= 0; shift -= 4 {
		bw.WriteByte(lowerHex[r>>shift&0xF])
	}
}
