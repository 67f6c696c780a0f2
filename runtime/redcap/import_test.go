package redcap

import (
	"context"
	"errors"
	"net/http"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func records(ids ...string) []testRecord {
	out := make([]testRecord, len(ids))
	for i, id := range ids {
		out[i] = testRecord{ID: id, Name: "n" + id}
	}
	return out
}

func statuses(res *ImportResult) []string {
	var out []string
	for _, b := range res.Batches {
		out = append(out, b.Status.String())
	}
	return out
}

func TestImportAllBatchesLand(t *testing.T) {
	f := newFakeREDCap(t)
	c := f.start()
	res, err := Import(context.Background(), c, records("a", "b", "c"), ImportOptions{BatchSize: 2})
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]string{"landed", "landed"}, statuses(res)); diff != "" {
		t.Fatal(diff)
	}
	if diff := cmp.Diff([]string{"a", "b", "c"}, res.Landed()); diff != "" {
		t.Fatal(diff)
	}
	first := f.calls[0]
	for k, want := range map[string]string{"overwriteBehavior": "normal", "returnContent": "ids", "forceAutoNumber": "false", "type": "flat", "format": "json"} {
		if first[k] != want {
			t.Errorf("%s = %q, want %q", k, first[k], want)
		}
	}
	if first["data"] != `[{"record_id":"a","name":"na"},{"record_id":"b","name":"nb"}]` {
		t.Errorf("data = %s", first["data"])
	}
}

func TestImportBatchTwoFails(t *testing.T) {
	for _, cont := range []bool{false, true} {
		t.Run(map[bool]string{false: "stop", true: "continue"}[cont], func(t *testing.T) {
			f := newFakeREDCap(t)
			f.beforeImport = func(n int, rows []map[string]any) (int, string, bool) {
				if n == 2 {
					return http.StatusBadRequest, `{"error":"\"c\",\"name\",\"x\"\"y\",\"The value is not a valid category for name\"\n\"c\",\"race____1\",\"2\",\"race____1 is a checkbox field\""}`, true
				}
				return 0, "", false
			}
			c := f.start()
			res, err := Import(context.Background(), c, records("a", "b", "c", "d", "e", "f"), ImportOptions{BatchSize: 2, ContinueOnError: cont})
			if err == nil {
				t.Fatal("want an error")
			}
			want := []string{"landed", "refused by REDCap", "not sent"}
			wantImports := 2
			if cont {
				want[2], wantImports = "landed", 3
			}
			if diff := cmp.Diff(want, statuses(res)); diff != "" {
				t.Fatalf("statuses (-want +got):\n%s", diff)
			}
			if f.imports != wantImports {
				t.Fatalf("server saw %d imports, want %d (each batch exactly once)", f.imports, wantImports)
			}
			var be *BatchError
			var ae *APIError
			if !errors.As(err, &be) || be.Number != 2 || !errors.As(err, &ae) || !errors.Is(err, ErrBadRequest) {
				t.Fatalf("error should wrap batch 2's *APIError: %v", err)
			}
			wantValues := []ValueError{
				{Record: "c", Field: "name", GoField: "Name", Value: `x"y`, Message: "The value is not a valid category for name"},
				{Record: "c", Field: "race____1", GoField: "Race", Value: "2", Message: "race____1 is a checkbox field"},
			}
			if diff := cmp.Diff(wantValues, ae.Values); diff != "" {
				t.Fatalf("values (-want +got):\n%s", diff)
			}
			for _, s := range []string{`record "c" field name (Name) value "x\"y"`, "2 of 6 records landed", "batch 2"} {
				if cont {
					s = strings.Replace(s, "2 of 6", "4 of 6", 1)
				}
				if !strings.Contains(err.Error(), s) {
					t.Errorf("error text lacks %q:\n%v", s, err)
				}
			}
		})
	}
}

