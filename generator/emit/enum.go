package emit

import (
	"github.com/dave/jennifer/jen"

	"github.com/redcapgen/redcapgen/generator/dictionary"
)

// enumPlan is one choice field's enum type: its Go names and its choices, codes unique.
type enumPlan struct {
	field   *dictionary.Field
	typ     string
	choices []dictionary.Choice
	consts  []string
}

// enums returns the enum type of every choice field, in dictionary order.
func (pl *plan) enums() []*enumPlan {
	var out []*enumPlan
	for _, fp := range pl.forms {
		for _, fd := range fp.fields {
			if fd.kind != kindEnum && fd.kind != kindCheckbox {
				continue
			}
			ep := &enumPlan{field: fd.field, typ: fd.enum}
			seen := map[string]bool{}
			for _, c := range choicesOf(fd.field) {
				if seen[c.Code] {
					continue
				}
				seen[c.Code] = true
				ep.choices = append(ep.choices, c)
				ep.consts = append(ep.consts, pl.n.EnumConst(fd.field.Name, c.Code))
			}
			out = append(out, ep)
		}
	}
	return out
}

// emitEnumsFile fills redcap_enums_gen.go: every choice field's enum type.
func (pl *plan) emitEnumsFile(f *jen.File) {
	for _, ep := range pl.enums() {
		f.Add(emitEnumType(ep)).Line()
		f.Add(emitEnumConsts(ep)).Line()
		f.Add(emitEnumString(ep)).Line()
		f.Add(emitEnumLabel(ep)).Line()
		f.Add(emitEnumParse(ep)).Line()
		f.Add(emitEnumValues(ep)).Line()
	}
}

// emitEnumType emits the type:
//
//	// <Enum> is the choice list of REDCap field "<field>" (<label>). Values are REDCap's raw codes.
//	type <Enum> string
func emitEnumType(ep *enumPlan) jen.Code {
	doc := ep.typ + " is the choice list of REDCap field " + quoteName(ep.field.Name)
	if l := label(ep.field.Label); l != "" {
		doc += " (" + l + ")"
	}
	doc += ", " + string(ep.field.Type) + ". Values are REDCap's raw codes."
	return jen.Add(comment(doc)).Line().Type().Id(ep.typ).String()
}

// emitEnumConsts emits one constant per choice:
//
//	// The choices of <Enum>, in dictionary order.
//	const (
//		<Enum><Name> <Enum> = "<code>" // <label>
//	)
func emitEnumConsts(ep *enumPlan) jen.Code {
	defs := make([]jen.Code, len(ep.choices))
	for i, c := range ep.choices {
		defs[i] = jen.Id(ep.consts[i]).Id(ep.typ).Op("=").Lit(c.Code).Add(comment(choiceComment(c)))
	}
	return jen.Add(comment("The choices of " + ep.typ + ", in dictionary order.")).Line().Const().Defs(defs...)
}

// choiceComment describes a choice for a trailing comment: its label, or its code when the label
// is empty.
func choiceComment(c dictionary.Choice) string {
	if l := label(c.Label); l != "" {
		return l
	}
	return "code " + label(c.Code) + " (no label)"
}

// emitEnumString emits:
//
//	// String returns REDCap's code.
//	func (c <Enum>) String() string { return string(c) }
func emitEnumString(ep *enumPlan) jen.Code {
	return comment("String returns REDCap's raw code.").Line().
		Func().Params(jen.Id("c").Id(ep.typ)).Id("String").Params().String().
		Block(jen.Return(jen.String().Call(jen.Id("c"))))
}

// emitEnumLabel emits:
//
//	// Label returns the choice's label from the dictionary, "" for a code that is not a choice.
//	func (c <Enum>) Label() string {
//		switch c {
//		case <Const>:
//			return "<label>"
//		}
//		return ""
//	}
func emitEnumLabel(ep *enumPlan) jen.Code {
	cases := make([]jen.Code, len(ep.choices))
	for i, c := range ep.choices {
		cases[i] = jen.Case(jen.Id(ep.consts[i])).Return(jen.Lit(c.Label))
	}
	return comment(`Label returns the choice's label from the dictionary (HTML as written), or "" for a code that is not a choice.`).Line().
		Func().Params(jen.Id("c").Id(ep.typ)).Id("Label").Params().String().
		Block(jen.Switch(jen.Id("c")).Block(cases...), jen.Return(jen.Lit("")))
}

// emitEnumParse emits:
//
//	// Parse<Enum> returns the choice whose code is exactly code.
//	func Parse<Enum>(code string) (<Enum>, bool) {
//		switch code {
//		case "<code>", ...:
//			return <Enum>(code), true
//		}
//		return "", false
//	}
func emitEnumParse(ep *enumPlan) jen.Code {
	body := []jen.Code{}
	if len(ep.choices) > 0 {
		codes := make([]jen.Code, len(ep.choices))
		for i, c := range ep.choices {
			codes[i] = jen.Lit(c.Code)
		}
		body = append(body, jen.Switch(jen.Id("code")).Block(
			jen.Case(codes...).Return(jen.Id(ep.typ).Call(jen.Id("code")), jen.True())))
	}
	body = append(body, jen.Return(jen.Lit(""), jen.False()))
	name := "Parse" + ep.typ
	return comment(name+" returns the choice whose code is exactly code (codes are text: \"01\" is not \"1\").").Line().
		Func().Id(name).Params(jen.Id("code").String()).Params(jen.Id(ep.typ), jen.Bool()).Block(body...)
}

// emitEnumValues emits:
//
//	// <Enum>Values returns every choice in dictionary order.
//	func <Enum>Values() []<Enum> { return []<Enum>{<Const>, ...} }
func emitEnumValues(ep *enumPlan) jen.Code {
	consts := make([]jen.Code, len(ep.consts))
	for i, c := range ep.consts {
		consts[i] = jen.Id(c)
	}
	name := ep.typ + "Values"
	return comment(name + " returns every choice in dictionary order.").Line().
		Func().Id(name).Params().Index().Id(ep.typ).
		Block(jen.Return(jen.Index().Id(ep.typ).Values(consts...)))
}
