package redcaptest

import "strings"

// designRows reads the data of a design import (arms, events, mappings, repeating setup, DAGs) in
// the request's format, as objects of strings: JSON arrays, CSV with a header line, or XML items
// under any root element, the shapes REDCap's design exports have. required names the keys every
// row must have, as REDCap lists them in its message ("" for no check); like REDCap, an empty
// list, and an XML document holding a single item, miss them all.
func designRows(p params, required string) ([]map[string]string, *apiError) {
	data := p.get("data")
	var rows []map[string]string
	switch p.get("format") {
	case "csv":
		rows = parseCSVPayload(data).rows
	case "xml":
		pr, err := parseXMLPayload(data)
		if err != nil {
			return nil, badRequest(msgNotSpecified)
		}
		if len(pr.rows) == 1 && required != "" {
			// PHP reads one <item> as a map of its children rather than a list of items.
			return nil, badRequest(msgMissingComponents + required)
		}
		rows = pr.rows
	default:
		var aerr *apiError
		if rows, aerr = parseJSONRows(data); aerr != nil {
			return nil, aerr
		}
	}
	if required == "" {
		return rows, nil
	}
	if len(rows) == 0 {
		return nil, badRequest(msgMissingComponents + required)
	}
	keys := strings.FieldsFunc(required, func(r rune) bool { return r == ',' || r == ' ' })
	for _, r := range rows {
		for _, k := range keys {
			if _, ok := r[k]; !ok && k != "unique_event_name" {
				return nil, badRequest(msgMissingComponents + required)
			}
		}
	}
	return rows, nil
}

const msgMissingComponents = "One or more components are missing in your input data. The following attributes are required: "

// Required keys of the design imports, as REDCap names them.
const (
	armKeys     = "arm_num, name"
	eventKeys   = "event_name,arm_num,unique_event_name"
	mappingKeys = "arm_num,unique_event_name,form"
)
