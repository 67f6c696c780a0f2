package redcap

import (
	"encoding/binary"
	"unicode/utf16"
	"unicode/utf8"
)

// str reads a JSON string after its opening quote, appending the unescaped text to dst. Bytes
// are kept as sent (invalid UTF-8 is not replaced); an escaped lone surrogate becomes U+FFFD,
// as in encoding/json.
func (d *rowDecoder) str(dst []byte) ([]byte, error) {
	for {
		if !d.fill() {
			return dst, d.readErrOr(d.fail("unexpected end of the export in a string"))
		}
		chunk := d.buf[d.pos:d.end]
		i := 0
		for i+8 <= len(chunk) && !mayStopString(binary.LittleEndian.Uint64(chunk[i:])) {
			i += 8
		}
		for i < len(chunk) && !stopsString[chunk[i]] {
			i++
		}
		dst = append(dst, chunk[:i]...)
		d.pos += i
		if i == len(chunk) {
			continue
		}
		c := chunk[i]
		switch {
		case c == '"':
			d.pos++
			return dst, nil
		case c < 0x20:
			return dst, d.fail("control character in a string")
		}
		d.pos++ // the backslash
		e, err := d.byteIn("an escape")
		if err != nil {
			return dst, err
		}
		if dst, err = d.escape(dst, e); err != nil {
			return dst, err
		}
	}
}

// escape appends the character of the escape \e (e already consumed).
func (d *rowDecoder) escape(dst []byte, e byte) ([]byte, error) {
	switch e {
	case '"', '\\', '/':
		return append(dst, e), nil
	case 'b':
		return append(dst, '\b'), nil
	case 'f':
		return append(dst, '\f'), nil
	case 'n':
		return append(dst, '\n'), nil
	case 'r':
		return append(dst, '\r'), nil
	case 't':
		return append(dst, '\t'), nil
	case 'u':
		r, err := d.hex4()
		if err != nil {
			return dst, err
		}
		return d.unicodeEscape(dst, r)
	}
	return dst, d.fail("invalid escape in a string")
}

// unicodeEscape appends the rune of \uXXXX, pairing a high surrogate with a following low one.
func (d *rowDecoder) unicodeEscape(dst []byte, r rune) ([]byte, error) {
	for {
		if !utf16.IsSurrogate(r) {
			return utf8.AppendRune(dst, r), nil
		}
		if r >= 0xDC00 || !d.fill() || d.buf[d.pos] != '\\' {
			return utf8.AppendRune(dst, utf8.RuneError), nil
		}
		d.pos++
		e, err := d.byteIn("an escape")
		if err != nil {
			return dst, err
		}
		if e != 'u' {
			dst = utf8.AppendRune(dst, utf8.RuneError)
			return d.escape(dst, e)
		}
		r2, err := d.hex4()
		if err != nil {
			return dst, err
		}
		if 0xDC00 <= r2 && r2 < 0xE000 {
			return utf8.AppendRune(dst, utf16.DecodeRune(r, r2)), nil
		}
		dst = utf8.AppendRune(dst, utf8.RuneError)
		r = r2
	}
}

// hex4 reads the four hex digits of \uXXXX.
func (d *rowDecoder) hex4() (rune, error) {
	var r rune
	for range 4 {
		c, err := d.byteIn("a \\u escape")
		if err != nil {
			return 0, err
		}
		switch {
		case '0' <= c && c <= '9':
			c -= '0'
		case 'a' <= c && c <= 'f':
			c = c - 'a' + 10
		case 'A' <= c && c <= 'F':
			c = c - 'A' + 10
		default:
			return 0, d.fail("invalid \\u escape in a string")
		}
		r = r<<4 | rune(c)
	}
	return r, nil
}

// byteIn consumes and returns one byte; the end of input is an error naming what was being read.
func (d *rowDecoder) byteIn(what string) (byte, error) {
	if !d.fill() {
		return 0, d.readErrOr(d.fail("unexpected end of the export in " + what))
	}
	c := d.buf[d.pos]
	d.pos++
	return c, nil
}

// number appends a JSON number's literal text to d.vals after checking its grammar:
// -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?
func (d *rowDecoder) number() error {
	start := len(d.vals)
	for d.fill() {
		c := d.buf[d.pos]
		if !('0' <= c && c <= '9' || c == '-' || c == '+' || c == '.' || c == 'e' || c == 'E') {
			break
		}
		d.vals = append(d.vals, c)
		d.pos++
	}
	if d.readErr != nil {
		return d.readErrOr(nil)
	}
	if !validJSONNumber(d.vals[start:]) {
		return d.fail("invalid number")
	}
	return nil
}

// validJSONNumber checks the JSON number grammar.
func validJSONNumber(b []byte) bool {
	i := 0
	if i < len(b) && b[i] == '-' {
		i++
	}
	switch {
	case i < len(b) && b[i] == '0':
		i++
	case i < len(b) && '1' <= b[i] && b[i] <= '9':
		for i < len(b) && '0' <= b[i] && b[i] <= '9' {
			i++
		}
	default:
		return false
	}
	if i < len(b) && b[i] == '.' {
		i++
		j := i
		for i < len(b) && '0' <= b[i] && b[i] <= '9' {
			i++
		}
		if i == j {
			return false
		}
	}
	if i < len(b) && (b[i] == 'e' || b[i] == 'E') {
		i++
		if i < len(b) && (b[i] == '+' || b[i] == '-') {
			i++
		}
		j := i
		for i < len(b) && '0' <= b[i] && b[i] <= '9' {
			i++
		}
		if i == j {
			return false
		}
	}
	return i == len(b)
}

// literal consumes the word (true, false, null) and appends its text.
func (d *rowDecoder) literal(word, text string) error {
	for i := 0; i < len(word); i++ {
		c, err := d.byteIn("a literal")
		if err != nil {
			return err
		}
		if c != word[i] {
			return d.fail("invalid literal, want " + word)
		}
	}
	d.vals = append(d.vals, text...)
	return nil
}

// stopsString marks the bytes that end a run of plain string bytes: the closing quote, a
// backslash, and control characters (invalid in JSON strings). One table lookup per byte is
// faster than three comparisons in str's inner loop.
var stopsString = func() (t [256]bool) {
	for c := range 0x20 {
		t[c] = true
	}
	t['"'], t['\\'] = true, true
	return t
}()

// mayStopString reports whether any of the 8 bytes in w may end a run of plain string bytes
// (see stopsString): a quote, a backslash or a byte below 0x20. It looks at 8 bytes at once;
// str then finds the byte one at a time.
func mayStopString(w uint64) bool {
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	hasZero := func(x uint64) uint64 { return (x - ones) & ^x & highs }
	below20 := (w - 0x20*ones) & ^w & highs
	return hasZero(w^('"'*ones))|hasZero(w^('\\'*ones))|below20 != 0
}
