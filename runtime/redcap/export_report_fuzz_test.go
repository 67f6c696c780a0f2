package redcap

import (
	"encoding/json"
	"errors"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// FuzzDecodeReport feeds arbitrary report answers to the typed report decoder: it must not
// panic; an answer it accepts must give each record once, with its ID, the columns every row
// carried, and every row decoded; an answer it refuses for a column must say which report and
// column, and why.
func FuzzDecodeReport(f *testing.F) {
	for _, s := range []string{
		`[{"record_id":"1","name":"Ada"},{"record_id":"1","name":""},{"record_id":"2","name":"Ben"}]`,
		`[{"record_id":"1","race___1":"1"},{"record_id":"2","race___1":"0"}]`,
		`[{"name":"Ada"}]`,
		`[{"record_id":"1","race":"1,-1"}]`,
		`[{"record_id":"1","redcap_data_access_group":"site_a"}]`,
		`[{"record_id":"1"},{"record_id":"2"},{"record_id":"1"}]`,
		`[{"record_id":"1","name":"a"},{"record_id":"2"}]`,
		`[]`,
		`[{"record_id":"1","name":"cut`,
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, body string) {
		recs, cols, err := decodeReport[testRecord](strings.NewReader(body), testSchemaOnce(), 5)
		if err != nil {
			var ce *ReportColumnError
			if errors.As(err, &ce) && (ce.ReportID != 5 || ce.Problem == "") {
				t.Fatalf("column error without report or problem: %#v", ce)
			}
			return
		}
		seen := map[string]bool{}
		rows := 0
		for _, r := range recs {
			if r.ID == "" || seen[r.ID] {
				t.Fatalf("record ID %q empty or given twice", r.ID)
			}
			seen[r.ID] = true
			rows += r.rows
		}
		if len(recs) > 0 && !cols.Has("record_id") {
			t.Fatalf("records without the record ID column: %v", cols.Columns())
		}
		var objects []map[string]json.RawMessage
		if json.Unmarshal([]byte(body), &objects) != nil {
			return // the decoder's JSON is not encoding/json's in every corner (numbers, UTF-8)
		}
		if rows != len(objects) {
			t.Fatalf("decoded %d rows of %d", rows, len(objects))
		}
		for i, o := range objects {
			keys := make([]string, 0, len(o))
			for k := range o {
				keys = append(keys, k)
			}
			got := cols.Columns()
			slices.Sort(keys)
			slices.Sort(got)
			if !slices.Equal(keys, got) {
				t.Fatalf("row %d carries %v, the report's columns are %v", i+1, keys, got)
			}
		}
	})
}

// FuzzReportRequestParams checks report IDs and CSV delimiters: a request is sent only with a
// positive ID, written in decimal, and a delimiter REDCap reads as one.
func FuzzReportRequestParams(f *testing.F) {
	f.Add(42, ",")
	f.Add(0, "tab")
	f.Add(-3, "\t")
	f.Add(7, ";;")
	f.Fuzz(func(t *testing.T, id int, delim string) {
		p, err := ReportRequest{ReportID: id, CSVDelimiter: delim}.params()
		ok := id > 0 && slices.Contains([]string{"", ",", ";", "|", "^", "\t"}, delim)
		if ok != (err == nil) {
			t.Fatalf("id %d delimiter %q: error %v, want accepted %v", id, delim, err, ok)
		}
		if err == nil && p.Get("report_id") != strconv.Itoa(id) {
			t.Fatalf("report_id %q, want %d", p.Get("report_id"), id)
		}
		if err != nil && !strings.Contains(err.Error(), "report") {
			t.Fatalf("error does not name the report: %v", err)
		}
	})
}

// TestIsCommaDecimal checks which texts are numbers written with a decimal comma.
func TestIsCommaDecimal(t *testing.T) {
	for v, want := range map[string]bool{"80,0": true, "-1,5": true, ",5": true, "1,": false, "1,5,0": false, "1.5": false, "12": false, "": false, "a,b": false, "1,3": true} {
		if got := isCommaDecimal(v); got != want {
			t.Errorf("isCommaDecimal(%q) = %v, want %v", v, got, want)
		}
	}
}
