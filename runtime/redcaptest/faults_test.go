package redcaptest

import (
	"context"
	"errors"
	"io"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/redcapgen/redcapgen/dictionary"
)

func TestFailNext(t *testing.T) {
	s := newDemo(t, FailNext(2, http.StatusServiceUnavailable))
	for i, want := range []int{503, 503, 200} {
		if status, _, body := post(t, s, map[string]string{"content": "version"}); status != want {
			t.Errorf("call %d: status %d, want %d (%s)", i+1, status, want, body)
		}
	}
}

func TestFailAtImportSavesNothing(t *testing.T) {
	s := newDemo(t, FailAtImport(2))
	imp := func(id string) int {
		status, _, _ := post(t, s, map[string]string{"content": "record", "action": "import", "format": "json", "data": `[{"record_id":"` + id + `"}]`})
		return status
	}
	if got := []int{imp("1"), imp("2"), imp("3")}; got[0] != 200 || got[1] != 500 || got[2] != 200 {
		t.Fatalf("statuses %v, want [200 500 200]", got)
	}
	var ids []string
	for _, r := range s.Records() {
		ids = append(ids, r["record_id"])
	}
	if strings.Join(ids, ",") != "1,3" {
		t.Errorf("stored records %v, want 1 and 3 (the failed import saves nothing)", ids)
	}
}

func TestTruncatedBodies(t *testing.T) {
	s := newDemo(t, WithTruncatedBodies())
	resp, err := http.PostForm(s.URL(), url.Values{"token": {s.Token()}, "content": {"metadata"}, "format": {"json"}})
	if err != nil {
		t.Fatalf("post: %v", err)
	}
	defer resp.Body.Close()
	if _, err := io.ReadAll(resp.Body); !errors.Is(err, io.ErrUnexpectedEOF) {
		t.Errorf("reading a truncated body: err = %v, want unexpected EOF", err)
	}
}

func TestDropConnection(t *testing.T) {
	s := newDemo(t, DropConnection())
	resp, err := http.PostForm(s.URL(), url.Values{"token": {s.Token()}, "content": {"version"}})
	if err == nil {
		resp.Body.Close()
		t.Fatalf("got status %d, want a transport error", resp.StatusCode)
	}
}

func TestLatencyRespectsClientDeadline(t *testing.T) {
	s := newDemo(t, WithLatency(time.Hour))
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, s.URL(), strings.NewReader("content=version&token="+s.Token()))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	resp, err := http.DefaultClient.Do(req)
	if err == nil {
		resp.Body.Close()
		t.Fatalf("got status %d, want the deadline to expire first", resp.StatusCode)
	}
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("err = %v, want deadline exceeded", err)
	}
}

func TestRecordLimit(t *testing.T) {
	s := newDemo(t, WithRecordLimit(2))
	data := `[{"record_id":"1"},{"record_id":"2"}]`
	if status, _, body := post(t, s, map[string]string{"content": "record", "format": "json", "data": data}); status != 200 {
		t.Fatalf("first import: %d %s", status, body)
	}
	status, _, body := post(t, s, map[string]string{"content": "record", "format": "json", "data": `[{"record_id":"3"}]`})
	want := `{"error":"NOTICE: No new records can be created since this project has already met the limit of 2 records while in Development status. If you have questions regarding this, please contact your REDCap Administrator."}`
	if status != http.StatusBadRequest || body != want {
		t.Errorf("over the limit: %d %s", status, body)
	}
	if status, _, _ := post(t, s, map[string]string{"content": "record", "format": "json", "data": `[{"record_id":"2","sex":"1"}]`}); status != 200 {
		t.Errorf("updating an existing record at the limit: status %d, want 200", status)
	}
}

func TestProjectOptions(t *testing.T) {
	s := newDemo(t,
		WithProjectInfo("Demo", 42),
		WithMissingCodes(dictionary.MissingCode{Code: "UNK", Label: "Unknown"}),
		WithDAGs(dictionary.DAG{Name: "Site A", UniqueName: "site_a"}),
	)
	_, _, info := post(t, s, map[string]string{"content": "project", "format": "json"})
	mustContain(t, "project info", info, `"project_id":42,"project_title":"Demo"`)
	mustContain(t, "project info", info, `"missing_data_codes":"UNK, Unknown"`)
	_, _, names := post(t, s, map[string]string{"content": "exportFieldNames", "format": "csv", "field": "race"})
	mustContain(t, "export field names", names, "race,UNK,race___unk\n")
	if status, _, body := post(t, s, map[string]string{"content": "record", "format": "json", "data": `[{"record_id":"1","dob":"UNK","redcap_data_access_group":"site_a"}]`}); status != 200 {
		t.Fatalf("import a missing code: %d %s", status, body)
	}
	_, _, dags := post(t, s, map[string]string{"content": "dag", "format": "csv"})
	if dags != "data_access_group_name,unique_group_name,data_access_group_id\n\"Site A\",site_a,1" {
		t.Errorf("dag export = %q", dags)
	}
	_, _, rec := post(t, s, map[string]string{"content": "record", "format": "json", "exportDataAccessGroups": "true", "fields[0]": "record_id", "fields[1]": "dob"})
	if rec != `[{"record_id":"1","redcap_data_access_group":"site_a","dob":"UNK"}]` {
		t.Errorf("export = %s", rec)
	}
}

func TestFailNextMethod(t *testing.T) {
	s := newDemo(t)
	if status, _, _ := post(t, s, map[string]string{"content": "version"}); status != 200 {
		t.Fatalf("status %d before injecting", status)
	}
	s.FailNext(1, http.StatusBadGateway)
	for i, want := range []int{502, 200} {
		if status, _, _ := post(t, s, map[string]string{"content": "version"}); status != want {
			t.Errorf("call %d after injecting: status %d, want %d", i+1, status, want)
		}
	}
}
