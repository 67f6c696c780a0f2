package redcaptest

import (
	"fmt"
	"strings"
	"testing"

	"github.com/redcapgen/redcapgen/dictionary"
)

// twoArmProject is demoProject made longitudinal: two arms, three events, visit repeating in
// arm 1's follow-up, the whole week_4 event repeating.
func twoArmProject(t testing.TB) *dictionary.Project {
	t.Helper()
	p := demoProject(t)
	p.Arms = []dictionary.Arm{{Num: 1, Name: "Drug A"}, {Num: 2, Name: "Drug B"}}
	p.Events = []dictionary.Event{
		{UniqueName: "baseline_arm_1", Name: "Baseline", Arm: 1},
		{UniqueName: "follow_up_arm_1", Name: "Follow up", Arm: 1, CustomLabel: "[dob]", DayOffset: 7},
		{UniqueName: "week_4_arm_2", Name: "Week 4", Arm: 2, DayOffset: 28},
	}
	p.Mappings = []dictionary.Mapping{
		{Arm: 1, Event: "baseline_arm_1", Form: "demographics"},
		{Arm: 1, Event: "follow_up_arm_1", Form: "visit"},
		{Arm: 2, Event: "week_4_arm_2", Form: "demographics"},
		{Arm: 2, Event: "week_4_arm_2", Form: "visit"},
	}
	p.Repeating = []dictionary.Repeat{{Event: "week_4_arm_2"}, {Event: "follow_up_arm_1", Form: "visit"}}
	return p
}

// TestDesignImportRoundTrip exports each part of the design in every format and imports the
// export back, as a client that copies a design does: REDCap accepts it and nothing changes.
func TestDesignImportRoundTrip(t *testing.T) {
	contents := []string{"arm", "event", "formEventMapping", "repeatingFormsEvents"}
	for _, format := range []string{"json", "csv", "xml"} {
		for _, content := range contents {
			t.Run(format+"/"+content, func(t *testing.T) {
				s := NewServer(twoArmProject(t))
				t.Cleanup(s.Close)
				before := map[string]string{}
				for _, c := range contents {
					_, _, before[c] = post(t, s, map[string]string{"content": c, "format": "json"})
				}
				status, _, exported := post(t, s, map[string]string{"content": content, "format": format})
				if status != 200 {
					t.Fatalf("export: %d %s", status, exported)
				}
				status, _, answer := post(t, s, map[string]string{"content": content, "action": "import", "format": format, "data": exported})
				if status != 200 {
					t.Fatalf("import of its own export: %d %s\nexport: %s", status, answer, exported)
				}
				for _, c := range contents {
					if _, _, after := post(t, s, map[string]string{"content": c, "format": "json"}); after != before[c] {
						t.Errorf("%s changed:\n before %s\n after  %s", c, before[c], after)
					}
				}
			})
		}
	}
}

// TestEventImportRenames changes an event's name through its unique name: the event gets a new
// unique name, keeps its data and mappings, and moves by its day offset.
func TestEventImportRenames(t *testing.T) {
	s := NewServer(twoArmProject(t))
	t.Cleanup(s.Close)
	if err := s.Load([]map[string]string{{"record_id": "1", "redcap_event_name": "baseline_arm_1", "dob": "2000-01-02"}}); err != nil {
		t.Fatal(err)
	}
	status, _, body := post(t, s, map[string]string{"content": "event", "action": "import", "format": "json",
		"data": `[{"event_name":"Screening","arm_num":"1","unique_event_name":"baseline_arm_1","day_offset":"10"}]`})
	if status != 200 || body != "1" {
		t.Fatalf("rename: %d %s", status, body)
	}
	_, _, events := post(t, s, map[string]string{"content": "event", "format": "csv"})
	want := "event_name,arm_num,unique_event_name,custom_event_label,event_id\n" +
		"\"Follow up\",1,follow_up_arm_1,[dob],2\nScreening,1,screening_arm_1,,1\n\"Week 4\",2,week_4_arm_2,,3"
	if events != want {
		t.Errorf("events:\n%s\nwant:\n%s", events, want)
	}
	_, _, data := post(t, s, map[string]string{"content": "record", "format": "csv", "fields": "record_id,dob"})
	mustContain(t, "records", data, "1,screening_arm_1,,,2000-01-02")
	_, _, maps := post(t, s, map[string]string{"content": "formEventMapping", "format": "csv"})
	mustContain(t, "mappings", maps, "1,screening_arm_1,demographics")
}

