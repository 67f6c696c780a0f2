package dictionary

import "strings"

// cp1252High maps the Windows-1252 bytes 0x80–0x9F to Unicode. The five bytes Windows leaves
// undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D) map to the C1 control of the same number, as Windows
// itself does, so no byte is ever dropped.
func cp1252High(b byte) rune {
	switch b {
	case 0x80:
		return '\u20AC'
	case 0x82:
		return '\u201A'
	case 0x83:
		return '\u0192'
	case 0x84:
		return '\u201E'
	case 0x85:
		return '\u2026'
	case 0x86:
		return '\u2020'
	case 0x87:
		return '\u2021'
	case 0x88:
		return '\u02C6'
	case 0x89:
		return '\u2030'
	case 0x8A:
		return '\u0160'
	case 0x8B:
		return '\u2039'
	case 0x8C:
		return '\u0152'
	case 0x8E:
		return '\u017D'
	case 0x91:
		return '\u2018'
	case 0x92:
		return '\u2019'
	case 0x93:
		return '\u201C'
	case 0x94:
		return '\u201D'
	case 0x95:
		return '\u2022'
	case 0x96:
		return '\u2013'
	case 0x97:
		return '\u2014'
	case 0x98:
		return '\u02DC'
	case 0x99:
		return '\u2122'
	case 0x9A:
		return '\u0161'
	case 0x9B:
		return '\u203A'
	case 0x9C:
		return '\u0153'
	case 0x9E:
		return '\u017E'
	case 0x9F:
		return '\u0178'
	}
	return rune(b) // 0x81, 0x8D, 0x8F, 0x90, 0x9D
}

// decodeCP1252 converts Windows-1252 bytes to a UTF-8 string. Bytes below 0x80 are ASCII and
// 0xA0–0xFF are Latin-1; every byte yields exactly one character.
func decodeCP1252(data []byte) string {
	var b strings.Builder
	b.Grow(len(data) + len(data)/8)
	for _, c := range data {
		switch {
		case c < 0x80:
			b.WriteByte(c)
		case c < 0xA0:
			b.WriteRune(cp1252High(c))
		default:
			b.WriteRune(rune(c))
		}
	}
	return b.String()
}
