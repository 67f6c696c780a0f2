package emit

import (
	"strconv"
	"strings"

	"github.com/dave/jennifer/jen"

	"github.com/redcapgen/redcapgen/dictionary"
	"github.com/redcapgen/redcapgen/generator/naming"
)

// enumPlan is one choice field's enum type: its Go names and its choices, codes unique.
type enumPlan struct {
	field   *dictionary.Field
	typ     string
	choices []dictionary.Choice
	consts  []string
	// alias is the enum whose type this one is an alias of: the field with the same choices
	// (codes and labels, in order) whose REDCap name sorts first. nil for that field itself.
	alias *enumPlan
	// sharers counts the other fields whose enum is an alias of this one.
	sharers int
	// radio is true for a single-choice field (not a checkbox, whose codes name its columns).
	radio bool
	// decoded is true when a single-choice field decodes with this type's decode function.
	decoded bool
}

// enums returns the enum type of every choice field, in dictionary order (see planEnums).
func (pl *plan) enums() []*enumPlan { return pl.enumList }

// planEnums plans the enum type of every choice field, once, before files are emitted
// concurrently. Fields with identical choice lists share one type: the first by REDCap name
// declares it, the others are aliases of it (a project with thousands of yes/no or Likert items
// compiles one type per distinct list, not one per field, and each type costs the compiler its
// generic instantiations).
func (pl *plan) planEnums() {
	var out []*enumPlan
	var boxes []*fieldPlan // checkbox fields, parallel to their enums in out
	var boxEnums []*enumPlan
	for _, fp := range pl.forms {
		for _, fd := range fp.fields {
			if fd.kind != kindEnum && fd.kind != kindCheckbox {
				continue
			}
			ep := &enumPlan{field: fd.field, typ: fd.enum, radio: fd.kind == kindEnum}
			if fd.kind == kindCheckbox {
				boxes, boxEnums = append(boxes, fd), append(boxEnums, ep)
			}
			seen := map[string]bool{}
			for _, c := range fd.field.EffectiveChoices() {
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
	owner := map[string]*enumPlan{} // choice list -> the enum declaring its type
	for _, ep := range out {
		key := choiceListKey(ep.choices)
		if o, ok := owner[key]; !ok || ep.field.Name < o.field.Name {
			owner[key] = ep
		}
	}
	pl.sharedEnum = map[string]string{}
	for _, ep := range out {
		o := owner[choiceListKey(ep.choices)]
		o.decoded = o.decoded || ep.radio
		if o != ep {
			ep.alias = o
			o.sharers++
			pl.sharedEnum[ep.typ] = o.typ
		}
	}
	// An aliased enum declares no constants: a checkbox set names its choices with the
	// constants of the type that declares them (the same choices, in the same order).
	for i, fd := range boxes {
		decl := boxEnums[i]
		if decl.alias != nil {
			decl = decl.alias
		}
		fd.choices = decl
		fd.consts = decl.consts
	}
	pl.enumList = out
}

// choiceListKey identifies a choice list by its codes and labels, in order.
func choiceListKey(choices []dictionary.Choice) string {
	var b strings.Builder
	for _, c := range choices {
		b.WriteString(strconv.Quote(c.Code))
		b.WriteString(strconv.Quote(c.Label))
	}
	return b.String()
}

// enumType returns the type that declares a choice field's enum methods: its own, or the one
// its type is an alias of.
func (pl *plan) enumType(fd *fieldPlan) string {
	if t, ok := pl.sharedEnum[fd.enum]; ok {
		return t
	}
	return fd.enum
}

// emitEnumsFile fills redcap_enums_gen.go: every enum type that declares its choices, in
// dictionary order, each followed by the aliases of the fields that share it.
func (pl *plan) emitEnumsFile(f *jen.File) {
	aliases := map[*enumPlan][]*enumPlan{}
	for _, ep := range pl.enums() {
		if ep.alias != nil {
			aliases[ep.alias] = append(aliases[ep.alias], ep)
		}
	}
	for _, ep := range pl.enums() {
		if ep.alias != nil {
			continue
		}
		f.Add(emitEnumType(ep)).Line()
		f.Add(emitEnumConsts(ep)).Line()
		f.Add(emitEnumString(ep)).Line()
		if ep.table() {
			f.Add(emitEnumTable(ep)).Line()
		}
		f.Add(emitEnumLabel(ep)).Line()
		f.Add(emitEnumParse(ep)).Line()
		f.Add(emitEnumValues(ep)).Line()
		if ep.decoded {
			f.Add(emitEnumDecode(ep)).Line()
		}
		if len(aliases[ep]) > 0 {
			f.Add(emitEnumAliases(ep, aliases[ep])).Line()
		}
	}
}

// emitEnumDecode emits the decoder the codec calls for every field of the type:
//
//	// decode<Enum> decodes the text of a <Enum> field. ...
//	//
//	//go:noinline
//	func decode<Enum>(raw string) redcap.Value[<Enum>] {
//		return redcap.Decode(raw, missingCodes, Parse<Enum>)
//	}
//
// Out of line, redcap.Decode and the parser's switch are inlined here once instead of into every
// field of a form: a project with thousands of choice fields compiles several times faster, at
// the cost of one call per value.
func emitEnumDecode(ep *enumPlan) jen.Code {
	return emitOutOfLineDecoder("decode"+ep.typ, "a "+ep.typ+" field", jen.Id(ep.typ), jen.Id(naming.EnumParserName(ep.typ)))
}

// emitOutOfLineDecoder emits a decoder of one value type that the codec calls for every field of
// that type, kept out of line (see emitEnumDecode and emitScalarDecode):
//
//	// <name> decodes the text of <what>. It stays out of line so that forms of
//	// hundreds of fields compile quickly.
//	//
//	//go:noinline
//	func <name>(raw string) redcap.Value[<typ>] {
//		return redcap.Decode(raw, missingCodes, <parse>)
//	}
func emitOutOfLineDecoder(name, what string, typ, parse jen.Code) jen.Code {
	doc := commentText(name + " decodes the text of " + what + ". It stays out of line so that forms of hundreds of fields compile quickly.")
	return jen.Comment(doc+"\n//\n//go:noinline").Line().
		Func().Id(name).Params(jen.Id("raw").String()).Qual(runtimePath, "Value").Types(typ).
		Block(jen.Return(jen.Qual(runtimePath, "Decode").Call(jen.Id("raw"), jen.Id("missingCodes"), parse)))
}

// emitEnumType emits the type:
//
//	// <Enum> is the choice list of REDCap field "<field>" (<label>). Values are REDCap's raw codes.
//	type <Enum> string
func emitEnumType(ep *enumPlan) jen.Code {
	doc := enumDocHead(ep) + ". Values are REDCap's raw codes."
	switch ep.sharers {
	case 0:
	case 1:
		doc += "\nOne other field has the same choices and shares the type (an alias of it, below)."
	default:
		doc += "\n" + itoa(ep.sharers) + " other fields have the same choices and share the type (aliases of it, below)."
	}
	return jen.Add(comment(doc)).Line().Type().Id(ep.typ).String()
}

// enumDocHead starts an enum type's doc comment: `<Enum> is the choice list of REDCap field
// "<field>" (<label>), <type>`.
func enumDocHead(ep *enumPlan) string {
	doc := ep.typ + " is the choice list of REDCap field " + quoteName(ep.field.Name)
	if l := label(ep.field.Label); l != "" {
		doc += " (" + l + ")"
	}
	return doc + ", " + string(ep.field.Type)
}

// maxAliasLabelRunes caps the field label in an alias's one-line doc comment.
const maxAliasLabelRunes = 48

// emitEnumAliases emits the types of the fields whose choices are those of owner, as plain
// aliases: their values are owner's constants, and Parse<Owner> and <Owner>Values serve them.
//
//	// The fields with the same choices as "<owner field>" share <Owner>: use its constants.
//	type (
//		// <Enum> is REDCap field "<field>" (<label>), <type>.
//		<Enum> = <Owner>
//	)
func emitEnumAliases(owner *enumPlan, aliases []*enumPlan) jen.Code {
	defs := make([]jen.Code, 0, 2*len(aliases))
	for _, ep := range aliases {
		doc := ep.typ + " is REDCap field " + quoteName(ep.field.Name)
		if l := shortLabel(ep.field.Label, maxAliasLabelRunes); l != "" {
			doc += " (" + l + ")"
		}
		defs = append(defs, comment(doc+", "+string(ep.field.Type)+"."), jen.Id(ep.typ).Op("=").Id(owner.typ))
	}
	doc := "The fields with the same choices as " + quoteName(owner.field.Name) + " share " + owner.typ +
		": their values are its constants, " + naming.EnumParserName(owner.typ) + " and " + naming.EnumValuesName(owner.typ) + " serve them."
	return jen.Add(comment(doc)).Line().Type().Defs(defs...)
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
		defs[i] = jen.Id(ep.consts[i]).Id(ep.typ).Op("=").Lit(c.Code).Add(lineComment(choiceComment(c)))
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
	body := emitTableLabel(ep)
	if !ep.table() {
		cases := make([]jen.Code, len(ep.choices))
		for i, c := range ep.choices {
			cases[i] = jen.Case(jen.Id(ep.consts[i])).Return(jen.Lit(c.Label))
		}
		body = []jen.Code{jen.Switch(jen.Id("c")).Block(cases...), jen.Return(jen.Lit(""))}
	}
	return comment(`Label returns the choice's label from the dictionary (HTML as written), or "" for a code that is not a choice.`).Line().
		Func().Params(jen.Id("c").Id(ep.typ)).Id("Label").Params().String().Block(body...)
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
	if ep.table() {
		body = emitTableParse(ep)
	} else if len(ep.choices) > 0 {
		codes := make([]jen.Code, len(ep.choices))
		for i, c := range ep.choices {
			codes[i] = jen.Lit(c.Code)
		}
		body = append(body, jen.Switch(jen.Id("code")).Block(
			jen.Case(codes...).Return(jen.Id(ep.typ).Call(jen.Id("code")), jen.True())))
	}
	if !ep.table() {
		body = append(body, jen.Return(jen.Lit(""), jen.False()))
	}
	name := naming.EnumParserName(ep.typ)
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
	body := []jen.Code{jen.Return(jen.Index().Id(ep.typ).Values(consts...))}
	if ep.table() {
		body = emitTableValues(ep)
	}
	name := naming.EnumValuesName(ep.typ)
	return comment(name + " returns every choice in dictionary order.").Line().
		Func().Id(name).Params().Index().Id(ep.typ).Block(body...)
}
