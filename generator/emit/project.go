package emit

import (
	"strconv"
	"strings"

	"github.com/dave/jennifer/jen"

	"github.com/redcapgen/redcapgen/runtime/redcap"
)

// emitProjectFile fills redcap_project_gen.go: constants, the layout, missing codes, the schema
// and the dictionary snapshot.
func (pl *plan) emitProjectFile(f *jen.File) {
	for _, code := range []jen.Code{
		pl.emitFingerprint(), pl.emitGeneratorVersion(), emitRuntimeCheck(), pl.emitLayout(),
		pl.emitMissingCodes(), pl.emitSchemaVar(), emitSchemaFunc(), emitColumnsFunc(), emitFieldsFunc(),
		emitMissingCodesFunc(), pl.emitFormsFunc(), pl.emitSnapshot(),
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

// snapshotChunk is how many snapshot lines one string constant holds: go/printer formats a chain
// of n concatenations in O(n²), so long snapshots are split into chunks.
const snapshotChunk = 200

// emitSnapshot emits the dictionary snapshot as one quoted line per source line, so it diffs
// line by line and its text reaches the code only through jen.Lit. Long snapshots are joined
// from chunk constants:
//
//	// Snapshot is the dictionary snapshot this package was generated from.
//	const Snapshot = "<line 1>\n" +
//		"<line 2>\n"
//
//	const Snapshot = snapshot1 + snapshot2 // more than snapshotChunk lines
//	const snapshot1 = "<line 1>\n" + ...
func (pl *plan) emitSnapshot() jen.Code {
	lines := strings.SplitAfter(string(pl.cfg.Snapshot), "\n")
	if len(lines) > 1 && lines[len(lines)-1] == "" {
		lines = lines[:len(lines)-1]
	}
	doc := comment("Snapshot is the dictionary snapshot this package was generated from.").Line()
	if len(lines) <= snapshotChunk {
		return doc.Const().Id("Snapshot").Op("=").Add(concatLines(lines))
	}
	var parts []jen.Code
	var chunks []jen.Code
	for i := 0; i < len(lines); i += snapshotChunk {
		name := "snapshot" + strconv.Itoa(i/snapshotChunk+1)
		parts = append(parts, jen.Id(name))
		chunks = append(chunks, jen.Line().Const().Id(name).Op("=").Add(concatLines(lines[i:min(i+snapshotChunk, len(lines))])))
	}
	sum := jen.Add(parts[0])
	for _, p := range parts[1:] {
		sum = sum.Op("+").Line().Add(p)
	}
	return doc.Const().Id("Snapshot").Op("=").Add(sum).Line().Add(chunks...)
}

// concatLines renders "<line>" + "<line>" + ..., one line of source per line of text.
func concatLines(lines []string) *jen.Statement {
	expr := jen.Lit(lines[0])
	for _, l := range lines[1:] {
		expr = expr.Op("+").Line().Lit(l)
	}
	return expr
}
