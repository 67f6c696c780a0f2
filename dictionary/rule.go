package dictionary

import (
	"github.com/redcapgen/redcapgen/runtime/logic"
	"github.com/redcapgen/redcapgen/runtime/redcap"
)

// Slider range REDCap uses when a slider's min or max is empty.
const (
	defaultSliderMin = "0"
	defaultSliderMax = "100"
)

// RuleFor returns the runtime rule of one field: what generated validators, the import
// pre-flight and redcaptest check its values against. GoName is left empty for the emitter.
func RuleFor(p *Project, f *Field) redcap.FieldRule {
	r := redcap.FieldRule{
		Name:       f.Name,
		Form:       f.Form,
		Type:       string(f.Type),
		Validation: f.Validation,
		Min:        f.Min,
		Max:        f.Max,
		Required:   f.Required,
		Identifier: f.Identifier,
		NoMissing:  f.HasTag("NOMISSING"),
		ReadOnly: f.Type == TypeCalc || f.Type == TypeFile ||
			f.HasTag("CALCTEXT") || f.HasTag("CALCDATE"),
		Branching: f.Branching,
	}
	switch kind, expr := logic.ComputedExpression(string(f.Type), f.ChoicesRaw, f.Annotation); kind {
	case logic.ComputedCalc:
		r.Computed, r.Expression = "calc", expr
	case logic.ComputedText:
		r.Computed, r.Expression = "calctext", expr
	case logic.ComputedDate:
		r.Computed, r.Expression = "calcdate", expr
	}
	if f.Type == TypeSlider {
		if r.Min == "" {
			r.Min = defaultSliderMin
		}
		if r.Max == "" {
			r.Max = defaultSliderMax
		}
	}
	for _, ch := range f.EffectiveChoices() {
		r.Choices = append(r.Choices, redcap.RuleChoice{Code: ch.Code, Label: ch.Label})
	}
	if f.Type == TypeCheckbox {
		r.CheckboxColumns = p.FieldColumns(f)
	}
	return r
}

// Rules returns the rule of every data field in dictionary order (descriptive fields have no
// value and no rule), with a "form_status" rule for <form>_complete after each form's fields.
func Rules(p *Project) []redcap.FieldRule {
	var rules []redcap.FieldRule
	for _, form := range p.Forms {
		for _, f := range form.Fields {
			if f.Type != TypeDescriptive {
				rules = append(rules, RuleFor(p, f))
			}
		}
		rules = append(rules, formStatusRule(form.Name))
	}
	return rules
}

// DescriptiveRules returns the rules of the descriptive fields that have branching logic, in
// dictionary order: they hold no data, but their logic says when REDCap shows their text.
func DescriptiveRules(p *Project) []redcap.FieldRule {
	var rules []redcap.FieldRule
	for _, f := range p.Fields() {
		if f.Type == TypeDescriptive && f.Branching != "" {
			rules = append(rules, redcap.FieldRule{Name: f.Name, Form: f.Form, Type: string(f.Type), Branching: f.Branching})
		}
	}
	return rules
}

// formStatusRule is the rule of a form's <form>_complete column.
func formStatusRule(form string) redcap.FieldRule {
	return redcap.FieldRule{
		Name: form + "_complete",
		Form: form,
		Type: "form_status",
		Choices: []redcap.RuleChoice{
			{Code: redcap.Incomplete.String(), Label: redcap.Incomplete.Label()},
			{Code: redcap.Unverified.String(), Label: redcap.Unverified.Label()},
			{Code: redcap.Complete.String(), Label: redcap.Complete.Label()},
		},
	}
}
