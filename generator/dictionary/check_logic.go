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
	for _, f := range p.Fields() {
		kind, src := logic.ComputedExpression(string(f.Type), f.ChoicesRaw, f.Annotation)
		if f.Branching == "" && (kind == logic.NotComputed || src == "") {
			continue
		}
		if schema == nil {
			schema = LogicSchema(p)
		}
		if f.Branching != "" {
			_, probs := logic.Check(f.Branching, schema, logic.UseBranching)
			for _, pr := range probs {
				c.warnf(at[f], f.Name, "branching logic %s (the generated code shows the field always)", pr)
			}
		}
		if kind != logic.NotComputed && src != "" {
			_, probs := logic.Check(src, schema, logic.UseCalc)
			for _, pr := range probs {
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
