package redcaptest

import (
	"encoding/json"
	"net/http"
	"strings"

	"github.com/redcapgen/redcapgen/dictionary"
)

// importProjectSettings answers content=project_settings with data: REDCap answers the number of
// keys sent, known or not. The fake keeps project_title and is_longitudinal (turning a project
// longitudinal gives it arm 1 and an event "Event 1" when it has none); the other settings are
// counted but not kept.
func (st *state) importProjectSettings(p params) answer {
	format, ef := p.dataFormat(), p.errorFormat()
	if !p.has("data") {
		return answer{status: http.StatusOK, contentType: "text/html; charset=UTF-8"}
	}
	if p.get("format") == "json" && strings.HasPrefix(strings.TrimSpace(p.get("data")), "[") && json.Valid([]byte(p.get("data"))) {
		// REDCap counts an array as one setting and changes nothing.
		return okAnswer(format, "1")
	}
	settings, aerr := settingsOf(p)
	if aerr != nil {
		return errorAnswer(aerr.status, ef, aerr.msg)
	}
	if t, ok := settings["project_title"]; ok && t != "" {
		st.title = t
	}
	st.keepSettings(settings)
	switch settings["is_longitudinal"] {
	case "1":
		st.makeLongitudinal()
	case "0":
		st.makeClassic()
	}
	return okAnswer(format, itoa(len(settings)))
}

// settingsOf reads one object of settings: a JSON object (or the first of an array), a CSV header
// and row, or XML <items> children.
func settingsOf(p params) (map[string]string, *apiError) {
	data := p.get("data")
	switch p.get("format") {
	case "csv":
		rows := parseCSVPayload(data).rows
		if len(rows) == 0 {
			return nil, badRequest("There were errors with your request. If you are sending data, then it might be due to the data being misformatted. ")
		}
		return rows[0], nil
	case "xml":
		pr, err := parseXMLPayload("<r>" + stripXMLDecl(data) + "</r>")
		if err != nil || len(pr.rows) == 0 {
			return nil, badRequest(msgNotSpecified)
		}
		return pr.rows[0], nil
	}
	var raw any
	dec := json.NewDecoder(strings.NewReader(data))
	dec.UseNumber()
	if err := dec.Decode(&raw); err != nil {
		return nil, badRequest(msgBadJSON)
	}
	if list, ok := raw.([]any); ok && len(list) > 0 {
		raw = list[0]
	}
	obj, ok := raw.(map[string]any)
	if !ok {
		return nil, badRequest(msgBadJSON)
	}
	return objectRow(obj), nil
}

// stripXMLDecl removes a leading <?xml ...?> declaration.
func stripXMLDecl(s string) string {
	s = strings.TrimSpace(s)
	if strings.HasPrefix(s, "<?xml") {
		if i := strings.Index(s, "?>"); i >= 0 {
			return s[i+2:]
		}
	}
	return s
}

// makeLongitudinal gives a project without events REDCap's first arm and event, the one REDCap
// keeps the data of a classic project in. Its custom label is null, not blank, in a project
// created empty, and blank in one created from a project XML.
func (st *state) makeLongitudinal() {
	if len(st.proj.Events) > 0 {
		return
	}
	if len(st.proj.Arms) == 0 {
		st.proj.Arms = []dictionary.Arm{{Num: 1, Name: "Arm 1"}}
	}
	st.proj.Events = []dictionary.Event{{UniqueName: "event_1_arm_1", Name: "Event 1", Arm: 1, ID: st.nextEventID}}
	st.flagEvent = st.nextEventID
	if st.proj.Format != dictionary.FormatProjectXML {
		st.nullLabelEvent = st.nextEventID
	}
	st.nextEventID++
	st.rebuild()
}
