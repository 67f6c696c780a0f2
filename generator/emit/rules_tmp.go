package emit

import (
	"github.com/redcapgen/redcapgen/generator/dictionary"
	"github.com/redcapgen/redcapgen/runtime/redcap"
)

// projectRules returns the rule of every data field and form status in dictionary order.
// TEMPORARY until dictionary.Rules lands.
func projectRules(p *dictionary.Project) []redcap.FieldRule {
	var out []redcap.FieldRule
	for _, form := range p.Forms {
		for _, f := range form.Fields {
			if f.Type == dictionary.TypeDescriptive {
				continue
			}
			r := redcap.FieldRule{Name: f.Name, Form: form.Name, Type: string(f.Type), Validation: f.Validation,
				Min: f.Min, Max: f.Max, Required: f.Required, Identifier: f.Identifier, NoMissing: f.HasTag("NOMISSING"),
				ReadOnly: f.Type == dictionary.TypeCalc || f.Type == dictionary.TypeFile, Branching: f.Branching}
			for _, c := range choicesOf(f) {
				r.Choices = append(r.Choices, redcap.RuleChoice{Code: c.Code, Label: c.Label})
			}
			if f.Type == dictionary.TypeCheckbox {
				r.CheckboxColumns = p.FieldColumns(f)
			}
			out = append(out, r)
		}
		out = append(out, redcap.FieldRule{Name: form.Name + "_complete", Form: form.Name, Type: "form_status"})
	}
	return out
}
