package redcap

import (
	"bytes"
	"html"
	"strings"
)

// crashMarker opens the exception text in REDCap's PHP crash report.
var crashMarker = []byte("<b>Error message:</b>")

// crashCause returns the first line of the exception a REDCap crash report shows, HTML entities
// decoded and truncated, or "" when the body is no crash report.
func crashCause(body []byte) string {
	i := bytes.Index(body, crashMarker)
	if i < 0 {
		return ""
	}
	rest := body[i+len(crashMarker):]
	if j := bytes.IndexByte(rest, '\n'); j >= 0 {
		rest = rest[:j]
	}
	line := strings.TrimSpace(html.UnescapeString(stripTags(string(rest))))
	return truncate(line, maxBodyLine)
}
