package main

import (
	"context"
	"io"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"
)

// TestAddReportsRefusesBadFiles checks that a -reports file naming what the project lacks, or
// not holding report definitions, is refused with the file and the report.
func TestAddReportsRefusesBadFiles(t *testing.T) {
	tests := []struct {
		name, reports, want string
	}{
		{"not an array", `{"report_id": 1}`, "want a JSON array of reports"},
		{"unknown key", `[{"report_id": 1, "fields": ["age"], "colour": "red"}]`, `unknown field "colour"`},
		{"unknown field", `[{"report_id": 1, "fields": ["record_id", "weight"]}]`, `element 0: redcaptest: report 1: field "weight" is not in the project`},
		{"bad operator", `[{"report_id": 2, "fields": ["age"], "filters": [{"field": "age", "operator": "ABOUT", "value": "1"}]}]`, `operator "ABOUT"`},
		{"duplicate id", `[{"report_id": 3, "fields": ["age"]}, {"report_id": 3, "fields": ["record_id"]}]`, "report 3 (element 1): the report_id is used twice"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := writeFile(t, "study.csv", dict)
			reports := writeFile(t, "reports.json", tt.reports)
			var stderr syncBuffer
			code := run(context.Background(), []string{"-dict", d, "-addr", "127.0.0.1:0", "-reports", reports}, io.Discard, &stderr, env(map[string]string{"REDCAP_API_TOKEN": strings.Repeat("A", 32)}))
			if code != 1 || !strings.Contains(stderr.String(), tt.want) || !strings.Contains(stderr.String(), reports) {
				t.Errorf("exit %d, stderr %q: want 1 and a message naming %s and %q", code, stderr.String(), reports, tt.want)
			}
		})
	}
}

// TestRunServesReports serves a report from a -reports file and exports it.
func TestRunServesReports(t *testing.T) {
	d := writeFile(t, "study.csv", dict)
	data := writeFile(t, "data.json", `[{"record_id":"1","age":"42"},{"record_id":"2","age":"17"},{"record_id":"3","age":"30"}]`)
	reports := writeFile(t, "reports.json", `[{"report_id": 42, "title": "Adults", "fields": ["age", "record_id"], "advanced_logic": "[age] >= 18", "sort": [{"field": "age"}]}]`)
	tok := strings.Repeat("B", 32)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	stdout, stderr := &syncBuffer{}, &syncBuffer{}
	done := make(chan int, 1)
	go func() {
		done <- run(ctx, []string{"-dict", d, "-addr", "127.0.0.1:0", "-data", data, "-reports", reports}, stdout, stderr, env(map[string]string{"REDCAP_API_TOKEN": tok}))
	}()
	apiURL := waitForURL(t, stdout, done)
	resp, err := http.PostForm(apiURL, url.Values{"token": {tok}, "content": {"report"}, "report_id": {"42"}, "format": {"csv"}})
	if err != nil {
		t.Fatalf("report: %v", err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if string(body) != "age,record_id\n30,3\n42,1\n" {
		t.Errorf("report = %q", body)
	}
	cancel()
	select {
	case code := <-done:
		if code != 0 {
			t.Errorf("exit %d after cancel, want 0 (stderr %q)", code, stderr.String())
		}
	case <-time.After(10 * time.Second):
		t.Fatal("run did not stop after cancel")
	}
}
