package emit

import (
	"github.com/dave/jennifer/jen"

	"github.com/redcapgen/redcapgen/dictionary"
)

// emitProjectFile fills redcap_project_gen.go: constants, the layout, missing codes and the
// schema (the rules table and the snapshot have files of their own: see datafile.go).
func (pl *plan) emitProjectFile(f *jen.File) {
	for _, code := range []jen.Code{
		pl.emitFingerprint(), pl.emitGeneratorVersion(), emitRuntimeCheck(), pl.emitLayout(),
		pl.emitMissingCodes(), pl.emitSchemaVar(), emitSchemaFunc(), emitColumnsFunc(), emitFieldsFunc(),
		emitMissingCodesFunc(), pl.emitFormsFunc(),
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
//	var _ = redcapimpl.GeneratedCodeV2
func emitRuntimeCheck() jen.Code {
	return comment("This package needs a runtime that supports generated code version 2. When this line "+
		"does not compile, the doc of redcapimpl.GeneratedCodeV2 says which command makes package and runtime fit.").Line().
		Var().Id("_").Op("=").Qual(implPath, "GeneratedCodeV2")
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
	}
	if pl.logic != nil {
		d = append(d, jen.Line().Add(kv("Compiled", jen.Id("compiledLogic"))))
	}
	if len(dictionary.DescriptiveRules(pl.p)) > 0 {
		d = append(d, jen.Line().Add(kv("Descriptive", jen.Id("descriptive"))))
	}
	if design := pl.design(); len(design) > 0 {
		d = append(d, jen.Line().Add(kv("Design", jen.Index().Qual(runtimePath, "EventDesign").Values(design...))))
	}
	d = append(d, jen.Line())
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

// design emits the Design entries of the schema: one per event, or one for a classic project.
//
//	{Event: "baseline_arm_1", Arm: 1, Forms: []string{"demographics"}, RepeatingForms: []string{...}}
func (pl *plan) design() []jen.Code {
	strs := func(xs []string) jen.Code {
		items := make([]jen.Code, len(xs))
		for i, x := range xs {
			items[i] = jen.Lit(x)
		}
		return jen.Index().String().Values(items...)
	}
	entry := func(event string, arm int, forms, repeating []string, repeats bool) jen.Code {
		kvs := []jen.Code{kv("Event", jen.Lit(event)), kv("Arm", jen.Lit(arm)), kv("Forms", strs(forms))}
		if len(repeating) > 0 {
			kvs = append(kvs, kv("RepeatingForms", strs(repeating)))
		}
		if repeats {
			kvs = append(kvs, kv("Repeats", jen.True()))
		}
		return jen.Line().Values(kvs...)
	}
	var out []jen.Code
	p := pl.p
	if len(p.Events) == 0 {
		var forms, repeating []string
		for _, f := range p.Forms {
			forms = append(forms, f.Name)
			for _, r := range p.Repeating {
				if r.Form == f.Name {
					repeating = append(repeating, f.Name)
					break
				}
			}
		}
		out = append(out, entry("", 1, forms, repeating, false))
	}
	for _, e := range p.Events {
		var forms, repeating []string
		repeats := false
		for _, f := range p.Forms {
			for _, m := range p.Mappings {
				if m.Event == e.UniqueName && m.Form == f.Name {
					forms = append(forms, f.Name)
					break
				}
			}
		}
		for _, r := range p.Repeating {
			switch {
			case r.Event == e.UniqueName && r.Form == "":
				repeats = true
			case r.Event == e.UniqueName:
				repeating = append(repeating, r.Form)
			}
		}
		out = append(out, entry(e.UniqueName, e.Arm, forms, repeating, repeats))
	}
	return append(out, jen.Line())
}
