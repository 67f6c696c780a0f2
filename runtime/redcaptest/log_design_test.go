package redcaptest

import "testing"

// TestLogDesignCalls: each design, rights and metadata call is logged once it succeeded, as a
// "Manage/Design " entry with REDCap's text; a refused call is not logged.
func TestLogDesignCalls(t *testing.T) {
	tests := []struct {
		fields map[string]string
		want   string // "" when nothing is logged
	}{
		{map[string]string{"content": "version"}, "Export REDCap version (API)"},
		{map[string]string{"content": "project", "format": "json"}, "Export project information (API)"},
		{map[string]string{"content": "metadata", "format": "json"}, "Download data dictionary (API)"},
		{map[string]string{"content": "exportFieldNames", "format": "json"}, "Download export field names (API)"},
		{map[string]string{"content": "instrument", "format": "json"}, "Export instruments (API)"},
		{map[string]string{"content": "fieldValidation", "format": "json"}, "Export field validations (API)"},
		{map[string]string{"content": "user", "format": "json"}, "Export users (API)"},
		{map[string]string{"content": "user", "format": "json", "data": `[{"username":"nurse1"}]`}, "Import users (API)"},
		{map[string]string{"content": "user", "action": "delete", "format": "json", "users[0]": "nurse1"}, "Delete users (API)"},
		{map[string]string{"content": "userRole", "format": "json"}, "Export user roles (API)"},
		{map[string]string{"content": "userRoleMapping", "format": "json"}, "Export user role assignments (API)"},
		{map[string]string{"content": "userDagMapping", "format": "json"}, "Export User-DAG assignments (API)"},
		{map[string]string{"content": "dag", "action": "import", "format": "json", "data": `[{"data_access_group_name":"North","unique_group_name":""}]`}, "Import DAGs (API)"},
		{map[string]string{"content": "dag", "action": "delete", "format": "json", "dags[0]": "north"}, "Delete DAGs (API)"},
		{map[string]string{"content": "dag", "action": "delete", "format": "json", "dags[0]": "no_such_group"}, ""},
		{map[string]string{"content": "arm", "action": "import", "format": "json", "data": `[{"arm_num":"1","name":"Arm 1"}]`}, "Import arms (API)"},
		{map[string]string{"content": "event", "action": "import", "format": "json", "data": `[{"event_name":"One","arm_num":"1"},{"event_name":"Two","arm_num":"1"}]`}, "Import events (API)"},
		{map[string]string{"content": "arm", "format": "json"}, "Export arms (API)"},
		{map[string]string{"content": "formEventMapping", "format": "json"}, "Export instrument-event mappings (API)"},
		{map[string]string{"content": "repeatingFormsEvents", "format": "json", "data": `[{"event_name":"two_arm_1","form_name":"visit"}]`}, "Set up repeating instruments/events"},
		{map[string]string{"content": "repeatingFormsEvents", "format": "json"}, "Export repeating instruments and events (API)"},
		{map[string]string{"content": "event", "action": "delete", "format": "json", "events[0]": "two_arm_1"}, "Delete events (API)"},
		{map[string]string{"content": "arm", "action": "delete", "format": "json", "arms[0]": "1"}, "Delete arms (API)"},
		{map[string]string{"content": "project_xml", "returnMetadataOnly": "true"}, "Export project XML (API)"},
	}
	s := newDemo(t, WithDAGs())
	for _, tc := range tests {
		before := len(logRows(t, s, map[string]string{"logtype": "manage"}))
		status, _, body := post(t, s, tc.fields)
		rows := logRows(t, s, map[string]string{"logtype": "manage"})
		// The log export just made logs itself after this call's entry.
		added := len(rows) - before - 1
		switch {
		case tc.want == "" && added != 0:
			t.Errorf("%v (%d %.80s): logged %v, want nothing", tc.fields, status, body, rows[:added])
		case tc.want != "" && (added != 1 || rows[0] != "Manage/Design  | "+tc.want+" | "):
			t.Errorf("%v (%d %.80s): logged %v, want %q", tc.fields, status, body, rows[:max(added, 0)], tc.want)
		}
	}
}
