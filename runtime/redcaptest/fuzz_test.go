package redcaptest

import (
	"testing"
)

// FuzzImport feeds arbitrary payloads to a record import in every format: the fake must answer
// (200 or an error), never panic, and store nothing when it refuses.
func FuzzImport(f *testing.F) {
	f.Add("json", "flat", `[{"record_id":"1","dob":"2024-02-29","race___1":"1"}]`)
	f.Add("json", "eav", `[{"record":"1","field_name":"race","value":"-1"}]`)
	f.Add("csv", "flat", "record_id,sex\n1,\"0\n")
	f.Add("xml", "flat", `<records><item><record_id>1</record_id></item></records>`)
	f.Add("json", "flat", `{"record_id":"x"}`)
	p := demoProject(f)
	f.Fuzz(func(t *testing.T, format, typ, data string) {
		s := NewUnstartedServer(p)
		pv := params{v: map[string][]string{"format": {format}, "type": {typ}, "data": {data}, "returnFormat": {"json"}}}
		a := s.st.importRecords(pv)
		if a.status != 200 && len(s.st.records) != 0 {
			t.Fatalf("refused import (%d %s) stored %d records", a.status, a.body, len(s.st.records))
		}
		_ = s.Records()
	})
}

// FuzzFilterLogic checks that any filterLogic text is either refused as a crash or evaluated,
// never a panic.
func FuzzFilterLogic(f *testing.F) {
	for _, seed := range []string{"[sex] = '1'", "[race(-1)] = '1'", "[dob] < '1980-01-01'", "[sex] = = '1'", "starts_with([record_id], 'n')", "([a]", "if([sex]>1,1,0)"} {
		f.Add(seed)
	}
	s := NewUnstartedServer(demoProject(f))
	if err := s.Load([]map[string]string{{"record_id": "1", "sex": "1", "race___1": "1"}}); err != nil {
		f.Fatalf("load: %v", err)
	}
	f.Fuzz(func(t *testing.T, logic string) {
		pv := params{v: map[string][]string{"format": {"json"}, "filterLogic": {logic}}}
		a := s.st.exportRecords(pv)
		if a.status != 200 && a.status != 400 {
			t.Fatalf("status %d", a.status)
		}
	})
}

// FuzzAPI sends arbitrary parameter combinations to every method: the fake must answer with a
// status and never panic.
func FuzzAPI(f *testing.F) {
	for _, content := range []string{"record", "metadata", "arm", "event", "formEventMapping", "repeatingFormsEvents", "dag", "file", "exportFieldNames", "project", "instrument", "generateNextRecordName"} {
		f.Add(content, "import", "json", `[{"record_id":"1","arm_num":"1","name":"A","event_name":"E","unique_event_name":"e_arm_1","form":"visit","form_name":"visit"}]`, "1")
		f.Add(content, "export", "csv", "", "")
		f.Add(content, "delete", "xml", "", "1")
	}
	p := demoProject(f)
	f.Fuzz(func(t *testing.T, content, action, format, data, record string) {
		s := NewUnstartedServer(p)
		pv := params{v: map[string][]string{
			"content": {content}, "action": {action}, "format": {format}, "data": {data},
			"record": {record}, "records[0]": {record}, "field": {"dob"}, "new_record_name": {data},
		}}
		for i := 0; i < 2; i++ { // twice: the first call may have changed the design
			if a := s.dispatch(pv); a.status < 200 || a.status > 599 {
				t.Fatalf("status %d", a.status)
			}
		}
		_ = s.Records()
	})
}
