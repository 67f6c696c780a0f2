package redcaptest

import (
	"strings"
	"testing"
)

// TestAddReportRefusesUnknownNames checks that a report naming what the project lacks is refused
// with a message naming it, and that a valid one is served.
func TestAddReportRefusesUnknownNames(t *testing.T) {
	tests := []struct {
		name    string
		report  Report
		wantErr string
	}{
		{"valid", Report{ID: 1, Fields: []string{"record_id", "sex", "race", "visit_complete"}}, ""},
		{"zero id", Report{Fields: []string{"sex"}}, "ID 0 is not positive"},
		{"unknown field", Report{ID: 2, Fields: []string{"nope"}}, `field "nope"`},
		{"unknown filter field", Report{ID: 3, Filters: []ReportFilter{{Field: "nope", Operator: "E"}}}, `filter field "nope"`},
		{"unknown operator", Report{ID: 4, Filters: []ReportFilter{{Field: "sex", Operator: "LIKE"}}}, `operator "LIKE"`},
		{"unknown event", Report{ID: 5, Events: []string{"baseline_arm_1"}}, `event "baseline_arm_1"`},
		{"four sort fields", Report{ID: 6, Sort: make([]ReportSort, 4)}, "4 sort fields"},
		{"unknown sort field", Report{ID: 7, Sort: []ReportSort{{Field: "nope"}}}, `sort field "nope"`},
	}
	s := newDemo(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := s.AddReport(tt.report)
			switch {
			case tt.wantErr == "" && err != nil:
				t.Fatalf("AddReport: %v", err)
			case tt.wantErr != "" && (err == nil || !strings.Contains(err.Error(), tt.wantErr)):
				t.Fatalf("AddReport error = %v, want it to name %q", err, tt.wantErr)
			}
		})
	}
	status, _, body := post(t, s, map[string]string{"content": "report", "report_id": "1", "format": "csv"})
	if status != 200 || body != "" {
		t.Errorf("empty project: status %d body %q, want 200 and no rows", status, body)
	}
}

// TestReportIDParsing checks which report_id texts name a report: digits only.
func TestReportIDParsing(t *testing.T) {
	s := newDemo(t, WithReports(Report{ID: 42, Fields: []string{"record_id"}}))
	for id, want := range map[string]bool{"42": true, "042": true, " 42": false, "42 ": false, "4 2": false, "+42": false, "": false, "abc": false, "43": false, "9999999999999": false} {
		_, ok := s.st.reportByID(id)
		if ok != want {
			t.Errorf("reportByID(%q) found = %v, want %v", id, ok, want)
		}
	}
}

// TestReportValues checks what reports do to values: line breaks and quotes, decimal commas, and
// combined checkboxes.
func TestReportValues(t *testing.T) {
	s := newDemo(t, WithReports(
		Report{ID: 1, Fields: []string{"record_id", "race"}, CombineCheckboxes: true},
		Report{ID: 2, Fields: []string{"record_id", "sex"}, Filters: []ReportFilter{{Field: "race", Operator: "UNCHECKED", Value: "1"}, {Field: "sex", Operator: "E", Value: "0"}}},
		Report{ID: 3, Fields: []string{"record_id", "cigs"}, Sort: []ReportSort{{Field: "cigs", Descending: true}}},
	))
	data := `[{"record_id":"1","sex":"0","race___1":"1","race____1":"1","cigs":"5"},{"record_id":"2","sex":"1","race___2":"1","cigs":"20"},{"record_id":"3","sex":"0","cigs":"7"}]`
	if status, _, body := post(t, s, map[string]string{"content": "record", "action": "import", "format": "json", "data": data}); status != 200 {
		t.Fatalf("import: %d %s", status, body)
	}
	tests := []struct {
		name   string
		params map[string]string
		want   string
	}{
		{"combined raw", map[string]string{"report_id": "1"}, "record_id,race\n1,\"1,-1\"\n2,2\n3,\n"},
		{"combined label", map[string]string{"report_id": "1", "rawOrLabel": "label"}, "record_id,race\n1,\"White,Declined\"\n2,Black\n3,\n"},
		{"simple filters", map[string]string{"report_id": "2"}, "record_id,sex\n3,0\n"},
		{"numeric sort", map[string]string{"report_id": "3"}, "record_id,cigs\n2,20\n3,7\n1,5\n"},
		{"unknown id", map[string]string{"report_id": "9"}, "ERROR: The API request cannot complete because report_id=9 does not belong to this project."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := map[string]string{"content": "report", "format": "csv"}
			for k, v := range tt.params {
				p[k] = v
			}
			_, _, body := post(t, s, p)
			if body != tt.want {
				t.Errorf("body = %q, want %q", body, tt.want)
			}
		})
	}
	for in, want := range map[string]string{"a\nb": "a  b", "a\r\nb": "a  b", `say "hi"`: "say 'hi'", "plain": "plain", "a\rb": "a  b"} {
		if got := removeLineBreaks(in); got != want {
			t.Errorf("removeLineBreaks(%q) = %q, want %q", in, got, want)
		}
	}
}
