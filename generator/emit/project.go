package emit

import (
	"strings"
	"unicode/utf8"

	"github.com/dave/jennifer/jen"

	"github.com/redcapgen/redcapgen/runtime/redcap"
)

// emitProjectFile fills redcap_project_gen.go: constants, the layout, missing codes, the rules
// table, the schema and the dictionary snapshot.
func (pl *plan) emitProjectFile(f *jen.File) {
	for _, code := range []jen.Code{
		pl.emitFingerprint(), pl.emitGeneratorVersion(), emitRuntimeCheck(), pl.emitLayout(),
		pl.emitMissingCodes(), pl.emitRules(), pl.emitSchemaVar(), emitSchemaFunc(), pl.emitSnapshot(),
	} {
		f.Add(code).Line()
	}
}

// emitFingerprint emits:
//
//	// Fingerprint is the fingerprint of the dictionary this package was generated from.
//	const Fingerprint = "<fp>"
func (pl *plan) emitFingerprint() jen.Code {
	return comment("Fingerprint is the fingerprint of the dictionary this package was generated from; compare it\n" +
		"with the live project's to refuse running against a changed dictionary.").Line().
		Const().Id("Fingerprint").Op("=").Lit(pl.cfg.Fingerprint)
}

// emitGeneratorVersion emits:
//
//	// GeneratorVersion is the redcapgen version that generated this package.
//	const GeneratorVersion = "<version>"
func (pl *plan) emitGeneratorVersion() jen.Code {
	return comment("GeneratorVersion is the redcapgen version that generated this package.").Line().
		Const().Id("GeneratorVersion").Op("=").Lit(pl.cfg.GeneratorVersion)
}

// emitRuntimeCheck emits the compile-time check that the runtime fits the generated code:
//
//	var _ = redcap.GeneratedCodeV1
func emitRuntimeCheck() jen.Code {
	return comment("This package needs a runtime that supports generated code version 1.").Line().
		Var().Id("_").Op("=").Qual(runtimePath, "GeneratedCodeV1")
}

// emitLayout emits:
//
//	// layout is every column of a full flat export, in REDCap's order.
//	var layout = redcap.NewLayout(
//		"<column>", // 0
//		...
//	)
func (pl *plan) emitLayout() jen.Code {
	cols := make([]jen.Code, len(pl.columns))
	for i, c := range pl.columns {
		cols[i] = jen.Line().Lit(c)
	}
	cols = append(cols, jen.Line())
	return comment("layout is every column of a full flat export, in REDCap's order; the codec uses fixed positions in it.").Line().
		Var().Id("layout").Op("=").Qual(runtimePath, "NewLayout").Call(cols...)
}

// emitMissingCodes emits:
//
//	// missingCodes are the project's missing-data codes.
//	var missingCodes = redcap.NewMissingCodes("<code>", ...)
func (pl *plan) emitMissingCodes() jen.Code {
	codes := make([]jen.Code, len(pl.p.MissingCodes))
	for i, m := range pl.p.MissingCodes {
		codes[i] = jen.Lit(m.Code)
	}
	return comment("missingCodes are the project's missing-data codes: any field may hold one.").Line().
		Var().Id("missingCodes").Op("=").Qual(runtimePath, "NewMissingCodes").Call(codes...)
}

// emitRules emits the rules table, one field per line:
//
//	// rules holds REDCap's rules for every data field and form status, in dictionary order.
//	var rules = []redcap.FieldRule{
//		{Name: "<field>", GoName: "<Field>", Form: "<form>", Type: "<type>", ...},
//	}
func (pl *plan) emitRules() jen.Code {
	goNames := pl.goNames()
	items := make([]jen.Code, 0, len(pl.rules)+1)
	for i := range pl.rules {
		r := pl.rules[i]
		r.GoName = goNames[r.Name]
		items = append(items, jen.Line().Add(ruleLiteral(&r)))
	}
	items = append(items, jen.Line())
	return comment("rules holds REDCap's rules for every data field and form status, in dictionary order; validators,\n"+
		"the import pre-flight and redcaptest all check values through them.").Line().
		Var().Id("rules").Op("=").Index().Qual(runtimePath, "FieldRule").Values(items...)
}

// goNames maps every REDCap field (and <form>_complete) to its generated Go field.
func (pl *plan) goNames() map[string]string {
	m := map[string]string{pl.recordID.Name: "ID"}
	for _, fp := range pl.forms {
		for _, fd := range fp.fields {
			m[fd.field.Name] = fd.goName
		}
		m[fp.form.Name+"_complete"] = "Complete"
	}
	return m
}

