package redcap_test

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/redcapgen/redcapgen/dictionary"
	longstudy "github.com/redcapgen/redcapgen/examples/longitudinal/study"
	quickstudy "github.com/redcapgen/redcapgen/examples/quickstart/study"
	"github.com/redcapgen/redcapgen/generator"
	"github.com/redcapgen/redcapgen/runtime/redcap"
	"github.com/redcapgen/redcapgen/runtime/redcaptest"
)

// reportClassicRows are records of the quickstart example, one with a line break and quotes.
const reportClassicRows = `[
{"record_id":"1","first_name":"Ada","dob":"1990-02-03","sex":"0","race___1":"1","race___3":"1","height_cm":"170","weight_kg":"65.5","visit_date":"2024-03-05","comments":"Line one\nLine \"two\""},
{"record_id":"2","first_name":"Ben","sex":"1","race___2":"1","height_cm":"182","weight_kg":"80.0"},
{"record_id":"10","first_name":"Cy","sex":"1","height_cm":"175.5"}
]`

// reportLongRows are records of the longitudinal example: a baseline, a follow-up visit with two
// adverse events, instances of the repeating phone-call event.
const reportLongRows = `[
{"record_id":"1","redcap_event_name":"baseline_arm_1","redcap_repeat_instrument":"","redcap_repeat_instance":"","dob":"1980-02-29","sex":"1","visit_date":"2024-01-05","weight_kg":"71.5"},
{"record_id":"1","redcap_event_name":"follow_up_arm_1","redcap_repeat_instrument":"","redcap_repeat_instance":"","visit_date":"2024-02-05","weight_kg":"70.0"},
{"record_id":"1","redcap_event_name":"follow_up_arm_1","redcap_repeat_instrument":"adverse_events","redcap_repeat_instance":"1","ae_term":"Headache","ae_severity":"1"},
{"record_id":"1","redcap_event_name":"follow_up_arm_1","redcap_repeat_instrument":"adverse_events","redcap_repeat_instance":"2","ae_term":"Rash","ae_severity":"2"},
{"record_id":"1","redcap_event_name":"phone_call_arm_1","redcap_repeat_instrument":"","redcap_repeat_instance":"1","ae_term":"Dizzy","ae_severity":"1"},
{"record_id":"2","redcap_event_name":"baseline_arm_1","redcap_repeat_instrument":"","redcap_repeat_instance":"","sex":"0","visit_date":"2024-01-06","weight_kg":"60.0"},
{"record_id":"2","redcap_event_name":"follow_up_arm_1","redcap_repeat_instrument":"adverse_events","redcap_repeat_instance":"1","ae_term":"Cough","ae_severity":"3"}
]`

// reportServer starts a fake REDCap for an example project with records and reports, and a
// client for it.
func reportServer(t *testing.T, example, rows string, withDesign bool, reports []redcaptest.Report, opts ...redcaptest.Option) (*redcaptest.Server, *redcap.Client) {
	t.Helper()
	dir := filepath.Join("..", "..", "examples", example)
	csv, err := os.ReadFile(filepath.Join(dir, "study.csv"))
	if err != nil {
		t.Fatal(err)
	}
	p, err := dictionary.Read("study.csv", csv)
	if err != nil {
		t.Fatal(err)
	}
	if withDesign {
		design, err := os.ReadFile(filepath.Join(dir, "design.json"))
		if err != nil {
			t.Fatal(err)
		}
		if err := generator.ApplyEventDesign(p, "design.json", design); err != nil {
			t.Fatal(err)
		}
	}
	opts = append(opts, redcaptest.WithReports(reports...), redcaptest.WithDAGs(dictionary.DAG{Name: "Site A", UniqueName: "site_a"}))
	s := redcaptest.NewServer(p, opts...)
	t.Cleanup(s.Close)
	path := filepath.Join(t.TempDir(), "token")
	if err := os.WriteFile(path, []byte(s.Token()), 0o600); err != nil {
		t.Fatal(err)
	}
	c, err := redcap.NewClient(s.URL(), redcap.TokenFromFile(path), redcap.WithRetry(2, time.Millisecond))
	if err != nil {
		t.Fatal(err)
	}
	if err := s.LoadJSON([]byte(rows)); err != nil {
		t.Fatalf("load records: %v", err)
	}
	return s, c
}

