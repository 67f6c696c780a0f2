package redcap

import (
	"context"
	"errors"
	"fmt"
	"io"
	"iter"
	"strings"
)

// ReportColumns are the columns a report answer carried, in the layout's order: a report holds
// a subset of the project's fields, and a record decoded from it holds only those.
type ReportColumns struct {
	names  []string
	fields map[string]bool // REDCap field names (checkbox base names, <form>_complete)
	cols   map[string]bool
}

// Columns returns the export columns the report carried ("race___1" for a checkbox choice).
func (c *ReportColumns) Columns() []string { return append([]string(nil), c.names...) }

// Has reports whether the report carried the export column.
func (c *ReportColumns) Has(column string) bool { return c.cols[column] }

// HasField reports whether the report carried the REDCap field (a checkbox by its base name,
// a form status as <form>_complete): when it did not, the decoded record's value of the field is
// blank because the report left it out, not because REDCap stores a blank.
func (c *ReportColumns) HasField(field string) bool { return c.fields[field] }

// newReportColumns reads the columns a row carries.
func newReportColumns(s *Schema, row *Row) *ReportColumns {
	fieldOf := make(map[string]string, len(s.Fields))
	for _, f := range s.Fields {
		fieldOf[f.Name] = f.Name
		for _, col := range f.CheckboxColumns {
			fieldOf[col] = f.Name
		}
	}
	c := &ReportColumns{fields: map[string]bool{}, cols: map[string]bool{}}
	for i, present := range row.Present {
		if !present {
			continue
		}
		name := s.Layout.Column(i)
		c.names = append(c.names, name)
		c.cols[name] = true
		if f, ok := fieldOf[name]; ok {
			c.fields[f] = true
		}
	}
	return c
}

// sameColumns reports whether a row carries exactly the columns c holds.
func (c *ReportColumns) sameColumns(s *Schema, row *Row) bool {
	n := 0
	for i, present := range row.Present {
		if present {
			if !c.cols[s.Layout.Column(i)] {
				return false
			}
			n++
		}
	}
	return n == len(c.names)
}

// ReportRecord is one record of a report: the record decoded into the generated type from all
// of its report rows, and the columns the report carried.
type ReportRecord[R any] struct {
	Record  *R
	Columns *ReportColumns
}

// StreamReport exports a report into the generated record type. The answer is read as it
// arrives (never held whole: each row keeps the values of the report's columns only) and the
// records are decoded and yielded once the whole answer is read and complete, like one batch of
// Stream; after an error nothing more is yielded. The request is a raw JSON export: the report's own settings decide fields,
// filters and order. What the typed path cannot decode without changing a value is a
// *ReportColumnError naming record and column: a report without the record ID field, a checkbox
// field combined into one column, a column the generated project lacks (such as the data access
// group), a number written with a decimal comma. Records come in the order they first appear in
// the report; the rows of one record are decoded together even when the report's sort order puts
// other records between them. REDCap's default report setting replaces line breaks in values with
// two spaces and double quotes with single quotes: such values are decoded as REDCap sent them,
// so do not import records read from such a report back. An unknown report ID is a
// *ReportNotFoundError.
func StreamReport[R any, P interface {
	*R
	Record
}](ctx context.Context, c *Client, reportID int) iter.Seq2[*ReportRecord[R], error] {
	return func(yield func(*ReportRecord[R], error) bool) {
		recs, cols, err := exportReport[R, P](ctx, c, reportID)
		if err != nil {
			yield(nil, err)
			return
		}
		for _, rec := range recs {
			if !yield(&ReportRecord[R]{Record: rec, Columns: cols}, nil) {
				return
			}
		}
	}
}

// ExportReportAll exports a report into a slice of generated records, with the columns the report
// carried; see StreamReport.
func ExportReportAll[R any, P interface {
	*R
	Record
}](ctx context.Context, c *Client, reportID int) ([]R, *ReportColumns, error) {
	recs, cols, err := exportReport[R, P](ctx, c, reportID)
	if err != nil {
		return nil, nil, err
	}
	out := make([]R, len(recs))
	for i, rec := range recs {
		out[i] = *rec
	}
	return out, cols, nil
}

// exportReport requests the report as raw JSON and decodes its answer as it arrives.
func exportReport[R any, P interface {
	*R
	Record
}](ctx context.Context, c *Client, reportID int) ([]*R, *ReportColumns, error) {
	schema := P(new(R)).Schema()
	if schema == nil || schema.Layout == nil || schema.RecordIDField == "" {
		return nil, nil, errors.New("redcap: report export: the record type has no schema (layout and record ID field)")
	}
	if err := c.checkDriftOnce(ctx, schema); err != nil {
		return nil, nil, err
	}
	p, err := ReportRequest{ReportID: reportID, RawOrLabel: Raw}.params()
	if err != nil {
		return nil, nil, err
	}
	var recs []*R
	var cols *ReportColumns
	err = c.postStream(ctx, call{content: "report", params: p, read: true}, func(body io.Reader) error {
		recs, cols, err = decodeReport[R, P](body, schema, reportID)
		return err
	})
	if err != nil {
		return nil, nil, fmt.Errorf("redcap: export report %d: %w", reportID, reportError(reportID, err))
	}
	return recs, cols, nil
}

