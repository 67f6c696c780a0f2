package emit

import (
	"github.com/dave/jennifer/jen"

	"github.com/redcapgen/redcapgen/generator/naming"
)

// emitFormFile fills redcap_form_<form>_gen.go: the instrument's struct.
func (pl *plan) emitFormFile(f *jen.File, fp *formPlan) {
	f.Add(pl.emitFormStruct(fp))
}

// emitFormStruct emits the struct of one instrument:
//
//	// <Form> is REDCap instrument "<form>" (<label>).
//	type <Form> struct {
//		Timestamp redcap.Value[redcap.Text] // "<form>_timestamp": survey-enabled forms only
//		<Field> redcap.Value[<T>] // "<field>" (<label>): <type>, <validation>, <min>..<max>
//		<Set>   <Field>Set        // "<field>" (<label>): checkbox, columns <a> … <b>
//		Complete redcap.Value[redcap.FormStatus] // "<form>_complete"
//	}
func (pl *plan) emitFormStruct(fp *formPlan) jen.Code {
	doc := fp.goName + " is REDCap instrument " + quoteName(fp.form.Name)
	if l := label(fp.form.Label); l != "" {
		doc += " (" + l + ")"
	}
	doc += "."
	if fp.repeating {
		doc += "\nIt is a repeating instrument: a record holds its instances in order."
	}
	fields := make([]jen.Code, 0, len(fp.fields)+2)
	if fp.timestamp >= 0 {
		fields = append(fields, jen.Id(naming.SurveyTimestampField).Add(valueOf(jen.Qual(runtimePath, scalarText.typeName))).
			Add(lineComment(quoteName(pl.columns[fp.timestamp])+": survey completion time (\"YYYY-MM-DD HH:MM:SS\" or \"[not completed]\"); read-only, never imported")))
	}
	for _, fd := range fp.fields {
		fields = append(fields, pl.emitFormField(fd))
	}
	fields = append(fields, jen.Id("Complete").Add(valueOf(jen.Qual(runtimePath, "FormStatus"))).
		Add(lineComment(quoteName(fp.form.Name+"_complete")+": form status (0 Incomplete, 1 Unverified, 2 Complete)")))
	return jen.Add(comment(doc)).Line().Type().Id(fp.goName).Struct(fields...)
}

// emitFormField emits one struct field of an instrument, under its branching logic and the
// expression that computes it when it has them:
//
//	// Shown if: <branching logic>
//	// Computed: <equation>
//	<Field> redcap.Value[<T>] // <description>
func (pl *plan) emitFormField(fd *fieldPlan) jen.Code {
	var typ jen.Code
	text := describe(fd.field, fd.readOnly)
	switch fd.kind {
	case kindCheckbox:
		typ = jen.Id(fd.set)
		if n := len(fd.cols); n > 0 {
			text += ", columns " + pl.columns[fd.cols[0]]
			if n > 1 {
				text += " … " + pl.columns[fd.cols[n-1]]
			}
		}
	case kindEnum:
		typ = valueOf(jen.Id(fd.enum))
	default:
		typ = valueOf(jen.Qual(runtimePath, fd.scalar.typeName))
	}
	field := jen.Id(fd.goName).Add(typ).Add(lineComment(text))
	if doc := pl.logicDoc(fd.field); doc != "" {
		return jen.Comment(doc).Line().Add(field)
	}
	return field
}

// valueOf renders redcap.Value[<t>].
func valueOf(t jen.Code) *jen.Statement {
	return jen.Qual(runtimePath, "Value").Types(t)
}
