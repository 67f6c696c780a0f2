package dictionary

import "fmt"

// where is a location inside one source: a CSV line or a JSON/XML element.
type where struct {
	Line    int
	Element int
}

// at returns the location of a raw field.
func (r *rawField) at() where { return where{Line: r.Line, Element: r.Element} }

// collector gathers the errors and warnings of one source so every problem is reported at once.
type collector struct {
	file     string
	errors   []Problem
	warnings []Problem
	reported map[string]bool // keys of problems reported once per source (see first)
}

// first reports whether key is seen for the first time: a problem of a whole form is reported
// on its first row, not on every row.
func (c *collector) first(key string) bool {
	if c.reported[key] {
		return false
	}
	if c.reported == nil {
		c.reported = map[string]bool{}
	}
	c.reported[key] = true
	return true
}

// errorf records an error about field (may be "") at w.
func (c *collector) errorf(w where, field, format string, args ...any) {
	c.errors = append(c.errors, Problem{
		Severity: SeverityError, File: c.file, Line: w.Line, Element: w.Element,
		Field: field, Message: fmt.Sprintf(format, args...),
	})
}

// warnf records a warning about field (may be "") at w.
func (c *collector) warnf(w where, field, format string, args ...any) {
	c.warnings = append(c.warnings, Problem{
		Severity: SeverityWarning, File: c.file, Line: w.Line, Element: w.Element,
		Field: field, Message: fmt.Sprintf(format, args...),
	})
}

// err returns the collected errors as a sorted Problems, or nil when there are none.
func (c *collector) err() error {
	if len(c.errors) == 0 {
		return nil
	}
	ps := append(Problems(nil), c.errors...)
	sortProblems(ps)
	return ps
}

// sortedWarnings returns the warnings in location order.
func (c *collector) sortedWarnings() []Problem {
	ws := append([]Problem(nil), c.warnings...)
	sortProblems(ws)
	return ws
}

// fileProblem returns a Problems holding one error about the whole file.
func fileProblem(file, format string, args ...any) Problems {
	return Problems{{Severity: SeverityError, File: file, Message: fmt.Sprintf(format, args...)}}
}
