package emit

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/redcapgen/redcapgen/dictionary"
)

// roundTripProjectNames are the conformance projects whose record exports the round-trip
// program replays, in a fixed order.
var roundTripProjectNames = []string{"classic", "fieldtypes", "longitudinal", "repeating", "missingcodes"}

// conformanceProject builds a conformance fixture project from metadata.jsonl: its dictionary
// (a metadata export, or the dictionary import that created it) and, for the longitudinal and
// repeating projects, its arms, events, mappings and repeats from the captured design exports.
func conformanceProject(t testing.TB, metadata []conformanceCase, name string) *dictionary.Project {
	t.Helper()
	var dict []byte
	switch name {
	case "classic", "fieldtypes":
		dict = []byte(caseBody(t, metadata, "metadata_export_"+name+"_json"))
	case "missingcodes":
		dict = []byte(caseBody(t, readCases(t, "missingcodes.jsonl"), "missingcodes_metadata"))
	default:
		dict = []byte(caseRequestData(t, metadata, "metadata_import_"+name))
	}
	p, err := dictionary.ReadJSON(name+".json", dict)
	if err != nil {
		t.Fatalf("%s dictionary: %v", name, err)
	}
	switch name {
	case "longitudinal":
		var arms []struct {
			Num  int    `json:"arm_num"`
			Name string `json:"name"`
		}
		decodeBody(t, metadata, "arm_export_json", &arms)
		for _, a := range arms {
			p.Arms = append(p.Arms, dictionary.Arm{Num: a.Num, Name: a.Name})
		}
		var events []struct {
			Name   string `json:"event_name"`
			Arm    int    `json:"arm_num"`
			Unique string `json:"unique_event_name"`
		}
		decodeBody(t, metadata, "event_export_json", &events)
		for _, e := range events {
			p.Events = append(p.Events, dictionary.Event{UniqueName: e.Unique, Name: e.Name, Arm: e.Arm})
		}
		var mappings []struct {
			Arm   int    `json:"arm_num"`
			Event string `json:"unique_event_name"`
			Form  string `json:"form"`
		}
		decodeBody(t, metadata, "formEventMapping_export_json", &mappings)
		for _, m := range mappings {
			p.Mappings = append(p.Mappings, dictionary.Mapping{Arm: m.Arm, Event: m.Event, Form: m.Form})
		}
		p.Repeating = repeatsOf(t, metadata, "repeatingFormsEvents_export_longitudinal_json")
	case "classic":
		// The capture's classic project has demographics survey-enabled (note of
		// exports: classic_flat_exportSurveyFields_json); project XML would say so.
		p.SurveyForms = []string{"demographics"}
	case "repeating":
		p.Repeating = repeatsOf(t, metadata, "repeatingFormsEvents_export_repeating_json")
	case "missingcodes":
		var info struct {
			Codes string `json:"missing_data_codes"`
		}
		decodeBody(t, readCases(t, "missingcodes.jsonl"), "missingcodes_project_info", &info)
		for _, entry := range strings.Split(info.Codes, "|") {
			code, lbl, _ := strings.Cut(entry, ",")
			p.MissingCodes = append(p.MissingCodes, dictionary.MissingCode{Code: strings.TrimSpace(code), Label: strings.TrimSpace(lbl)})
		}
	}
	return p
}

// repeatsOf reads a repeatingFormsEvents export.
func repeatsOf(t testing.TB, metadata []conformanceCase, name string) []dictionary.Repeat {
	t.Helper()
	var rows []struct {
		Event string `json:"event_name"`
		Form  string `json:"form_name"`
		Label string `json:"custom_form_label"`
	}
	decodeBody(t, metadata, name, &rows)
	var out []dictionary.Repeat
	for _, r := range rows {
		out = append(out, dictionary.Repeat{Event: r.Event, Form: r.Form, CustomLabel: r.Label})
	}
	return out
}

// decodeBody unmarshals the JSON body of the named case.
func decodeBody(t testing.TB, cases []conformanceCase, name string, v any) {
	t.Helper()
	if err := json.Unmarshal([]byte(caseBody(t, cases, name)), v); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
}

// caseRequestData returns the data parameter sent by the named case.
func caseRequestData(t testing.TB, cases []conformanceCase, name string) string {
	t.Helper()
	for _, c := range cases {
		if c.Name == name {
			if data, ok := c.Request["data"].(string); ok {
				return data
			}
			t.Fatalf("conformance case %q sent no data", name)
		}
	}
	t.Fatalf("conformance case %q not found", name)
	return ""
}
