package emit

import (
	"github.com/dave/jennifer/jen"
)

// emitValidateFile fills redcap_validate_gen.go: the rules table, Validate on every instrument,
// the event walkers and the Record's Validate.
func (pl *plan) emitValidateFile(f *jen.File) {
	for _, fp := range pl.forms {
		f.Add(pl.emitFormValidate(fp)).Line()
	}
	if pl.longitudinal {
		for _, c := range pl.containers {
			f.Add(pl.emitEventValidate(c)).Line()
		}
	}
	f.Add(pl.emitRecordValidate()).Line()
}

// ruleRef renders &rules[<i>].
func ruleRef(i int) *jen.Statement { return jen.Op("&").Id("rules").Index(jen.Lit(i)) }

// emitFormValidate emits:
//
//	// Validate checks every value of the instrument against REDCap's rules and reports into v.
//	func (f *<Form>) Validate(v *redcap.Validator) {
//		rs := (*[<n>]redcap.FieldRule)(rules[<first>:<end>]) // the form's rules: one bounds check
//		v.Value(&rs[<i>], f.<Field>.Raw())
//		v.Checkbox(&rs[<i>], f.<Set>.cols[:])
//		v.ReadOnly(&rs[<i>], f.<Calc>.Raw())
//		v.Value(&rs[<i>], f.Complete.Raw())
//	}
func (pl *plan) emitFormValidate(fp *formPlan) jen.Code {
	first, end := fp.ruleSpan()
	ref := func(i int) *jen.Statement { return jen.Op("&").Id("rs").Index(jen.Lit(i - first)) }
	var body []jen.Code
	if end > first {
		body = append(body, jen.Id("rs").Op(":=").Parens(jen.Op("*").Index(jen.Lit(end-first)).Qual(runtimePath, "FieldRule")).
			Call(jen.Id("rules").Index(jen.Lit(first), jen.Lit(end))))
	}
	for _, fd := range fp.fields {
		src := jen.Id("f").Dot(fd.goName)
		switch {
		case fd.kind == kindCheckbox:
			body = append(body, jen.Id("v").Dot("Checkbox").Call(ref(fd.rule), src.Dot("cols").Index(jen.Empty(), jen.Empty())))
		case fd.readOnly:
			body = append(body, jen.Id("v").Dot("ReadOnly").Call(ref(fd.rule), src.Dot("Raw").Call()))
		default:
			body = append(body, jen.Id("v").Dot("Value").Call(ref(fd.rule), src.Dot("Raw").Call()))
		}
	}
	if fp.rule >= 0 {
		body = append(body, jen.Id("v").Dot("Value").Call(ref(fp.rule), jen.Id("f").Dot("Complete").Dot("Raw").Call()))
	}
	return comment("Validate checks every value of the instrument against REDCap's rules and reports into v;\n" +
		"v.At says where the values sit.").Line().
		Func().Params(jen.Id("f").Op("*").Id(fp.goName)).Id("Validate").Params(jen.Id("v").Op("*").Qual(runtimePath, "Validator")).Block(body...)
}

// ruleSpan returns the form's first rule and one past its last (first == end: no rules).
func (fp *formPlan) ruleSpan() (first, end int) {
	var s indexSpan
	for _, fd := range fp.fields {
		s.add(fd.rule)
	}
	s.add(fp.rule)
	return s.first, s.end
}

// validateInstances emits the loop over a repeating instrument's instances:
//
//	for i := range <owner>.<Form> {
//		v.At(<id>, "<event>", "<form>", <owner>.<Form>[i].Number)
//		<owner>.<Form>[i].Data.Validate(v)
//	}
func validateInstances(owner *jen.Statement, event string, fp *formPlan) jen.Code {
	inst := owner.Clone().Dot(fp.goName).Index(jen.Id("i"))
	return jen.For(jen.Id("i").Op(":=").Range().Add(owner.Clone().Dot(fp.goName))).Block(
		jen.Id("v").Dot("At").Call(jen.Id("id"), jen.Lit(event), jen.Lit(fp.form.Name), inst.Clone().Dot("Number")),
		inst.Clone().Dot("Data").Dot("Validate").Call(jen.Id("v")),
	)
}

