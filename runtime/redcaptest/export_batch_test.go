package redcaptest

import (
	"encoding/json"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestExportRecordsBatch: an export limited by records[] returns each existing listed record
// once, in REDCap's natural order, whatever the order and repeats of the list.
func TestExportRecordsBatch(t *testing.T) {
	s := newDemo(t)
	var rows []map[string]string
	for _, id := range []string{"1", "2", "10", "11", "a"} {
		rows = append(rows, map[string]string{"record_id": id})
	}
	if err := s.Load(rows); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name    string
		records []string
		want    []string
	}{
		{"all", nil, []string{"1", "2", "10", "11", "a"}},
		{"natural order", []string{"11", "a", "2"}, []string{"2", "11", "a"}},
		{"repeats once", []string{"10", "1", "10"}, []string{"1", "10"}},
		{"unknown left out", []string{"3", "2", "x"}, []string{"2"}},
		{"none exist", []string{"404"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			form := map[string]string{"content": "record", "format": "json", "type": "flat", "fields[0]": "record_id"}
			for i, id := range tt.records {
				form["records["+itoa(i)+"]"] = id
			}
			status, _, body := post(t, s, form)
			if status != 200 {
				t.Fatalf("status %d: %s", status, body)
			}
			var got []map[string]string
			if err := json.Unmarshal([]byte(body), &got); err != nil {
				t.Fatalf("body %q: %v", body, err)
			}
			var ids []string
			for _, r := range got {
				ids = append(ids, r["record_id"])
			}
			if diff := cmp.Diff(tt.want, ids); diff != "" {
				t.Fatalf("records (-want +got):\n%s", diff)
			}
		})
	}
}
