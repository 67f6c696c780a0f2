package redcaptest

import (
	"net/http"
	"testing"

	"github.com/redcapgen/redcapgen/dictionary"
)

func TestProductionRefusesDictionaryImport(t *testing.T) {
	s := newDemo(t, WithProduction())
	data := `[{"field_name":"record_id","form_name":"f","section_header":"","field_type":"text","field_label":"ID"}]`
	status, _, body := post(t, s, map[string]string{"content": "metadata", "format": "json", "data": data})
	if status != http.StatusBadRequest || body != `{"error":"This method cannot be used while the project is in Production status."}` {
		t.Errorf("in production: %d %s", status, body)
	}
	_, _, info := post(t, s, map[string]string{"content": "project", "format": "json"})
	mustContain(t, "project info", info, `"in_production":1`)
	s.SetProduction(false)
	if status, _, body := post(t, s, map[string]string{"content": "metadata", "format": "json", "data": data}); status != 200 || body != "1" {
		t.Errorf("back in development: %d %s", status, body)
	}
}

func TestRights(t *testing.T) {
	tests := []struct {
		name       string
		rights     Rights
		fields     map[string]string
		wantStatus int
		wantBody   string
	}{
		{"no export", Rights{NoAPIExport: true}, map[string]string{"content": "record", "format": "json"}, 403, `{"error":"You do not have API Export privileges"}`},
		{"no import", Rights{NoAPIImport: true}, map[string]string{"content": "record", "format": "json", "data": `[{"record_id":"9"}]`}, 403, `{"error":"You do not have API Import\/Update privileges"}`},
		{"no delete", Rights{NoDelete: true}, map[string]string{"content": "record", "action": "delete", "records[0]": "1", "returnFormat": "json"}, 403, `{"error":"You do not have Delete Record privileges"}`},
		{"expired", Rights{ExpiredOn: "2020-01-01"}, map[string]string{"content": "version", "returnFormat": "json"}, 403, `{"error":"You do not have API rights because your privileges have expired for this project as of 2020-01-01."}`},
		{"de-identified", Rights{Export: ExportDeIdentified}, map[string]string{"content": "record", "format": "json"}, 200, `[{"record_id":"1","sex":"1","race___1":"0","race___2":"0","race____1":"0","demographics_complete":"0","cigs":"3","visit_complete":"0"},{"record_id":"2","sex":"","race___1":"0","race___2":"0","race____1":"0","demographics_complete":"0","cigs":"","visit_complete":"0"}]`},
		{"no visit export", Rights{FormExport: map[string]ExportRight{"visit": ExportNone}}, map[string]string{"content": "record", "format": "json", "fields[0]": "record_id", "fields[1]": "cigs"}, 200, `[{"record_id":"1"},{"record_id":"2"}]`},
		{"DAG user sees own records", Rights{DAG: "site_a"}, map[string]string{"content": "record", "format": "json", "fields[0]": "record_id"}, 200, `[{"record_id":"1"}]`},
		{"DAG user changes other group", Rights{DAG: "site_a"}, map[string]string{"content": "record", "format": "json", "data": `[{"record_id":"2","sex":"1"}]`}, 400, `{"error":"The following records cannot be modified because they do not belong to your Data Access Group: 2"}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := newDemo(t, WithDAGs(dictionary.DAG{Name: "Site A", UniqueName: "site_a"}, dictionary.DAG{Name: "Site B", UniqueName: "site_b"}))
			if err := s.Load([]map[string]string{
				{"record_id": "1", "dob": "1990-01-01", "sex": "1", "cigs": "3", "redcap_data_access_group": "site_a"},
				{"record_id": "2", "dob": "1991-01-01", "redcap_data_access_group": "site_b"},
			}); err != nil {
				t.Fatal(err)
			}
			s.SetRights(tt.rights)
			status, _, body := post(t, s, tt.fields)
			if status != tt.wantStatus || body != tt.wantBody {
				t.Errorf("got %d %s\nwant %d %s", status, body, tt.wantStatus, tt.wantBody)
			}
		})
	}
}
