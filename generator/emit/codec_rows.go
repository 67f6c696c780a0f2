package emit

import "github.com/dave/jennifer/jen"

// rowError renders &redcap.RowError{<key>: <value>, ...}.
func rowError(fields ...jen.Code) *jen.Statement {
	return jen.Op("&").Qual(runtimePath, "RowError").Values(fields...)
}

// spanArgs renders spans as redcapimpl.Span literals for a variadic call.
func spanArgs(spans []span) []jen.Code {
	out := make([]jen.Code, len(spans))
	for i, s := range spans {
		out[i] = jen.Qual(implPath, "Span").Values(kv("Start", jen.Lit(s.Start)), kv("End", jen.Lit(s.End)))
	}
	return out
}

// receiver returns the receiver name of a container's methods: r for the Record, e for an event.
func (c *container) receiver() string {
	if c.event == nil {
		return "r"
	}
	return "e"
}

// strayCheck emits the check that a row holds no value outside the columns it may carry:
//
//	if col, ok := redcapimpl.FirstValueOutside(row, <spans>...); ok {
//		return &redcap.RowError{Column: layout.Column(col), Problem: "..."}
//	}
func strayCheck(allowed []span) jen.Code {
	args := append([]jen.Code{jen.Id("row")}, spanArgs(allowed)...)
	return jen.If(jen.List(jen.Id("col"), jen.Id("ok")).Op(":=").Qual(implPath, "FirstValueOutside").Call(args...), jen.Id("ok")).Block(
		jen.Return(rowError(
			kv("Column", jen.Id("layout").Dot("Column").Call(jen.Id("col"))),
			kv("Problem", jen.Lit("holds a value, but its instrument does not belong on this row")),
		)))
}

// emitContainerDecodeRow emits the placement of one row into the Record (classic) or an event:
//
//	// decodeRow places one row of the record (or event) into its instruments.
//	func (r *Record) decodeRow(row *redcap.Row) *redcap.RowError {
//		instrument, instance := row.Get(<instr>), row.Get(<instance>)
//		switch instrument {
//		case "":
//			<non-repeating forms: one row, no instance, then f.decode(row) for each form whose
//			 columns the row carries (redcapimpl.AnyPresent)>
//		case "<form>":
//			<repeating instrument: parse instance, append an instance>
//		default:
//			return &redcap.RowError{Problem: "..."}
//		}
//		return nil
//	}
func (pl *plan) emitContainerDecodeRow(c *container) jen.Code {
	rv := c.receiver()
	mainAllowed, _ := pl.rowSpans(c.forms)
	main := []jen.Code{}
	if pl.instanceCol >= 0 && !c.repeatingEvent {
		main = append(main, jen.If(jen.Id("instance").Op("!=").Lit("")).Block(jen.Return(rowError(
			kv("Problem", jen.Lit("redcap_repeat_instance is set on a row of non-repeating instruments")),
		))))
	}
	main = append(main,
		jen.If(jen.Id(rv).Dot("mainRow")).Block(jen.Return(rowError(
			kv("Problem", jen.Lit("a second row for the same non-repeating instruments")),
		))),
		jen.Id(rv).Dot("mainRow").Op("=").True(),
		strayCheck(mainAllowed),
	)
	// A form none of whose columns the row carries stays zero (blank), which is what decoding
	// its empty columns would give: skipping it saves most of the work on exports of a few forms
	// of a wide project.
	decodeForms := func(forms []*formPlan) []jen.Code {
		var out []jen.Code
		for _, fp := range forms {
			first, end := fp.columnSpan()
			out = append(out, jen.If(jen.Qual(implPath, "AnyPresent").Call(jen.Id("row"), jen.Lit(first), jen.Lit(end))).Block(
				jen.Id(rv).Dot(fp.goName).Dot("decode").Call(jen.Id("row"))))
		}
		return out
	}
	var parts []jen.Code // the chunk methods of a container with very many forms
	if len(c.forms) <= maxFormsPerDecode {
		main = append(main, decodeForms(c.forms)...)
	} else {
		for k, start := 0, 0; start < len(c.forms); k, start = k+1, start+maxFormsPerDecode {
			name := "decodeForms" + itoa(k)
			chunk := c.forms[start:min(start+maxFormsPerDecode, len(c.forms))]
			main = append(main, jen.Id(rv).Dot(name).Call(jen.Id("row")))
			parts = append(parts, jen.Line(), comment(name+" decodes forms "+chunk[0].form.Name+" to "+chunk[len(chunk)-1].form.Name+" of a row.").Line().
				Func().Params(jen.Id(rv).Op("*").Id(c.goName)).Id(name).
				Params(jen.Id("row").Op("*").Qual(runtimePath, "Row")).Block(decodeForms(chunk)...).Line())
		}
	}
	var body []jen.Code
	if pl.instrCol < 0 {
		body = append(body, main...)
	} else {
		cases := []jen.Code{jen.Case(jen.Lit("")).Block(main...)}
		for _, fp := range c.repeats {
			cases = append(cases, jen.Case(jen.Lit(fp.form.Name)).Block(pl.decodeRepeatInstance(rv, fp)...))
		}
		cases = append(cases, jen.Default().Block(jen.Return(rowError(
			kv("Problem", jen.Lit("redcap_repeat_instrument names no repeating instrument of this row's event")),
		))))
		getInstrument := jen.Id("row").Dot("Get").Call(jen.Lit(pl.instrCol))
		if c.repeatingEvent {
			body = append(body, jen.Id("instrument").Op(":=").Add(getInstrument))
		} else {
			body = append(body, jen.List(jen.Id("instrument"), jen.Id("instance")).Op(":=").
				Add(getInstrument).Op(",").Id("row").Dot("Get").Call(jen.Lit(pl.instanceCol)))
		}
		body = append(body, jen.Switch(jen.Id("instrument")).Block(cases...))
	}
	body = append(body, jen.Return(jen.Nil()))
	return comment("decodeRow places one row into its instruments; the caller has checked layout and record ID.").Line().
		Func().Params(jen.Id(rv).Op("*").Id(c.goName)).Id("decodeRow").
		Params(jen.Id("row").Op("*").Qual(runtimePath, "Row")).Op("*").Qual(runtimePath, "RowError").Block(body...).
		Line().Add(parts...)
}

