package redcaptest

import (
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/redcapgen/redcapgen/dictionary"
)

// siteSuper is the super token of the test sites.
const siteSuper = "0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF"

// projectToken matches the answer to a project creation.
var projectToken = regexp.MustCompile(`^[0-9A-F]{32}$`)

// startSite serves a new site over HTTP and returns its API URL.
func startSite(t *testing.T, opts ...Option) (*Site, string) {
	t.Helper()
	si, err := NewSite(siteSuper, opts...)
	if err != nil {
		t.Fatal(err)
	}
	hs := httptest.NewServer(si.Handler())
	t.Cleanup(hs.Close)
	return si, hs.URL + "/api/"
}

// postForm posts form fields and returns status, content type and body.
func postForm(t *testing.T, apiURL string, form url.Values) (int, string, string) {
	t.Helper()
	resp, err := http.PostForm(apiURL, form)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp.StatusCode, resp.Header.Get("Content-Type"), string(b)
}

// createOn creates a project on the site and returns its token.
func createOn(t *testing.T, apiURL string, form url.Values) string {
	t.Helper()
	form.Set("token", siteSuper)
	form.Set("content", "project")
	status, _, body := postForm(t, apiURL, form)
	if status != http.StatusOK || !projectToken.MatchString(body) {
		t.Fatalf("create %v: %d %q, want 200 and a project token", form.Get("data"), status, body)
	}
	return body
}

// TestSiteCreatesProjects creates projects in every data format, with and without a project XML,
// and checks each answers under its own token with its own title, ID and design.
func TestSiteCreatesProjects(t *testing.T) {
	_, apiURL := startSite(t)
	tests := []struct {
		name, format, data string
		longitudinal       string
	}{
		{"json", "json", `[{"project_title": "Study A", "purpose": "0"}]`, "0"},
		// is_longitudinal=1 turns the events on with Event 1 alone; as in REDCap, a project with a
		// single event does not count as longitudinal yet.
		{"csv", "csv", "project_title,purpose,is_longitudinal\nStudy B,2,1\n", "0"},
		{"xml item", "xml", "<?xml version=\"1.0\" encoding=\"UTF-8\" ?>\n<item>\n<project_title>Study C</project_title>\n<purpose>0</purpose>\n</item>", "0"},
		{"other purpose", "json", `[{"project_title": "Study D", "purpose": "1", "purpose_other": "Teaching"}]`, "0"},
	}
	ids := map[float64]bool{}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tok := createOn(t, apiURL, url.Values{"format": {tt.format}, "data": {tt.data}})
			_, _, body := postForm(t, apiURL, url.Values{"token": {tok}, "content": {"project"}, "format": {"json"}})
			var info map[string]any
			if err := json.Unmarshal([]byte(body), &info); err != nil {
				t.Fatalf("project info %q: %v", body, err)
			}
			if !strings.HasPrefix(info["project_title"].(string), "Study ") || ids[info["project_id"].(float64)] {
				t.Errorf("project info %v: want its own title and a new ID", info)
			}
			ids[info["project_id"].(float64)] = true
			if got := info["is_longitudinal"]; got != json.Number(tt.longitudinal) && got != float64(tt.longitudinal[0]-'0') {
				t.Errorf("is_longitudinal = %v, want %s", got, tt.longitudinal)
			}
			_, _, meta := postForm(t, apiURL, url.Values{"token": {tok}, "content": {"metadata"}, "format": {"csv"}})
			if !strings.HasPrefix(meta, "field_name,form_name") || !strings.Contains(meta, "\nrecord_id,my_first_instrument,") {
				t.Errorf("metadata of a new project = %q, want record_id in my_first_instrument", meta)
			}
		})
	}
}

