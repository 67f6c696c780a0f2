package redcaptest

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/redcapgen/redcapgen/dictionary"
)

// freshFiles are the replayed files whose projects each start as a new project (empty, or made from
// a project XML) instead of one of the shared fixtures; every call made to set them up is in the
// file itself.
var freshFiles = map[string]bool{"duplicates.jsonl": true, "fidelity.jsonl": true}

// projectXMLs name the project XML each project of fidelity.jsonl was created from (README: its
// ClinicalData removed), and how the capture changed it.
var projectXMLs = map[string]func(string) string{
	"odm_two_arms": func(x string) string { return x },
	// SchedulingEnabled on, and newlines written as character references in a label.
	"odm_scheduling": func(x string) string {
		x = strings.Replace(x, "<redcap:SchedulingEnabled>0<", "<redcap:SchedulingEnabled>1<", 1)
		return replaceLabel(x, "First Name", "First Name&#10;&#10;(as on the ID card)&#10;&#10;&#10;no nicknames")
	},
	// Literal newlines inside the XML text: LF LF, LF LF LF and CRLF CRLF.
	"odm_literal_newlines": func(x string) string {
		x = replaceLabel(x, "First Name", "First Name\n\n(as on the ID card)\n\n\nno nicknames\n\nend")
		return replaceLabel(x, "Last Name", "Last Name\r\n\r\nCRLF pair")
	},
}

// replaceLabel changes the text of one <TranslatedText> of a project XML.
func replaceLabel(x, old, label string) string {
	return strings.Replace(x, "<TranslatedText>"+old+"</TranslatedText>", "<TranslatedText>"+label+"</TranslatedText>", 1)
}

// freshFixture starts the fake for one project of a fresh file: from its project XML, or empty.
// Event IDs continue from the first one the capture's event export shows for the project.
func freshFixture(t *testing.T, c corpus, file, project string) *Server {
	t.Helper()
	p := &dictionary.Project{}
	if edit, ok := projectXMLs[project]; ok {
		path := filepath.Join(sharedDir(t), "dictionaries", "pycap-longitudinal.xml")
		raw, err := os.ReadFile(path)
		if err != nil {
			t.Fatalf("%s: %v", project, err)
		}
		x := string(raw)
		if i, j := strings.Index(x, "<ClinicalData"), strings.LastIndex(x, "</ClinicalData>"); i >= 0 && j > i {
			x = x[:i] + x[j+len("</ClinicalData>"):]
		}
		if p, err = dictionary.ReadProjectXML(project+".xml", []byte(edit(x))); err != nil {
			t.Fatalf("%s: read project XML: %v", project, err)
		}
		p.Title = ""
	}
	opts := []Option{WithToken(fixtureToken)}
	if v, ok := creationCase(c, file, project); ok {
		var odm []byte
		p, odm = createdProject(t, v)
		opts = append(opts, WithProjectXML(odm))
	}
	s := NewServer(p, opts...)
	t.Cleanup(s.Close)
	for _, v := range c.files[file] {
		if v.Project == project && v.Request["content"] == "event" && v.Request["action"] == nil && v.Status == 200 && strings.HasPrefix(v.Body, "[") {
			first := firstID(t, v.Body, "event_id")
			s.mu.Lock()
			for i := range s.st.proj.Events {
				s.st.proj.Events[i].ID = first + i
			}
			s.st.nextEventID = first + len(s.st.proj.Events)
			s.mu.Unlock()
			break
		}
	}
	for _, v := range c.files[file] {
		if v.Project == project && v.Request["content"] == "project" && v.Request["format"] == "json" && v.Request["data"] == nil && v.Status == 200 {
			// The project ID and creation time are the capture's, so that CSV and XML project
			// exports compare.
			var info struct {
				ID      int    `json:"project_id"`
				Created string `json:"creation_time"`
			}
			if err := json.Unmarshal([]byte(v.Body), &info); err == nil {
				s.mu.Lock()
				s.st.projectID, s.st.created = info.ID, info.Created
				s.mu.Unlock()
			}
			break
		}
	}
	for _, v := range c.files[file] {
		if v.Project == project && v.Request["content"] == "dag" && v.Request["action"] == nil && v.Status == 200 && strings.HasPrefix(v.Body, "[{") {
			// DAG IDs likewise continue from the first one the capture's DAG export shows.
			first := firstID(t, v.Body, "data_access_group_id")
			s.mu.Lock()
			for i := range s.st.proj.DAGs {
				s.st.proj.DAGs[i].ID = first + i
			}
			s.st.nextDAGID = first + len(s.st.proj.DAGs)
			s.mu.Unlock()
			break
		}
	}
	for _, setup := range freshSetups {
		setup(t, c, file, project, s)
	}
	return s
}

// freshSetups run on every fresh fixture once it is built: an area's test file adds one (from
// init) to give the fake what the capture's server had before the file's first case, such as the
// next ids it assigns.
var freshSetups []func(t *testing.T, c corpus, file, project string, s *Server)

// isProjectCreation tells whether a case is the creation of a project with the super token.
func isProjectCreation(v vector) bool {
	return v.Request["content"] == "project" && v.Request["token"] == "<SUPER_TOKEN>" && v.Request["data"] != nil && v.Status == 200
}

// creationCase returns the case that created a fresh project, when the file has one.
func creationCase(c corpus, file, project string) (vector, bool) {
	for _, v := range c.files[file] {
		if v.Project == project && isProjectCreation(v) {
			return v, true
		}
	}
	return vector{}, false
}

// createdProject reads the project a creation case made: from the project XML it sent (its
// odm_file, also returned), and with the title of its data.
func createdProject(t *testing.T, v vector) (*dictionary.Project, []byte) {
	t.Helper()
	p := &dictionary.Project{}
	var raw []byte
	if name, ok := v.Request["odm_file"].(string); ok {
		var err error
		raw, err = os.ReadFile(filepath.Join(sharedDir(t), "conformance", name))
		if err != nil {
			t.Fatalf("%s: %v", v.Name, err)
		}
		if p, err = dictionary.ReadProjectXML(name, raw); err != nil {
			t.Fatalf("%s: read project XML: %v", v.Name, err)
		}
	}
	var settings []struct {
		Title string `json:"project_title"`
	}
	data, _ := v.Request["data"].(string)
	if err := json.Unmarshal([]byte(data), &settings); err != nil || len(settings) != 1 {
		t.Fatalf("%s: project data %q: %v", v.Name, data, err)
	}
	p.Title = settings[0].Title
	return p, raw
}
