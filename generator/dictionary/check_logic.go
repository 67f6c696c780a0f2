package dictionary

import (
	"regexp"
	"strings"
)

// logicFieldRef matches a field reference in branching logic or a calculation: [name],
// [name(code)], [name:value]. Smart variables ([event-name]) hold "-" and do not match.
func logicFieldRef() *regexp.Regexp {
	return regexp.MustCompile(`\[([A-Za-z][A-Za-z0-9_]*)(?:\([^)\]]*\))?(?::[a-z-]+)?\]`)
}

// checkLogicReferences warns about branching logic and calculations that name a field the
// dictionary does not have. REDCap refuses such a dictionary on import, but an expression
// never stops generation (it stays text in the model), so this is a warning.
func checkLogicReferences(c *collector, p *Project, at map[*Field]where) {
	known := make(map[string]bool)
	for _, f := range p.Fields() {
		known[strings.ToLower(f.Name)] = true
	}
	for _, form := range p.Forms {
		known[form.Name+"_complete"] = true
	}
	for _, e := range p.Events {
		known[e.UniqueName] = true
	}
	ref := logicFieldRef()
	for _, f := range p.Fields() {
		if unknown := unknownRefs(ref, f.Branching, known); len(unknown) > 0 {
			c.warnf(at[f], f.Name, "branching logic refers to unknown fields %s", quoteList(unknown))
		}
		if f.Type == TypeCalc {
			if unknown := unknownRefs(ref, f.ChoicesRaw, known); len(unknown) > 0 {
				c.warnf(at[f], f.Name, "calculation refers to unknown fields %s", quoteList(unknown))
			}
		}
	}
}

// unknownRefs returns the names referenced in expr that are not known, once each, in order.
// A reference directly followed by "[" is an event prefix ([baseline_arm_1][dob]) or carries
// an instance ([dob][2]); it is skipped, since events may be unknown to the dictionary.
func unknownRefs(ref *regexp.Regexp, expr string, known map[string]bool) []string {
	var unknown []string
	seen := make(map[string]bool)
	for _, m := range ref.FindAllStringSubmatchIndex(expr, -1) {
		if m[1] < len(expr) && expr[m[1]] == '[' {
			continue
		}
		name := strings.ToLower(expr[m[2]:m[3]])
		if known[name] || seen[name] || strings.HasPrefix(name, "redcap_") {
			continue
		}
		seen[name] = true
		unknown = append(unknown, name)
	}
	return unknown
}
