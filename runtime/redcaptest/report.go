package redcaptest

import (
	"fmt"
	"slices"
)

// Report is a report of the project as REDCap's report editor stores it. REDCap has no API method
// that creates reports; the server serves the reports given with WithReports or AddReport through
// content=report.
type Report struct {
	// ID is the report_id that exports the report.
	ID int `json:"report_id"`
	// Title is the report's title (not part of the export).
	Title string `json:"title"`
	// Fields are the report's fields in column order: data fields (checkbox base names),
	// <form>_complete columns, and the record ID field when the report shows it.
	Fields []string `json:"fields"`
	// Logic is the advanced filter logic; when empty, Filters are used.
	Logic string `json:"advanced_logic,omitempty"`
	// Filters are the simple filter rows of the editor.
	Filters []ReportFilter `json:"filters,omitempty"`
	// Events keep only the rows of these unique event names (longitudinal projects).
	Events []string `json:"events,omitempty"`
	// RecordLevel is filter type RECORD: every row of a record that has a row matching the
	// filter is kept. Otherwise (EVENT) only the matching rows are.
	RecordLevel bool `json:"record_level,omitempty"`
	// Sort orders the rows by up to three fields; without it rows are in record order.
	Sort []ReportSort `json:"sort,omitempty"`
	// OutputDAGs adds the redcap_data_access_group column after the first column.
	OutputDAGs bool `json:"output_dags,omitempty"`
	// CombineCheckboxes gives each checkbox field one column holding the checked codes joined by
	// commas ("1,3"), instead of one column per choice.
	CombineCheckboxes bool `json:"combine_checkbox_values,omitempty"`
	// KeepLineBreaks keeps line breaks and double quotes in values. REDCap's default (false)
	// replaces every line break with two spaces and every " with '.
	KeepLineBreaks bool `json:"keep_line_breaks,omitempty"`
}

// ReportFilter is one simple filter row of a report: field, operator and value, joined to the
// rows before it with AND, or with OR when Or is set. Consecutive AND rows bind first.
type ReportFilter struct {
	Field string `json:"field"`
	// Event limits the condition to one unique event name ("": the row's own event).
	Event string `json:"event,omitempty"`
	// Operator is one of E, NE, GT, GTE, LT, LTE, CHECKED, UNCHECKED, CONTAINS, NOT_CONTAIN,
	// STARTS_WITH, ENDS_WITH (REDCap's stored names).
	Operator string `json:"operator"`
	// Value is compared with the field; for CHECKED and UNCHECKED it is the choice code.
	Value string `json:"value"`
	Or    bool   `json:"or,omitempty"`
}

// ReportSort is one sort field of a report.
type ReportSort struct {
	Field      string `json:"field"`
	Descending bool   `json:"descending,omitempty"`
}

// WithReports defines the project's reports. They are not checked against the project: a field
// it lacks gives no column, and a filter or sort on it sees blanks. AddReport checks.
func WithReports(reports ...Report) Option {
	return func(c *config) { c.reports = append(c.reports, cloneReports(reports)...) }
}

// AddReport defines a report from now on, replacing one with the same ID. A report naming a field,
// event or operator the project does not have is an error.
func (s *Server) AddReport(r Report) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.st.checkReport(r); err != nil {
		return err
	}
	s.st.putReport(cloneReports([]Report{r})[0])
	return nil
}

// putReport stores a report, replacing the one with the same ID.
func (st *state) putReport(r Report) {
	for i := range st.reports {
		if st.reports[i].ID == r.ID {
			st.reports[i] = r
			return
		}
	}
	st.reports = append(st.reports, r)
}

// reportByID returns the report with the id as REDCap reads report_id: digits only, nothing
// around them.
func (st *state) reportByID(id string) (Report, bool) {
	if id == "" || len(id) > 9 {
		return Report{}, false
	}
	n := 0
	for _, c := range id {
		if c < '0' || c > '9' {
			return Report{}, false
		}
		n = n*10 + int(c-'0')
	}
	for _, r := range st.reports {
		if r.ID == n {
			return r, true
		}
	}
	return Report{}, false
}

// checkReport refuses a report that names something the project lacks.
func (st *state) checkReport(r Report) error {
	if r.ID <= 0 {
		return fmt.Errorf("redcaptest: report %q: ID %d is not positive", r.Title, r.ID)
	}
	known := func(f string) bool { return st.sch.byName[f] != nil || st.isFormComplete(f) }
	for _, f := range r.Fields {
		if !known(f) {
			return fmt.Errorf("redcaptest: report %d: field %q is not in the project", r.ID, f)
		}
	}
	for _, f := range r.Filters {
		if !known(f.Field) {
			return fmt.Errorf("redcaptest: report %d: filter field %q is not in the project", r.ID, f.Field)
		}
		if _, ok := filterOperators[f.Operator]; !ok {
			return fmt.Errorf("redcaptest: report %d: filter operator %q is not one of REDCap's", r.ID, f.Operator)
		}
		if f.Event != "" {
			if _, ok := st.event(f.Event); !ok {
				return fmt.Errorf("redcaptest: report %d: filter event %q is not in the project", r.ID, f.Event)
			}
		}
	}
	for _, e := range r.Events {
		if _, ok := st.event(e); !ok {
			return fmt.Errorf("redcaptest: report %d: event %q is not in the project", r.ID, e)
		}
	}
	if len(r.Sort) > 3 {
		return fmt.Errorf("redcaptest: report %d: %d sort fields, REDCap allows 3", r.ID, len(r.Sort))
	}
	for _, s := range r.Sort {
		if !known(s.Field) {
			return fmt.Errorf("redcaptest: report %d: sort field %q is not in the project", r.ID, s.Field)
		}
	}
	return nil
}

// cloneReports copies reports so that the caller's slices stay theirs.
func cloneReports(rs []Report) []Report {
	out := make([]Report, len(rs))
	for i, r := range rs {
		r.Fields = slices.Clone(r.Fields)
		r.Filters = slices.Clone(r.Filters)
		r.Events = slices.Clone(r.Events)
		r.Sort = slices.Clone(r.Sort)
		out[i] = r
	}
	return out
}