// maxFormsPerDecode is how many forms one decoding function checks. Beyond it decodeRow calls
// one method per chunk of forms: the compiler's bounds-check prover takes time quadratic in the
// number of inlined redcapimpl.AnyPresent loops of a function (REDCapR's super-wide-3 design, 5,835
// forms, took minutes in decodeRow alone), and chunks keep that linear.
const maxFormsPerDecode = 256

// decodeRepeatInstance emits the case body of one repeating instrument:
//
//	n, ok := redcapimpl.ParseInstance(instance)
//	if !ok { return &redcap.RowError{Problem: "..."} }
//	<stray check>
//	var f <Form>
//	f.decode(row)
//	r.<Form> = append(r.<Form>, redcap.Instance[<Form>]{Number: n, Data: f})
func (pl *plan) decodeRepeatInstance(rv string, fp *formPlan) []jen.Code {
	allowed, _ := pl.rowSpans([]*formPlan{fp})
	slot := jen.Id(rv).Dot(fp.goName)
	return []jen.Code{
		jen.List(jen.Id("n"), jen.Id("ok")).Op(":=").Qual(implPath, "ParseInstance").Call(jen.Id("instance")),
		jen.If(jen.Op("!").Id("ok")).Block(jen.Return(rowError(
			kv("Problem", jen.Lit("redcap_repeat_instance is not a positive integer")),
		))),
		strayCheck(allowed),
		jen.Var().Id("f").Id(fp.goName),
		jen.Id("f").Dot("decode").Call(jen.Id("row")),
		slot.Clone().Op("=").Append(slot.Clone(), jen.Qual(runtimePath, "Instance").Types(jen.Id(fp.goName)).Values(
			kv("Number", jen.Id("n")),
			kv("Data", jen.Id("f")),
		)),
	}
}

