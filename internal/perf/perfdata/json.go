package perfdata

import (
	"fmt"
	"io"
	"unicode/utf8"
)

// JSON returns records first..last (1-based, inclusive) as a flat JSON export, escaped the way
// REDCap (PHP's json_encode) escapes: "/" as "\/", non-ASCII as \uXXXX.
func (g *Generator) JSON(first, last int) []byte {
	var b []byte
	b = append(b, '[')
	for n := first; n <= last; n++ {
		if n > first {
			b = append(b, ',')
		}
		b = g.AppendRow(b, g.Record(n))
	}
	return append(b, ']')
}

// WriteJSON writes records first..last as one flat JSON export to w, a few hundred records at a
// time, so its memory does not grow with the number of records.
func (g *Generator) WriteJSON(w io.Writer, first, last int) error {
	const chunk = 500
	if _, err := w.Write([]byte{'['}); err != nil {
		return fmt.Errorf("perfdata: write: %w", err)
	}
	var b []byte
	for n := first; n <= last; n++ {
		if n > first {
			b = append(b, ',')
		}
		b = g.AppendRow(b, g.Record(n))
		if (n-first)%chunk == chunk-1 || n == last {
			if _, err := w.Write(b); err != nil {
				return fmt.Errorf("perfdata: write: %w", err)
			}
			b = b[:0]
		}
	}
	if _, err := w.Write([]byte{']'}); err != nil {
		return fmt.Errorf("perfdata: write: %w", err)
	}
	return nil
}

// AppendRow appends one row object holding vals (one per column) to b.
func (g *Generator) AppendRow(b []byte, vals []string) []byte {
	b = append(b, '{')
	for i, col := range g.columns {
		if i > 0 {
			b = append(b, ',')
		}
		b = appendString(b, col)
		b = append(b, ':')
		b = appendString(b, vals[i])
	}
	return append(b, '}')
}

const hexDigits = "0123456789abcdef"

// appendString appends s as a PHP-escaped JSON string. Generated text is valid UTF-8.
func appendString(b []byte, s string) []byte {
	b = append(b, '"')
	for _, r := range s {
		switch {
		case r == '"' || r == '\\' || r == '/':
			b = append(b, '\\', byte(r))
		case r == '\n':
			b = append(b, '\\', 'n')
		case r < 0x20 || r >= utf8.RuneSelf && r < 0x10000:
			b = append(b, '\\', 'u', hexDigits[r>>12&0xF], hexDigits[r>>8&0xF], hexDigits[r>>4&0xF], hexDigits[r&0xF])
		case r >= 0x10000:
			r -= 0x10000
			for _, u := range [2]rune{0xD800 + r>>10, 0xDC00 + r&0x3FF} {
				b = append(b, '\\', 'u', hexDigits[u>>12&0xF], hexDigits[u>>8&0xF], hexDigits[u>>4&0xF], hexDigits[u&0xF])
			}
		default:
			b = append(b, byte(r))
		}
	}
	return append(b, '"')
}
