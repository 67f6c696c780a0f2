package dictionary

import (
	"fmt"
	"sort"
	"strings"
)

// Severity tells whether a Problem stops generation.
type Severity int

// Problem severities.
const (
	SeverityError Severity = iota
	SeverityWarning
)

// Problem is one thing wrong with a dictionary, with the place it was found.
type Problem struct {
	Severity Severity
	// File is the source's base name (or "API metadata").
	File string
	// Line is the 1-based CSV line where the record starts; 0 when not applicable.
	Line int
	// Element is the 1-based index of the JSON/XML element; 0 when not applicable.
	Element int
	// Field is the REDCap field name concerned, "" when the problem is not about one field.
	Field string
	// Message says what is wrong and, where possible, how to fix it.
	Message string
}

// Location renders where the problem is: "study.csv:42", "metadata.json: element 7".
func (p Problem) Location() string {
	switch {
	case p.Line > 0:
		return fmt.Sprintf("%s:%d", p.File, p.Line)
	case p.Element > 0:
		return fmt.Sprintf("%s: element %d", p.File, p.Element)
	default:
		return p.File
	}
}

// Error renders the problem as one line: `study.csv:42: field "dob_1": validation ...`.
func (p Problem) Error() string {
	var b strings.Builder
	b.WriteString(p.Location())
	if p.Field != "" {
		fmt.Fprintf(&b, ": field %q", p.Field)
	}
	if p.Severity == SeverityWarning {
		b.WriteString(": warning")
	}
	b.WriteString(": ")
	b.WriteString(p.Message)
	return b.String()
}

// Problems is every error found in one dictionary, sorted by location. It is the error type the
// readers return, so callers can list each problem; errors.As finds it.
type Problems []Problem

// Error joins the problems, one per line.
func (ps Problems) Error() string {
	lines := make([]string, len(ps))
	for i, p := range ps {
		lines[i] = p.Error()
	}
	return strings.Join(lines, "\n")
}

// Unwrap exposes each problem to errors.Is and errors.As.
func (ps Problems) Unwrap() []error {
	errs := make([]error, len(ps))
	for i, p := range ps {
		errs[i] = p
	}
	return errs
}

// sortProblems orders problems by file, line, element, then field, keeping insertion order
// for ties.
func sortProblems(ps []Problem) {
	sort.SliceStable(ps, func(i, j int) bool {
		a, b := ps[i], ps[j]
		if a.File != b.File {
			return a.File < b.File
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		if a.Element != b.Element {
			return a.Element < b.Element
		}
		return a.Field < b.Field
	})
}