// emitContainerEncodeRows emits the rows of the Record (classic) or one event:
//
//	// encodeRows appends the rows of the record's (event's) instruments.
//	func (r *Record) encodeRows(dst []redcap.Row) ([]redcap.Row, error)
//	func (e *<Event>) encodeRows(r *Record, instance string, dst []redcap.Row) ([]redcap.Row, error)
//
// The main row is sent when the record was built in code, was decoded from such a row, or holds
// a value there; then one row per instance of each repeating instrument.
func (pl *plan) emitContainerEncodeRows(c *container) jen.Code {
	rv := c.receiver()
	eventName, instance := jen.Lit(""), jen.Lit("")
	if c.event != nil {
		eventName, instance = jen.Lit(c.event.UniqueName), jen.Id("instance")
	}
	_, mainBuilt := pl.rowSpans(c.forms)
	body := []jen.Code{jen.Id("row").Op(":=").Id("r").Dot("newRow").Call(jen.Id("dst"), eventName, jen.Lit(""), instance)}
	for _, fp := range c.forms {
		body = append(body, jen.Id(rv).Dot(fp.goName).Dot("encode").Call(jen.Op("&").Id("row")))
	}
	finish := append([]jen.Code{jen.Op("&").Id("row"), jen.Id("r").Dot("present")}, spanArgs(mainBuilt)...)
	// A record built in code sends the main row when it has forms there; a decoded one when it
	// came with one; either when a value was set on it.
	cond := jen.Id(rv).Dot("mainRow").Op("||").Qual(implPath, "HasValueFrom").Call(jen.Op("&").Id("row"), jen.Lit(pl.headerEnd))
	if len(c.forms) > 0 {
		cond = jen.Id("r").Dot("present").Op("==").Nil().Op("||").Add(cond)
	}
	body = append(body, jen.If(cond).Block(
		jen.Qual(implPath, "FinishRow").Call(finish...),
		jen.Id("dst").Op("=").Append(jen.Id("dst"), jen.Id("row")),
	))
	for _, fp := range c.repeats {
		body = append(body, pl.encodeRepeatInstances(rv, c, fp))
	}
	body = append(body, jen.Return(jen.Id("dst"), jen.Nil()))
	params := []jen.Code{jen.Id("dst").Index().Qual(runtimePath, "Row")}
	if c.event != nil {
		params = []jen.Code{jen.Id("r").Op("*").Id(recordType), jen.Id("instance").String(), params[0]}
	}
	return comment("encodeRows appends the rows of its instruments: the row of the non-repeating ones, then one per repeating instance.").Line().
		Func().Params(jen.Id(rv).Op("*").Id(c.goName)).Id("encodeRows").Params(params...).
		Params(jen.Index().Qual(runtimePath, "Row"), jen.Error()).Block(body...)
}

// encodeRepeatInstances emits the loop over one repeating instrument's instances:
//
//	for i := range r.<Form> {
//		inst := &r.<Form>[i]
//		if inst.Number < 0 { return dst, &redcap.RowError{...} } // 0 is sent as "new"
//		row := r.newRow(dst, "<event>", "<form>", redcapimpl.FormatInstance(inst.Number))
//		inst.Data.encode(&row)
//		redcapimpl.FinishRow(&row, r.present, <spans>...)
//		dst = append(dst, row)
//	}
func (pl *plan) encodeRepeatInstances(rv string, c *container, fp *formPlan) jen.Code {
	_, built := pl.rowSpans([]*formPlan{fp})
	eventName := jen.Lit("")
	if c.event != nil {
		eventName = jen.Lit(c.event.UniqueName)
	}
	finish := append([]jen.Code{jen.Op("&").Id("row"), jen.Id("r").Dot("present")}, spanArgs(built)...)
	number := jen.Qual(implPath, "FormatInstance").Call(jen.Id("inst").Dot("Number"))
	return jen.For(jen.Id("i").Op(":=").Range().Id(rv).Dot(fp.goName)).Block(
		jen.Id("inst").Op(":=").Op("&").Id(rv).Dot(fp.goName).Index(jen.Id("i")),
		jen.If(jen.Id("inst").Dot("Number").Op("<").Lit(0)).Block(jen.Return(jen.Id("dst"), rowError(
			kv("Record", jen.Id("r").Dot("ID")),
			kv("Event", eventName.Clone()),
			kv("RepeatInstrument", jen.Lit(fp.form.Name)),
			kv("Instance", number.Clone()),
			kv("Problem", jen.Lit(negativeInstanceProblem)),
		))),
		jen.Id("row").Op(":=").Id("r").Dot("newRow").Call(jen.Id("dst"), eventName, jen.Lit(fp.form.Name), number),
		jen.Id("inst").Dot("Data").Dot("encode").Call(jen.Op("&").Id("row")),
		jen.Qual(implPath, "FinishRow").Call(finish...),
		jen.Id("dst").Op("=").Append(jen.Id("dst"), jen.Id("row")),
	)
}

// kv renders one keyed element of a composite literal, <key>: <value>, keeping the order given.
func kv(key string, value jen.Code) jen.Code {
	return jen.Id(key).Op(":").Add(value)
}

// negativeInstanceProblem is the encoder's complaint about an instance number below 0.
const negativeInstanceProblem = "instance numbers start at 1 (0 asks REDCap for the next free instance)"
