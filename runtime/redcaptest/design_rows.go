package redcaptest

// designRows reads the data of a design import (arms, events, mappings, repeating setup, DAGs) in
// the request's format, as objects of strings: JSON arrays, CSV with a header line, or XML items
// under any root element, the shapes REDCap's design exports have. required names the keys every
// row must have and how REDCap lists them in its message (nil for no check); like REDCap, an
// empty list, and an XML document holding a single item, miss them all.
func designRows(p params, required *designKeys) ([]map[string]string, *apiError) {
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
		if len(pr.rows) == 1 && required != nil {
			// PHP reads one <item> as a map of its children rather than a list of items.
			return nil, badRequest(msgMissingComponents + required.listed)
		}
		rows = pr.rows
	default:
		var aerr *apiError
		if rows, aerr = parseJSONRows(data); aerr != nil {
			return nil, aerr
		}
	}
	if required == nil {
		return rows, nil
	}
	if len(rows) == 0 {
		return nil, badRequest(msgMissingComponents + required.listed)
	}
	for _, r := range rows {
		for _, k := range required.keys {
			if _, ok := r[k]; !ok {
				return nil, badRequest(msgMissingComponents + required.listed)
			}
		}
	}
	return rows, nil
}

const msgMissingComponents = "One or more components are missing in your input data. The following attributes are required: "

// designKeys are the keys every row of a design import must have, and REDCap's list of them in
// its message (which names unique_event_name for events, though an event row may leave it out).
type designKeys struct {
	keys   []string
	listed string
}

// The required keys of the design imports.
var (
	armKeys     = &designKeys{keys: []string{"arm_num", "name"}, listed: "arm_num, name"}
	eventKeys   = &designKeys{keys: []string{"event_name", "arm_num"}, listed: "event_name,arm_num,unique_event_name"}
	mappingKeys = &designKeys{keys: []string{"arm_num", "unique_event_name", "form"}, listed: "arm_num,unique_event_name,form"}
)
