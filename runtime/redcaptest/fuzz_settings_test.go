package redcaptest

import (
	"encoding/xml"
	"errors"
	"io"
	"strconv"
	"strings"
	"testing"

	"github.com/redcapgen/redcapgen/dictionary"
)

// FuzzProjectSettings sends arbitrary project settings imports in every format: the fake answers
// 200 with a count (or the empty answer without data) or a 400, never panics; a refused import
// changes nothing, and sending the same import again gives the same answer and project.
func FuzzProjectSettings(f *testing.F) {
	f.Add("json", `{"project_title":"T","project_notes":"n","is_longitudinal":"1","bogus":"x"}`, true)
	f.Add("json", `[{"project_title":"T"}]`, true)
	f.Add("json", `{"is_longitudinal":0}`, true)
	f.Add("csv", "project_title,purpose\nT,1\n", true)
	f.Add("csv", "project_notes\n", true)
	f.Add("xml", `<items><project_title>T</project_title><purpose_other>x</purpose_other></items>`, true)
	f.Add("json", `{`, false)
	p := demoProject(f)
	f.Fuzz(func(t *testing.T, format, data string, withData bool) {
		s := NewUnstartedServer(p)
		pv := params{v: map[string][]string{"content": {"project_settings"}, "format": {format}}}
		if withData {
			pv.v["data"] = []string{data}
		}
		before := settingsSnapshot(s)
		a := s.dispatch(pv)
		switch {
		case a.status == 200 && withData:
			if n, err := strconv.Atoi(a.body); err != nil || n < 0 {
				t.Fatalf("answer %q is not a count", a.body)
			}
		case a.status == 200:
			if a.body != "" {
				t.Fatalf("answer without data: %q", a.body)
			}
		case a.status == 400:
			if after := settingsSnapshot(s); after != before {
				t.Fatalf("refused import (%.200s) changed the project:\n%s\n->\n%s", a.body, before, after)
			}
			return
		default:
			t.Fatalf("status %d: %.200s", a.status, a.body)
		}
		after := settingsSnapshot(s)
		if again := s.dispatch(pv); again.status != a.status || again.body != a.body || settingsSnapshot(s) != after {
			t.Fatalf("sent again: %d %q (first %d %q), project changed: %v", again.status, again.body, a.status, a.body, settingsSnapshot(s) != after)
		}
	})
}

// settingsSnapshot is the project export and the event export of the server.
func settingsSnapshot(s *Server) string {
	var b strings.Builder
	for _, content := range []string{"project", "event"} {
		b.WriteString(s.dispatch(params{v: map[string][]string{"content": {content}, "format": {"json"}}}).body)
		b.WriteByte('\n')
	}
	return b.String()
}

// FuzzWithProjectXML starts the fake from an arbitrary project XML (the settings, roles, surveys
// and survey queue it keeps): it never panics, and its project XML and project exports are
// well-formed documents whose design reads back.
func FuzzWithProjectXML(f *testing.F) {
	f.Add(`<ODM><Study><GlobalVariables><StudyName>S</StudyName><redcap:RecordAutonumberingEnabled>0</redcap:RecordAutonumberingEnabled><redcap:ProjectNotes>n &amp; m</redcap:ProjectNotes></GlobalVariables></Study></ODM>`)
	f.Add(`<ODM><Study><GlobalVariables><redcap:UserRolesGroup><redcap:UserRoles role_name="R &lt;1&gt;" unique_role_name="U-123ABCDEFG" design="1"/></redcap:UserRolesGroup></GlobalVariables></Study></ODM>`)
	f.Add(`<ODM><Study><GlobalVariables><redcap:SurveysGroup><redcap:Surveys form_name="demographics" title="T" save_and_return="1"/></redcap:SurveysGroup><redcap:SurveysQueueGroup><redcap:SurveysQueue survey_id="demographics" active="1"/></redcap:SurveysQueueGroup></GlobalVariables></Study></ODM>`)
	f.Add(`<ODM><Study><GlobalVariables><redcap:Purpose>`)
	f.Add(``)
	p := demoProject(f)
	f.Fuzz(func(t *testing.T, doc string) {
		s := NewUnstartedServer(p, WithProjectXML([]byte(doc)))
		a := s.dispatch(params{v: map[string][]string{"content": {"project_xml"}, "returnMetadataOnly": {"true"}}})
		if a.status != 200 {
			t.Fatalf("project XML export: %d %.200s", a.status, a.body)
		}
		if err := wellFormed(a.body); err != nil {
			t.Fatalf("project XML export is not well-formed: %v", err)
		}
		if _, err := dictionary.ReadProjectXML("fuzz.xml", []byte(a.body)); err != nil {
			t.Fatalf("the project XML export does not read back: %v", err)
		}
		for _, format := range []string{"json", "xml", "csv"} {
			if a := s.dispatch(params{v: map[string][]string{"content": {"project"}, "format": {format}}}); a.status != 200 {
				t.Fatalf("project export (%s): %d %.200s", format, a.status, a.body)
			} else if format == "xml" {
				if err := wellFormed(a.body); err != nil {
					t.Fatalf("project export (xml) is not well-formed: %v", err)
				}
			}
		}
	})
}

// wellFormed reads an XML document to its end.
func wellFormed(doc string) error {
	dec := xml.NewDecoder(strings.NewReader(doc))
	for {
		if _, err := dec.Token(); errors.Is(err, io.EOF) {
			return nil
		} else if err != nil {
			return err
		}
	}
}