// TestStreamReportClassic decodes a classic report: the records hold the report's fields only,
// in the report's order of rows, and say which columns they carried.
func TestStreamReportClassic(t *testing.T) {
	_, c := reportServer(t, "quickstart", reportClassicRows, false, []redcaptest.Report{
		{ID: 7, Fields: []string{"record_id", "sex", "race", "comments"}, Logic: "[sex] = '1' or [race(1)] = '1'",
			Sort: []redcaptest.ReportSort{{Field: "record_id", Descending: true}}},
	})
	var ids []string
	for rr, err := range redcap.StreamReport[quickstudy.Record](context.Background(), c, 7) {
		if err != nil {
			t.Fatal(err)
		}
		rec := rr.Record
		ids = append(ids, rec.ID)
		for field, want := range map[string]bool{"record_id": true, "sex": true, "race": true, "comments": true, "first_name": false, "demographics_complete": false} {
			if got := rr.Columns.HasField(field); got != want {
				t.Errorf("record %s: HasField(%q) = %v, want %v", rec.ID, field, got, want)
			}
		}
		if !rr.Columns.Has("race____1") || rr.Columns.Has("race") {
			t.Errorf("columns %v: want the expanded checkbox columns only", rr.Columns.Columns())
		}
		if !rec.Demographics.FirstName.IsBlank() || !rec.Demographics.HeightCm.IsBlank() {
			t.Errorf("record %s: fields outside the report are not blank", rec.ID)
		}
		if rec.ID == "1" {
			if !rec.Demographics.Race.Has(quickstudy.RaceWhite) || rec.Demographics.Sex.Raw() != "0" {
				t.Errorf("record 1: race %v sex %q", rec.Demographics.Race.Raw(), rec.Demographics.Sex.Raw())
			}
			if got := rec.Visit.Comments.Raw(); got != "Line one  Line 'two'" {
				t.Errorf("record 1 comments = %q, want REDCap's report text with line breaks and quotes replaced", got)
			}
		}
		rows, err := rec.EncodeRows(nil)
		if err != nil {
			t.Fatal(err)
		}
		for i, present := range rows[0].Present {
			if present != rr.Columns.Has(rows[0].Layout.Column(i)) {
				t.Errorf("record %s: encoded column %q present = %v, the report carried it: %v", rec.ID, rows[0].Layout.Column(i), present, !present)
			}
		}
	}
	if d := cmp.Diff([]string{"10", "2", "1"}, ids); d != "" {
		t.Errorf("records (-want +got):\n%s", d)
	}
}

// TestExportReportAllLongitudinal decodes a longitudinal report with repeating instruments and a
// repeating event, filtered at record level and limited to two events.
func TestExportReportAllLongitudinal(t *testing.T) {
	_, c := reportServer(t, "longitudinal", reportLongRows, true, []redcaptest.Report{
		{ID: 3, Fields: []string{"record_id", "visit_date", "ae_term", "ae_severity"}, Logic: "[ae_severity] = '2'",
			RecordLevel: true, Events: []string{"follow_up_arm_1", "phone_call_arm_1"}},
		{ID: 4, Fields: []string{"record_id", "ae_term"}, Logic: "[ae_severity] = '3'"},
	})
	recs, cols, err := redcap.ExportReportAll[longstudy.Record](context.Background(), c, 3)
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) != 1 || recs[0].ID != "1" {
		t.Fatalf("got %d records, want record 1 only (the only one with a severity 2 row)", len(recs))
	}
	r := recs[0]
	if r.BaselineArm1 != nil {
		t.Errorf("the baseline is outside the report's events, but the record has it")
	}
	if r.FollowUpArm1 == nil || len(r.FollowUpArm1.AdverseEvents) != 2 || len(r.PhoneCallArm1) != 1 {
		t.Fatalf("follow-up %+v, phone calls %d: want the visit, two adverse events and one call", r.FollowUpArm1, len(r.PhoneCallArm1))
	}
	if got := r.FollowUpArm1.Visit.VisitDate.Raw(); got != "2024-02-05" {
		t.Errorf("follow-up visit date = %q", got)
	}
	if got := r.FollowUpArm1.AdverseEvents[1].Data.AeTerm.Raw(); got != "Rash" {
		t.Errorf("second adverse event = %q, want Rash", got)
	}
	for col, want := range map[string]bool{"redcap_event_name": true, "redcap_repeat_instance": true, "ae_term": true, "sex": false, "weight_kg": false} {
		if cols.Has(col) != want {
			t.Errorf("Has(%q) = %v, want %v", col, !want, want)
		}
	}
	// Event level: only the matching row, an instance of record 2.
	recs, _, err = redcap.ExportReportAll[longstudy.Record](context.Background(), c, 4)
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) != 1 || recs[0].ID != "2" || recs[0].BaselineArm1 != nil || len(recs[0].FollowUpArm1.AdverseEvents) != 1 {
		t.Fatalf("event-level report: got %+v, want record 2 with its one adverse event", recs)
	}
}

