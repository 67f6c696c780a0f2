package redcaptest

import (
	"strings"
	"testing"
)

// TestProjectXMLUnknownEvents checks the project XML export of a longitudinal project whose
// events[] names only unknown events: REDCap's storage rows, written by its ODM writer (sorted
// names, no checkbox codes, an unclosed subject in place of repeating instances); a known event
// beside an unknown one, or an unknown event on a classic project, exports as usual.
func TestProjectXMLUnknownEvents(t *testing.T) {
	long := NewServer(twoArmProject(t))
	t.Cleanup(long.Close)
	classic := newDemo(t)
	load := func(s *Server, rows string) {
		t.Helper()
		if status, _, body := post(t, s, map[string]string{"content": "record", "format": "csv", "data": rows}); status != 200 {
			t.Fatalf("import: %d %s", status, body)
		}
	}
	load(long, "record_id,redcap_event_name,redcap_repeat_instrument,redcap_repeat_instance,dob,sex,race___1,cigs\n"+
		"1,baseline_arm_1,,,2001-02-03,1,1,\n"+
		"1,follow_up_arm_1,visit,1,,,,12\n"+
		"2,week_4_arm_2,,1,,0,,\n")
	load(classic, "record_id,sex\n1,1\n")
	clinical := func(s *Server, events ...string) string {
		t.Helper()
		fields := map[string]string{"content": "project_xml"}
		for i, e := range events {
			fields["events["+itoa(i)+"]"] = e
		}
		status, _, body := post(t, s, fields)
		if status != 200 {
			t.Fatalf("export %v: %d %s", events, status, body)
		}
		body = body[strings.Index(body, "<ClinicalData"):]
		return body[strings.Index(body, "\n")+1:] // after the start tag, which holds the time
	}
	want := `	<SubjectData SubjectKey="1" redcap:RecordIdField="record_id">
		<StudyEventData StudyEventOID="Event.baseline_arm_1" StudyEventRepeatKey="1" redcap:UniqueEventName="baseline_arm_1">
			<FormData FormOID="Form.demographics" FormRepeatKey="1">
				<ItemGroupData ItemGroupOID="demographics.demographics_complete" ItemGroupRepeatKey="1">
					<ItemData ItemOID="demographics_complete" Value="0"/>
				</ItemGroupData>
				<ItemGroupData ItemGroupOID="" ItemGroupRepeatKey="1">
					<ItemData ItemOID="dob" Value="2001-02-03"/>
					<ItemData ItemOID="record_id" Value="1"/>
					<ItemData ItemOID="sex" Value="1"/>
				</ItemGroupData>
			</FormData>
		</StudyEventData>
		<StudyEventData StudyEventOID="Event.follow_up_arm_1" StudyEventRepeatKey="1" redcap:UniqueEventName="follow_up_arm_1">
				</ItemGroupData>
			</FormData>
		</StudyEventData>
	</SubjectData>
	<SubjectData SubjectKey="" redcap:RecordIdField="record_id">
		<StudyEventData StudyEventOID="Event." StudyEventRepeatKey="1" redcap:UniqueEventName="">
				</ItemGroupData>
			</FormData>
		</StudyEventData>
	</SubjectData>
</ClinicalData>
</ODM>`
	if got := clinical(long, "nope"); got != want {
		t.Errorf("unknown event:\n%s\nwant\n%s", got, want)
	}
	if got, want := clinical(long, "nope", "baseline_arm_1"), clinical(long, "baseline_arm_1"); got != want {
		t.Errorf("an unknown event beside a known one:\n%s\nwant the known event's export\n%s", got, want)
	}
	if got, want := clinical(classic, "nope"), clinical(classic); got != want {
		t.Errorf("an unknown event on a classic project:\n%s\nwant the whole export\n%s", got, want)
	}
}

// TestCompareStorageNames checks the order of names in REDCap's storage index: "_" before
// digits before letters.
func TestCompareStorageNames(t *testing.T) {
	tests := []struct{ a, b string }{
		{"pmq_1", "pmq1"},
		{"pmq1", "pmqa"},
		{"a", "a_b"},
		{"study_id", "visit"},
		{"contact_info_complete", "demographics_complete"},
	}
	for _, tt := range tests {
		if compareStorageNames(tt.a, tt.b) >= 0 || compareStorageNames(tt.b, tt.a) <= 0 || compareStorageNames(tt.a, tt.a) != 0 {
			t.Errorf("%q should sort before %q", tt.a, tt.b)
		}
	}
}