// ruleLiteral renders one FieldRule on one line with keyed, non-zero fields only.
func ruleLiteral(r *redcap.FieldRule) jen.Code {
	var kv []jen.Code
	str := func(key, v string) {
		if v != "" {
			kv = append(kv, jen.Id(key).Op(":").Lit(v))
		}
	}
	flag := func(key string, v bool) {
		if v {
			kv = append(kv, jen.Id(key).Op(":").True())
		}
	}
	str("Name", r.Name)
	str("GoName", r.GoName)
	str("Form", r.Form)
	str("Type", r.Type)
	str("Validation", r.Validation)
	str("Min", r.Min)
	str("Max", r.Max)
	if len(r.Choices) > 0 {
		choices := make([]jen.Code, len(r.Choices))
		for i, c := range r.Choices {
			choices[i] = jen.Values(jen.Id("Code").Op(":").Lit(c.Code), jen.Id("Label").Op(":").Lit(c.Label))
		}
		kv = append(kv, jen.Id("Choices").Op(":").Index().Qual(runtimePath, "RuleChoice").Values(choices...))
	}
	if len(r.CheckboxColumns) > 0 {
		cols := make([]jen.Code, len(r.CheckboxColumns))
		for i, c := range r.CheckboxColumns {
			cols[i] = jen.Lit(c)
		}
		kv = append(kv, jen.Id("CheckboxColumns").Op(":").Index().String().Values(cols...))
	}
	flag("Required", r.Required)
	flag("Identifier", r.Identifier)
	flag("NoMissing", r.NoMissing)
	flag("ReadOnly", r.ReadOnly)
	str("Branching", r.Branching)
	return jen.Values(kv...)
}

// emitSchemaVar emits:
//
//	// schema describes the generated project.
//	var schema = &redcap.Schema{Title: "...", RecordIDField: "...", Layout: layout, ...}
func (pl *plan) emitSchemaVar() jen.Code {
	d := []jen.Code{
		jen.Line().Add(kv("Title", jen.Lit(pl.p.Title))),
		jen.Line().Add(kv("RecordIDField", jen.Lit(pl.recordID.Name))),
		jen.Line().Add(kv("Layout", jen.Id("layout"))),
		jen.Line().Add(kv("Fields", jen.Id("rules"))),
		jen.Line().Add(kv("MissingCodes", jen.Id("missingCodes"))),
		jen.Line().Add(kv("Longitudinal", jen.Lit(pl.longitudinal))),
		jen.Line().Add(kv("Repeating", jen.Lit(pl.instrCol >= 0))),
		jen.Line().Add(kv("Fingerprint", jen.Id("Fingerprint"))),
		jen.Line(),
	}
	return comment("schema describes the generated project.").Line().
		Var().Id("schema").Op("=").Op("&").Qual(runtimePath, "Schema").Values(d...)
}

// emitSchemaFunc emits:
//
//	// Schema describes the generated project: columns, field rules and design.
//	func Schema() *redcap.Schema { return schema }
func emitSchemaFunc() jen.Code {
	return comment("Schema describes the generated project: its columns, field rules, missing codes and design.\n"+
		"Treat it as read-only.").Line().
		Func().Id("Schema").Params().Op("*").Qual(runtimePath, "Schema").Block(jen.Return(jen.Id("schema")))
}

// emitSnapshot emits the dictionary snapshot, one line of text per source line so it diffs:
//
//	// Snapshot is the dictionary snapshot this package was generated from.
//	const Snapshot = `<text>`            // when the text can be a raw string
//	const Snapshot = "<line>\n" + ...    // otherwise
func (pl *plan) emitSnapshot() jen.Code {
	text := string(pl.cfg.Snapshot)
	doc := comment("Snapshot is the dictionary snapshot this package was generated from.").Line()
	if rawStringSafe(text) {
		return doc.Const().Id("Snapshot").Op("=").Op("`" + text + "`")
	}
	lines := strings.SplitAfter(text, "\n")
	if lines[len(lines)-1] == "" {
		lines = lines[:len(lines)-1]
	}
	if len(lines) == 0 {
		return doc.Const().Id("Snapshot").Op("=").Lit("")
	}
	expr := jen.Lit(lines[0])
	for _, l := range lines[1:] {
		expr = expr.Op("+").Line().Lit(l)
	}
	return doc.Const().Id("Snapshot").Op("=").Add(expr)
}

// rawStringSafe reports whether text can be written as a Go raw string literal unchanged: valid
// UTF-8 without backquotes, carriage returns, NUL or byte order marks.
func rawStringSafe(text string) bool {
	return utf8.ValidString(text) && !strings.ContainsAny(text, "`\r\x00\uFEFF")
}
