package redcaptest

import (
	"testing"
)

// TestODMImportRoundTrip exports records as ODM (and as a project XML), deletes them and imports
// each document back with format=odm: the records come back as they were.
func TestODMImportRoundTrip(t *testing.T) {
	for _, source := range []map[string]string{
		{"content": "record", "format": "odm"},
		{"content": "project_xml"},
	} {
		t.Run(source["content"], func(t *testing.T) {
			s := newDemo(t)
			rows := `[{"record_id":"1","dob":"1980-02-29","sex":"-9","race___1":"1","race____1":"1","cigs":"12"},{"record_id":"2","sex":"0","demographics_complete":"2"}]`
			if status, _, body := post(t, s, map[string]string{"content": "record", "format": "json", "data": rows}); status != 200 {
				t.Fatalf("import: %d %s", status, body)
			}
			_, _, want := post(t, s, map[string]string{"content": "record", "format": "csv"})
			_, _, doc := post(t, s, source)
			post(t, s, map[string]string{"content": "record", "action": "delete", "records[0]": "1", "records[1]": "2"})
			status, _, body := post(t, s, map[string]string{"content": "record", "format": "odm", "returnFormat": "json", "data": doc})
			if status != 200 || body != `{"count": 2}` {
				t.Fatalf("odm import: %d %s", status, body)
			}
			if _, _, got := post(t, s, map[string]string{"content": "record", "format": "csv"}); got != want {
				t.Errorf("after the odm import:\n%s\nwant\n%s", got, want)
			}
		})
	}
}
