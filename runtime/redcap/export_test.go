package redcap

import (
	"context"
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestStreamBatchesAndOrder(t *testing.T) {
	ids := []string{"1", "2", "3", "10", "11"}
	f := newFakeREDCap(t, ids...)
	c := f.start()
	var progress []string
	var got []string
	for rec, err := range Stream[testRecord](context.Background(), c, ExportOptions{
		BatchSize: 2,
		Progress:  func(done, total int) { progress = append(progress, fmt.Sprintf("%d/%d", done, total)) },
	}) {
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, rec.ID+"="+rec.Name)
	}
	want := []string{"1=name 1", "2=name 2", "3=name 3", "10=name 10", "11=name 11"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Fatalf("records (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{"2/5", "4/5", "5/5"}, progress); diff != "" {
		t.Fatalf("progress (-want +got):\n%s", diff)
	}
	// one ID pass asking only for the record ID, then three batches
	if len(f.calls) != 4 || f.calls[0]["fields[0]"] != "record_id" || f.calls[0]["records[0]"] != "" {
		t.Fatalf("first call should be the ID pass: %v", f.calls)
	}
	if diff := cmp.Diff([]string{"3", "10"}, indexed(f.calls[2], "records")); diff != "" {
		t.Fatalf("batch 2 records (-want +got):\n%s", diff)
	}
}

func TestStreamFieldsAddRecordID(t *testing.T) {
	f := newFakeREDCap(t, "1")
	c := f.start()
	recs, err := ExportAll[testRecord](context.Background(), c, ExportOptions{Fields: []string{"name"}, FilterLogic: "[name] <> ''"})
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) != 1 || recs[0].ID != "1" {
		t.Fatalf("got %+v", recs)
	}
	batch := f.calls[1]
	if diff := cmp.Diff([]string{"record_id", "name"}, indexed(batch, "fields")); diff != "" {
		t.Fatalf("fields (-want +got):\n%s", diff)
	}
	if batch["filterLogic"] != "[name] <> ''" || f.calls[0]["filterLogic"] != "[name] <> ''" {
		t.Fatalf("filterLogic not sent in both passes: %v", f.calls)
	}
}

func TestStreamCompleteness(t *testing.T) {
	tests := []struct {
		name string
		body string // the batch answer
		want string
	}{
		{"missing record", `[{"record_id":"1","name":"a"}]`, `did not come back: "2"`},
		{"unrequested record", `[{"record_id":"1"},{"record_id":"2"},{"record_id":"9"}]`, `record "9", which this batch did not ask for`},
		{"record twice", `[{"record_id":"1"},{"record_id":"2"},{"record_id":"1"}]`, `record "1" came back twice`},
		{"unknown column", `[{"record_id":"1","nope":"x"}]`, `column "nope" is not in the generated project (record "1") (row 1)`},
		{"error envelope", ``, `HTTP 400`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newFakeREDCap(t, "1", "2")
			f.beforeExport = func(n int, form map[string]string) (int, string, bool) {
				if n == 1 {
					return 0, "", false
				}
				if tt.body == "" {
					return http.StatusBadRequest, `{"error":"The following values in the parameter \"fields\" are not valid: 'nope'"}`, true
				}
				return http.StatusOK, tt.body, true
			}
			c := f.start()
			_, err := ExportAll[testRecord](context.Background(), c, ExportOptions{})
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("error %v, want it to contain %q", err, tt.want)
			}
			if !strings.Contains(err.Error(), "batch 1") {
				t.Fatalf("error should name the batch: %v", err)
			}
		})
	}
}

func TestStreamStopsEarly(t *testing.T) {
	f := newFakeREDCap(t, "1", "2", "3", "4")
	c := f.start()
	n := 0
	for _, err := range Stream[testRecord](context.Background(), c, ExportOptions{BatchSize: 2}) {
		if err != nil {
			t.Fatal(err)
		}
		n++
		if n == 1 {
			break
		}
	}
	if f.exports != 2 {
		t.Fatalf("stopping after the first record should leave later batches unrequested; exports: %d", f.exports)
	}
}

func TestStreamGroupsRowsOfARecord(t *testing.T) {
	f := newFakeREDCap(t, "1", "2")
	f.beforeExport = func(n int, form map[string]string) (int, string, bool) {
		if n == 1 {
			return http.StatusOK, `[{"record_id":"1"},{"record_id":"1"},{"record_id":"2"}]`, true
		}
		return http.StatusOK, `[{"record_id":"1","name":"a"},{"record_id":"1","name":""},{"record_id":"2","name":"b"}]`, true
	}
	c := f.start()
	recs, err := ExportAll[testRecord](context.Background(), c, ExportOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) != 2 || recs[0].rows != 2 || recs[1].rows != 1 {
		t.Fatalf("rows per record: %+v", recs)
	}
}

// TestStreamReuseRecord checks that with ReuseRecord Stream yields one record, recycled, holding
// the same values a fresh record would; and that ExportAll ignores the option.
func TestStreamReuseRecord(t *testing.T) {
	ids := []string{"1", "2", "3", "10", "11"}
	c := newFakeREDCap(t, ids...).start()
	var got []string
	var first *testRecord
	for rec, err := range Stream[testRecord](context.Background(), c, ExportOptions{BatchSize: 2, ReuseRecord: true}) {
		if err != nil {
			t.Fatal(err)
		}
		if first == nil {
			first = rec
		} else if rec != first {
			t.Errorf("record %s: a new record, want the recycled one", rec.ID)
		}
		got = append(got, fmt.Sprintf("%s=%s rows=%d", rec.ID, rec.Name, rec.rows))
	}
	want := []string{"1=name 1 rows=1", "2=name 2 rows=1", "3=name 3 rows=1", "10=name 10 rows=1", "11=name 11 rows=1"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Fatalf("records (-want +got):\n%s", diff)
	}
	all, err := ExportAll[testRecord](context.Background(), c, ExportOptions{BatchSize: 2, ReuseRecord: true})
	if err != nil {
		t.Fatal(err)
	}
	var kept []string
	for _, r := range all {
		kept = append(kept, r.ID)
	}
	if diff := cmp.Diff(ids, kept); diff != "" {
		t.Fatalf("ExportAll with ReuseRecord (-want +got):\n%s", diff)
	}
}