// TestSiteCreatesFromProjectXML exports a project as a project XML and creates a new project
// from it: the new one has the same dictionary and arms, the records of the XML's ClinicalData
// (none from a design-only export), and the title sent.
func TestSiteCreatesFromProjectXML(t *testing.T) {
	si, apiURL := startSite(t)
	first := NewUnstartedServer(demoProject(t), WithToken(fixtureToken), WithProjectInfo("Original", 7))
	si.Add(first)
	design := []url.Values{
		{"content": {"project_settings"}, "data": {`{"is_longitudinal": "1"}`}},
		{"content": {"event"}, "action": {"import"}, "data": {`[{"event_name": "Visit 2", "arm_num": "1"}]`}},
		{"content": {"formEventMapping"}, "action": {"import"}, "data": {`[{"arm_num": "1", "unique_event_name": "event_1_arm_1", "form": "demographics"}, {"arm_num": "1", "unique_event_name": "visit_2_arm_1", "form": "visit"}]`}},
		{"content": {"record"}, "data": {`[{"record_id": "1", "redcap_event_name": "event_1_arm_1", "sex": "1"}]`}},
	}
	for _, form := range design {
		form.Set("token", fixtureToken)
		form.Set("format", "json")
		if status, _, body := postForm(t, apiURL, form); status != http.StatusOK {
			t.Fatalf("%s: %d %q", form.Get("content"), status, body)
		}
	}
	status, _, odm := postForm(t, apiURL, url.Values{"token": {fixtureToken}, "content": {"project_xml"}})
	if status != http.StatusOK {
		t.Fatalf("project_xml: %d %q", status, odm)
	}
	tok := createOn(t, apiURL, url.Values{"format": {"json"}, "data": {`[{"project_title": "Copy", "purpose": "0"}]`}, "odm": {odm}})
	for _, content := range []string{"metadata", "arm", "event", "formEventMapping"} {
		_, _, want := postForm(t, apiURL, url.Values{"token": {fixtureToken}, "content": {content}, "format": {"json"}})
		_, _, got := postForm(t, apiURL, url.Values{"token": {tok}, "content": {content}, "format": {"json"}})
		want, got = designText(want), designText(got)
		if got != want {
			t.Errorf("%s of the copy:\n%s\nwant\n%s", content, got, want)
		}
	}
	_, _, wantRecs := postForm(t, apiURL, url.Values{"token": {fixtureToken}, "content": {"record"}, "format": {"csv"}})
	_, _, recs := postForm(t, apiURL, url.Values{"token": {tok}, "content": {"record"}, "format": {"csv"}})
	if recs != wantRecs || !strings.Contains(recs, "\n1,event_1_arm_1,") {
		t.Errorf("records of the copy (from the project XML's ClinicalData):\n%s\nwant\n%s", recs, wantRecs)
	}
	_, _, metaOnly := postForm(t, apiURL, url.Values{"token": {fixtureToken}, "content": {"project_xml"}, "returnMetadataOnly": {"true"}})
	empty := createOn(t, apiURL, url.Values{"format": {"json"}, "data": {`[{"project_title": "Design only", "purpose": "0"}]`}, "odm": {metaOnly}})
	if _, _, recs := postForm(t, apiURL, url.Values{"token": {empty}, "content": {"record"}, "format": {"csv"}}); strings.Contains(recs, "\n1,") {
		t.Errorf("a copy from the design alone has records: %q", recs)
	}
	_, _, info := postForm(t, apiURL, url.Values{"token": {tok}, "content": {"project"}, "format": {"json"}})
	if !strings.Contains(info, `"project_title":"Copy"`) || !strings.Contains(info, `"project_id":8`) {
		t.Errorf("project info of the copy = %s, want title Copy and ID 8", info)
	}
}

// newlyNumbered matches what a new project numbers or stores anew: event IDs, the label of the
// event REDCap made when the project turned longitudinal, the spacing of choice lists.
var newlyNumbered = regexp.MustCompile(`"event_id":\d+,?|"custom_event_label":(null|""),?`)

// designText is a design export without what a copy numbers or stores anew.
func designText(s string) string {
	return strings.ReplaceAll(newlyNumbered.ReplaceAllString(s, ""), " | ", "|")
}

// TestSiteRefusals checks the answers to what a site refuses: wrong tokens, the super token on a
// project method, a project token on creation, and bad settings.
func TestSiteRefusals(t *testing.T) {
	si, apiURL := startSite(t)
	si.Add(NewUnstartedServer(demoProject(t), WithToken(fixtureToken)))
	const generic = `{"error":"You do not have permissions to use the API"}`
	tests := []struct {
		name   string
		form   url.Values
		status int
		body   string
	}{
		{"unknown token", url.Values{"token": {strings.Repeat("F", 32)}, "content": {"record"}, "format": {"json"}}, 403, generic},
		{"super token on a project method", url.Values{"token": {siteSuper}, "content": {"record"}, "format": {"json"}}, 403, generic},
		{"super token in lower case still creates", url.Values{"token": {strings.ToLower(siteSuper)}, "content": {"project"}, "format": {"json"}, "data": {`[{"project_title":"x","purpose":"0"}]`}}, 200, ""},
		{"super token with a project's length", url.Values{"token": {siteSuper[:32]}, "content": {"record"}, "format": {"json"}}, 403, generic},
		{"project token on creation", url.Values{"token": {fixtureToken}, "content": {"project"}, "format": {"json"}, "data": {`[{"project_title":"x","purpose":"0"}]`}}, 403, `{"error":"` + msgCreateProject + `"}`},
		{"no title", url.Values{"token": {siteSuper}, "content": {"project"}, "format": {"json"}, "data": {`[{"purpose":"0"}]`}}, 400, `{"error":"The project_title attribute is missing"}`},
		{"purpose out of range", url.Values{"token": {siteSuper}, "content": {"project"}, "format": {"json"}, "data": {`[{"project_title":"x","purpose":"5"}]`}}, 400, `{"error":"The purpose attribute must be an integer between 0 and 4"}`},
		{"other purpose unnamed", url.Values{"token": {siteSuper}, "content": {"project"}, "format": {"csv"}, "data": {"project_title,purpose\nx,1\n"}}, 400, "ERROR: The purpose_other attribute is required when purpose is 1 (Other)"},
		{"odm not a project XML", url.Values{"token": {siteSuper}, "content": {"project"}, "format": {"json"}, "data": {`[{"project_title":"x","purpose":"0"}]`}, "odm": {"<nope"}}, 400, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			status, _, body := postForm(t, apiURL, tt.form)
			if status != tt.status || (tt.body != "" && body != tt.body) {
				t.Errorf("%d %q, want %d %q", status, body, tt.status, tt.body)
			}
			if tt.status == 200 && !projectToken.MatchString(body) {
				t.Errorf("body %q is not a project token", body)
			}
		})
	}
	if _, err := NewSite("abc"); err == nil {
		t.Error("NewSite accepted a 3-character super token")
	}
}

