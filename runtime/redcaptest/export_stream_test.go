package redcaptest

import (
	"errors"
	"io"
	"net/http"
	"net/url"
	"testing"
)

// TestExportRecordsStreamedMatchesRendered: a streamed flat JSON export is byte for byte the
// rendered one, for every kind of request the streamed path serves or hands back.
func TestExportRecordsStreamedMatchesRendered(t *testing.T) {
	s := newDemo(t)
	rows := []map[string]string{
		{"record_id": "1", "dob": "1980-01-02", "sex": "-9", "race___1": "1", "race____1": "1", "cigs": "12"},
		{"record_id": "2", "sex": "0"},
		{"record_id": "10", "dob": "1999-12-31", "cigs": "0"},
		{"record_id": `a/"é"`, "sex": "1", "race___2": "1"},
	}
	if err := s.Load(rows); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name     string
		form     map[string][]string
		streamed bool // served by the streamed path
	}{
		{"all", map[string][]string{}, true},
		{"ID pass", map[string][]string{"fields[0]": {"record_id"}}, true},
		{"batch", map[string][]string{"records[0]": {"10"}, "records[1]": {"1"}, "records[2]": {"404"}}, true},
		{"no rows", map[string][]string{"records[0]": {"404"}}, true},
		{"form", map[string][]string{"forms[0]": {"visit"}}, true},
		{"labels", map[string][]string{"rawOrLabel": {"label"}}, true},
		{"filter logic", map[string][]string{"filterLogic": {"[sex] = '0'"}}, true},
		{"bad filter logic", map[string][]string{"filterLogic": {"[sex] = = '1'"}}, false},
		{"unknown field in filter logic", map[string][]string{"filterLogic": {"[nope] = '1'"}}, false},
		{"EAV", map[string][]string{"type": {"eav"}}, false},
		{"CSV", map[string][]string{"format": {"csv"}}, false},
		{"unknown field (an error)", map[string][]string{"fields[0]": {"nope"}}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := params{v: map[string][]string{"content": {"record"}, "format": {"json"}, "type": {"flat"}}}
			for k, v := range tt.form {
				p.v[k] = v
			}
			want := s.st.exportRecords(p)
			streamed := s.st.exportRecordsStreamed(p)
			if (streamed.stream != nil) != tt.streamed {
				t.Fatalf("streamed = %v, want %v", streamed.stream != nil, tt.streamed)
			}
			got := streamed.rendered()
			if got.status != want.status || got.format != want.format || got.body != want.body {
				t.Fatalf("streamed: %d %s %q\nrendered: %d %s %q", got.status, got.format, got.body, want.status, want.format, want.body)
			}
		})
	}
}

// TestTruncatedRecordExport: truncation still cuts a record export, which is streamed otherwise.
func TestTruncatedRecordExport(t *testing.T) {
	s := newDemo(t, WithTruncatedBodies())
	if err := s.Load([]map[string]string{{"record_id": "1"}, {"record_id": "2"}}); err != nil {
		t.Fatal(err)
	}
	resp, err := http.PostForm(s.URL(), url.Values{"token": {s.Token()}, "content": {"record"}, "format": {"json"}})
	if err != nil {
		t.Fatalf("post: %v", err)
	}
	defer resp.Body.Close()
	if _, err := io.ReadAll(resp.Body); !errors.Is(err, io.ErrUnexpectedEOF) {
		t.Errorf("reading a truncated record export: err = %v, want unexpected EOF", err)
	}
}
