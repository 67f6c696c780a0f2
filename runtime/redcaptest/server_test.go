package redcaptest

import (
	"fmt"
	"net/http"
	"regexp"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestNewServerToken(t *testing.T) {
	s := newDemo(t)
	if !regexp.MustCompile(`^[0-9A-F]{32}$`).MatchString(s.Token()) {
		t.Errorf("Token() = %q, want 32 upper-case hex characters", s.Token())
	}
	if !strings.HasSuffix(s.URL(), "/api/") {
		t.Errorf("URL() = %q, want it to end in /api/", s.URL())
	}
	fixed := newDemo(t, WithToken("0123456789abcdef0123456789abcdef"))
	if got := fixed.Token(); got != "0123456789ABCDEF0123456789ABCDEF" {
		t.Errorf("WithToken: Token() = %q", got)
	}
}

func TestTokenChecks(t *testing.T) {
	s := newDemo(t)
	tok := s.Token()
	tests := []struct {
		name  string
		token string
		want  int
	}{
		{"exact", tok, http.StatusOK},
		{"lower case", strings.ToLower(tok), http.StatusOK},
		{"wrong", strings.Repeat("0", 32), http.StatusForbidden},
		{"one short", tok[:31], http.StatusForbidden},
		{"one long", tok + "0", http.StatusForbidden},
		{"padded", " " + tok + " ", http.StatusForbidden},
		{"empty", "", http.StatusForbidden},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			status, _, body := post(t, s, map[string]string{"token": tt.token, "content": "version"})
			if status != tt.want {
				t.Fatalf("status %d, want %d (%s)", status, tt.want, body)
			}
			if tt.want == http.StatusForbidden && body != `<?xml version="1.0" encoding="UTF-8" ?><hash><error>You do not have permissions to use the API</error></hash>` {
				t.Errorf("body = %q", body)
			}
		})
	}
}