func TestImportNeverRetried(t *testing.T) {
	tests := []struct {
		name   string
		status int
		want   BatchStatus
	}{
		{"server error", http.StatusInternalServerError, BatchUncertain},
		{"bad gateway", http.StatusBadGateway, BatchUncertain},
		{"refused", http.StatusBadRequest, BatchFailed},
		{"permission", http.StatusForbidden, BatchFailed},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newFakeREDCap(t)
			f.beforeImport = func(int, []map[string]any) (int, string, bool) {
				return tt.status, `{"error":"nope"}`, true
			}
			c := f.start(WithRetry(5, 0))
			res, err := Import(context.Background(), c, records("a"), ImportOptions{})
			if err == nil || f.imports != 1 {
				t.Fatalf("imports sent %d times (want 1), err %v", f.imports, err)
			}
			if res.Batches[0].Status != tt.want {
				t.Fatalf("status %v, want %v", res.Batches[0].Status, tt.want)
			}
		})
	}
}

func TestImportPreflight(t *testing.T) {
	f := newFakeREDCap(t)
	c := f.start()
	recs := records("a", "b", "c", "d")
	recs[1].Name = "" // required: a warning does not stop the batch
	recs[2].Name = "bad1"
	res, err := Import(context.Background(), c, recs, ImportOptions{BatchSize: 2})
	if diff := cmp.Diff([]string{"landed", "refused by pre-flight validation"}, statuses(res)); diff != "" {
		t.Fatal(diff)
	}
	var ve *ValidationError
	if !errors.As(err, &ve) || len(ve.Errors()) != 1 || !strings.Contains(err.Error(), `record "c" field "name" (Name): value "bad1"`) {
		t.Fatalf("want a *ValidationError naming record c: %v", err)
	}
	if f.imports != 1 {
		t.Fatalf("refused batch was sent: %d imports", f.imports)
	}
	f2 := newFakeREDCap(t)
	c2 := f2.start()
	if _, err := Import(context.Background(), c2, recs, ImportOptions{SkipPreflight: true}); err != nil || f2.imports != 1 {
		t.Fatalf("SkipPreflight: err %v, imports %d", err, f2.imports)
	}
}

func TestImportChecksConfirmedIDs(t *testing.T) {
	f := newFakeREDCap(t)
	f.beforeImport = func(int, []map[string]any) (int, string, bool) { return http.StatusOK, `["a"]`, true }
	c := f.start()
	res, err := Import(context.Background(), c, records("a", "b"), ImportOptions{})
	if err == nil || res.Batches[0].Status != BatchUncertain || !strings.Contains(err.Error(), `not confirmed "b"`) {
		t.Fatalf("status %v err %v", res.Batches[0].Status, err)
	}
}

func TestImportOptionsSent(t *testing.T) {
	f := newFakeREDCap(t)
	c := f.start()
	res, err := Import(context.Background(), c, records("x", "y"), ImportOptions{ForceAutoNumber: true, Overwrite: true})
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(map[string]string{"x": "101", "y": "102"}, res.AutoIDs); diff != "" {
		t.Fatal(diff)
	}
	call := f.calls[0]
	if call["overwriteBehavior"] != "overwrite" || call["forceAutoNumber"] != "true" || call["returnContent"] != "auto_ids" {
		t.Fatalf("params: %v", call)
	}
}

func TestImportRefusesBadIDsBeforeSending(t *testing.T) {
	tests := []struct {
		name string
		ids  []string
		want string
	}{
		{"blank", []string{"a", ""}, "record 2 of 2 has a blank record ID"},
		{"duplicate", []string{"a", "b", "a"}, `record ID "a" appears twice (records 1 and 3)`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newFakeREDCap(t)
			c := f.start()
			res, err := Import(context.Background(), c, records(tt.ids...), ImportOptions{})
			if res == nil || err == nil || !strings.Contains(err.Error(), tt.want) || f.imports != 0 {
				t.Fatalf("err %v, imports %d", err, f.imports)
			}
		})
	}
}
