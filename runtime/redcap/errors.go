package redcap

import (
	"errors"
	"fmt"
	"net/http"
	"strings"
)

// Sentinel errors an *APIError matches with errors.Is, by HTTP status.
var (
	// ErrPermission is a 403: bad or unknown token, missing API rights, expired or suspended user.
	ErrPermission = errors.New("redcap: permission denied")
	// ErrBadRequest is a 400: invalid values, unknown fields, malformed data, refused changes.
	ErrBadRequest = errors.New("redcap: bad request")
	// ErrNotFound is a 404: usually a wrong API URL (REDCap itself answers 400 for unknown things).
	ErrNotFound = errors.New("redcap: not found")
	// ErrServer is a 5xx other than 501: the server failed; reads are retried on it.
	ErrServer = errors.New("redcap: server error")
	// ErrNotImplemented is a 501: REDCap answers it to anything but POST.
	ErrNotImplemented = errors.New("redcap: method not implemented")
)

// APIError is every error REDCap answers: the HTTP status, the call, REDCap's message, and, when
// imported values were refused, one ValueError per value.
type APIError struct {
	// Status is the HTTP status code.
	Status int
	// Content and Action name the call ("record", "import").
	Content, Action string
	// Message is REDCap's error text, from whichever envelope it came in (JSON, XML, CSV); for a
	// body that is no envelope (an HTML crash page), its first line of text.
	Message string
	// Values are the refused values when Message is REDCap's one-CSV-line-per-value list.
	Values []ValueError
	// Body is the first line of the response body, truncated, for diagnosis.
	Body string
	// Crash is, when REDCap answered with its PHP crash report, the first line of the uncaught
	// exception it shows (e.g. "Uncaught LogicException: Parser did not consume all tokens!
	// tokenIdx: 4, tokens: Array"), truncated: the cause behind REDCap's generic Message.
	Crash string
}

// ValueError is one value REDCap refused on import.
type ValueError struct {
	Record  string // record ID
	Field   string // REDCap field or export column (a checkbox column such as "race___1")
	GoField string // generated Go field name, when the import knew the schema
	Value   string // the refused value, as REDCap echoed it
	Message string // REDCap's message
}

// Error describes the value: record, field, value and REDCap's message.
func (v ValueError) Error() string {
	field := v.Field
	if v.GoField != "" {
		field = fmt.Sprintf("%s (%s)", v.Field, v.GoField)
	}
	return fmt.Sprintf("record %q field %s value %q: %s", v.Record, field, v.Value, v.Message)
}

// Error says which call failed, with what status, and why; refused values are listed one by one.
func (e *APIError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "redcap: %s: HTTP %d", e.call(), e.Status)
	if t := http.StatusText(e.Status); t != "" {
		fmt.Fprintf(&b, " %s", t)
	}
	if len(e.Values) > 0 {
		fmt.Fprintf(&b, ": %d value(s) refused", len(e.Values))
		for _, v := range e.Values {
			b.WriteString("\n\t")
			b.WriteString(v.Error())
		}
		return b.String()
	}
	if e.Message != "" {
		fmt.Fprintf(&b, ": %s", e.Message)
	} else if e.Body != "" {
		fmt.Fprintf(&b, ": %s", e.Body)
	}
	if e.Crash != "" {
		fmt.Fprintf(&b, " (REDCap crashed: %s)", e.Crash)
	}
	return b.String()
}

func (e *APIError) call() string {
	if e.Action == "" {
		return "content=" + e.Content
	}
	return "content=" + e.Content + " action=" + e.Action
}

// Is matches the sentinel of the error's status class.
func (e *APIError) Is(target error) bool {
	switch target {
	case ErrPermission:
		return e.Status == http.StatusForbidden
	case ErrBadRequest:
		return e.Status == http.StatusBadRequest
	case ErrNotFound:
		return e.Status == http.StatusNotFound
	case ErrNotImplemented:
		return e.Status == http.StatusNotImplemented
	case ErrServer:
		return e.Status >= 500 && e.Status != http.StatusNotImplemented
	}
	return false
}

// redactValues replaces every refused value with "[redacted]", in Values and in the texts that
// repeat them (Message, Body), so the error names record, field and message only.
func (e *APIError) redactValues() {
	if len(e.Values) == 0 {
		return
	}
	lines := make([]string, len(e.Values))
	for i := range e.Values {
		if e.Values[i].Value != "" {
			e.Values[i].Value = redacted
		}
		lines[i] = csvLine(e.Values[i].Record, e.Values[i].Field, e.Values[i].Value, e.Values[i].Message)
	}
	e.Message = strings.Join(lines, "\n")
	e.Body = truncate(lines[0], maxBodyLine)
}

// csvLine renders one line of REDCap's refused-value list: fields quoted, quotes doubled.
func csvLine(fields ...string) string {
	for i, f := range fields {
		fields[i] = `"` + strings.ReplaceAll(f, `"`, `""`) + `"`
	}
	return strings.Join(fields, ",")
}
