package redcaptest

import (
	"net/http"
	"strings"
	"unicode/utf8"
)

// repositoryFileType is the MIME type REDCap's content sniffing (libmagic) gives a stored file:
// application/x-empty for no bytes, text/plain for UTF-8 text, and by signature for the rest.
func repositoryFileType(data []byte) string {
	switch {
	case len(data) == 0:
		return "application/x-empty"
	case looksLikeTGA(data):
		return "image/x-tga"
	case utf8.Valid(data) && !hasControlBytes(data):
		return "text/plain"
	}
	ct := http.DetectContentType(data)
	if i := strings.IndexByte(ct, ';'); i >= 0 {
		ct = ct[:i]
	}
	return ct
}

// looksLikeTGA applies libmagic's Targa test: no signature, but a colour-map type of 0 or 1, a
// known image type and a usual pixel depth.
func looksLikeTGA(b []byte) bool {
	if len(b) < 18 || b[1] > 1 {
		return false
	}
	switch b[2] {
	case 1, 2, 3, 9, 10, 11:
	default:
		return false
	}
	switch b[16] { // pixel depth
	case 1, 8, 15, 16, 24, 32:
	default:
		return false
	}
	return true
}

// hasControlBytes reports whether data holds control characters other than tab, CR, LF and FF.
func hasControlBytes(data []byte) bool {
	for _, c := range data {
		if c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' {
			return true
		}
		if c == 0x7f {
			return true
		}
	}
	return false
}
