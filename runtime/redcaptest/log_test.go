package redcaptest

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

// logRows exports the log as JSON (action | details | record per entry, newest first).
func logRows(t *testing.T, s *Server, filters map[string]string) []string {
	t.Helper()
	fields := map[string]string{"content": "log", "format": "json"}
	for k, v := range filters {
		fields[k] = v
	}
	status, _, body := post(t, s, fields)
	if status != 200 {
		t.Fatalf("log export: %d %s", status, body)
	}
	var rows []struct {
		Username *string `json:"username"`
		Action   string  `json:"action"`
		Details  string  `json:"details"`
		Record   string  `json:"record"`
	}
	if err := json.Unmarshal([]byte(body), &rows); err != nil {
		t.Fatalf("log export %q: %v", body, err)
	}
	out := make([]string, len(rows))
	for i, r := range rows {
		out[i] = r.Action + " | " + r.Details + " | " + r.Record
	}
	return out
}

// TestLogRecordChanges: what the fake logs for changes the captured history does not show:
// checkbox boxes unchecked, an overwrite that erases, a rename, a record leaving its DAG; and the
// log's filters on them.
func TestLogRecordChanges(t *testing.T) {
	s := newDemo(t, WithDAGs())
	steps := []map[string]string{
		{"content": "dag", "action": "import", "format": "json", "data": `[{"data_access_group_name":"North","unique_group_name":""}]`},
		{"content": "record", "action": "import", "format": "json", "data": `[{"record_id":"1","sex":"0","race___1":"1","race___2":"1","redcap_data_access_group":"north"}]`},
		{"content": "record", "action": "import", "format": "json", "data": `[{"record_id":"1","race___1":"0","race___2":"1","cigs":"3"}]`},
		{"content": "record", "action": "import", "format": "json", "overwriteBehavior": "overwrite", "data": `[{"record_id":"1","sex":"","redcap_data_access_group":""}]`},
		{"content": "record", "action": "import", "format": "json", "data": `[{"record_id":"1","sex":"1"}]`},
		{"content": "record", "action": "rename", "record": "1", "new_record_name": "7"},
		{"content": "record", "action": "delete", "records[0]": "7"},
	}
	for _, f := range steps {
		if status, _, body := post(t, s, f); status != 200 {
			t.Fatalf("%v: %d %s", f, status, body)
		}
	}
	want := []string{
		"Delete record (API) 7 | record_id = '7' | 7",
		"Update record (API) 7 | record_id = '7' (renamed from '1') | 7",
		"Update record (API) 1 | sex = '1' | 1",
		"Update record (API) 1 | Remove record from Data Access Group (redcap_data_access_group = '') | 1",
		"Update record (API) 1 | sex = '' | 1",
		"Update record (API) 1 | race(1) = unchecked, cigs = '3' | 1",
		"Update record 1 | visit_complete = '0' | 1",
		"Update record (API) 1 | Assign record to Data Access Group (redcap_data_access_group = 'north') | 1",
		"Create record (API) 1 | record_id = '1', sex = '0', race(1) = checked, race(2) = checked | 1",
		"Update record 1 | demographics_complete = '0' | 1",
	}
	if diff := cmp.Diff(want, logRows(t, s, map[string]string{"logtype": "record"})); diff != "" {
		t.Errorf("record entries (-want +got):\n%s", diff)
	}
	if got := logRows(t, s, map[string]string{"logtype": "record_delete", "record": "7"}); len(got) != 1 {
		t.Errorf("deletions of record 7: %q", got)
	}
	if got := logRows(t, s, map[string]string{"record": "1", "logtype": "record_add"}); len(got) != 1 || !strings.HasPrefix(got[0], "Create record (API) 1") {
		t.Errorf("creates of record 1: %q", got)
	}
	// Record 7 no longer exists, so no group holds entries.
	if got := logRows(t, s, map[string]string{"dag": "1"}); len(got) != 0 {
		t.Errorf("entries of group 1: %q", got)
	}
}

// TestLogPageViews: every request with the project's token is a page view at the address it was
// sent to, with REDCap's background request once after the first; other logtypes leave them out.
func TestLogPageViews(t *testing.T) {
	s := newDemo(t, WithProjectInfo("Demo", 12))
	post(t, s, map[string]string{"content": "version"})
	post(t, s, map[string]string{"content": "version", "token": strings.Repeat("0", 32)}) // not the project's token
	got := logRows(t, s, map[string]string{"logtype": "page_view"})
	base := strings.TrimSuffix(s.URL(), "api/")
	want := []string{
		"Page View  | Page accessed: " + s.URL() + " | ",
		"Page View  | Page accessed: " + base + "redcap_v15.7.6/index.php?pid=12&NOAUTH_BUILDRECORDLIST&PLUGIN&route=DataEntryController:buildRecordListCache | ",
		"Page View  | Page accessed: " + s.URL() + " | ",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("page views (-want +got):\n%s", diff)
	}
	for _, row := range logRows(t, s, nil) {
		if strings.HasPrefix(row, "Page View") {
			t.Errorf("a log export without logtype lists %q", row)
		}
	}
}

// TestLogTimes: the log's time comparisons, and the clock in the Date header.
func TestLogTimes(t *testing.T) {
	for _, tc := range []struct {
		in    string
		begin int64
	}{
		{"2026-12-02 15:30", 20261202153000},
		{"2026-12-02 15:31:59", 20261202153100},
		{"2026-12-02", 2026120200},
		{"yesterday", 0},
		{"12/02/2026 15:30", 12022026153000},
	} {
		if got, _ := logTimeBound(tc.in); got != tc.begin {
			t.Errorf("logTimeBound(%q) = %d, want %d", tc.in, got, tc.begin)
		}
	}
	for _, tc := range []struct {
		in    string
		isEnd bool
		want  int64
		ok    bool
	}{
		{"2026-12-02 15:30:07", false, 20261202153007, true},
		{"2026-12-02T15:30:07", false, 20261202153007, true},
		{"2026-12-02 15:30", false, 20261202153000, true},
		{"2026-12-02", false, 20261202000000, true},
		{"2026-12-02", true, 20261202235959, true},
		{"12/02/2026 15:32:00", false, 122226153200, true}, // read as year 12: before any log entry
		{"garbage", true, 0, false},
	} {
		got, ok := rangeBound(tc.in, tc.isEnd)
		if ok != tc.ok || ok && got != tc.want {
			t.Errorf("rangeBound(%q, %v) = %d, %v; want %d, %v", tc.in, tc.isEnd, got, ok, tc.want, tc.ok)
		}
	}
	at := time.Date(2026, 12, 2, 10, 11, 12, 0, time.FixedZone("UTC-5", -5*3600))
	s := newDemo(t, WithClock(func() time.Time { return at }))
	resp, err := s.http.Client().PostForm(s.URL(), map[string][]string{"token": {s.Token()}, "content": {"version"}})
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if got := resp.Header.Get("Date"); got != "Wed, 02 Dec 2026 15:11:12 GMT" {
		t.Errorf("Date header %q, want the fake's clock", got)
	}
}
