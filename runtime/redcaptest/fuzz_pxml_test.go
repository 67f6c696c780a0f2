package redcaptest

import (
	"testing"

	"github.com/redcapgen/redcapgen/dictionary"
)

// FuzzProjectXMLRequest feeds arbitrary project XML parameters to a classic and a longitudinal
// fake: each must answer 200 (or REDCap's 400 crash for a filter it cannot parse), never panic,
// and the document's design must read back through the dictionary reader, except where REDCap
// itself writes broken XML (a longitudinal project's events[] naming only unknown events).
func FuzzProjectXMLRequest(f *testing.F) {
	f.Add("1", "sex", "", "[sex] = '1'", "true", "json")
	f.Add("99", "no_such_field", "event_1_arm_1", "", "false", "csv")
	f.Add("", "race___1", "", "[sex] = = '1'", "1", "")
	f.Add("1", "", "", "", "", "bogus")
	s := NewUnstartedServer(demoProject(f), WithDAGs(dictionary.DAG{Name: "A", UniqueName: "a"}))
	if err := s.Load([]map[string]string{{"record_id": "1", "sex": "1", "race___1": "1", "redcap_data_access_group": "a"}}); err != nil {
		f.Fatalf("load: %v", err)
	}
	long := NewUnstartedServer(twoArmProject(f))
	if err := long.Load([]map[string]string{
		{"record_id": "1", "redcap_event_name": "baseline_arm_1", "sex": "1", "race___1": "1"},
		{"record_id": "1", "redcap_event_name": "follow_up_arm_1", "redcap_repeat_instrument": "visit", "redcap_repeat_instance": "2", "cigs": "3"},
	}); err != nil {
		f.Fatalf("load: %v", err)
	}
	f.Fuzz(func(t *testing.T, record, field, event, filter, flag, format string) {
		pv := params{v: map[string][]string{
			"records[0]": {record}, "fields[0]": {field}, "events[0]": {event}, "filterLogic": {filter},
			"returnMetadataOnly": {flag}, "exportDataAccessGroups": {flag}, "exportSurveyFields": {flag},
			"exportFiles": {flag}, "format": {format},
		}}
		for _, srv := range []*Server{s, long} {
			a := srv.st.exportProjectXML(pv)
			switch a.status {
			case 200:
				_, known := srv.st.event(event)
				broken := srv == long && event != "" && !known && !pv.flag("returnMetadataOnly")
				if _, err := dictionary.ReadProjectXML("fuzz.xml", []byte(a.body)); err != nil && !broken {
					t.Fatalf("the answer does not read back: %v", err)
				}
			case 400:
				if filter == "" {
					t.Fatalf("400 without a filter: %.200s", a.body)
				}
			default:
				t.Fatalf("status %d", a.status)
			}
		}
	})
}

// FuzzPDFRequest feeds arbitrary PDF parameters to the fake: it must answer a valid PDF or one
// of REDCap's errors, never panic.
func FuzzPDFRequest(f *testing.F) {
	f.Add("1", "demographics", "", "2", "true", true)
	f.Add("99", "nope", "e", "abc", "", false)
	f.Add("", "", "", "", "0", true)
	s := NewUnstartedServer(demoProject(f))
	if err := s.Load([]map[string]string{{"record_id": "1", "sex": "1", "race___1": "1", "dob": "2000-01-01"}}); err != nil {
		f.Fatalf("load: %v", err)
	}
	f.Fuzz(func(t *testing.T, record, instrument, event, instance, compact string, all bool) {
		v := map[string][]string{"record": {record}, "instrument": {instrument}, "event": {event},
			"repeat_instance": {instance}, "compactDisplay": {compact}}
		if all {
			v["allRecords"] = []string{""}
		}
		a := s.st.exportPDF(params{v: v})
		switch a.status {
		case 200:
			if _, err := checkPDF([]byte(a.body)); err != nil {
				t.Fatalf("invalid PDF: %v", err)
			}
		case 400:
		default:
			t.Fatalf("status %d", a.status)
		}
	})
}
