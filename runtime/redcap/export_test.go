package redcap

import (
	"context"
	"errors"
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

// TestStreamReuseRecord checks that with ReuseRecord Stream decodes every batch into the records
// of the first, recycled, holding the same values fresh records would; and that ExportAll
// ignores the option.
func TestStreamReuseRecord(t *testing.T) {
	ids := []string{"1", "2", "3", "10", "11"}
	c := newFakeREDCap(t, ids...).start()
	var got []string
	firstBatch := map[*testRecord]bool{}
	for rec, err := range Stream[testRecord](context.Background(), c, ExportOptions{BatchSize: 2, ReuseRecord: true}) {
		if err != nil {
			t.Fatal(err)
		}
		if len(got) < 2 {
			firstBatch[rec] = true
		} else if !firstBatch[rec] {
			t.Errorf("record %s: a new record, want one of the first batch, recycled", rec.ID)
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

// TestStreamBrokenBatchYieldsNothingOfIt checks that a batch whose answer is incomplete,
// repeats a record, names one not asked for, is cut short or does not decode yields none of its
// records: the records of the first batch, then one error naming the second.
func TestStreamBrokenBatchYieldsNothingOfIt(t *testing.T) {
	tests := []struct {
		name, body, want string
	}{
		{"missing record", `[{"record_id":"4","name":"d"},{"record_id":"5","name":"e"}]`, `did not come back: "6"`},
		{"duplicated record", `[{"record_id":"4"},{"record_id":"5"},{"record_id":"4"},{"record_id":"6"}]`, `record "4" came back twice`},
		{"unrequested record", `[{"record_id":"4"},{"record_id":"5"},{"record_id":"6"},{"record_id":"7"}]`, `record "7", which this batch did not ask for`},
		{"truncated answer", `[{"record_id":"4","name":"d"},{"record_id":"5","name":"e"},{"record_id":"6","na`, "unexpected end"},
		{"login page", "<!DOCTYPE html>\n<html><body>" + strings.Repeat("Log in to REDCap. ", 1000) + "</body></html>", "HTML or XML, not JSON"},
		{"undecodable record", `[{"record_id":"4"},{"record_id":"5","name":"e"},{"record_id":"6","name":"f"}]`, `record "6": test decode failure`},
	}
	for _, tt := range tests {
		for _, reuse := range []bool{false, true} {
			t.Run(fmt.Sprintf("%s/reuse=%v", tt.name, reuse), func(t *testing.T) {
				f := newFakeREDCap(t, "1", "2", "3", "4", "5", "6")
				f.beforeExport = func(n int, form map[string]string) (int, string, bool) {
					if n == 3 { // the ID pass, batch 1, then batch 2
						return http.StatusOK, tt.body, true
					}
					return 0, "", false
				}
				c := f.start()
				var got []string
				var errs []error
				for rec, err := range Stream[failingRecord](context.Background(), c, ExportOptions{BatchSize: 3, ReuseRecord: reuse}) {
					if err != nil {
						errs = append(errs, err)
						continue
					}
					got = append(got, rec.ID)
				}
				if diff := cmp.Diff([]string{"1", "2", "3"}, got); diff != "" {
					t.Errorf("records yielded (-want +got):\n%s", diff)
				}
				if len(errs) != 1 || !strings.Contains(errs[0].Error(), "batch 2") || !strings.Contains(errs[0].Error(), tt.want) {
					t.Errorf("errors %v, want one naming batch 2 and %q", errs, tt.want)
				}
			})
		}
	}
}

// failingRecord is testRecord whose decode fails for record "6" with name "f".
type failingRecord struct{ testRecord }

func (r *failingRecord) Recycle() { *r = failingRecord{} }

func (r *failingRecord) DecodeRows(rows []Row) error {
	if err := r.testRecord.DecodeRows(rows); err != nil {
		return err
	}
	if r.ID == "6" && r.Name == "f" {
		return errors.New("test decode failure")
	}
	return nil
}
