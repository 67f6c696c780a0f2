package redcaptest

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"io"
	"strings"
)

// accessRow is one row of a user, role, DAG or assignment import: its scalar values, its form
// rights (forms and forms_export) in the order sent, and the XML elements that were present but
// empty (PHP reads those as empty arrays, not as blank text).
type accessRow struct {
	values      map[string]string
	forms       []formRight
	formsExport []formRight
	hasForms    bool
	hasExport   bool
	emptyXML    map[string]bool
}

// formRight is a right on one form, as sent or stored.
type formRight struct {
	form  string
	right string
}

// has reports whether the row sent the key.
func (r accessRow) has(key string) bool {
	_, ok := r.values[key]
	return ok
}

// errNotSpecified marks XML without the expected items.
var errNotSpecified = &apiError{status: 200, msg: msgNotSpecified}

// parseAccessRows reads the data of a user, role, DAG or assignment import in the request's
// format: a JSON array of objects, CSV with a header line (form rights as "form:right" pairs
// joined by commas), or XML items under any root (form rights as child elements).
func parseAccessRows(format, data string) ([]accessRow, *apiError) {
	switch format {
	case "csv":
		pr := parseCSVPayload(data)
		rows := make([]accessRow, 0, len(pr.rows))
		for _, m := range pr.rows {
			r := accessRow{values: map[string]string{}}
			for k, v := range m {
				switch k {
				case "forms":
					r.forms, r.hasForms = csvFormRights(v), true
				case "forms_export":
					r.formsExport, r.hasExport = csvFormRights(v), true
				default:
					r.values[k] = v
				}
			}
			rows = append(rows, r)
		}
		return rows, nil
	case "xml":
		return xmlAccessRows(data)
	}
	return jsonAccessRows(data)
}

// csvFormRights reads "form:right,form:right".
func csvFormRights(s string) []formRight {
	var out []formRight
	for _, pair := range strings.Split(s, ",") {
		form, right, ok := strings.Cut(strings.TrimSpace(pair), ":")
		if ok {
			out = append(out, formRight{form: form, right: right})
		}
	}
	return out
}

// jsonAccessRows reads a JSON array of objects; forms and forms_export are objects whose key
// order is kept.
func jsonAccessRows(data string) ([]accessRow, *apiError) {
	var items []json.RawMessage
	dec := json.NewDecoder(strings.NewReader(data))
	if err := dec.Decode(&items); err != nil {
		return nil, badRequest(msgBadJSON)
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, badRequest(msgBadJSON)
	}
	rows := make([]accessRow, 0, len(items))
	for _, item := range items {
		r := accessRow{values: map[string]string{}}
		var obj map[string]json.RawMessage
		if err := json.Unmarshal(item, &obj); err != nil {
			rows = append(rows, r)
			continue
		}
		for k, raw := range obj {
			switch k {
			case "forms", "forms_export":
				fr := orderedRights(raw)
				if k == "forms" {
					r.forms, r.hasForms = fr, true
				} else {
					r.formsExport, r.hasExport = fr, true
				}
			default:
				var v any
				d := json.NewDecoder(bytes.NewReader(raw))
				d.UseNumber()
				if d.Decode(&v) == nil {
					r.values[k] = scalarText(v)
				}
			}
		}
		rows = append(rows, r)
	}
	return rows, nil
}

// orderedRights reads a JSON object of form rights in the order of its keys.
func orderedRights(raw json.RawMessage) []formRight {
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	if t, err := dec.Token(); err != nil || t != json.Delim('{') {
		return nil
	}
	var out []formRight
	for dec.More() {
		t, err := dec.Token()
		if err != nil {
			return out
		}
		key, _ := t.(string)
		var v any
		if dec.Decode(&v) != nil {
			return out
		}
		out = append(out, formRight{form: key, right: scalarText(v)})
	}
	return out
}

// xmlAccessRows reads <root><item><key>value</key>…<forms><form>right</form></forms></item></root>.
// A document without any item is not in the specified format.
func xmlAccessRows(data string) ([]accessRow, *apiError) {
	dec := xml.NewDecoder(strings.NewReader(data))
	var rows []accessRow
	var row *accessRow
	depth := 0
	var key, sub string
	var text strings.Builder
	children := 0
	for {
		t, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, errNotSpecified
		}
		switch x := t.(type) {
		case xml.StartElement:
			depth++
			switch depth {
			case 2:
				rows = append(rows, accessRow{values: map[string]string{}, emptyXML: map[string]bool{}})
				row = &rows[len(rows)-1]
			case 3:
				key, children = x.Name.Local, 0
				text.Reset()
				switch key {
				case "forms":
					row.hasForms = true
				case "forms_export":
					row.hasExport = true
				}
			case 4:
				sub, children = x.Name.Local, children+1
				text.Reset()
			}
		case xml.CharData:
			text.Write(x)
		case xml.EndElement:
			switch depth {
			case 4:
				fr := formRight{form: sub, right: strings.TrimSpace(text.String())}
				if key == "forms" {
					row.forms = append(row.forms, fr)
				} else if key == "forms_export" {
					row.formsExport = append(row.formsExport, fr)
				}
			case 3:
				if key != "forms" && key != "forms_export" && children == 0 {
					v := text.String()
					if v == "" {
						row.emptyXML[key] = true
					}
					row.values[key] = v
				}
			}
			depth--
		}
	}
	if len(rows) == 0 {
		return nil, errNotSpecified
	}
	return rows, nil
}

// accessParseAnswer turns a parse failure into REDCap's answer: XML without items is a 200 with
// the bare message.
func accessParseAnswer(format, ef string, aerr *apiError) answer {
	if aerr == errNotSpecified {
		return okAnswer(format, msgNotSpecified)
	}
	return errorAnswer(aerr.status, ef, aerr.msg)
}

// isList reports whether the parameter was sent as an array (name[0], name[]...).
func (p params) isList(name string) bool {
	for k := range p.v {
		if strings.HasPrefix(k, name+"[") {
			return true
		}
	}
	return false
}
