package dictionary

import "github.com/redcapgen/redcapgen/runtime/logic"

// LogicSchema describes the project for REDCap's logic engine: fields with their types,
// validations and choice codes, events, and missing-data codes.
func LogicSchema(p *Project) *logic.Schema {
	var fields []logic.Field
	for _, f := range p.Fields() {
		lf := logic.Field{Name: f.Name, Form: f.Form, Type: string(f.Type), Validation: f.TextValidation()}
		for _, c := range f.Choices {
			lf.Codes = append(lf.Codes, c.Code)
			lf.Labels = append(lf.Labels, c.Label)
		}
		fields = append(fields, lf)
	}
	var events []logic.Event
	for _, e := range p.Events {
		events = append(events, logic.Event{Name: e.UniqueName, Arm: e.Arm})
	}
	var codes []string
	for _, m := range p.MissingCodes {
		codes = append(codes, m.Code)
	}
	return logic.NewSchema(fields, events, codes)
}
