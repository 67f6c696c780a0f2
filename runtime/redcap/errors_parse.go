package redcap

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"encoding/xml"
	"strings"
	"unicode/utf8"
)

// maxBodyLine is how much of a body's first line an APIError keeps.
const maxBodyLine = 200

// newAPIError builds the error for a response REDCap answered with a failure status. It reads
// the JSON, XML and CSV envelopes; anything else (an HTML crash page) gives its first line of
// text. Every text is scrubbed of the token, whatever the server echoed.
func newAPIError(status int, content, action string, body []byte, tok Token) *APIError {
	e := &APIError{Status: status, Content: content, Action: action}
	e.Body = scrubToken(firstTextLine(body), tok)
	e.Crash = scrubToken(crashCause(body), tok)
	msg, ok := envelopeMessage(body)
	if !ok {
		// A crash page may end with an envelope after the HTML (REDCap 15 does this).
		msg, ok = envelopeMessage(lastLine(body))
	}
	if ok {
		e.Message = scrubToken(msg, tok)
	} else {
		e.Message = e.Body
	}
	e.Values = parseValueErrors(e.Message)
	return e
}

// envelopeMessage returns the message of a JSON {"error":...}, an XML <hash><error>, or a CSV
// "ERROR: ..." body.
func envelopeMessage(body []byte) (string, bool) {
	b := bytes.TrimSpace(body)
	switch {
	case bytes.HasPrefix(b, []byte("{")):
		var env struct {
			Error *string `json:"error"`
		}
		if json.Unmarshal(b, &env) == nil && env.Error != nil {
			return *env.Error, true
		}
	case bytes.HasPrefix(b, []byte("<")):
		var env struct {
			XMLName xml.Name `xml:"hash"`
			Error   *string  `xml:"error"`
		}
		if xml.Unmarshal(b, &env) == nil && env.Error != nil {
			return *env.Error, true
		}
	case bytes.HasPrefix(b, []byte("ERROR: ")):
		return string(b[len("ERROR: "):]), true
	}
	return "", false
}

// parseValueErrors reads REDCap's list of refused values: one CSV line per value,
// "record","field","value","message", quotes doubled. Any other message gives nil.
func parseValueErrors(msg string) []ValueError {
	if !strings.HasPrefix(msg, `"`) {
		return nil
	}
	r := csv.NewReader(strings.NewReader(msg))
	r.FieldsPerRecord = 4
	recs, err := r.ReadAll()
	if err != nil || len(recs) == 0 {
		return nil
	}
	out := make([]ValueError, len(recs))
	for i, rec := range recs {
		out[i] = ValueError{Record: rec[0], Field: rec[1], Value: rec[2], Message: rec[3]}
	}
	return out
}

// firstTextLine returns the first non-blank line of a body with HTML tags removed, truncated.
func firstTextLine(body []byte) string {
	for len(body) > 0 {
		line := body
		if i := bytes.IndexByte(body, '\n'); i >= 0 {
			line, body = body[:i], body[i+1:]
		} else {
			body = nil
		}
		text := strings.TrimSpace(stripTags(string(line)))
		if text != "" {
			return truncate(text, maxBodyLine)
		}
	}
	return ""
}

// lastLine returns the last non-blank line of a body.
func lastLine(body []byte) []byte {
	b := bytes.TrimSpace(body)
	if i := bytes.LastIndexByte(b, '\n'); i >= 0 {
		return b[i+1:]
	}
	return b
}

// stripTags drops everything between < and >.
func stripTags(s string) string {
	if !strings.Contains(s, "<") {
		return s
	}
	var b strings.Builder
	in := false
	for _, r := range s {
		switch {
		case r == '<':
			in = true
		case r == '>' && in:
			in = false
		case !in:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// truncate cuts s to at most n bytes on a rune boundary, marking the cut with "…".
func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	cut := n
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return s[:cut] + "…"
}

// scrubToken removes every occurrence of the token (any letter case) from s.
func scrubToken(s string, tok Token) string {
	if tok.text() == "" || len(s) < len(tok.text()) {
		return s
	}
	lower := asciiLower(s)
	secret := asciiLower(tok.text())
	if !strings.Contains(lower, secret) {
		return s
	}
	var b strings.Builder
	for {
		i := strings.Index(lower, secret)
		if i < 0 {
			b.WriteString(s)
			return b.String()
		}
		b.WriteString(s[:i])
		b.WriteString(tok.String())
		s, lower = s[i+len(secret):], lower[i+len(secret):]
	}
}

// asciiLower lower-cases ASCII letters only, so byte offsets stay valid.
func asciiLower(s string) string {
	b := []byte(s)
	for i, c := range b {
		if 'A' <= c && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}