// TestStreamReportErrors checks the typed errors: unknown report, and reports the typed path
// cannot decode without changing a value, each naming record and column.
func TestStreamReportErrors(t *testing.T) {
	_, c := reportServer(t, "quickstart", reportClassicRows, false, []redcaptest.Report{
		{ID: 1, Fields: []string{"sex", "height_cm"}},
		{ID: 2, Fields: []string{"record_id", "race"}, CombineCheckboxes: true},
		{ID: 3, Fields: []string{"record_id", "sex"}, OutputDAGs: true},
	})
	tests := []struct {
		name   string
		client *redcap.Client
		id     int
		want   string
		column string
	}{
		{"unknown report", c, 99, "report 99 does not belong to this project", ""},
		{"no record ID", c, 1, `column "record_id": the report does not show the record ID field`, "record_id"},
		{"combined checkboxes", c, 2, `record "1" column "race": the report combines the checked codes`, "race"},
		{"DAG column", c, 3, `record "1" column "redcap_data_access_group": the report adds the data access group`, "redcap_data_access_group"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var err error
			for _, e := range redcap.StreamReport[quickstudy.Record](context.Background(), tt.client, tt.id) {
				if e != nil {
					err = e
				}
			}
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("error = %v, want it to contain %q", err, tt.want)
			}
			var ce *redcap.ReportColumnError
			if tt.column != "" && (!errors.As(err, &ce) || ce.Column != tt.column || ce.ReportID != tt.id) {
				t.Errorf("error %v: want a *ReportColumnError for report %d column %q", err, tt.id, tt.column)
			}
			if tt.id == 99 && (!errors.Is(err, redcap.ErrReportNotFound) || !errors.Is(err, redcap.ErrPermission)) {
				t.Errorf("error %v: want ErrReportNotFound and ErrPermission", err)
			}
		})
	}
}

// TestExportReportRaw checks the raw export's parameters against the fake: CSV with another
// delimiter and decimal commas, labels, and the refusal of values REDCap would misread.
func TestExportReportRaw(t *testing.T) {
	_, c := reportServer(t, "quickstart", reportClassicRows, false, []redcaptest.Report{
		{ID: 8, Fields: []string{"record_id", "sex", "weight_kg"}, Filters: []redcaptest.ReportFilter{{Field: "height_cm", Operator: "LT", Value: "180"}}},
	})
	tests := []struct {
		name    string
		req     redcap.ReportRequest
		want    string
		wantErr string
	}{
		{"csv", redcap.ReportRequest{ReportID: 8, Format: redcap.ReportCSV, CSVDelimiter: ";", DecimalCharacter: ","}, "record_id;sex;weight_kg\n1;0;65,5\n10;1;\n", ""},
		{"labels", redcap.ReportRequest{ReportID: 8, Format: redcap.ReportCSV, RawOrLabel: redcap.Label, RawOrLabelHeaders: redcap.Label}, "\"Record ID\",Sex,\"Weight (kg)\"\n1,Female,65.5\n10,Male,\n", ""},
		{"json", redcap.ReportRequest{ReportID: 8}, `[{"record_id":"1","sex":"0","weight_kg":"65.5"},{"record_id":"10","sex":"1","weight_kg":""}]`, ""},
		{"tab word", redcap.ReportRequest{ReportID: 8, CSVDelimiter: "tab"}, "", "CSV delimiter \"tab\""},
		{"bad format", redcap.ReportRequest{ReportID: 8, Format: "eav"}, "", `format "eav"`},
		{"bad decimal", redcap.ReportRequest{ReportID: 8, DecimalCharacter: ";"}, "", `decimal character ";"`},
		{"bad label", redcap.ReportRequest{ReportID: 8, RawOrLabel: "bogus"}, "", `rawOrLabel "bogus"`},
		{"zero id", redcap.ReportRequest{}, "", "report ID 0"},
		{"unknown id", redcap.ReportRequest{ReportID: 9}, "", "report 9 does not belong to this project"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			body, err := c.ExportReport(context.Background(), tt.req)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("error = %v, want it to contain %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if string(body) != tt.want {
				t.Errorf("body = %q, want %q", body, tt.want)
			}
		})
	}
}