// TestDesignImportMissingComponents: an empty list, a row without a required key and an XML
// document of one item are refused with REDCap's message, naming the keys it requires.
func TestDesignImportMissingComponents(t *testing.T) {
	const prefix = "One or more components are missing in your input data. The following attributes are required: "
	tests := []struct {
		content, format, data, keys string
	}{
		{"arm", "json", `[]`, "arm_num, name"},
		{"arm", "json", `[{"arm_num":"8"}]`, "arm_num, name"},
		{"arm", "xml", `<?xml version="1.0" encoding="UTF-8" ?><arms><item><arm_num>6</arm_num><name>Six</name></item></arms>`, "arm_num, name"},
		{"event", "json", `[{"event_name":"No arm"}]`, "event_name,arm_num,unique_event_name"},
		{"event", "csv", "event_name,arm_num\n", "event_name,arm_num,unique_event_name"},
		{"formEventMapping", "json", `[{"unique_event_name":"baseline_arm_1","form":"demographics"}]`, "arm_num,unique_event_name,form"},
	}
	for _, tt := range tests {
		t.Run(tt.content+"/"+tt.format, func(t *testing.T) {
			s := NewServer(twoArmProject(t))
			t.Cleanup(s.Close)
			status, _, body := post(t, s, map[string]string{"content": tt.content, "action": "import", "format": tt.format, "returnFormat": "json", "data": tt.data})
			if status != 400 {
				t.Fatalf("status %d, body %s", status, body)
			}
			mustContain(t, "error", body, prefix+tt.keys)
		})
	}
}

// TestDesignImportErrors: REDCap's messages for bad arm and event rows; a refused import changes
// nothing.
func TestDesignImportErrors(t *testing.T) {
	tests := []struct {
		content, data, want string
	}{
		{"arm", `[{"arm_num":"0","name":"Zero"}]`, `Arm number "0" is not numeric or is less than one.`},
		{"arm", `[{"arm_num":"abc","name":"Text"}]`, `Arm number "abc" is not numeric or is less than one.`},
		{"arm", `[{"arm_num":"100","name":"Hundred"}]`, `Arm number "100" must be a value of 99 or less.`},
		{"arm", `[{"arm_num":"8","name":"` + strings.Repeat("N", 51) + `"}]`, `The arm name "` + strings.Repeat("N", 51) + `" must be less than or equal to 50 characters in length.`},
		{"arm", `[{"arm_num":"8","name":"Eight"},{"arm_num":"-1","name":"Neg"}]`, `Arm number "-1" is not numeric or is less than one.`},
		{"event", `[{"event_name":"Lost","arm_num":"42"}]`, `The arm number "42" does not exist in the project.`},
		{"event", `[{"event_name":"` + strings.Repeat("E", 31) + `","arm_num":"1"}]`, `The event name "` + strings.Repeat("E", 31) + `" must be less than or equal to 30 characters in length.`},
		{"event", `[{"event_name":"Bad Offset","arm_num":"1","day_offset":"soon"}]`, `The event's Days Offset "soon" is not numeric.`},
		{"event", `[{"event_name":"Bad Min","arm_num":"1","offset_min":"-1"}]`, `The event's Offset Range Min "-1" is not numeric or is less than one.`},
	}
	for i, tt := range tests {
		t.Run(fmt.Sprintf("%s/%d", tt.content, i+1), func(t *testing.T) {
			s := NewServer(twoArmProject(t))
			t.Cleanup(s.Close)
			_, _, before := post(t, s, map[string]string{"content": tt.content, "format": "json"})
			status, _, body := post(t, s, map[string]string{"content": tt.content, "action": "import", "format": "json", "data": tt.data})
			if status != 400 || body != `{"error":`+phpJSONString(tt.want)+`}` {
				t.Fatalf("status %d, body %s", status, body)
			}
			if _, _, after := post(t, s, map[string]string{"content": tt.content, "format": "json"}); after != before {
				t.Errorf("a refused import changed the %s:\n before %s\n after  %s", tt.content, before, after)
			}
		})
	}
}
