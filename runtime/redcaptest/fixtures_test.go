package redcaptest

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/redcapgen/redcapgen/dictionary"
)

// fixtureToken is the token of every fixture server.
const fixtureToken = "0A1B2C3D4E5F60718293A4B5C6D7E8F9"

// setupCases are the metadata.jsonl cases that built each fixture project through the API, in
// order. The missingcodes project's dictionary comes from missingcodes.jsonl instead.
var setupCases = map[string][]string{
	"classic":      {"metadata_import_classic"},
	"longitudinal": {"metadata_import_longitudinal", "arm_import_two_arms", "event_import_override", "formEventMapping_import", "repeatingFormsEvents_import_longitudinal"},
	"repeating":    {"metadata_import_repeating", "repeatingFormsEvents_import_classic"},
	"fieldtypes":   {"metadata_import_fieldtypes_all"},
}

// projectInfoCases give each fixture's title and project_id.
var projectInfoCases = map[string]string{
	"classic":      "production_project_info",
	"longitudinal": "project_info_longitudinal_json",
	"repeating":    "project_info_repeating_json",
	"fieldtypes":   "project_info_fieldtypes_json",
	"missingcodes": "missingcodes_project_info",
}

// corpus is every conformance file, by name.
type corpus struct {
	files map[string][]vector
	index map[string]vector // every case of every file by name
}

func loadCorpus(t *testing.T) corpus {
	shared := sharedDir(t)
	c := corpus{files: map[string][]vector{}, index: map[string]vector{}}
	for _, f := range replayFiles {
		c.files[f] = loadVectors(t, shared, f)
		for k, v := range byName(c.files[f]) {
			if _, taken := c.index[k]; !taken { // names repeat across files: the first file's case wins
				c.index[k] = v
			}
		}
	}
	return c
}

// mustCase returns a case by name.
func (c corpus) mustCase(t *testing.T, name string) vector {
	t.Helper()
	v, ok := c.index[name]
	if !ok {
		t.Fatalf("conformance case %q not found", name)
	}
	return v
}

// newEmptyFixture starts a fake for a fixture project with no dictionary and no design.
func newEmptyFixture(t *testing.T, c corpus, project string) *Server {
	t.Helper()
	var info struct {
		ID      int    `json:"project_id"`
		Title   string `json:"project_title"`
		Created string `json:"creation_time"`
	}
	if err := json.Unmarshal([]byte(c.mustCase(t, projectInfoCases[project]).Body), &info); err != nil {
		t.Fatalf("%s project info: %v", project, err)
	}
	s := NewServer(&dictionary.Project{}, WithToken(fixtureToken), WithProjectInfo(info.Title, info.ID))
	t.Cleanup(s.Close)
	s.st.created = info.Created
	if ev, ok := c.index["event_export_json"]; ok && project == "longitudinal" {
		s.st.nextEventID = firstID(t, ev.Body, "event_id")
	}
	return s
}

// newFixture starts an empty fake for one fixture project and builds its design by replaying the
// capture's own setup calls, which must agree.
func newFixture(t *testing.T, c corpus, project string, opts ...Option) *Server {
	t.Helper()
	var info struct {
		ID           int    `json:"project_id"`
		Title        string `json:"project_title"`
		Created      string `json:"creation_time"`
		MissingCodes string `json:"missing_data_codes"`
	}
	if err := json.Unmarshal([]byte(c.mustCase(t, projectInfoCases[project]).Body), &info); err != nil {
		t.Fatalf("%s project info: %v", project, err)
	}
	opts = append([]Option{WithToken(fixtureToken), WithProjectInfo(info.Title, info.ID), WithMissingCodes(parseMissingCodes(info.MissingCodes)...)}, opts...)
	s := NewServer(&dictionary.Project{}, opts...)
	t.Cleanup(s.Close)
	s.st.created = info.Created
	if ev, ok := c.index["event_export_json"]; ok && project == "longitudinal" {
		s.st.nextEventID = firstID(t, ev.Body, "event_id")
	}
	if dag, ok := c.index["dag_export_json"]; ok {
		s.st.nextDAGID = firstID(t, dag.Body, "data_access_group_id")
	}
	if eav, ok := c.index["fieldtypes_eav_raw_json"]; ok && project == "fieldtypes" {
		s.st.nextDocID = fileDocID(t, eav.Body, "f_file")
	}
	steps := setupCases[project]
	if project == "missingcodes" {
		dict := c.mustCase(t, "missingcodes_metadata").Body
		v := vector{Name: "missingcodes_setup", Request: map[string]any{"token": "<TOKEN>", "content": "metadata", "action": "import", "format": "json", "data": dict}}
		if got := send(t, s, v); got.status != 200 {
			t.Fatalf("missingcodes setup: %d %s", got.status, got.body)
		}
	}
	for _, name := range steps {
		v := c.mustCase(t, name)
		if d := disagreement(v, send(t, s, v)); d != "" {
			t.Fatalf("%s setup %s: %s", project, name, d)
		}
	}
	return s
}