// TestSiteReplaysCreations sends every captured project creation (a super token, settings, and
// the project XML named by odm_file) to a site: REDCap's status and content type, a project token
// as the body, and a project that answers with the title sent.
func TestSiteReplaysCreations(t *testing.T) {
	shared := sharedDir(t)
	files, err := filepath.Glob(filepath.Join(shared, "conformance", "*.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	_, apiURL := startSite(t)
	n := 0
	for _, f := range files {
		for _, v := range loadVectors(t, shared, filepath.Base(f)) {
			if !isProjectCreation(v) {
				continue
			}
			n++
			form := url.Values{"token": {siteSuper}}
			for k, val := range v.Request {
				if s, ok := val.(string); ok && k != "token" && k != "odm_file" {
					form.Set(k, s)
				}
			}
			if name, ok := v.Request["odm_file"].(string); ok {
				raw, err := os.ReadFile(filepath.Join(shared, "conformance", name))
				if err != nil {
					t.Fatal(err)
				}
				form.Set("odm", string(raw))
			}
			status, ct, body := postForm(t, apiURL, form)
			if status != v.Status || ct != v.ContentType || !projectToken.MatchString(body) {
				t.Errorf("%s: %d %q %q, want %d %q and a project token", v.Name, status, ct, body, v.Status, v.ContentType)
				continue
			}
			var settings []map[string]string
			if err := json.Unmarshal([]byte(form.Get("data")), &settings); err != nil || len(settings) != 1 {
				t.Fatalf("%s: data %q: %v", v.Name, form.Get("data"), err)
			}
			_, _, info := postForm(t, apiURL, url.Values{"token": {body}, "content": {"project"}, "format": {"json"}})
			if !strings.Contains(info, `"project_title":"`+settings[0]["project_title"]+`"`) {
				t.Errorf("%s: project info %s lacks the title %q", v.Name, info, settings[0]["project_title"])
			}
		}
	}
	if n == 0 {
		t.Fatal("no project creation among the captured cases")
	}
	t.Logf("%d project creations replayed", n)
}

// siteCalcDictionary has a calculated field.
const siteCalcDictionary = `field_name,form_name,section_header,field_type,field_label,select_choices_or_calculations,field_note,text_validation_type_or_show_slider_number,text_validation_min,text_validation_max,identifier,branching_logic,required_field,custom_alignment,question_number,matrix_group_name,matrix_ranking,field_annotation
record_id,main,,text,Record ID,,,,,,,,,,,,,
weight,main,,text,Weight,,,integer,,,,,,,,,,
double,main,,calc,Double,[weight]*2,,,,,,,,,,,,
`

// TestSiteCreationLeavesCalcsBlank creates a project from a project XML whose records hold a
// calculated value: REDCap stores the other values and leaves the calculated field blank.
func TestSiteCreationLeavesCalcsBlank(t *testing.T) {
	si, apiURL := startSite(t)
	p, err := dictionary.Read("calc.csv", []byte(siteCalcDictionary))
	if err != nil {
		t.Fatal(err)
	}
	first := NewUnstartedServer(p, WithToken(fixtureToken))
	si.Add(first)
	postForm(t, apiURL, url.Values{"token": {fixtureToken}, "content": {"record"}, "format": {"csv"}, "data": {"record_id,weight\n1,40\n"}})
	_, _, odm := postForm(t, apiURL, url.Values{"token": {fixtureToken}, "content": {"project_xml"}})
	if !strings.Contains(odm, `ItemOID="double" Value="80"`) {
		t.Fatalf("the project XML lacks the computed value: %s", odm)
	}
	tok := createOn(t, apiURL, url.Values{"format": {"json"}, "data": {`[{"project_title": "Copy", "purpose": "0"}]`}, "odm": {odm}})
	if _, _, got := postForm(t, apiURL, url.Values{"token": {tok}, "content": {"record"}, "format": {"csv"}, "fields[0]": {"record_id"}, "fields[1]": {"weight"}, "fields[2]": {"double"}}); got != "record_id,weight,double\n1,40,\n" {
		t.Errorf("records of the copy = %q, want the calc blank", got)
	}
}
