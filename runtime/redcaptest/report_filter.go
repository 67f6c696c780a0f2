package redcaptest

import "strings"

// filterOperators map the operators of a report's simple filter rows to REDCap logic: a
// comparison operator, a function name, or "" for the checkbox tests.
var filterOperators = map[string]string{
	"E": "=", "NE": "<>", "GT": ">", "GTE": ">=", "LT": "<", "LTE": "<=",
	"CHECKED": "", "UNCHECKED": "",
	"CONTAINS": "contains", "NOT_CONTAIN": "not_contain", "STARTS_WITH": "starts_with", "ENDS_WITH": "ends_with",
}

// reportLogic is the logic that filters a report's rows: its advanced logic, else its simple
// filter rows written as logic, as REDCap does: rows joined by AND form a group, groups are
// joined by OR. "" means no filter.
func reportLogic(r Report) string {
	if strings.TrimSpace(r.Logic) != "" {
		return r.Logic
	}
	var groups [][]string
	for i, f := range r.Filters {
		if i == 0 || f.Or {
			groups = append(groups, nil)
		}
		groups[len(groups)-1] = append(groups[len(groups)-1], filterCondition(f))
	}
	parts := make([]string, len(groups))
	for i, g := range groups {
		parts[i] = "(" + strings.Join(g, " and ") + ")"
	}
	return strings.Join(parts, " or ")
}

// filterCondition writes one simple filter row as logic.
func filterCondition(f ReportFilter) string {
	ref := "[" + f.Field + "]"
	if f.Operator == "CHECKED" || f.Operator == "UNCHECKED" {
		ref = "[" + f.Field + "(" + f.Value + ")]"
	}
	if f.Event != "" {
		ref = "[" + f.Event + "]" + ref
	}
	switch op := filterOperators[f.Operator]; f.Operator {
	case "CHECKED":
		return ref + " = '1'"
	case "UNCHECKED":
		return ref + " = '0'"
	case "CONTAINS", "NOT_CONTAIN", "STARTS_WITH", "ENDS_WITH":
		return op + "(" + ref + ", " + logicString(f.Value) + ")"
	default:
		return ref + " " + op + " " + logicString(f.Value)
	}
}

// logicString quotes a value as a logic string literal.
func logicString(s string) string {
	if !strings.Contains(s, "'") {
		return "'" + s + "'"
	}
	return `"` + strings.ReplaceAll(s, `"`, "") + `"`
}