// emitEventValidate emits the walk over one event's instruments:
//
//	// validate checks the event's instruments.
//	func (e *<Event>) validate(v *redcap.Validator, id string, instance int) {
//		v.At(id, "<event>", "", instance)
//		e.<Form>.Validate(v)
//		<repeating instruments>
//	}
func (pl *plan) emitEventValidate(c *container) jen.Code {
	body := []jen.Code{jen.Id("v").Dot("At").Call(jen.Id("id"), jen.Lit(c.event.UniqueName), jen.Lit(""), jen.Id("instance"))}
	for _, fp := range c.forms {
		body = append(body, jen.Id("e").Dot(fp.goName).Dot("Validate").Call(jen.Id("v")))
	}
	for _, fp := range c.repeats {
		body = append(body, validateInstances(jen.Id("e"), c.event.UniqueName, fp))
	}
	return comment("validate checks the event's instruments, telling v where each value sits.").Line().
		Func().Params(jen.Id("e").Op("*").Id(c.goName)).Id("validate").
		Params(jen.Id("v").Op("*").Qual(runtimePath, "Validator"), jen.Id("id").String(), jen.Id("instance").Int()).Block(body...)
}

// emitRecordValidate emits:
//
//	// Validate checks every value of the record and reports every violation into v.
//	func (r *Record) Validate(v *redcap.Validator) {
//		id := r.ID
//		v.At(id, "", "", 0)
//		v.Value(&rules[<record id>], r.ID)
//		<forms, repeating instances, or events>
//	}
func (pl *plan) emitRecordValidate() jen.Code {
	body := []jen.Code{
		jen.Id("id").Op(":=").Id("r").Dot("ID"),
		jen.Id("v").Dot("At").Call(jen.Id("id"), jen.Lit(""), jen.Lit(""), jen.Lit(0)),
	}
	if i, ok := pl.ruleOf[pl.recordID.Name]; ok {
		body = append(body, jen.Id("v").Dot("Value").Call(ruleRef(i), jen.Id("id")))
	}
	if !pl.longitudinal {
		c := pl.containers[0]
		for _, fp := range c.forms {
			body = append(body, jen.Id("r").Dot(fp.goName).Dot("Validate").Call(jen.Id("v")))
		}
		for _, fp := range c.repeats {
			body = append(body, validateInstances(jen.Id("r"), "", fp))
		}
	}
	for _, c := range pl.containers {
		if c.event == nil {
			continue
		}
		slot := jen.Id("r").Dot(c.goName)
		if c.repeatingEvent {
			inst := slot.Clone().Index(jen.Id("i"))
			body = append(body, jen.For(jen.Id("i").Op(":=").Range().Add(slot.Clone())).Block(
				inst.Clone().Dot("Data").Dot("validate").Call(jen.Id("v"), jen.Id("id"), inst.Clone().Dot("Number"))))
			continue
		}
		body = append(body, jen.If(slot.Clone().Op("!=").Nil()).Block(
			slot.Clone().Dot("validate").Call(jen.Id("v"), jen.Id("id"), jen.Lit(0))))
	}
	doc := "Validate checks every value of the record against REDCap's rules and reports every violation\n" +
		"into v, with record, event, instrument and instance."
	if pl.hasLogic() {
		body = append(body, jen.Id("v").Dot("Logic").Call(jen.Id("r")))
		doc = "Validate checks every value of the record against REDCap's rules and reports every violation\n" +
			"into v, with record, event, instrument and instance; then the data quality rules of the\n" +
			"project's branching logic and calculations (hidden values, required fields where shown,\n" +
			"stale calculated values)."
	}
	return comment(doc).Line().
		Func().Params(jen.Id("r").Op("*").Id(recordType)).Id("Validate").Params(jen.Id("v").Op("*").Qual(runtimePath, "Validator")).Block(body...)
}

// hasLogic reports whether any field has branching logic or is computed.
func (pl *plan) hasLogic() bool {
	for _, f := range pl.p.Fields() {
		if f.Branching != "" || f.Type == "calc" || f.HasTag("CALCTEXT") || f.HasTag("CALCDATE") {
			return true
		}
	}
	return false
}
