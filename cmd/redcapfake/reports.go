package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"

	"github.com/redcapgen/redcapgen/runtime/redcaptest"
)

// addReports reads a -reports file, a JSON array of report definitions, and defines each report
// on the server. A definition naming a field, event or operator the project lacks is refused
// with the file and the report.
func addReports(srv *redcaptest.Server, path string) error {
	b, err := os.ReadFile(path)
	if err != nil {
		return fmt.Errorf("read reports: %w", err)
	}
	d := json.NewDecoder(bytes.NewReader(b))
	d.DisallowUnknownFields()
	var reports []redcaptest.Report
	if err := d.Decode(&reports); err != nil {
		return fmt.Errorf("read reports %s: want a JSON array of reports (report_id, title, fields, ...): %w", path, err)
	}
	seen := map[int]bool{}
	for i, r := range reports {
		if seen[r.ID] {
			return fmt.Errorf("read reports %s: report %d (element %d): the report_id is used twice", path, r.ID, i)
		}
		seen[r.ID] = true
		if err := srv.AddReport(r); err != nil {
			return fmt.Errorf("read reports %s: element %d: %w", path, i, err)
		}
	}
	return nil
}
