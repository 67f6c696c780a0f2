package redcap

import (
	"errors"
	"fmt"
	"net/http"
	"strings"
)

// ErrReportNotFound matches a *ReportNotFoundError with errors.Is.
var ErrReportNotFound = errors.New("redcap: report does not belong to this project")

// ReportNotFoundError is REDCap's answer to a report_id that names no report of the token's
// project: the report does not exist, or belongs to another project (HTTP 403, "The API request
// cannot complete because report_id=<id> does not belong to this project."). It unwraps to the
// *APIError, so errors.Is(err, ErrPermission) holds too.
type ReportNotFoundError struct {
	ReportID int
	Err      *APIError
}

// Error names the report and says what to check.
func (e *ReportNotFoundError) Error() string {
	return fmt.Sprintf("redcap: report %d does not belong to this project (check the report ID in REDCap's report list, and that the token is the project's): %v", e.ReportID, e.Err)
}

// Unwrap returns REDCap's answer.
func (e *ReportNotFoundError) Unwrap() error { return e.Err }

// Is matches ErrReportNotFound.
func (e *ReportNotFoundError) Is(target error) bool { return target == ErrReportNotFound }

// reportError turns REDCap's answer to an unknown report_id into a *ReportNotFoundError; other
// errors are returned as they are.
func reportError(id int, err error) error {
	var api *APIError
	if errors.As(err, &api) && api.Status == http.StatusForbidden &&
		strings.HasPrefix(api.Message, "The API request cannot complete because report_id=") &&
		strings.HasSuffix(api.Message, "does not belong to this project.") {
		return &ReportNotFoundError{ReportID: id, Err: api}
	}
	return err
}

// ReportColumnError is a report column the typed report export cannot decode without changing
// a value: a checkbox field whose checked codes the report combines into one column, a column
// the generated project lacks (the data access group column, a field added since generation), a
// number field written with a decimal comma, or a report without the record ID field. It never
// holds the value. Export such a report with ExportReport, or change the
// report in REDCap.
type ReportColumnError struct {
	ReportID int
	Record   string // the record of the row where it showed, when known
	Column   string
	Problem  string
}

// Error names report, record and column, and the problem.
func (e *ReportColumnError) Error() string {
	where := ""
	if e.Record != "" {
		where = fmt.Sprintf(" record %q", e.Record)
	}
	return fmt.Sprintf("redcap: report %d:%s column %q: %s", e.ReportID, where, e.Column, e.Problem)
}
