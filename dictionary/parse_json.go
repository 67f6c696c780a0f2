package dictionary

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"
)

// ReadJSON reads an API metadata export in JSON (content=metadata, format=json): an array of
// objects with REDCap's 18 snake_case keys. Keys are matched by name, so their order does not
// matter; a missing key reads as empty, an unknown key is a warning (once per key). Values are strings; numbers
// and booleans are taken as their JSON text, null as empty. name is used in messages.
func ReadJSON(name string, data []byte) (*Project, error) {
	if p := checkEmptyOrBinary(name, data); p != nil {
		return nil, p
	}
	data = bytes.TrimPrefix(data, []byte(utf8BOM))
	var objects []json.RawMessage
	if err := json.Unmarshal(data, &objects); err != nil {
		return nil, fileProblem(name, "not a JSON array of dictionary rows: %s", jsonErrorText(data, err))
	}
	c := &collector{file: name}
	rows := make([]rawField, 0, len(objects))
	warned := make(map[string]bool)
	for i, obj := range objects {
		row, ok := jsonRow(c, i+1, obj, warned)
		if ok {
			rows = append(rows, row)
		}
	}
	if err := c.err(); err != nil {
		return nil, err
	}
	p, err := buildProject(name, FormatJSON, rows)
	if err != nil {
		return nil, err
	}
	p.Warnings = mergeWarnings(c.sortedWarnings(), p.Warnings)
	return p, nil
}

// jsonRow decodes one element of the metadata array. An unknown key is reported once, at the
// first element holding it; warned remembers which were.
func jsonRow(c *collector, element int, obj json.RawMessage, warned map[string]bool) (rawField, bool) {
	w := where{Element: element}
	row := rawField{Element: element}
	var values map[string]json.RawMessage
	if err := json.Unmarshal(obj, &values); err != nil || values == nil {
		c.errorf(w, "", "element is not a JSON object with dictionary keys")
		return row, false
	}
	var unknown []string
	for key, raw := range values {
		col := row.column(key)
		if col == nil {
			if !warned[key] {
				warned[key] = true
				unknown = append(unknown, key)
			}
			continue
		}
		text, ok := jsonScalar(raw)
		if !ok {
			c.errorf(w, "", "key %q holds %s, want a string", key, jsonKind(raw))
			continue
		}
		*col = text
	}
	if len(unknown) > 0 {
		slices.Sort(unknown)
		c.warnf(w, strings.TrimSpace(row.FieldName), "unknown keys ignored: %s", strings.Join(unknown, ", "))
	}
	if _, has := values["field_name"]; !has {
		c.errorf(w, "", "element has no \"field_name\" key")
		return row, false
	}
	return row, true
}

// jsonScalar returns the text of a JSON string, number, boolean or null.
func jsonScalar(raw json.RawMessage) (string, bool) {
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 {
		return "", false
	}
	switch raw[0] {
	case '"':
		var s string
		if err := json.Unmarshal(raw, &s); err != nil {
			return "", false
		}
		return s, true
	case 'n':
		return "", true
	case 't', 'f', '-', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9':
		return string(raw), true
	}
	return "", false
}

// jsonKind names the kind of a JSON value for messages.
func jsonKind(raw json.RawMessage) string {
	raw = bytes.TrimSpace(raw)
	if len(raw) > 0 {
		switch raw[0] {
		case '{':
			return "an object"
		case '[':
			return "an array"
		}
	}
	return "an invalid value"
}

// jsonErrorText describes a JSON decoding error with the line where it happened.
func jsonErrorText(data []byte, err error) string {
	var syntax *json.SyntaxError
	var typeErr *json.UnmarshalTypeError
	switch {
	case errors.As(err, &syntax):
		return fmt.Sprintf("line %d: %v", 1+bytes.Count(data[:clampOffset(syntax.Offset, len(data))], []byte("\n")), err)
	case errors.As(err, &typeErr):
		return fmt.Sprintf("the top level is a JSON %s, want an array of objects", typeErr.Value)
	}
	return err.Error()
}

// clampOffset keeps an error offset inside the data.
func clampOffset(off int64, n int) int {
	if off < 0 {
		return 0
	}
	if off > int64(n) {
		return n
	}
	return int(off)
}
