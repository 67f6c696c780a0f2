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
