package dictionary

import (
	"github.com/redcapgen/redcapgen/runtime/logic"
)

// checkLogicReferences checks every branching expression and computed field's expression with
// REDCap's logic engine: syntax REDCap's parser refuses, unknown fields, events and checkbox
// options, functions REDCap does not have. REDCap stores such logic, so each problem is a
// warning with the field, its location and the position in the expression; the generated code
// then shows the field always (branching) or leaves it blank (calculations).
func checkLogicReferences(c *collector, p *Project, at map[*Field]where) {
	var schema *logic.Schema
	// Real dictionaries repeat their logic (one expression over a matrix of fields): each
	// distinct text is checked once.
	type key struct {
		src string
		use logic.Use
	}
	checked := map[key][]logic.Problem{}
	check := func(src string, use logic.Use) []logic.Problem {
		k := key{src, use}
		if probs, ok := checked[k]; ok {
			return probs
		}
		_, probs := logic.Check(src, schema, use)
		checked[k] = probs
		return probs
	}
	for _, f := range p.Fields() {
		kind, src := logic.ComputedExpression(string(f.Type), f.ChoicesRaw, f.Annotation)
		if f.Branching == "" && (kind == logic.NotComputed || src == "") {
			continue
		}
		if schema == nil {
			schema = LogicSchema(p)
		}
		if f.Branching != "" {
			for _, pr := range check(f.Branching, logic.UseBranching) {
				c.warnf(at[f], f.Name, "branching logic %s (the generated code shows the field always)", pr)
			}
		}
		if kind != logic.NotComputed && src != "" {
			for _, pr := range check(src, logic.UseCalc) {
				c.warnf(at[f], f.Name, "%s %s (the generated code leaves it blank)", computedName(kind), pr)
			}
		}
	}
}

// computedName names a computed field's expression in messages.
func computedName(k logic.Computation) string {
	switch k {
	case logic.ComputedText:
		return "@CALCTEXT"
	case logic.ComputedDate:
		return "@CALCDATE"
	}
	return "calculation"
}