func TestNonPostIs501(t *testing.T) {
	s := newDemo(t)
	for _, method := range []string{http.MethodGet, http.MethodPut, http.MethodDelete} {
		req, err := http.NewRequest(method, s.URL()+"?content=version&token="+s.Token(), nil)
		if err != nil {
			t.Fatal(err)
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusNotImplemented {
			t.Errorf("%s: status %d, want 501", method, resp.StatusCode)
		}
	}
}

func TestErrorEnvelopes(t *testing.T) {
	s := newDemo(t)
	tests := []struct {
		fields   map[string]string
		wantType string
		wantBody string
	}{
		{map[string]string{"content": "bogus", "format": "json"}, "application/json; charset=utf-8", `{"error":"The value of the parameter \"content\" is not valid"}`},
		{map[string]string{"content": "bogus", "format": "json", "returnFormat": "csv"}, "text/csv; charset=utf-8", `ERROR: The value of the parameter "content" is not valid`},
		{map[string]string{"content": "bogus"}, "text/xml; charset=utf-8", `<?xml version="1.0" encoding="UTF-8" ?><hash><error>The value of the parameter "content" is not valid</error></hash>`},
	}
	for _, tt := range tests {
		status, ct, body := post(t, s, tt.fields)
		if status != http.StatusBadRequest || ct != tt.wantType || body != tt.wantBody {
			t.Errorf("%v: got %d %q %q, want 400 %q %q", tt.fields, status, ct, body, tt.wantType, tt.wantBody)
		}
	}
}

func TestImportThenExport(t *testing.T) {
	s := newDemo(t)
	status, _, body := post(t, s, map[string]string{
		"content": "record", "action": "import", "format": "json", "returnContent": "ids",
		"data": `[{"record_id":"10","dob":"2024-2-9","sex":"-9","race___1":"1"},{"record_id":"2","cigs":"+5"}]`,
	})
	if status != http.StatusOK || body != `["10","2"]` {
		t.Fatalf("import: %d %s", status, body)
	}
	_, _, body = post(t, s, map[string]string{"content": "record", "format": "csv", "fields[0]": "record_id", "fields[1]": "dob", "fields[2]": "race"})
	want := "record_id,dob,race___1,race___2,race____1\n2,,0,0,0\n10,2024-02-09,1,0,0\n"
	if diff := cmp.Diff(want, body); diff != "" {
		t.Errorf("export (-want +got):\n%s", diff)
	}
	got := s.Records()
	if len(got) != 2 || got[1]["cigs"] != "" || got[0]["cigs"] != "+5" || got[1]["sex"] != "-9" {
		t.Errorf("Records() = %v", got)
	}
}

func TestImportRefusesBadValuesAllOrNothing(t *testing.T) {
	s := newDemo(t)
	status, _, body := post(t, s, map[string]string{
		"content": "record", "format": "json", "returnFormat": "json",
		"data": `[{"record_id":"1","dob":"2024-01-01"},{"record_id":"2","dob":"2023-02-29","sex":"5"}]`,
	})
	if status != http.StatusBadRequest {
		t.Fatalf("status %d, want 400", status)
	}
	mustContain(t, "error", body, `\"2\",\"dob\",\"2023-02-29\",\"Invalid date format.`)
	mustContain(t, "error", body, `\"2\",\"sex\",\"5\",\"The value is not a valid category for sex\"`)
	if n := len(s.Records()); n != 0 {
		t.Errorf("%d records stored after a refused import, want 0", n)
	}
}

func TestLoad(t *testing.T) {
	s := newDemo(t)
	if err := s.LoadJSON([]byte(`[{"record_id":"1","sex":"1","cigs":"3"}]`)); err != nil {
		t.Fatalf("LoadJSON: %v", err)
	}
	if err := s.Load([]map[string]string{{"record_id": "2", "sex": "7"}}); err == nil || !strings.Contains(err.Error(), "not a valid category") {
		t.Errorf("Load of a bad value: err = %v, want REDCap's message", err)
	}
	recs := s.Records()
	if len(recs) != 1 || recs[0]["sex"] != "1" || recs[0]["demographics_complete"] != "0" {
		t.Errorf("Records() = %v", recs)
	}
}

func TestRequestsNeverHoldTheToken(t *testing.T) {
	s := newDemo(t)
	post(t, s, map[string]string{"content": "version"})
	post(t, s, map[string]string{"content": "record", "format": "json"})
	reqs := s.Requests()
	if len(reqs) != 2 || reqs[0].Content != "version" || reqs[1].Content != "record" {
		t.Fatalf("Requests() = %+v", reqs)
	}
	if strings.Contains(fmt.Sprintf("%+v", reqs), s.Token()) {
		t.Errorf("Requests() shows the token")
	}
}

func TestDeleteAndRename(t *testing.T) {
	s := newDemo(t)
	if err := s.Load([]map[string]string{{"record_id": "1", "sex": "1", "cigs": "5"}, {"record_id": "2", "sex": "0"}}); err != nil {
		t.Fatal(err)
	}
	if status, _, body := post(t, s, map[string]string{"content": "record", "action": "delete", "records[0]": "1", "instrument": "visit"}); status != 200 || body != "1" {
		t.Fatalf("delete instrument: %d %s", status, body)
	}
	recs := s.Records()
	if len(recs) != 2 || recs[0]["cigs"] != "" || recs[0]["sex"] != "1" {
		t.Errorf("after deleting form visit of record 1: %v", recs)
	}
	if status, _, body := post(t, s, map[string]string{"content": "record", "action": "rename", "record": "2", "new_record_name": "2b"}); status != 200 || body != "1" {
		t.Fatalf("rename: %d %s", status, body)
	}
	if status, _, body := post(t, s, map[string]string{"content": "record", "action": "delete", "records[0]": "2b", "format": "json"}); status != 200 || body != "1" {
		t.Fatalf("delete: %d %s", status, body)
	}
	status, _, body := post(t, s, map[string]string{"content": "record", "action": "delete", "records[0]": "nope", "returnFormat": "json"})
	if status != 400 || !strings.Contains(body, "The following records do not exist: nope") {
		t.Errorf("delete unknown: %d %s", status, body)
	}
	if _, _, body := post(t, s, map[string]string{"content": "generateNextRecordName"}); body != "2" {
		t.Errorf("next record name = %q, want 2", body)
	}
}
