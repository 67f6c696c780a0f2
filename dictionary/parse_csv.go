package dictionary

import (
	"bytes"
	"fmt"
	"strings"
	"unicode/utf8"
)

// ReadCSV reads a Data Dictionary CSV as REDCap's Data Dictionary page (or the API with
// format=csv) produces it: UTF-8 with or without BOM, or Windows-1252 when the bytes are not
// valid UTF-8; LF or CRLF; "," or ";" as delimiter (sniffed from the header, or given by an
// Excel "sep=" first line); quoted cells that span lines. Columns are found by header name,
// so 16-, 17- and 18-column headers all work. Problems name the line where the record starts.
func ReadCSV(name string, data []byte) (*Project, error) {
	if p := checkEmptyOrBinary(name, data); p != nil {
		return nil, p
	}
	c := &collector{file: name}
	data = bytes.TrimPrefix(data, []byte(utf8BOM))
	text := string(data)
	if !utf8.Valid(data) {
		text = decodeCP1252(data)
		c.warnf(where{}, "", "the file is not valid UTF-8: read as Windows-1252")
	}
	delim, excelSep := excelSeparator(text)
	if !excelSep {
		delim = sniffDelimiter(text)
	}
	records, open := splitCSV(text, delim)
	if open != nil {
		msg := "a quoted cell never ends: the file is truncated or has a stray quote"
		if open.QuoteLine != open.RecordLine {
			msg = fmt.Sprintf("the quoted cell opened on line %d never ends: the file is truncated or has a stray quote", open.QuoteLine)
		}
		return nil, Problems{{Severity: SeverityError, File: name, Line: open.RecordLine, Message: msg}}
	}
	if excelSep {
		records = records[1:] // the "sep=;" line
	}
	for len(records) > 0 && blankRecord(records[0].Cells) {
		records = records[1:] // blank lines before the header
	}
	if len(records) == 0 {
		return nil, fileProblem(name, "the file is empty")
	}
	header, missing, unknown, duplicate := parseCSVHeader(records[0].Cells)
	if len(missing) > 0 || len(duplicate) > 0 {
		return nil, headerProblems(name, records[0].Line, missing, duplicate)
	}
	if len(unknown) > 0 {
		c.warnf(where{Line: records[0].Line}, "", "header columns ignored: %s", quoteList(unknown))
	}
	rows := csvRows(c, header, records[1:])
	if err := c.err(); err != nil {
		return nil, err
	}
	p, err := buildProject(name, FormatCSV, rows)
	if err != nil {
		return nil, err
	}
	p.Warnings = mergeWarnings(c.sortedWarnings(), p.Warnings)
	return p, nil
}

// excelSeparator reads the "sep=;" line Excel may write before the header.
func excelSeparator(text string) (byte, bool) {
	if len(text) >= 5 && strings.HasPrefix(strings.ToLower(text), "sep=") && (len(text) == 5 || text[5] == '\r' || text[5] == '\n') {
		if d := text[4]; d == ',' || d == ';' || d == '\t' || d == '|' {
			return d, true
		}
	}
	return 0, false
}

// headerProblems describes a header that is not a data dictionary header.
func headerProblems(name string, line int, missing, duplicate []string) Problems {
	var ps Problems
	if len(missing) > 0 {
		ps = append(ps, Problem{Severity: SeverityError, File: name, Line: line,
			Message: fmt.Sprintf("the header is not a REDCap data dictionary header: missing columns %s", quoteList(missing))})
	}
	if len(duplicate) > 0 {
		ps = append(ps, Problem{Severity: SeverityError, File: name, Line: line,
			Message: fmt.Sprintf("the header repeats columns %s", quoteList(duplicate))})
	}
	return ps
}

// csvRows turns records into raw fields, skipping blank records and reporting records whose
// cell count does not fit the header.
func csvRows(c *collector, h csvHeader, records []csvRecord) []rawField {
	rows := make([]rawField, 0, len(records))
	for _, rec := range records {
		if blankRecord(rec.Cells) {
			continue
		}
		w := where{Line: rec.Line}
		if len(rec.Cells) > len(h.keys) && !blankRecord(rec.Cells[len(h.keys):]) {
			c.errorf(w, strings.TrimSpace(rec.Cells[0]), "the record has %d cells, the header %d (an unquoted delimiter or line break?)", len(rec.Cells), len(h.keys))
			continue
		}
		if len(rec.Cells) < len(h.keys) {
			c.errorf(w, strings.TrimSpace(rec.Cells[0]), "the record has %d cells, the header %d (a cell with an unquoted line break?)", len(rec.Cells), len(h.keys))
			continue
		}
		row := rawField{Line: rec.Line}
		for i, key := range h.keys {
			if key == "" {
				continue
			}
			*row.column(key) = rec.Cells[i]
		}
		rows = append(rows, row)
	}
	return rows
}

// quoteList renders names as a comma-separated list of quoted strings.
func quoteList(names []string) string {
	quoted := make([]string, len(names))
	for i, n := range names {
		quoted[i] = fmt.Sprintf("%q", n)
	}
	return strings.Join(quoted, ", ")
}
