package redcaptest

import (
	"encoding/json"
	"encoding/xml"
	"errors"
	"io"
	"strings"
)

// parsedRows are the rows of an import payload with every column in order of first appearance.
type parsedRows struct {
	rows []map[string]string
	cols []string
}

func (pr *parsedRows) addCol(c string) {
	for _, x := range pr.cols {
		if x == c {
			return
		}
	}
	pr.cols = append(pr.cols, c)
}

// parseJSONRows reads a JSON import payload: an array of objects with string, number, boolean or
// null values. A single object is read as one row without a record ID, like REDCap does.
func parseJSONRows(data string) ([]map[string]string, *apiError) {
	pr, aerr := parseJSONPayload(data)
	if aerr != nil {
		return nil, aerr
	}
	return pr.rows, nil
}

func parseJSONPayload(data string) (*parsedRows, *apiError) {
	var raw any
	dec := json.NewDecoder(strings.NewReader(data))
	dec.UseNumber()
	if err := dec.Decode(&raw); err != nil {
		return nil, badRequest(msgBadJSON)
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, badRequest(msgBadJSON)
	}
	pr := &parsedRows{}
	switch v := raw.(type) {
	case []any:
		for _, item := range v {
			obj, ok := item.(map[string]any)
			if !ok {
				pr.rows = append(pr.rows, map[string]string{})
				continue
			}
			pr.rows = append(pr.rows, objectRow(obj))
		}
	case map[string]any:
		pr.rows = append(pr.rows, map[string]string{})
	default:
		return nil, badRequest(msgBadJSON)
	}
	orderColumns(pr, data)
	return pr, nil
}

// objectRow turns a JSON object into a row of text values.
func objectRow(obj map[string]any) map[string]string {
	row := make(map[string]string, len(obj))
	for k, v := range obj {
		row[k] = scalarText(v)
		if b, ok := v.(bool); ok && !b {
			row[k] = "0"
		}
	}
	return row
}

// orderColumns lists the columns in the order their keys first appear in the payload text.
func orderColumns(pr *parsedRows, data string) {
	dec := json.NewDecoder(strings.NewReader(data))
	depth := 0
	expectKey := false
	for {
		t, err := dec.Token()
		if err != nil {
			break
		}
		switch x := t.(type) {
		case json.Delim:
			switch x {
			case '{':
				depth++
				expectKey = true
				continue
			case '}':
				depth--
			}
		case string:
			if depth == 1 && expectKey {
				pr.addCol(x)
				expectKey = false
				continue
			}
		}
		if depth == 1 {
			expectKey = true
		}
	}
	for _, r := range pr.rows {
		for k := range r {
			pr.addCol(k)
		}
	}
}

// parseCSVPayload reads a CSV import: a header row, then rows. Like REDCap it is lenient: an
// unterminated quote takes the rest of the payload.
func parseCSVPayload(data string) *parsedRows {
	recs := lenientCSV(strings.TrimPrefix(data, "\ufeff"))
	pr := &parsedRows{}
	if len(recs) == 0 {
		return pr
	}
	header := recs[0]
	for _, h := range header {
		pr.addCol(h)
	}
	for _, r := range recs[1:] {
		if len(r) == 1 && r[0] == "" {
			continue
		}
		row := map[string]string{}
		for i, h := range header {
			if i < len(r) {
				row[h] = r[i]
			} else {
				row[h] = ""
			}
		}
		pr.rows = append(pr.rows, row)
	}
	return pr
}

// lenientCSV splits CSV text into records.
func lenientCSV(data string) [][]string {
	var recs [][]string
	var rec []string
	var cur strings.Builder
	inQuote := false
	for i := 0; i < len(data); i++ {
		c := data[i]
		switch {
		case inQuote && c == '"' && i+1 < len(data) && data[i+1] == '"':
			cur.WriteByte('"')
			i++
		case c == '"':
			inQuote = !inQuote
		case !inQuote && c == ',':
			rec = append(rec, cur.String())
			cur.Reset()
		case !inQuote && (c == '\n' || c == '\r'):
			if c == '\r' && i+1 < len(data) && data[i+1] == '\n' {
				i++
			}
			recs = append(recs, append(rec, cur.String()))
			rec = nil
			cur.Reset()
		default:
			cur.WriteByte(c)
		}
	}
	if inQuote {
		// An unterminated quote keeps what it read, without the line break that ended the data.
		rec = append(rec, strings.TrimRight(cur.String(), "\r\n"))
		recs = append(recs, rec)
	} else if cur.Len() > 0 || len(rec) > 0 {
		recs = append(recs, append(rec, cur.String()))
	}
	return recs
}

// parseXMLPayload reads <records><item><col>value</col>...</item></records>.
func parseXMLPayload(data string) (*parsedRows, error) {
	dec := xml.NewDecoder(strings.NewReader(data))
	pr := &parsedRows{}
	depth := 0
	var row map[string]string
	var col string
	var text strings.Builder
	for {
		t, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		switch x := t.(type) {
		case xml.StartElement:
			depth++
			switch depth {
			case 2:
				row = map[string]string{}
			case 3:
				col = x.Name.Local
				text.Reset()
			}
		case xml.CharData:
			if depth == 3 {
				text.Write(x)
			}
		case xml.EndElement:
			switch depth {
			case 3:
				row[col] = text.String()
				pr.addCol(col)
			case 2:
				pr.rows = append(pr.rows, row)
			}
			depth--
		}
	}
	if depth != 0 || (len(pr.rows) == 0 && !strings.Contains(data, "<records")) {
		return nil, errors.New("no records")
	}
	return pr, nil
}

// eavToFlat turns EAV rows (record, field_name, value, and the event/repeat columns) into flat
// rows, one per record, event and instance, in order of first appearance. A checkbox field sent
// by its base name becomes the column of its code, as REDCap builds it (a negative code gives
// "race___-1", which is not a column).
func (st *state) eavToFlat(in *parsedRows) *parsedRows {
	out := &parsedRows{}
	rid := st.sch.recordID
	out.addCol(rid)
	index := map[string]int{}
	for _, r := range in.rows {
		key := r["record"] + "\x00" + r["redcap_event_name"] + "\x00" + r["redcap_repeat_instrument"] + "\x00" + r["redcap_repeat_instance"]
		i, ok := index[key]
		if !ok {
			row := map[string]string{rid: r["record"]}
			for _, c := range []string{"redcap_event_name", "redcap_repeat_instrument", "redcap_repeat_instance"} {
				if v, has := r[c]; has {
					row[c] = v
					out.addCol(c)
				}
			}
			out.rows = append(out.rows, row)
			i = len(out.rows) - 1
			index[key] = i
		}
		field, value := r["field_name"], r["value"]
		if fl := st.sch.byName[field]; fl != nil && fl.Type == "checkbox" {
			field, value = field+"___"+value, "1"
		}
		out.rows[i][field] = value
		out.addCol(field)
	}
	return out
}
