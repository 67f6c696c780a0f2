package redcap

import (
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestReadRecords(t *testing.T) {
	errStop := errors.New("stop here")
	tests := []struct {
		name    string
		body    string
		stopAt  int      // fn returns errStop at this record (1-based); 0 never
		want    []string // "ID=Name/Race1/rows" per record
		wantErr string
	}{
		{name: "empty export", body: `[]`},
		{
			name: "rows of a record are decoded together",
			body: `[{"record_id":"1","name":"a","race___1":"1"},{"record_id":"1","form_1_complete":"2"},{"record_id":"1"},{"record_id":"2","name":"b"}]`,
			want: []string{"1=a/1/3", "2=b//1"},
		},
		{
			// reused row storage must not carry record 1's values into record 2
			name: "no values leak between records",
			body: `[{"record_id":"1","name":"a","race___1":"1"},{"record_id":"2"}]`,
			want: []string{"1=a/1/1", "2=//1"},
		},
		{
			name:    "rows of a record apart",
			body:    `[{"record_id":"1"},{"record_id":"2"},{"record_id":"1"}]`,
			want:    []string{"1=//1", "2=//1"},
			wantErr: `record "1" came back twice`,
		},
		{name: "row without record ID", body: `[{"name":"x"}]`, wantErr: "row without a record ID (record_id)"},
		{name: "unknown column", body: `[{"record_id":"1","shoe_size":"9"}]`, wantErr: `column "shoe_size" is not in the generated project`},
		{name: "not JSON rows", body: `{"error":"x"}`, wantErr: "JSON object, not an array"},
		{
			name:    "fn stops the read",
			body:    `[{"record_id":"1"},{"record_id":"2"},{"record_id":"3"}]`,
			stopAt:  2,
			want:    []string{"1=//1", "2=//1"},
			wantErr: "stop here",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			err := ReadRecords(strings.NewReader(tt.body), func(r *testRecord) error {
				got = append(got, r.ID+"="+r.Name+"/"+r.Race1+"/"+itoa(r.rows))
				if len(got) == tt.stopAt {
					return errStop
				}
				return nil
			})
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("records (-want +got):\n%s", diff)
			}
			switch {
			case tt.wantErr == "" && err != nil:
				t.Fatalf("unexpected error: %v", err)
			case tt.wantErr != "" && (err == nil || !strings.Contains(err.Error(), tt.wantErr)):
				t.Fatalf("error %v, want one containing %q", err, tt.wantErr)
			}
			if tt.stopAt > 0 && !errors.Is(err, errStop) {
				t.Fatalf("error %v does not wrap fn's error", err)
			}
		})
	}
}

func TestReadRecordsKeepsEachRecord(t *testing.T) {
	var kept []*testRecord
	err := ReadRecords(strings.NewReader(`[{"record_id":"1","name":"a"},{"record_id":"2","name":"b"}]`), func(r *testRecord) error {
		kept = append(kept, r)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(kept) != 2 || kept[0] == kept[1] || kept[0].Name != "a" || kept[1].Name != "b" {
		t.Fatalf("records kept by fn changed: %+v", kept)
	}
}
