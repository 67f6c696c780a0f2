package redcaptest

import (
	"strings"
	"testing"
)

// TestSingleEventProject: a project whose events are on counts as longitudinal only with two
// events. With one it answers like a classic project (no redcap_event_name, arm export refused,
// project export is_longitudinal 0) yet lists its event; its data shows under the first event
// once a second one exists, and as classic data again when that one is deleted.
func TestSingleEventProject(t *testing.T) {
	s := newDemo(t)
	steps := []struct {
		name    string
		fields  map[string]string
		status  int
		body    string // the whole body, or a part of it when partial
		partial bool
	}{
		{"record while classic", map[string]string{"content": "record", "action": "import", "format": "json", "data": `[{"record_id":"1","cigs":"3"}]`}, 200, `{"count": 1}`, false},
		{"events on", map[string]string{"content": "project_settings", "format": "json", "data": `{"is_longitudinal":"1"}`}, 200, "1", false},
		{"one event: classic export", map[string]string{"content": "record", "format": "csv", "fields[0]": "record_id", "fields[1]": "cigs"}, 200, "record_id,cigs\n1,3\n", false},
		{"one event: no arms", map[string]string{"content": "arm", "format": "json"}, 400, `{"error":"You cannot export arms for classic projects"}`, false},
		{"one event: project not longitudinal", map[string]string{"content": "project", "format": "json"}, 200, `"is_longitudinal":0`, true},
		{"one event: listed", map[string]string{"content": "event", "format": "json"}, 200, `"unique_event_name":"event_1_arm_1"`, true},
		{"second event", map[string]string{"content": "event", "action": "import", "format": "json", "data": `[{"event_name":"Follow up","arm_num":"1","day_offset":"30"}]`}, 200, "1", false},
		{"forms on the first event", map[string]string{"content": "formEventMapping", "action": "import", "format": "json", "data": `[{"arm_num":"1","unique_event_name":"event_1_arm_1","form":"demographics"},{"arm_num":"1","unique_event_name":"event_1_arm_1","form":"visit"}]`}, 200, "2", false},
		{"two events: data under the first", map[string]string{"content": "record", "format": "csv", "fields[0]": "record_id", "fields[1]": "cigs"}, 200, "record_id,redcap_event_name,cigs\n1,event_1_arm_1,3\n", false},
		{"second event gone", map[string]string{"content": "event", "action": "delete", "format": "json", "events[0]": "follow_up_arm_1"}, 200, "1", false},
		{"one event again: classic data", map[string]string{"content": "record", "format": "csv", "fields[0]": "record_id", "fields[1]": "cigs"}, 200, "record_id,cigs\n1,3\n", false},
		{"an earlier event", map[string]string{"content": "event", "action": "import", "format": "json", "data": `[{"event_name":"Screening","arm_num":"1","day_offset":"-5"}]`}, 200, "1", false},
		{"data stays in its event", map[string]string{"content": "record", "format": "csv", "fields[0]": "record_id", "fields[1]": "cigs"}, 200, "record_id,redcap_event_name,cigs\n1,event_1_arm_1,3\n", false},
	}
	for _, st := range steps {
		code, _, body := post(t, s, st.fields)
		ok := body == st.body
		if st.partial {
			ok = strings.Contains(body, st.body)
		}
		if code != st.status || !ok {
			t.Errorf("%s: %d %q, want %d %q", st.name, code, body, st.status, st.body)
		}
	}
}
