package redcap

import (
	"context"
	"fmt"
	"net/url"
	"strconv"
)

// ReportFormat is the format of a raw report export.
type ReportFormat string

// The formats REDCap exports reports in.
const (
	ReportJSON ReportFormat = "json"
	ReportCSV  ReportFormat = "csv"
	ReportXML  ReportFormat = "xml"
	ReportODM  ReportFormat = "odm" // CDISC ODM 1.3.1, ClinicalData only
)

// ReportRequest is a report export (content=report). The report itself (fields, filters, sort
// order, events, the data access group column, combined checkboxes, line-break removal) is defined
// in REDCap's report editor; the request only chooses how its rows are written.
type ReportRequest struct {
	// ReportID is the report's report_id, shown in REDCap's report list.
	ReportID int
	// Format is the answer's format; "" is ReportJSON.
	Format ReportFormat
	// RawOrLabel gives choice codes (Raw, the default) or labels; checkbox columns then hold
	// Checked/Unchecked, or the choice label with ExportCheckboxLabel.
	RawOrLabel RawOrLabel
	// RawOrLabelHeaders gives CSV headers as field names (Raw, the default) or field labels.
	RawOrLabelHeaders RawOrLabel
	// ExportCheckboxLabel makes label exports write a checkbox column's choice label or "".
	ExportCheckboxLabel bool
	// CSVDelimiter separates CSV values: ",", ";", "|", "^" or "\t"; "" is ",".
	CSVDelimiter string
	// DecimalCharacter "," writes the decimal point of number fields as a comma, in every
	// format; "" and "." leave values as stored.
	DecimalCharacter string
}

// params builds the form parameters of the report export; values REDCap would silently replace
// with its defaults (or crash on, as csvDelimiter=tab does) are refused before sending.
func (r ReportRequest) params() (url.Values, error) {
	if r.ReportID <= 0 {
		return nil, fmt.Errorf("redcap: report export: report ID %d: want a positive report_id", r.ReportID)
	}
	p := url.Values{"returnFormat": {"json"}, "report_id": {strconv.Itoa(r.ReportID)}}
	switch r.Format {
	case "":
		p.Set("format", string(ReportJSON))
	case ReportJSON, ReportCSV, ReportXML, ReportODM:
		p.Set("format", string(r.Format))
	default:
		return nil, fmt.Errorf("redcap: report %d: format %q is not json, csv, xml or odm", r.ReportID, string(r.Format))
	}
	for name, v := range map[string]RawOrLabel{"rawOrLabel": r.RawOrLabel, "rawOrLabelHeaders": r.RawOrLabelHeaders} {
		switch v {
		case "":
		case Raw, Label:
			p.Set(name, string(v))
		default:
			return nil, fmt.Errorf("redcap: report %d: %s %q is not raw or label", r.ReportID, name, string(v))
		}
	}
	if r.ExportCheckboxLabel {
		p.Set("exportCheckboxLabel", "true")
	}
	switch r.CSVDelimiter {
	case "":
	case ",", ";", "|", "^", "\t":
		p.Set("csvDelimiter", r.CSVDelimiter)
	default:
		return nil, fmt.Errorf(`redcap: report %d: CSV delimiter %q is not one of , ; | ^ or a tab character`, r.ReportID, r.CSVDelimiter)
	}
	switch r.DecimalCharacter {
	case "":
	case ".", ",":
		p.Set("decimalCharacter", r.DecimalCharacter)
	default:
		return nil, fmt.Errorf(`redcap: report %d: decimal character %q is not "." or ","`, r.ReportID, r.DecimalCharacter)
	}
	return p, nil
}

// ExportReport exports a report as REDCap writes it, in any format. The whole answer is read
// before it is returned, so a dropped connection is retried like any read. A report_id that names
// no report of the token's project is a *ReportNotFoundError.
func (c *Client) ExportReport(ctx context.Context, r ReportRequest) ([]byte, error) {
	p, err := r.params()
	if err != nil {
		return nil, err
	}
	body, err := c.post(ctx, call{content: "report", params: p, read: true})
	if err != nil {
		return nil, reportError(r.ReportID, err)
	}
	return body, nil
}
