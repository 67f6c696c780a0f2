package redcap

import (
	"fmt"
	"slices"
	"strings"
)

// ValidationError is every violation found when at least one value would be refused by REDCap.
// Find it with errors.As. Its text lists only the refused values, and the warnings as one count
// by rule; Violations and Warnings hold them all.
type ValidationError struct {
	Violations []Violation
}

// Errors returns the violations REDCap would refuse.
func (e *ValidationError) Errors() []Violation { return withSeverity(e.Violations, SeverityError) }

// Warnings returns the violations REDCap would store and flag.
func (e *ValidationError) Warnings() []Violation {
	return withSeverity(e.Violations, SeverityWarning)
}

// Error lists the values REDCap would refuse, one per line after a count, then one line counting
// the warnings by rule.
func (e *ValidationError) Error() string {
	return "redcap: " + summarize(e.Violations, len(e.Errors()))
}

// withSeverity returns the violations of one severity.
func withSeverity(vs []Violation, sev Severity) []Violation {
	var out []Violation
	for _, v := range vs {
		if v.Severity == sev {
			out = append(out, v)
		}
	}
	return out
}

// RuleCount is how many violations broke one rule.
type RuleCount struct {
	Rule  string
	Count int
}

// CountWarnings counts the warnings of vs by rule, the most frequent first (ties by rule name).
func CountWarnings(vs []Violation) []RuleCount {
	counts := map[string]int{}
	for _, v := range vs {
		if v.Severity == SeverityWarning {
			counts[v.Rule]++
		}
	}
	out := make([]RuleCount, 0, len(counts))
	for rule, n := range counts {
		out = append(out, RuleCount{Rule: rule, Count: n})
	}
	slices.SortFunc(out, func(a, b RuleCount) int {
		if a.Count != b.Count {
			return b.Count - a.Count
		}
		return strings.Compare(a.Rule, b.Rule)
	})
	return out
}

// summarize renders a count line, every error on its own line, and the warnings counted by rule
// on one line:
//
//	1 value(s) REDCap would refuse, 39360 warning(s):
//		record "3" field "dob" (DOB): value "2023-02-29": Invalid date format. ... [validation:date_ymd]
//		warnings by rule: 39000 required, 360 normalized (not listed here)
func summarize(vs []Violation, errs int) string {
	var b strings.Builder
	warnings := len(vs) - errs
	fmt.Fprintf(&b, "%d value(s) REDCap would refuse", errs)
	if warnings > 0 {
		fmt.Fprintf(&b, ", %d warning(s)", warnings)
	}
	if len(vs) == 0 {
		return b.String()
	}
	b.WriteString(":")
	for _, v := range vs {
		if v.Severity == SeverityError {
			b.WriteString("\n\t")
			b.WriteString(v.String())
		}
	}
	if warnings > 0 {
		b.WriteString("\n\twarnings by rule:")
		for i, rc := range CountWarnings(vs) {
			if i > 0 {
				b.WriteString(",")
			}
			fmt.Fprintf(&b, " %d %s", rc.Count, rc.Rule)
		}
		b.WriteString(" (not listed here)")
	}
	return b.String()
}