// decodeReport reads a report's JSON rows, keeping each row's values of the report's columns
// (those of the first row; every row must carry the same ones), then decodes each record from all
// of its rows, in the order the records first appear. A report sorted by a field may put other
// records between the rows of one; its rows are still decoded together, in the report's order.
func decodeReport[R any, P interface {
	*R
	Record
}](body io.Reader, s *Schema, reportID int) (recs []*R, cols *ReportColumns, err error) {
	g, err := newRecordGroups(s)
	if err != nil {
		return nil, nil, err
	}
	numbers := numberColumns(s)
	var at []int                      // layout positions of the report's columns
	rowsOf := map[string][][]string{} // each record's rows: values of the report's columns
	var order []string                // record IDs in order of first appearance
	err = ReadRows(body, s.Layout, func(row *Row) error {
		if cols == nil {
			if !row.Has(g.idCol) {
				return &ReportColumnError{ReportID: reportID, Column: s.RecordIDField,
					Problem: "the report does not show the record ID field, so its rows cannot be told apart: add the field to the report, or export it with ExportReport"}
			}
			cols = newReportColumns(s, row)
			for i, present := range row.Present {
				if present {
					at = append(at, i)
				}
			}
		} else if !cols.sameColumns(s, row) {
			return fmt.Errorf("record %q: the row carries other columns than the report's first row", row.Get(g.idCol))
		}
		id, ok := g.recordID(row)
		if !ok {
			return fmt.Errorf("row without a record ID (%s)", s.RecordIDField)
		}
		for _, col := range numbers {
			if row.Has(col) && isCommaDecimal(row.Get(col)) {
				return &ReportColumnError{ReportID: reportID, Record: id, Column: s.Layout.Column(col),
					Problem: "a number field holds a decimal comma, which its validation does not allow: REDCap rewrote the value (decimalCharacter=,); the typed export cannot take it as stored"}
			}
		}
		vals := make([]string, len(at))
		for j, col := range at {
			vals[j] = row.Get(col)
		}
		if _, ok := rowsOf[id]; !ok {
			order = append(order, id)
		}
		rowsOf[id] = append(rowsOf[id], vals)
		return nil
	})
	if err != nil {
		return nil, nil, reportColumnProblem(s, reportID, err)
	}
	if cols == nil {
		return nil, &ReportColumns{fields: map[string]bool{}, cols: map[string]bool{}}, nil
	}
	row := NewRow(s.Layout)
	recs = make([]*R, 0, len(order))
	for _, id := range order {
		g.n = 0
		for _, vals := range rowsOf[id] {
			row.Reset()
			for j, col := range at {
				row.Set(col, vals[j])
			}
			g.add(id, &row)
		}
		delete(rowsOf, id) // the record holds what it needs from here on
		rec := new(R)
		if err := P(rec).DecodeRows(g.rows()); err != nil {
			return nil, nil, fmt.Errorf("record %q: %w", id, err)
		}
		recs = append(recs, rec)
	}
	return recs, cols, nil
}

// reportColumnProblem explains an unknown column of a report answer as a *ReportColumnError.
func reportColumnProblem(s *Schema, reportID int, err error) error {
	var uc *UnknownColumnError
	if !errors.As(err, &uc) {
		return err
	}
	e := &ReportColumnError{ReportID: reportID, Record: uc.Record, Column: uc.Column}
	switch f, ok := s.Field(uc.Column); {
	case ok && f.Type == "checkbox":
		e.Problem = "the report combines the checked codes of this checkbox field into one column (its \"combine checkbox values\" setting), which the typed export cannot split without guessing; turn the setting off, or export the report with ExportReport"
	case uc.Column == "redcap_data_access_group":
		e.Problem = "the report adds the data access group column, which the generated project does not have; take it out of the report, or export the report with ExportReport"
	default:
		e.Problem = "the column is not in the generated project: regenerate the package, or export the report with ExportReport"
	}
	return e
}

// numberColumns are the layout positions of fields whose values are numbers with a decimal point:
// number validations other than the comma ones, and calculations.
func numberColumns(s *Schema) []int {
	var out []int
	for _, f := range s.Fields {
		number := f.Type == "calc" || f.Type == "text" && strings.HasPrefix(f.Validation, "number") && !strings.Contains(f.Validation, "comma")
		if i, ok := s.Layout.Index(f.Name); ok && number {
			out = append(out, i)
		}
	}
	return out
}

// isCommaDecimal reports whether v is a number written with a decimal comma: "80,0", "-1,5".
func isCommaDecimal(v string) bool {
	v = strings.TrimPrefix(v, "-")
	i := strings.IndexByte(v, ',')
	if i < 0 || i == len(v)-1 {
		return false
	}
	for j := 0; j < len(v); j++ {
		if j != i && (v[j] < '0' || v[j] > '9') {
			return false
		}
	}
	return true
}
