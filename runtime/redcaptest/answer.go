package redcaptest

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strings"
	"unicode/utf16"
)

// answer is one HTTP answer: status, format (decides the Content-Type) and body.
type answer struct {
	status      int
	format      string // json, csv, xml, or "" with contentType set
	contentType string
	body        string
	// stream, when set, writes the body instead of body as the answer is sent (large exports);
	// it runs with the server's lock held. An error means the client went away.
	stream func(io.Writer) error
}

// contentTypes are REDCap's Content-Type headers per format.
var contentTypes = map[string]string{
	"json": "application/json; charset=utf-8",
	"csv":  "text/csv; charset=utf-8",
	"xml":  "text/xml; charset=utf-8",
}

func writeAnswer(w http.ResponseWriter, a answer) {
	ct := a.contentType
	if ct == "" {
		ct = contentTypes[a.format]
	}
	w.Header().Set("Content-Type", ct)
	w.WriteHeader(a.status)
	if a.stream != nil {
		_ = a.stream(w) // the client went away: nothing left to tell it
		return
	}
	_, _ = io.WriteString(w, a.body)
}

// rendered returns the answer with a streamed body written out whole into body.
func (a answer) rendered() answer {
	if a.stream == nil {
		return a
	}
	var b strings.Builder
	_ = a.stream(&b) // a strings.Builder does not fail
	a.body, a.stream = b.String(), nil
	return a
}

// errorAnswer wraps msg in REDCap's error envelope of the format.
func errorAnswer(status int, format, msg string) answer {
	var body string
	switch format {
	case "json":
		body = `{"error":` + phpJSONString(msg) + `}`
	case "csv":
		body = "ERROR: " + msg
	default:
		format = "xml"
		body = `<?xml version="1.0" encoding="UTF-8" ?><hash><error>` + xmlEscape(msg) + `</error></hash>`
	}
	return answer{status: status, format: format, body: body}
}

// okAnswer is a 200 answer with a body.
func okAnswer(format, body string) answer {
	return answer{status: http.StatusOK, format: format, body: body}
}

// phpJSONString encodes s as a JSON string with slashes escaped like PHP's json_encode. (PHP
// also escapes non-ASCII characters as \uXXXX; the decoded value is the same, so UTF-8 is kept.)
func phpJSONString(s string) string {
	b, err := json.Marshal(s)
	if err != nil {
		return `""`
	}
	return strings.ReplaceAll(string(b), "/", `\/`)
}

// xmlEscape escapes text for an XML element.
func xmlEscape(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch r {
		case '&':
			b.WriteString("&amp;")
		case '<':
			b.WriteString("&lt;")
		case '>':
			b.WriteString("&gt;")
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// phpJSONASCII encodes s as PHP's json_encode does by default: slashes escaped and every
// non-ASCII character written as \uXXXX (UTF-16, surrogate pairs beyond the BMP).
func phpJSONASCII(s string) string {
	var b strings.Builder
	for _, r := range phpJSONString(s) {
		switch {
		case r < 0x80:
			b.WriteRune(r)
		case r > 0xFFFF:
			hi, lo := utf16.EncodeRune(r)
			fmt.Fprintf(&b, `\u%04x\u%04x`, hi, lo)
		default:
			fmt.Fprintf(&b, `\u%04x`, r)
		}
	}
	return b.String()
}