// parseMissingCodes reads "NA, Not applicable | UNK, Unknown".
func parseMissingCodes(s string) []dictionary.MissingCode {
	var out []dictionary.MissingCode
	for _, entry := range strings.Split(s, "|") {
		code, label, _ := strings.Cut(entry, ",")
		if code = strings.TrimSpace(code); code != "" {
			out = append(out, dictionary.MissingCode{Code: code, Label: strings.TrimSpace(label)})
		}
	}
	return out
}

// firstID is the smallest value of an ID key in a captured export: the server's counter when the
// capture created those items.
func firstID(t *testing.T, body, key string) int {
	t.Helper()
	var rows []map[string]any
	if err := json.Unmarshal([]byte(body), &rows); err != nil {
		t.Fatalf("ids: %v", err)
	}
	first := 0
	for _, r := range rows {
		if n, ok := r[key].(float64); ok && (first == 0 || int(n) < first) {
			first = int(n)
		}
	}
	return first
}

// fileDocID is the document id a captured EAV export shows for a file field: the id the capture's
// server gave the file uploaded in exports.jsonl.
func fileDocID(t *testing.T, body, field string) int {
	t.Helper()
	var rows []map[string]any
	if err := json.Unmarshal([]byte(body), &rows); err != nil {
		t.Fatalf("doc id: %v", err)
	}
	for _, r := range rows {
		if r["field_name"] == field {
			if s, ok := r["value"].(string); ok {
				return atoiOr(s, 1)
			}
		}
	}
	return 1
}

// seedEAV stores the values of a captured raw EAV export exactly as listed (an EAV export shows
// storage order), so later exports can be compared.
func seedEAV(t *testing.T, s *Server, body string) {
	t.Helper()
	var rows []map[string]any
	if err := json.Unmarshal([]byte(body), &rows); err != nil {
		t.Fatalf("seed: %v", err)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	st := s.st
	for _, r := range rows {
		text := func(k string) string {
			switch x := r[k].(type) {
			case string:
				return x
			case float64:
				return itoa(int(x))
			}
			return ""
		}
		id := text("record")
		rec := st.records[id]
		if rec == nil {
			rec = newRecord(id)
			st.records[id] = rec
			st.logRecordEntry(logRecordAdd, "Create record (API) "+id, id, "")
		}
		k := rowKey{event: text("redcap_event_name"), form: text("redcap_repeat_instrument")}
		if n := text("redcap_repeat_instance"); n != "" {
			k.inst = atoiOr(n, 0)
		}
		field, value := text("field_name"), text("value")
		if fl := st.sch.byName[field]; fl != nil && fl.Type == dictionary.TypeCheckbox {
			field, value = dictionary.CheckboxColumn(field, value), "1"
		}
		rec.row(k, true).set(field, value)
	}
}

// seedDAGs assigns records to groups as a captured flat export with DAGs shows.
func seedDAGs(t *testing.T, s *Server, body string) {
	t.Helper()
	var rows []map[string]any
	if err := json.Unmarshal([]byte(body), &rows); err != nil {
		t.Fatalf("seed DAGs: %v", err)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, r := range rows {
		id, _ := r[s.st.sch.recordID].(string)
		dag, _ := r["redcap_data_access_group"].(string)
		if rec := s.st.records[id]; rec != nil {
			rec.dag = dag
		}
	}
}

func atoiOr(s string, def int) int {
	n := 0
	for _, c := range s {
		if c < '0' || c > '9' {
			return def
		}
		n = n*10 + int(c-'0')
	}
	return n
}
