package emit

import (
	"github.com/dave/jennifer/jen"
)

// emitColumnsFunc emits:
//
//	// Columns returns every column of a full flat export, in REDCap's order.
//	func Columns() []string { return layout.Columns() }
func emitColumnsFunc() jen.Code {
	return comment("Columns returns every column of a full flat export, in REDCap's order.").Line().
		Func().Id("Columns").Params().Index().String().Block(jen.Return(jen.Id("layout").Dot("Columns").Call()))
}

// emitFieldsFunc emits:
//
//	// Fields returns the rules of every data field and form status, in dictionary order.
//	func Fields() []redcap.FieldRule { return append([]redcap.FieldRule(nil), rules...) }
func emitFieldsFunc() jen.Code {
	return comment("Fields returns a copy of the rules of every data field and form status, in dictionary order.").Line().
		Func().Id("Fields").Params().Index().Qual(runtimePath, "FieldRule").Block(jen.Return(
		jen.Append(jen.Index().Qual(runtimePath, "FieldRule").Call(jen.Nil()), jen.Id("rules").Op("..."))))
}

// emitMissingCodesFunc emits:
//
//	// MissingCodes returns the project's missing-data codes.
//	func MissingCodes() []string { return missingCodes.Codes() }
func emitMissingCodesFunc() jen.Code {
	return comment("MissingCodes returns the project's missing-data codes, in the project's order.").Line().
		Func().Id("MissingCodes").Params().Index().String().Block(jen.Return(jen.Id("missingCodes").Dot("Codes").Call()))
}

// emitFormsFunc emits:
//
//	// formInfos describes the project's instruments; Forms hands out copies.
//	var formInfos = []redcap.FormInfo{
//		{Name: "<form>", Label: "<label>", GoName: "<Form>", Fields: []string{...}, Repeating: true},
//	}
//
//	// Forms describes the project's instruments, in dictionary order. ...
//	func Forms() []redcap.FormInfo { <a deep copy of formInfos> }
//
// The table is a variable, laid out statically by the compiler: returned as one composite literal
// it cost compile time quadratic in the number of forms (2.4 s at 5,835 forms).
func (pl *plan) emitFormsFunc() jen.Code {
	items := make([]jen.Code, 0, len(pl.forms)+1)
	for _, fp := range pl.forms {
		fields := make([]jen.Code, 0, len(fp.fields)+1)
		for _, fd := range fp.fields {
			fields = append(fields, jen.Lit(fd.field.Name))
		}
		fields = append(fields, jen.Lit(fp.form.Name+"_complete"))
		kvs := []jen.Code{kv("Name", jen.Lit(fp.form.Name))}
		if fp.form.Label != "" {
			kvs = append(kvs, kv("Label", jen.Lit(fp.form.Label)))
		}
		kvs = append(kvs, kv("GoName", jen.Lit(fp.goName)), kv("Fields", jen.Index().String().Values(fields...)))
		if fp.repeating {
			kvs = append(kvs, kv("Repeating", jen.True()))
		}
		items = append(items, jen.Line().Values(kvs...))
	}
	items = append(items, jen.Line())
	table := comment("formInfos describes the project's instruments; Forms hands out copies.").Line().
		Var().Id("formInfos").Op("=").Index().Qual(runtimePath, "FormInfo").Values(items...)
	return table.Line().Line().Add(comment("Forms describes the project's instruments, in dictionary order. The record ID field is the\n"+
		"record's ID and belongs to no instrument's fields here. Each call returns a new copy.")).Line().
		Func().Id("Forms").Params().Index().Qual(runtimePath, "FormInfo").Block(
		jen.Id("out").Op(":=").Make(jen.Index().Qual(runtimePath, "FormInfo"), jen.Len(jen.Id("formInfos"))),
		jen.For(jen.List(jen.Id("i"), jen.Id("f")).Op(":=").Range().Id("formInfos")).Block(
			jen.Id("f").Dot("Fields").Op("=").Append(jen.Index().String().Call(jen.Nil()), jen.Id("f").Dot("Fields").Op("...")),
			jen.Id("out").Index(jen.Id("i")).Op("=").Id("f"),
		),
		jen.Return(jen.Id("out")))
}