// TestStreamReportRetriesAndRefusesCutAnswers: a failed read is sent again, like any export; an
// answer cut short yields no record, only an error.
func TestStreamReportRetriesAndRefusesCutAnswers(t *testing.T) {
	reports := []redcaptest.Report{{ID: 1, Fields: []string{"record_id", "sex"}}}
	s, c := reportServer(t, "quickstart", reportClassicRows, false, reports)
	s.FailNext(1, 503)
	recs, _, err := redcap.ExportReportAll[quickstudy.Record](context.Background(), c, 1)
	if err != nil || len(recs) != 3 {
		t.Fatalf("after one 503: %d records, error %v; want the 3 records after a retry", len(recs), err)
	}
	_, cut := reportServer(t, "quickstart", reportClassicRows, false, reports, redcaptest.WithTruncatedBodies())
	n := 0
	for rr, err := range redcap.StreamReport[quickstudy.Record](context.Background(), cut, 1) {
		if rr != nil {
			n++
		}
		if err == nil && rr == nil {
			t.Fatal("neither record nor error")
		}
		if err != nil && n > 0 {
			t.Fatalf("an error after %d records: a cut answer must yield none", n)
		}
		if err != nil {
			return
		}
	}
	t.Fatalf("a cut answer gave %d records and no error", n)
}

// TestStreamReportRefusesDecimalCommas: a number field written with a decimal comma (REDCap's
// decimalCharacter=, rewrites values in JSON too) is refused, naming record and column, instead
// of being decoded as text the field cannot hold.
func TestStreamReportRefusesDecimalCommas(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json; charset=utf-8")
		_, _ = w.Write([]byte(`[{"record_id":"1","height_cm":"170","weight_kg":"65.5"},{"record_id":"2","height_cm":"182","weight_kg":"80,0"}]`))
	}))
	defer srv.Close()
	path := filepath.Join(t.TempDir(), "token")
	if err := os.WriteFile(path, []byte(strings.Repeat("C", 32)), 0o600); err != nil {
		t.Fatal(err)
	}
	c, err := redcap.NewClient(srv.URL+"/api/", redcap.TokenFromFile(path))
	if err != nil {
		t.Fatal(err)
	}
	_, _, err = redcap.ExportReportAll[quickstudy.Record](context.Background(), c, 12)
	var ce *redcap.ReportColumnError
	if !errors.As(err, &ce) || ce.Record != "2" || ce.Column != "weight_kg" || strings.Contains(err.Error(), "80,0") {
		t.Fatalf("error = %v, want a *ReportColumnError for record 2 column weight_kg that does not show the value", err)
	}
}

// TestExportReportSortedByAField: a report sorted by a field puts other records between the rows
// of one; each record is still decoded from all of its rows, in order of first appearance.
func TestExportReportSortedByAField(t *testing.T) {
	_, c := reportServer(t, "longitudinal", reportLongRows, true, []redcaptest.Report{
		{ID: 5, Fields: []string{"record_id", "visit_date"}, Sort: []redcaptest.ReportSort{{Field: "visit_date", Descending: true}}},
	})
	body, err := c.ExportReport(context.Background(), redcap.ReportRequest{ReportID: 5, Format: redcap.ReportCSV})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(string(body), "record_id,redcap_event_name,redcap_repeat_instrument,redcap_repeat_instance,visit_date\n1,follow_up_arm_1,,,2024-02-05\n2,baseline_arm_1,,,2024-01-06\n1,baseline_arm_1,,,2024-01-05\n") {
		t.Fatalf("the report does not interleave records as the test needs:\n%s", body)
	}
	recs, _, err := redcap.ExportReportAll[longstudy.Record](context.Background(), c, 5)
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) != 2 || recs[0].ID != "1" || recs[1].ID != "2" {
		t.Fatalf("got %d records, want 1 then 2", len(recs))
	}
	r := recs[0]
	if r.BaselineArm1 == nil || r.FollowUpArm1 == nil || r.BaselineArm1.Visit.VisitDate.Raw() != "2024-01-05" ||
		r.FollowUpArm1.Visit.VisitDate.Raw() != "2024-02-05" || recs[1].BaselineArm1.Visit.VisitDate.Raw() != "2024-01-06" {
		t.Errorf("record 1 is not whole: baseline %+v follow-up %+v", r.BaselineArm1, r.FollowUpArm1)
	}
}
