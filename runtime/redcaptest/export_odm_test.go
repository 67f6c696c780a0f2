package redcaptest

import (
	"strings"
	"testing"
	"time"
)

func TestODMExport(t *testing.T) {
	s := newDemo(t, WithProjectInfo("My study: v2", 7))
	if err := s.Load([]map[string]string{{"record_id": "1", "dob": "2000-01-02", "race___1": "1"}, {"record_id": "2", "cigs": "3"}}); err != nil {
		t.Fatal(err)
	}
	code, ctype, body := post(t, s, map[string]string{"content": "record", "format": "odm", "records[0]": "1"})
	if code != 200 || ctype != contentTypeODM {
		t.Fatalf("got %d %q", code, ctype)
	}
	for _, want := range []string{
		`Description="My study: v2"`,
		`<ClinicalData StudyOID="Project.Mystudyv2" MetaDataVersionOID="Metadata.Mystudyv2_`,
		"\t<SubjectData SubjectKey=\"1\" redcap:RecordIdField=\"record_id\">\n\t\t\t<FormData FormOID=\"Form.demographics\" FormRepeatKey=\"1\">\n" +
			"\t\t\t\t<ItemGroupData ItemGroupOID=\"demographics.record_id\" ItemGroupRepeatKey=\"1\">\n" +
			"\t\t\t\t\t<ItemData ItemOID=\"record_id\" Value=\"1\"/>\n\t\t\t\t\t<ItemData ItemOID=\"dob\" Value=\"2000-01-02\"/>\n",
		`<ItemData ItemOID="race___1" Value="1"/>`,
		`<ItemData ItemOID="race____1" Value="0"/>`,
		"<ItemGroupData ItemGroupOID=\"visit.cigs\" ItemGroupRepeatKey=\"1\">\n\t\t\t\t\t<ItemData ItemOID=\"cigs\" Value=\"\"/>",
		"\t</SubjectData>\n</ClinicalData>\n</ODM>",
	} {
		if !strings.Contains(body, want) {
			t.Errorf("ODM lacks %q:\n%s", want, body)
		}
	}
	if strings.Contains(body, `SubjectKey="2"`) {
		t.Errorf("records[] not applied:\n%s", body)
	}
}

func TestODMItemGroups(t *testing.T) {
	s := newDemo(t)
	s.st.proj.Forms[0].Fields[2].SectionHeader = "Section" // sex
	got := s.st.odmItemGroups()["demographics"]
	want := [][]string{{"record_id", "dob"}, {"sex"}, {"race"}}
	if len(got) != len(want) {
		t.Fatalf("groups %v, want %v", got, want)
	}
	for i := range want {
		if strings.Join(got[i], ",") != strings.Join(want[i], ",") {
			t.Errorf("group %d = %v, want %v", i, got[i], want[i])
		}
	}
}

func TestODMClockNormalised(t *testing.T) {
	s := newDemo(t)
	at := func(tm time.Time) string { return s.st.renderODM(exportSpec{}, nil, tm) }
	a := at(time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC))
	b := at(time.Date(2027, 6, 7, 8, 9, 10, 0, time.UTC))
	if a == b || odmClock(a) != odmClock(b) {
		t.Errorf("clock not normalised:\n%s\n%s", odmClock(a), odmClock(b))
	}
	if bad := strings.Replace(a, `AsOfDateTime="2026-01-02T03:04:05"`, `AsOfDateTime="2026-01-02 03:04:05"`, 1); odmClock(bad) == odmClock(a) {
		t.Error("a time in another form is normalised too")
	}
	if bad := strings.Replace(a, `SourceSystem="REDCap"`, `SourceSystem="x"`, 1); odmClock(bad) == odmClock(a) {
		t.Error("other attributes are normalised too")
	}
}
